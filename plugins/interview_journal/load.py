"""Journal folder -> ``Journal``: every file read and validated once, every problem collected.

A file whose front matter cannot be read is left out (never published as body text). A file
with a wrong optional field is kept without that field, and the problem is reported; a file
missing a required field (company, role, date) is left out. Either way every problem of the
file is reported at once. Two debriefs that would be one page (``pages.names.page_key``) are a
problem naming both: the first keeps the page, the other is left out.
"""

from __future__ import annotations

import copy
import gc
import hashlib
import json
import os
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import timezone, tzinfo
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .frontmatter import CompanyNote, Debrief
from .journal import Entry, Journal, LeftOut, group_companies
from .nearmiss import near_miss
from .pages.names import RESERVED, page_key
from .problems import Loc, Problem, dotted, explain, shorten
from .source import RawFile, parse_source, read_contents
from .tasks import DEFAULT_STATUSES, STATUS_TYPES, Statuses, Task, parse_tasks

M = TypeVar("M", bound=BaseModel)

_REQUIRED = {Debrief: ("company", "role", "date"), CompanyNote: ("kind", "company")}


def iter_files(root: Path, problems: list[Problem] | None = None) -> tuple[list[Path], list[Path]]:
    """Every file under ``root``, skipping hidden folders and files, in a stable order: the
    ``.md`` files, and the others (attachments: images, PDFs next to a debrief). A folder that
    cannot be listed is a problem (in ``problems``), not a silent gap."""
    markdown: list[Path] = []
    others: list[Path] = []

    def unreadable(error: OSError) -> None:
        if problems is not None and error.filename is not None:
            problems.append(Problem(shown_path(Path(error.filename)), 1, 1, "folder", "a folder that can be read",
                                    error.strerror or str(error), "check its permissions"))

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        here = Path(folder)
        for name in sorted(files):
            if not name.startswith("."):
                (markdown if name.lower().endswith(".md") else others).append(here / name)
    return markdown, others


def display_path(path: Path) -> str:
    """The path as a user types it from the current folder (absolute when outside it)."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def shown_path(path: Path) -> str:
    """``display_path``, printable whatever the bytes of the name (``bad\\xffname.md``)."""
    return display_path(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def load_journal(root: Path, zone: tzinfo = timezone.utc, cache: JournalCache | None = None,
                 skip: Callable[[str], bool] | None = None) -> Journal:
    """Read and validate every file under ``root``, once.

    With a ``cache`` (``mkdocs serve`` keeps one across rebuilds), only the files that changed
    since the cache's last load are read again. ``skip`` says which files to leave out, by their
    path in the journal (``acme/2026-11-20-screen.md``, ``acme/whiteboard.png``): a site's
    ``exclude_docs``. A skipped file is not read at all.
    """
    journal = Journal(root=root, zone=zone)
    statuses, settings_problems = vault_statuses(root)
    journal.problems.extend(settings_problems)
    if cache is not None:
        cache.start(zone, root, statuses)
    if not root.is_dir():
        journal.problems.append(
            Problem(display_path(root), 1, 1, "journal_dir", "a folder of debriefs", "no such folder",
                    "create it, or set journal_dir in mkdocs.yml / pass --journal")
        )
        if cache is not None:
            cache.keep(())
        return journal
    paths, others = iter_files(root, journal.problems)
    if skip is not None:
        paths = [path for path in paths if not skip(_relative(path, root))]
        others = [path for path in others if not skip(_relative(path, root))]
    journal.attachments = [_relative(path, root) for path in others]
    with no_cycle_collection():
        _read_all(journal, paths, zone, cache, statuses)
    if cache is not None:
        cache.keep(paths)
    group_companies(journal)
    journal.problems.sort()
    return journal


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Reading a journal allocates many small objects and hardly any reference cycles, yet Python's
    cycle collector would walk everything read so far several times while it grows. Paused, it
    walks it once, after the load (a tenth less CPU for 10,000 debriefs). Reference counting
    still frees what is dropped, and the collector picks up any cycle once it runs again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def collector_skips_existing_objects() -> Iterator[None]:
    """Generating pages allocates many short-lived objects, and each full run of Python's cycle
    collector would also walk everything that already exists: the parsed journal and MkDocs'
    files (0.4 s per run at 10,000 debriefs). Frozen, those are out of the collector's sight
    (reference counting still frees them); unfrozen afterwards, so the journal's reference
    cycles are collected once the pages are made."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _read_all(journal: Journal, paths: list[Path], zone: tzinfo, cache: JournalCache | None,
              statuses: Statuses) -> None:
    root = journal.root
    pages: dict[str, Entry[Any]] = {}
    """Page key -> the debrief that has that page."""
    left_out: list[LeftOut] = []
    for path in paths:
        rel = _relative(path, root)[:-3]  # without ".md"
        if not _utf8(rel):
            journal.problems.append(_undecodable(path))
            continue
        try:
            entry = (cache.load_file(path, rel, zone) if cache is not None
                     else load_file(path, rel, zone, statuses=statuses).result)
        except Exception as error:  # a bug of ours: a problem line, and the other files are still read
            entry = [Problem(shown_path(path), 1, 1, "file", "a file this version can read",
                             f"an error of Interview Journal ({type(error).__name__}: {shorten(str(error))})",
                             "please report it, with the file if you can")]
        if isinstance(entry, list):
            journal.problems.extend(entry)
            left_out.append(LeftOut(rel, path, entry))
            continue
        journal.problems.extend(entry.problems)
        if isinstance(entry.model, Debrief):
            problem = _page_taken(entry, pages)
            if problem is not None:
                journal.problems.append(problem)
                continue
        if isinstance(entry.model, CompanyNote):
            journal.notes.append(entry)
        else:
            journal.debriefs.append(entry)
    taken = set(pages)
    for found in left_out:  # its page, unless a debrief, a generated page or another such file has it
        key = page_key(found.rel)
        if key and key not in taken and found.rel.split("/", 1)[0].lower() not in RESERVED:
            taken.add(key)
            journal.left_out.append(found)


def _relative(path: Path, root: Path) -> str:
    """``path.relative_to(root).as_posix()`` for a file ``iter_files`` found under ``root``: by
    the text of the two paths when it can (pathlib's was a tenth of reading an unchanged journal)."""
    prefix = os.path.join(str(root), "")
    text = str(path)
    if text.startswith(prefix):
        rel = text[len(prefix):]
        return rel if os.sep == "/" else rel.replace(os.sep, "/")
    return path.relative_to(root).as_posix()


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # bytes that are not UTF-8 came in as lone surrogates
        return False
    return True


def _undecodable(path: Path) -> Problem:
    """A file or folder name that is not UTF-8: it could be neither a URL, nor a calendar UID, nor
    printed; the problem line shows the bytes."""
    return Problem(shown_path(path), 1, 1, "file", "a file name in UTF-8", "other bytes",
                   "rename the file or its folder (your system writes names in another encoding)")


def _page_taken(entry: Entry[Debrief], pages: dict[str, Entry[Any]]) -> Problem | None:
    """The problem of a debrief whose page a generated page or another debrief has, else None
    (and the page is now the debrief's)."""
    first = entry.rel.split("/", 1)[0]
    key = page_key(entry.rel)
    if first.lower() in RESERVED or not key:
        return Problem(entry.source.display, 1, 1, "file", "a name the generated pages do not use", f"'{first}'",
                       f"rename or move it: {', '.join(RESERVED)} and README at the top are taken")
    other = pages.setdefault(key, entry)
    if other is entry:
        return None
    return Problem(entry.source.display, 1, 1, "file", "a page of its own", f"the page of {other.source.display}",
                   "rename one of the two: acme.md, acme/index.md and acme/README.md are one page, "
                   "and so are names that differ only in case")


@dataclass(slots=True)
class Loaded:
    """One file, read: what the journal gets of it, and the front matter it was validated from."""

    result: Entry[Any] | list[Problem]
    """The entry, or the problems that keep the file out of the journal."""
    data: dict[str, Any] | None = None
    """The front-matter values the model was validated from (its wrong values dropped):
    validated again, they make the same model (the disk cache keeps them, ``diskcache``)."""


def content_digest(content: bytes) -> str:
    """What tells that a file changed: a hash of its bytes (BLAKE2b, fast, and in practice no
    two contents share one). An edit can keep a file's modification time and size; not its bytes."""
    return hashlib.blake2b(content, digest_size=16).hexdigest()


TASKS_SETTINGS = Path(".obsidian") / "plugins" / "obsidian-tasks-plugin" / "data.json"
"""Where an Obsidian vault keeps the Tasks plugin's settings."""


def vault_statuses(folder: Path) -> tuple[Statuses, list[Problem]]:
    """The statuses and the global filter of the Obsidian vault the journal is in (the nearest
    folder from ``folder`` up that holds ``.obsidian``), from its Tasks plugin's settings: its
    core and custom statuses, each symbol's type (the first of a symbol counts, as in Tasks).
    Tasks' defaults without a vault or settings."""
    vault = next((parent for parent in (folder, *folder.parents) if (parent / ".obsidian").is_dir()), None)
    settings = vault / TASKS_SETTINGS if vault is not None else None
    if settings is None or not settings.is_file():
        return DEFAULT_STATUSES, []
    display = display_path(settings)
    try:
        data = json.loads(settings.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return DEFAULT_STATUSES, [Problem(display, 1, 1, "Tasks settings", "the Tasks plugin's settings (JSON)",
                                          shorten(str(error)), "the journal is read with Tasks' default statuses")]
    data = data if isinstance(data, dict) else {}
    found = data.get("statusSettings")
    types: dict[str, str] = {}
    for group in ("coreStatuses", "customStatuses"):
        listed = found.get(group) if isinstance(found, dict) else None
        for status in listed if isinstance(listed, list) else []:
            symbol = status.get("symbol") if isinstance(status, dict) else None
            kind = str(status.get("type", "")).lower() if isinstance(status, dict) else ""
            if isinstance(symbol, str) and len(symbol) == 1 and kind in STATUS_TYPES:
                types.setdefault(symbol, kind)
    flag = data.get("globalFilter")
    return Statuses(types=types, global_filter=flag.strip() if isinstance(flag, str) else "",
                    remove_global_filter=data.get("removeGlobalFilter") is True), []




def statuses_key(statuses: Statuses) -> str:
    """The statuses as text: part of what a cached file's tasks depend on."""
    return json.dumps([sorted(statuses.types.items()), statuses.global_filter, statuses.remove_global_filter],
                      ensure_ascii=False)


class JournalCache:
    """Parsed files kept between loads, so ``mkdocs serve`` re-reads only what changed.

    A file is parsed and validated again only when its bytes changed (``content_digest``) or it
    is new, and read again only when its status changed or is recent (``_stamp``, ``_SETTLED``);
    a file that is gone is forgotten. Entries are
    shared between the journals of successive loads: treat them as read-only. Changing the time
    zone (dates depend on it) or how the journal folder is displayed from the current folder
    (every problem names its file) empties the cache. With ``keep_data``, the front matter each
    model was validated from is kept too (``Loaded.data``): the disk cache saves it.
    """

    def __init__(self, keep_data: bool = False) -> None:
        self._files: dict[str, tuple[str, Loaded]] = {}
        """By path, as text: a ``Path`` hashes and compares ten times slower, and a load looks
        each file up several times."""
        self._stamps: dict[str, tuple[tuple[int, ...], int]] = {}
        """Each file's status when its bytes were read, and when that was (ns since 1970)."""
        self._context: tuple[str, str, str] | None = None
        self._statuses = DEFAULT_STATUSES
        self.keep_data = keep_data
        self.parsed: list[Path] = []
        """The files read (parsed) by the last load: the others came from the cache."""
        self.changed = False
        """Whether the last load changed the cache (a file read or forgotten): worth saving."""

    def __len__(self) -> int:
        return len(self._files)

    @staticmethod
    def context_of(zone: tzinfo, root: Path, statuses: Statuses = DEFAULT_STATUSES) -> tuple[str, str, str]:
        """What every cached result depends on besides the file's bytes: the zone, the journal
        folder as displayed from the current folder, and the vault's task statuses, as text (the
        disk cache saves it). A file's displayed path follows from its folder's (files under it
        are never hidden, so never '..'): one check per load."""
        return (repr(zone), display_path(root), statuses_key(statuses))

    def start(self, zone: tzinfo, root: Path, statuses: Statuses = DEFAULT_STATUSES) -> None:
        self._statuses = statuses
        context = self.context_of(zone, root, statuses)
        self.changed = context != self._context
        if self.changed:
            self._files.clear()
            self._stamps.clear()
            self._context = context
        self.parsed = []

    def items(self) -> Iterator[tuple[Path, str, Loaded]]:
        """Every cached file: its path, the digest of its bytes and what was read."""
        for path, (digest, loaded) in self._files.items():
            yield Path(path), digest, loaded

    def cached(self, path: Path, digest: str, rel: str, zone: tzinfo) -> Loaded | None:
        """What was read from these exact bytes at ``path``, if anything."""
        found = self._files.get(str(path))
        return found[1] if found is not None and found[0] == digest else None

    def load_file(self, path: Path, rel: str, zone: tzinfo) -> Entry[Any] | list[Problem]:
        """``load.load_file``, or its result from an earlier load when the bytes are the same.

        A file whose status (``_stamp``) is the one it had when it was read, long enough ago, is
        not read again: its bytes are the same (``_SETTLED`` says why long enough)."""
        key = str(path)
        stamp = _stamp(key)
        kept = self._stamps.get(key)
        if stamp is not None and kept is not None and kept[0] == stamp:
            found_kept = self._files.get(key)
            if found_kept is not None and _settled(stamp, kept[1]):
                return found_kept[1].result
        started = time.time_ns()
        content = read_contents(path, "")  # the path as displayed only when needed: relpath is a tenth of a warm load
        if isinstance(content, Problem):  # unreadable: nothing to keep
            self.changed = self._files.pop(key, None) is not None or self.changed
            return [replace(content, path=display_path(path))]
        digest = content_digest(content.data)
        found = self.cached(path, digest, rel, zone)
        if found is None:
            found = load_file(path, rel, zone, content.data, statuses=self._statuses, modified=content.modified)
            self.parsed.append(path)
            self.changed = True
        self._files[key] = (digest, found if self.keep_data else Loaded(found.result))
        if stamp is not None:
            self._stamps[key] = (stamp, started)
        return found.result

    def keep(self, paths: Iterable[Path]) -> None:
        """Forget every file not in ``paths`` (deleted or moved since)."""
        kept = {str(path) for path in paths}
        for path in [path for path in self._files if path not in kept]:
            del self._files[path]
            self.changed = True
        for path in [path for path in self._stamps if path not in self._files]:
            del self._stamps[path]


_SETTLED = 2_000_000_000
"""Nanoseconds. A file's times come from a clock that ticks in steps of milliseconds (Linux) to
seconds (some file systems): a file written again within the same tick as its first write,
with the same size, would keep its status. So a status is trusted only when the file's last
change (``st_ctime_ns``, which no editor sets back) is this long before it was read; a file
saved just before a load is read again at the next (as git treats a "racily clean" file)."""


def _stamp(path: str) -> tuple[int, ...] | None:
    """What says a file is unchanged without reading it: its times, size and inode; None when
    it cannot be known (the read then reports why)."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_ctime_ns, status.st_size, status.st_ino, status.st_dev, status.st_mode)


def _settled(stamp: tuple[int, ...], read_at: int) -> bool:
    """The file's last change (``st_ctime_ns``) was long enough before it was read (``_SETTLED``)."""
    return stamp[1] + _SETTLED < read_at


def load_file(path: Path, rel: str, zone: tzinfo, content: bytes | None = None, *,
              statuses: Statuses = DEFAULT_STATUSES, modified: float = 0.0) -> Loaded:
    """One file -> an ``Entry``, or the problems that keep it out of the site. ``content`` is
    the file's bytes when the caller read them already (``modified``: the file's last change)."""
    display = display_path(path)
    if content is None:
        found = read_contents(path, display)
        if isinstance(found, Problem):
            return Loaded([found])
        content, modified = found
    source = parse_source(content, path, display, modified)
    if source.data is None:
        return Loaded(source.problems)
    kind = source.data.get("kind")
    is_note = isinstance(kind, str) and kind.strip().lower() == "company"
    model_class: type[BaseModel] = CompanyNote if is_note else Debrief
    unsure = _unsure_false(source)
    model, problems, data = validate(model_class, source, zone,
                                     private_in_doubt=unsure is not None or _private_in_doubt(source))
    problems = source.problems + _near_misses(source, model_class) + ([unsure] if unsure else []) + problems
    tasks: list[Task] = []
    if model_class is Debrief:  # checked even when the file is left out: every problem at once
        tasks, task_problems = parse_tasks(source.body, source.body_line, source.display, statuses)
        problems += task_problems
    if model is None:
        return Loaded(problems)
    # keep only what pages need (a cached journal stays in memory; see ``SourceFile``)
    company_at = source.where(("company",)) if isinstance(model, CompanyNote) else (1, 1)
    entry = Entry(source=source.kept(), rel=rel, model=model, problems=problems, tasks=tasks, company_at=company_at)
    return Loaded(entry, data)


def validate(model_class: type[M], source: RawFile, zone: tzinfo,
             private_in_doubt: bool = False) -> tuple[M | None, list[Problem], dict[str, Any]]:
    """Validate, dropping what is wrong in optional fields so the rest of the file survives.

    Returns the model (None when a required field is wrong or missing), every problem of the
    front matter (a wrong date does not hide the others), and the values the model was
    validated from. A ``private`` that is not a plain ``false`` (a wrong value, or one in
    doubt, ``_private_in_doubt``) is ``true``: when in doubt, publish nothing.
    """
    data: dict[str, Any] = dict(source.data or {})
    if private_in_doubt:
        data["private"] = True
    problems: list[Problem] = []
    seen: set[tuple[Loc, str]] = set()
    dropped: set[Loc] = set()
    required = _REQUIRED[model_class]
    left_out = False
    for _ in range(8):
        try:
            model = model_class.model_validate(data, context={"zone": zone})
        except ValidationError as error:
            drops: list[Loc] = []
            left_out = False
            for item in error.errors():
                loc = tuple(item["loc"])
                missing = item["type"] == "missing"
                left_out = left_out or (len(loc) == 1 and loc[0] in required)
                # a value refused or dropped before is missing now: it was reported then
                if not (missing and (loc in source.refused or loc in dropped)) and (loc, item["type"]) not in seen:
                    seen.add((loc, item["type"]))
                    problems.append(_problem(source, loc, item))
                drop = loc[:-1] if missing and len(loc) > 1 else loc
                if drop not in dropped:
                    drops.append(drop)
            if not drops:  # only required fields are missing, each reported already
                return None, problems, data
            dropped.update(drops)
            data = _without(data, drops)
            if ("private",) in drops:
                data["private"] = True
        else:
            return (None if left_out else model), problems, data
    return None, problems, data


_PLAIN_FALSE = ("false", "False", "FALSE")


def _unsure_false(source: RawFile) -> Problem | None:
    """``private: no`` or ``off``: false to YAML 1.1 (and to us), the text "no" to a YAML 1.2
    reader (many editors): not a plain ``false``, so it counts as private, with a problem line."""
    if (source.data or {}).get("private") is False and source.raw.get(("private",)) not in _PLAIN_FALSE:
        return source.problem(("private",), "true or false", source.raw.get(("private",), "another false"),
                              "write false to publish the file (YAML 1.2 reads no and off as text); "
                              "until then it counts as private")
    return None


def _private_in_doubt(source: RawFile) -> bool:
    """Whether the file may say it is private in a way that was not read: a refused ``private``
    (an alias, a tag, a second ``private:`` line), a merge or complex key at the top (it may
    hold one), or a key that is ``private`` in another case, another Unicode form or nearly
    (``Private``, a full-width ``PRIVATE``, ``privat``)."""
    if () in source.refused or any(loc[:1] == ("private",) for loc in source.refused):
        return True
    return any(_reads_as_private(key) for key in source.data or {})


def _reads_as_private(key: object) -> bool:
    """Whether a key other than ``private`` reads as it, or nearly, in any case and Unicode form."""
    if key == "private":
        return False
    read = unicodedata.normalize("NFKC", str(key)).strip().casefold()
    return read == "private" or near_miss(read, ("private",)) is not None


def _without(data: dict[str, Any], drops: list[Loc]) -> dict[str, Any]:
    """A deep copy of ``data`` without the values at ``drops`` (list items removed last-first)."""
    result = copy.deepcopy(data)
    for loc in sorted(set(drops), key=lambda item: [str(part).zfill(9) for part in item], reverse=True):
        parent: Any = result
        for part in loc[:-1]:
            try:
                parent = parent[part]
            except (KeyError, IndexError, TypeError):
                break
        else:
            try:
                del parent[loc[-1]]
            except (KeyError, IndexError, TypeError):
                pass
    return result


def _problem(source: RawFile, loc: Loc, item: Any) -> Problem:
    expected, got, hint = explain(item, source.raw.get(loc))
    if item["type"] == "missing":
        line, col = source.where(loc)
        return Problem(source.display, line, col, dotted(loc), expected, got, f"add '{loc[-1]}: ...'")
    if item.get("input") is None and len(loc) == 1 and any(loc[0] in names for names in _REQUIRED.values()):
        hint = f"{loc[0]} is required: write it after '{loc[0]}:'"
    if loc == ("private",):
        hint = "write true or false: until then the file counts as private"
    return source.problem(loc, expected, got, hint)


@cache
def nested_models(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """The fields of ``model`` that hold models of their own (a person, a list of interviewers):
    field name -> that model."""
    def found(annotation: object) -> type[BaseModel] | None:
        # get_origin first: on Python 3.10, list[X] is an instance of type too
        if get_origin(annotation) is None and isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
        return next((inner for arg in get_args(annotation) if (inner := found(arg)) is not None), None)

    nested = {name: found(info.annotation) for name, info in model.model_fields.items()}
    return {name: inner for name, inner in nested.items() if inner is not None}


def _near_misses(source: RawFile, model_class: type[BaseModel]) -> list[Problem]:
    """An unknown key that is a near miss of a field (``nearmiss``) is almost always a typo: say
    so, at any depth (an interviewer's ``thank-you`` too)."""
    problems: list[Problem] = []
    _walk_near_misses(source, problems, source.data or {}, model_class, ())
    return problems


def _walk_near_misses(source: RawFile, problems: list[Problem], data: dict[str, Any], model: type[BaseModel],
                      loc: Loc) -> None:
    # A function of the module, not a closure calling itself: that closure and the file it holds
    # would form a reference cycle, and the file's YAML nodes would wait for the cycle collector,
    # which is paused while the journal is read (45 MiB more at the peak for 1,000 debriefs).
    known = model.model_fields
    nested = nested_models(model)
    for key, value in data.items():
        close = near_miss(key, known) if key not in known else None
        if close is None and not loc and _reads_as_private(key):
            close = "private"
        if close is not None:
            problems.append(source.problem((*loc, key), f"a known field ('{close}'?)", f"'{key}'",
                                           f"rename it to '{close}', or pick a name of your own further from it"))
        inner = nested.get(key)
        if inner is None:
            continue
        if isinstance(value, dict):
            _walk_near_misses(source, problems, value, inner, (*loc, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    _walk_near_misses(source, problems, item, inner, (*loc, key, index))
