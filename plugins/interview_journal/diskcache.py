"""The command line's cache of parsed journal files, kept on disk between runs.

``todo`` and ``check`` run often (from a shell prompt, a pre-commit hook) and most files have
not changed since the last run: reading 1,000 debriefs costs more than the rest of the command.
The ``JournalCache`` that ``mkdocs serve`` keeps in memory is saved here after a run and
reloaded by the next one, which then reads only the files whose modification time or size
changed.

The cache lives in the user's cache folder (``$XDG_CACHE_HOME/interview-journal``, by default
``~/.cache/interview-journal``), never in the journal. It holds what the journal holds, so the
folder is private to the user (0700) and the files too (0600). ``INTERVIEW_JOURNAL_CACHE=off``
turns it off; ``INTERVIEW_JOURNAL_CACHE=/some/folder`` puts it there. A cache that cannot be
read, or was written by another version of this code, is ignored and replaced: it can only
save time, never change an answer.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from . import __version__
from .load import JournalCache, no_cycle_collection

CACHE_ENV = "INTERVIEW_JOURNAL_CACHE"
_OFF = {"0", "off", "no", "false"}


def cache_folder(environ: Mapping[str, str] = os.environ) -> Path | None:
    """Where the cache files go, or None when the user turned the cache off."""
    value = environ.get(CACHE_ENV, "").strip()
    if value.lower() in _OFF:
        return None
    if value:
        return Path(value)
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "interview-journal"


def _code_stamp() -> str:
    """Changes whenever this package's code does (an editable install included)."""
    package = Path(__file__).parent
    stamps = sorted((path.name, path.stat().st_mtime_ns) for path in package.glob("*.py"))
    return f"{__version__}|{sys.version_info[:2]}|{stamps}"


def _cache_file(folder: Path, journal_dir: Path) -> Path:
    key = hashlib.sha256(str(journal_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return folder / f"journal-{key}.pickle"


def open_cache(journal_dir: Path, environ: Mapping[str, str] = os.environ) -> JournalCache | None:
    """The cache saved by the last run on this journal, an empty one, or None when turned off."""
    folder = cache_folder(environ)
    if folder is None:
        return None
    try:
        with _cache_file(folder, journal_dir).open("rb") as handle, no_cycle_collection():
            stamp, cache = pickle.load(handle)  # our own file, in a folder only the user can write
        if stamp == _code_stamp() and isinstance(cache, JournalCache):
            return cache
    except Exception:  # missing, truncated, or from other code: start afresh
        pass
    return JournalCache()


def save_cache(journal_dir: Path, cache: JournalCache | None, environ: Mapping[str, str] = os.environ) -> None:
    """Save the cache for the next run, when this run read anything. Never fails the command."""
    folder = cache_folder(environ)
    if folder is None or cache is None or not cache.changed:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".journal-", suffix=".tmp")  # created 0600
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump((_code_stamp(), cache), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, _cache_file(folder, journal_dir))  # readers see the old file or the new one
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError):
        pass  # a read-only home or a full disk costs time on the next run, nothing else
