"""``build_calendar`` of this checkout against another git revision's: same bytes? how much CPU?

    export NO_MKDOCS_2_WARNING=1 PYTHONPATH=$PWD/plugins
    python bench/calendar_check.py bench/out/1000/ours/journal bench/out/10000/ours/journal --rev main

Loads each journal once (as the site does: Europe/Berlin, today 2026-11-25, default offsets),
then times ``build_calendar`` alone, old and new in the same process (CPU time, median of 5),
and checks the two give identical bytes, also with another duration and a calendar name that
needs escaping (a revision from before the stamps came from the files' changes gives other
bytes). The old ``calendar.py`` is read with ``git show`` and imported as a sibling of the new
one, so its relative imports use this checkout's other modules.
"""

from __future__ import annotations

import argparse
import importlib.util
import inspect
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType

from interview_journal import calendar as new
from interview_journal.dates import zone_from_name
from interview_journal.load import load_journal
from interview_journal.options import Due
from interview_journal.process import build_processes
from interview_journal.rules import all_items

TODAY = date(2026, 11, 25)


def old_module(rev: str) -> ModuleType:
    source = subprocess.run(["git", "show", f"{rev}:plugins/interview_journal/calendar.py"],
                            check=True, capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "calendar_old.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("interview_journal._calendar_old", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def calendar(module: ModuleType, processes: list, items: list, **options: object) -> bytes:
    """``build_calendar`` of either revision: older ones took "today" (their DTSTAMP) and the
    duration and name by position."""
    if "today" in inspect.signature(module.build_calendar).parameters:
        return bytes(module.build_calendar(processes, items, TODAY, *options.values()))
    return bytes(module.build_calendar(processes, items, **options))


def cpu_median(run: Callable[[], bytes], repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        samples.append(time.process_time() - start)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("journals", nargs="+", type=Path)
    parser.add_argument("--rev", default="main", help="the git revision to compare with (default: main)")
    args = parser.parse_args()
    old = old_module(args.rev)
    same_everywhere = True
    for journal_dir in args.journals:
        journal = load_journal(journal_dir, zone_from_name("Europe/Berlin"))
        processes = build_processes(journal, TODAY)
        items = all_items(processes, Due())
        variants: list[dict[str, object]] = [{}, {"duration": 90, "name": "Jobs; 2026, \\ \u00dcbersicht"}]
        same = all(calendar(old, processes, items, **v) == calendar(new, processes, items, **v) for v in variants)
        same_everywhere &= same
        before = cpu_median(lambda p=processes, i=items: calendar(old, p, i))
        after = cpu_median(lambda p=processes, i=items: calendar(new, p, i))
        size = len(calendar(new, processes, items))
        print(f"{journal_dir}: {size:,} bytes, identical: {same}, "
              f"{args.rev} {before * 1000:.0f} ms, this checkout {after * 1000:.0f} ms CPU, {before / after:.1f}x")
    return 0 if same_everywhere else 1


if __name__ == "__main__":
    sys.exit(main())
