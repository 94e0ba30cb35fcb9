"""Journal folder -> ``Journal``: every file read and validated once, every problem collected.

A file whose front matter cannot be read is left out (never published as body text). A file
with a wrong optional field is kept without that field, and the problem is reported; a file
missing a required field (company, role, date) is left out.
"""

from __future__ import annotations

import copy
import gc
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timezone, tzinfo
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .frontmatter import CompanyNote, Debrief
from .journal import Entry, Journal, group_companies
from .nearmiss import near_miss
from .pages.names import RESERVED
from .problems import Loc, Problem, dotted, explain, shorten
from .source import RawFile, read_source
from .tasks import DEFAULT_STATUSES, STATUS_TYPES, Statuses, Task, parse_tasks

M = TypeVar("M", bound=BaseModel)

_REQUIRED = {Debrief: ("company", "role", "date"), CompanyNote: ("kind", "company")}


def iter_markdown(root: Path) -> list[Path]:
    """Every ``.md`` file under ``root``, skipping hidden folders and files, in a stable order."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        here = Path(folder)
        found.extend(here / name for name in sorted(files) if name.lower().endswith(".md") and not name.startswith("."))
    return found


def display_path(path: Path) -> str:
    """The path as a user types it from the current folder (absolute when outside it)."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def load_journal(root: Path, zone: tzinfo = timezone.utc, cache: JournalCache | None = None) -> Journal:
    """Read and validate every file under ``root``, once.

    With a ``cache`` (``mkdocs serve`` keeps one across rebuilds), only the files that changed
    since the cache's last load are read again.
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
            cache.keep(set())
        return journal
    paths = iter_markdown(root)
    with no_cycle_collection():
        _read_all(journal, paths, zone, cache, statuses)
    if cache is not None:
        cache.keep(set(paths))
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
    for path in paths:
        rel = path.relative_to(root).with_suffix("").as_posix()
        entry = cache.load_file(path, rel, zone) if cache is not None else load_file(path, rel, zone, statuses)
        if isinstance(entry, list):
            journal.problems.extend(entry)
            continue
        journal.problems.extend(entry.problems)
        first = rel.split("/", 1)[0]
        if isinstance(entry.model, Debrief) and first.lower() in RESERVED:
            journal.problems.append(Problem(entry.source.display, 1, 1, "file", "a name the generated pages do not use",
                                            f"'{first}'", f"rename or move it: {', '.join(RESERVED)} are taken"))
            continue
        if isinstance(entry.model, CompanyNote):
            journal.notes.append(entry)
        else:
            journal.debriefs.append(entry)


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


_Stamp = tuple[int, int]
"""What tells that a file changed: modification time (ns) and size."""


class JournalCache:
    """Parsed files kept between loads, so ``mkdocs serve`` re-reads only what changed.

    A file is read again when its modification time or size changed (or it is new); a file
    that is gone is forgotten. Entries are shared between the journals of successive loads:
    treat them as read-only. Changing the time zone (dates depend on it) or how the journal
    folder is displayed from the current folder (every problem names its file) empties the cache.
    """

    def __init__(self) -> None:
        self._files: dict[Path, tuple[_Stamp, Entry[Any] | list[Problem]]] = {}
        self._context: tuple[tzinfo, str, Statuses] | None = None
        self._statuses = DEFAULT_STATUSES
        self.parsed: list[Path] = []
        """The files read (parsed) by the last load: the others came from the cache."""
        self.changed = False
        """Whether the last load changed the cache (a file read or forgotten): worth saving."""

    def __len__(self) -> int:
        return len(self._files)

    def start(self, zone: tzinfo, root: Path, statuses: Statuses = DEFAULT_STATUSES) -> None:
        # a file's displayed path follows from its folder's (``display_path``, and files under
        # it are never hidden, so never '..'): one check here, not one per file and load
        self._statuses = statuses
        context = (zone, display_path(root), statuses)
        self.changed = context != self._context
        if self.changed:
            self._files.clear()
            self._context = context
        self.parsed = []

    def load_file(self, path: Path, rel: str, zone: tzinfo) -> Entry[Any] | list[Problem]:
        """``load.load_file``, or its result from the last load when the file did not change."""
        try:
            status = path.stat()
            stamp: _Stamp | None = (status.st_mtime_ns, status.st_size)
        except OSError:
            stamp = None  # load_file reports it
        found = self._files.get(path)
        if stamp is not None and found is not None and found[0] == stamp:
            return found[1]
        result = load_file(path, rel, zone, self._statuses)
        self.parsed.append(path)
        self.changed = True
        if stamp is not None:
            self._files[path] = (stamp, result)
        else:
            self._files.pop(path, None)
        return result

    def keep(self, paths: set[Path]) -> None:
        """Forget every file not in ``paths`` (deleted or moved since)."""
        for path in [path for path in self._files if path not in paths]:
            del self._files[path]
            self.changed = True


def load_file(path: Path, rel: str, zone: tzinfo, statuses: Statuses = DEFAULT_STATUSES) -> Entry[Any] | list[Problem]:
    """One file -> an ``Entry``, or the problems that keep it out of the site."""
    source = read_source(path, display_path(path))
    if source.data is None:
        return source.problems
    data = source.data
    kind = data.get("kind")
    is_note = isinstance(kind, str) and kind.strip().lower() == "company"
    model_class: type[BaseModel] = CompanyNote if is_note else Debrief
    model, problems = validate(model_class, source, zone)
    problems = source.problems + _near_misses(source, model_class) + problems
    if model is None:
        return problems
    tasks: list[Task] = []
    if isinstance(model, Debrief):
        tasks, task_problems = parse_tasks(source.body, source.body_line, source.display, statuses)
        problems += task_problems
    # keep only what pages need (a cached journal stays in memory; see ``SourceFile``)
    company_at = source.where(("company",)) if isinstance(model, CompanyNote) else (1, 1)
    return Entry(source=source.kept(), rel=rel, model=model, problems=problems, tasks=tasks, company_at=company_at)


def validate(model_class: type[M], source: RawFile, zone: tzinfo) -> tuple[M | None, list[Problem]]:
    """Validate, dropping what is wrong in optional fields so the rest of the file survives."""
    data: dict[str, Any] = dict(source.data or {})
    problems: list[Problem] = []
    seen: set[tuple[Loc, str]] = set()
    dropped: set[Loc] = set()
    for _ in range(8):
        try:
            return model_class.model_validate(data, context={"zone": zone}), problems
        except ValidationError as error:
            drops: list[Loc] = []
            left_out = False
            for item in error.errors():
                loc = tuple(item["loc"])
                if item["type"] == "missing" and (loc in source.refused or loc in dropped):
                    pass  # its value was refused or dropped, and reported then
                elif (loc, item["type"]) not in seen:
                    seen.add((loc, item["type"]))
                    problems.append(_problem(source, loc, item))
                if len(loc) == 1 and loc[0] in _REQUIRED[model_class]:
                    left_out = True  # the file is left out: its other problems are still reported
                drops.append(loc[:-1] if item["type"] == "missing" and len(loc) > 1 else loc)
            if left_out:
                return None, problems
            dropped.update(drops)
            data = _without(data, drops)
            if ("private",) in drops:
                data["private"] = True  # when in doubt, publish nothing
    return None, problems


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

    def walk(data: dict[str, Any], model: type[BaseModel], loc: Loc) -> None:
        known = model.model_fields
        nested = nested_models(model)
        for key, value in data.items():
            close = near_miss(key, known) if key not in known else None
            if close is not None:
                problems.append(source.problem((*loc, key), f"a known field ('{close}'?)", f"'{key}'",
                                               f"rename it to '{close}', or pick a name of your own further from it"))
            inner = nested.get(key)
            if inner is None:
                continue
            if isinstance(value, dict):
                walk(value, inner, (*loc, key))
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, dict):
                        walk(item, inner, (*loc, key, index))

    walk(source.data or {}, model_class, ())
    return problems
