"""The cycle collector's full runs under ``mkdocs serve``: after a rebuild, not during it (no
MkDocs import here).

Python runs a full collection when enough objects have survived its younger runs, and a
rebuild of a large journal makes that many: at 10,000 debriefs three full runs fell inside
every rebuild, each walking everything alive (0.1-0.6 s), and MkDocs' file watcher, which
allocates a snapshot of the journal every half second in the same process, adds to the count.
``IdleCollection`` makes the full runs rarer while serving and runs one itself shortly after
each build, when the reloaded page is already served, so nothing waits for it and garbage
never outlives the build after the one that made it.
"""

from __future__ import annotations

import gc
import threading

FULL_RUN_AFTER = 100
"""Younger runs before a full one (Python's default: 10). One rebuild of 10,000 debriefs under
``mkdocs serve`` makes about 60-70 of them; ``after_build`` starts each build at zero."""
DELAY = 1.0
"""Seconds after a build: MkDocs serves the reloaded page within a few tenths."""


class IdleCollection:
    """``start`` when serving begins, ``after_build`` after each build, ``stop`` at the end."""

    def __init__(self, delay: float = DELAY, full_run_after: int = FULL_RUN_AFTER) -> None:
        self.delay = delay
        self.full_run_after = full_run_after
        self._saved: tuple[int, int, int] | None = None
        self._timer: threading.Timer | None = None

    def start(self) -> None:
        if self._saved is None:
            self._saved = gc.get_threshold()
            young, middle, oldest = self._saved
            gc.set_threshold(young, middle, max(oldest, self.full_run_after))

    def after_build(self) -> None:
        """A full collection in ``delay`` seconds (one pending at a time)."""
        if self._saved is None:
            return
        self._cancel()
        self._timer = threading.Timer(self.delay, gc.collect)
        self._timer.daemon = True  # never keeps the process alive
        self._timer.start()

    def stop(self) -> None:
        """Python's thresholds as they were; no collection pending."""
        self._cancel()
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
