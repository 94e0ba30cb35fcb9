"""How long ``tasks.parse_tasks`` takes on bodies built to be slow, at growing sizes.

    export PYTHONPATH=$PWD/plugins
    python bench/task_lines.py            # sizes 14, 28, 56 and 112 KB
    python bench/task_lines.py --old main # the same bodies through another revision's tasks.py

Each body is one pathological pattern repeated to the size (a line of ``(due:: `` was 30 s at
56 KB with the line regexes this module replaced): the time should double with the size, never
quadruple. CPU time, best of 3. ``--old REV`` loads that revision's ``tasks.py`` with
``git show`` (a line that takes longer than 60 s there is reported as such, not waited for).
"""

from __future__ import annotations

import argparse
import importlib.util
import multiprocessing
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from interview_journal import tasks as new

PATTERNS: dict[str, Callable[[int], str]] = {
    "(due:: on one line": lambda n: "- [ ] x " + "(due:: " * (n // 7),
    "[due:: on one line": lambda n: "- [ ] x " + "[due:: " * (n // 7),
    "[[[ then ]]]": lambda n: "- [ ] x " + "[" * (n // 2) + "]" * (n // 2),
    "[a:: b] fields": lambda n: "- [ ] x " + "[a:: b] " * (n // 8),
    "spaces before a date": lambda n: "- [ ] x" + " " * n + "2026-11-27",
    "📅 without dates": lambda n: "- [ ] x " + "📅 1" * (n // 3),
    "words for 🔁 to read back": lambda n: "- [ ] x " + "word " * (n // 5) + "⏫",
    "tags and priorities": lambda n: "- [ ] x" + " #t ⏫" * (n // 5),
    "backtick runs": lambda n: "- [ ] x " + "".join("`" * k + " " for k in range(1, 400)) * (n // 80000 + 1),
    "unclosed %% and <!--": lambda n: ("- [ ] a %% b <!-- c\n" * (n // 20)),
    "many task lines": lambda n: "- [ ] call Dana 📅 2026-11-27 ⏫ #job\n" * (n // 40),
    "deep lists": lambda n: "".join("  " * (i % 90) + "- [ ] x\n" for i in range(n // 100)),
    "nested quotes": lambda n: ("> " * 50 + "- [ ] x\n") * (n // 110),
}
SIZES = (14_000, 28_000, 56_000, 112_000)


def old_module(rev: str):  # type: ignore[no-untyped-def]
    source = subprocess.run(["git", "show", f"{rev}:plugins/interview_journal/tasks.py"],
                            check=True, capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "tasks_old.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("interview_journal._tasks_old", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def best_of(parse: Callable[[str, int, str], object], body: str, repeat: int = 3) -> float:
    samples = []
    for _ in range(repeat):
        start = time.process_time()
        parse(body, 1, "x.md")
        samples.append(time.process_time() - start)
    return min(samples)


def _timed(rev: str, body: str, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    queue.put(best_of(old_module(rev).parse_tasks, body, 1))


def old_time(rev: str, body: str, limit: float = 60.0) -> float | None:
    queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    process = multiprocessing.Process(target=_timed, args=(rev, body, queue))
    process.start()
    process.join(limit)
    if process.is_alive():
        process.kill()
        return None
    return float(queue.get(timeout=5))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", metavar="REV", help="also time this git revision's tasks.py")
    args = parser.parse_args()
    print(f"{'body':28}" + "".join(f"{size // 1000:>9} KB" for size in SIZES))
    for name, make in PATTERNS.items():
        cells = []
        for size in SIZES:
            cells.append(f"{best_of(new.parse_tasks, make(size)) * 1000:>9.1f} ms")
        print(f"{name:28}" + "".join(cells))
        if args.old:
            olds = []
            for size in SIZES:
                took = old_time(args.old, make(size))
                olds.append(f"{took * 1000:>9.1f} ms" if took is not None else f"{'> 60 s':>12}")
            print(f"{'  ' + args.old:28}" + "".join(olds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
