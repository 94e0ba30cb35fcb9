"""The command line's cache of parsed journal files, kept on disk between runs.

``todo`` and ``check`` run often (from a shell prompt, a pre-commit hook) and most files have
not changed since the last run: parsing 1,000 debriefs costs more than the rest of the command.
The ``JournalCache`` that ``mkdocs serve`` keeps in memory is saved here after a run, and the
next run parses only the files whose bytes changed.

The cache is data, never code: one JSON file per journal folder holding, for each file, a hash
of its bytes (``load.content_digest``), its problems, and the front-matter values its model was
validated from. A file whose bytes hash the same is not parsed again: its model is validated
again from those values (the same model, in a fraction of the time YAML takes), so whatever the
cache file holds, it can only make a model that the journal's own values could have made. A
file whose bytes changed is read, whatever its modification time says.

The cache lives in the user's cache folder (``$XDG_CACHE_HOME/interview-journal``, by default
``~/.cache/interview-journal``), never in the journal. It holds what the journal holds, so the
folder must be the user's own and closed to everyone else (0700); a folder that is not is
refused (``CacheRefused``, with a message saying why) and the command runs without a cache.
The files are 0600. ``INTERVIEW_JOURNAL_CACHE=off`` turns the cache off;
``INTERVIEW_JOURNAL_CACHE=/some/folder`` puts it there. A cache that cannot be read, or was
written by another version of this code, is ignored and replaced: it can only save time, never
change an answer.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Mapping
from datetime import date, tzinfo
from pathlib import Path
from typing import Any

from . import __version__
from .frontmatter import CompanyNote, Debrief
from .journal import Entry
from .load import JournalCache, Loaded, no_cycle_collection
from .problems import Problem
from .source import SourceFile
from .tasks import DEFAULT_STATUSES, Statuses, Task

CACHE_ENV = "INTERVIEW_JOURNAL_CACHE"
_OFF = {"0", "off", "no", "false"}
FORMAT = 3
"""The layout of the cache file (1 was a pickle, never read again; 3 added the task statuses
to the context, the file's modification time and each task's dates and id)."""


class CacheRefused(Exception):
    """The cache folder is not safe to use; the message says why and how to fix it."""


def cache_folder(environ: Mapping[str, str] = os.environ) -> Path | None:
    """Where the cache files go, or None when the user turned the cache off."""
    value = environ.get(CACHE_ENV, "").strip()
    if value.lower() in _OFF:
        return None
    if value:
        return Path(value)
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "interview-journal"


def check_folder(folder: Path) -> None:
    """Raise ``CacheRefused`` unless ``folder`` is a folder of this user that nobody else may open.

    A folder another user owns, or one others may read or write, could hand us a cache we did
    not write, or show ours to them. On Windows, where modes say nothing of that, only "a folder"
    is checked.
    """
    status = os.stat(folder)  # a link is judged by the folder it leads to
    how = f"set {CACHE_ENV}=off, or point {CACHE_ENV} at a folder of your own"
    if not stat.S_ISDIR(status.st_mode):
        raise CacheRefused(f"the cache folder {folder} is not a folder: {how}")
    if os.name == "nt":
        return
    if hasattr(os, "getuid") and status.st_uid != os.getuid():
        raise CacheRefused(f"the cache folder {folder} belongs to another user: {how}")
    mode = stat.S_IMODE(status.st_mode)
    if mode & 0o077:
        raise CacheRefused(f"the cache folder {folder} can be opened by other users (mode {mode:o}): "
                           f"run 'chmod 700 {folder}', or {how}")


def _code_stamp() -> str:
    """Changes whenever this package's code does (an editable install included)."""
    package = Path(__file__).parent
    stamps = sorted((path.name, path.stat().st_mtime_ns) for path in package.glob("*.py"))
    return f"{FORMAT}|{__version__}|{sys.version_info[:2]}|{stamps}"


def _cache_file(folder: Path, journal_dir: Path) -> Path:
    key = hashlib.sha256(str(journal_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return folder / f"journal-{key}.json"


class DiskCache(JournalCache):
    """A ``JournalCache`` that keeps the front matter of each model, so it can be saved as data,
    with the records of the last run: a file whose bytes are unchanged is made from its record."""

    def __init__(self) -> None:
        super().__init__(keep_data=True)
        self._records: dict[str, dict[str, Any]] = {}
        """The last run's record of each file, by path, until the file is read in this run."""

    def start(self, zone: tzinfo, root: Path, statuses: Statuses = DEFAULT_STATUSES) -> None:
        super().start(zone, root, statuses)
        if self.changed:  # another zone, current folder or vault settings: the records do not apply
            self._records.clear()

    def cached(self, path: Path, digest: str, rel: str, zone: tzinfo) -> Loaded | None:
        found = super().cached(path, digest, rel, zone)
        if found is not None:
            return found
        record = self._records.pop(str(path), None)
        if record is None or record.get("digest") != digest:
            return None
        try:
            return _from_record(record, path, rel, zone)
        except Exception:  # a record this code cannot read (damaged): the file is read instead
            return None

    def keep(self, paths: Iterable[Path]) -> None:
        super().keep(paths)
        if self._records:  # records no file of this run took
            self.changed = True  # files gone since the last run: the saved file must forget them
        self._records.clear()


def open_cache(journal_dir: Path, environ: Mapping[str, str] = os.environ) -> DiskCache | None:
    """The cache saved by the last run on this journal, an empty one, or None when turned off.

    Raises ``CacheRefused`` when the folder is not the user's own (see ``check_folder``).
    """
    folder = cache_folder(environ)
    if folder is None:
        return None
    cache = DiskCache()
    try:
        check_folder(folder)
    except FileNotFoundError:
        return cache  # made by save_cache
    except OSError:
        return cache  # unreadable: save_cache will not manage either, and says nothing
    try:
        with _cache_file(folder, journal_dir).open("rb") as handle, no_cycle_collection():
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return cache
            saved = json.load(handle)
        if saved.get("code") == _code_stamp():
            zone, display, statuses = saved["context"]
            files = saved["files"]
            if all(isinstance(part, str) for part in (zone, display, statuses)) and isinstance(files, dict):
                cache._context = (zone, display, statuses)
                cache._records = {path: record for path, record in files.items() if isinstance(record, dict)}
    except Exception:  # missing, truncated, or from other code: start afresh
        pass
    return cache


def save_cache(journal_dir: Path, cache: JournalCache | None, environ: Mapping[str, str] = os.environ) -> None:
    """Save the cache for the next run, when this run read anything. Never fails the command."""
    folder = cache_folder(environ)
    if folder is None or not isinstance(cache, DiskCache) or not cache.changed or cache._context is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        check_folder(folder)
        files = {str(path): _record(digest, loaded) for path, digest, loaded in cache.items()}
        text = json.dumps({"code": _code_stamp(), "context": list(cache._context), "files": files},
                          ensure_ascii=False, separators=(",", ":"))
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".journal-", suffix=".tmp")  # created 0600
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, _cache_file(folder, journal_dir))  # readers see the old file or the new one
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        for old in folder.glob("journal-*.pickle"):  # written by an older version; never read
            old.unlink(missing_ok=True)
    except (OSError, CacheRefused, ValueError):
        pass  # a read-only home or a full disk costs time on the next run, nothing else


# --- one file as data, and back -----------------------------------------------------------

def _record(digest: str, loaded: Loaded) -> dict[str, Any]:
    result = loaded.result
    if isinstance(result, list):
        return {"digest": digest, "problems": [_problem_record(problem) for problem in result]}
    return {
        "digest": digest,
        "problems": [_problem_record(problem) for problem in result.problems],
        "kind": "company" if isinstance(result.model, CompanyNote) else "debrief",
        "data": loaded.data,
        "display": result.source.display,
        "modified": result.source.modified,
        "body_line": result.source.body_line,
        "body": result.body,
        "tasks": [[task.text, task.line, task.state, _iso(task.due), _iso(task.done_on), _iso(task.scheduled),
                   _iso(task.start), task.id, task.index, task.item_lines] for task in result.tasks],
        "company_at": list(result.company_at),
    }


def _from_record(record: dict[str, Any], path: Path, rel: str, zone: tzinfo) -> Loaded:
    """The ``Loaded`` a record was made from; raises on anything this code did not write."""
    problems = [_problem(item) for item in _list(record["problems"])]
    if "kind" not in record:
        return Loaded(problems)
    kinds: dict[str, type[Debrief] | type[CompanyNote]] = {"debrief": Debrief, "company": CompanyNote}
    model_class = kinds[record["kind"]]
    data = record["data"]
    if not isinstance(data, dict):
        raise ValueError("no front matter")
    model = model_class.model_validate(data, context={"zone": zone})  # as load.validate made it
    display = _text(record["display"])
    modified = record["modified"]
    if not isinstance(modified, (int, float)) or isinstance(modified, bool):
        raise ValueError(f"not a time: {modified!r}")
    source = SourceFile(display, display if str(path) == display else str(path), _text(record["body"]).encode("utf-8"),
                        float(modified), _number(record["body_line"]))
    tasks = [_task(_list(item)) for item in _list(record["tasks"])]
    line, col = _list(record["company_at"])
    entry = Entry(source=source, rel=rel, model=model, problems=problems, tasks=tasks,
                  company_at=(_number(line), _number(col)))
    return Loaded(entry, data)


def _task(item: list[Any]) -> Task:
    text, line, state, due, done_on, scheduled, start, task_id, index, item_lines = item
    return Task(_text(text), _number(line), _text(state), _day(due), _day(done_on), _day(scheduled), _day(start),
                _text(task_id), _number(index), _number(item_lines))


def _problem_record(problem: Problem) -> list[object]:
    return [problem.path, problem.line, problem.col, problem.field, problem.expected, problem.got, problem.hint]


def _problem(item: object) -> Problem:
    path, line, col, field, expected, got, hint = _list(item)
    return Problem(_text(path), _number(line), _number(col), _text(field), _text(expected), _text(got), _text(hint))


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _day(value: object) -> date | None:
    return None if value is None else date.fromisoformat(_text(value))


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"not text: {value!r}")
    return value


def _number(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    return value


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError(f"not a list: {value!r}")
    return value
