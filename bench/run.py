"""Benchmark: our plugin against plain MkDocs on synthetic journals, side by side in one run.

    python bench/run.py --n 1000 10000      # the published numbers (docs/benchmarks.md)
    python bench/run.py --quick             # N=200, one repetition: for development

For each N it writes (under ``bench/out/``, git-ignored) a deterministic journal of N debriefs
over N/5 companies and two projects built from the same Markdown files:

* ``ours``: Material theme, our plugin, the nav holding only the aggregate pages;
* ``plain``: Material theme, the same files copied into ``docs/`` as ordinary pages that are
  not in the nav (``not_in_nav``), which is what MkDocs alone would do with them.

Then, repetition after repetition and interleaved (so that a noisy machine slows both sides
alike), it measures in fresh subprocesses:

* the two ``mkdocs build`` runs: wall time and peak memory (max RSS, from ``os.wait4``);
* the journal load (``load_journal`` + ``build_processes`` + ``all_items`` + company
  timelines) against a bare read + libyaml ``safe_load`` of the same files' front matter;
* ``interview-journal todo`` as a command, wall time including the interpreter's start.

It prints the medians and the ratios against the targets, and writes them to
``bench/out/results.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PLUGINS = REPO / "plugins"
sys.path.insert(0, str(HERE))

TODAY = "2026-11-25"
ZONE = "Europe/Berlin"

TARGETS = {
    "build": 1.15,     # our build / plain build, at the largest N
    "load": 2.0,       # journal load / bare front matter parse
    "scaling": 1.3,    # our build per debrief at the largest N / at the smallest
    "todo": 0.5,       # seconds, at N=1000
    "memory": 1.2,     # our peak RSS / plain peak RSS
}

_MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", {"toc": {"permalink": True}},
                        "pymdownx.details", "pymdownx.superfences", {"pymdownx.tasklist": {"custom_checkbox": True}}]


def _env(plugins: Path = PLUGINS, cache: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["INTERVIEW_JOURNAL_CACHE"] = str(cache) if cache else "off"  # the command line's disk cache
    env["PYTHONPATH"] = str(plugins) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.pop("INTERVIEW_JOURNAL_TODAY", None)
    env.pop("SOURCE_DATE_EPOCH", None)
    return env


# --------------------------------------------------------------------------- projects

def prepare(out: Path, n: int, seed: int) -> Path:
    """``out/<n>/`` with ``ours/`` and ``plain/`` projects; reused when N and seed are unchanged."""
    import yaml
    from journal_gen import generate, write

    base = out / str(n)
    stamp = base / "stamp.json"
    wanted = {"n": n, "seed": seed, "generator": (HERE / "journal_gen.py").stat().st_mtime_ns}
    if stamp.is_file() and json.loads(stamp.read_text()) == wanted:
        return base
    if base.exists():
        shutil.rmtree(base)
    files = generate(n, seed)
    theme = {"name": "material", "font": False, "features": ["navigation.sections", "navigation.top"]}

    ours = base / "ours"
    write(ours / "journal", files)
    write(ours / "docs", {"index.md": "# Home\n\nA synthetic journal.\n"})
    config = {
        "site_name": f"Benchmark {n} (ours)", "docs_dir": "docs", "theme": theme,
        "plugins": ["search", {"interview-journal": {"journal_dir": "journal", "today": TODAY, "timezone": ZONE}}],
        "markdown_extensions": _MARKDOWN_EXTENSIONS,
        "nav": [{"Home": "index.md"}, {"Journal": [{"Dashboard": "journal/index.md"},
                                                    {"Follow-ups": "journal/followups.md"},
                                                    {"Companies": "journal/companies/index.md"},
                                                    {"People": "journal/people.md"}]}],
    }
    (ours / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")

    plain = base / "plain"
    write(plain / "docs" / "journal", files)
    write(plain / "docs", {"index.md": "# Home\n\nA synthetic journal.\n"})
    config = {
        "site_name": f"Benchmark {n} (plain)", "docs_dir": "docs", "theme": theme, "plugins": ["search"],
        "markdown_extensions": _MARKDOWN_EXTENSIONS, "not_in_nav": "/journal/",
        "nav": [{"Home": "index.md"}],
    }
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    stamp.write_text(json.dumps(wanted))
    return base


# --------------------------------------------------------------------------- measurements

def timed(command: list[str], cwd: Path, plugins: Path = PLUGINS,
          cache: Path | None = None) -> tuple[float, float, int]:
    """Run ``command``: its wall time and CPU time (user + system) in seconds, and its peak
    memory in MiB (max RSS of this one child, from ``wait4``)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=_env(plugins, cache), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{errors.decode(errors='replace')[-3000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024  # ru_maxrss is in KiB on Linux


def build(project: Path, plugins: Path = PLUGINS) -> tuple[float, float, int]:
    site = (project / "site").resolve()
    return timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], project, plugins)


def child_timing(kind: str, journal: Path, plugins: Path = PLUGINS) -> dict[str, float]:
    """A fresh interpreter runs ``--child kind``; the seconds it reports (imports excluded)."""
    result = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", kind, str(journal)],
                            env=_env(plugins), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"child {kind} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def todo(project: Path, plugins: Path = PLUGINS, warm: bool = False) -> tuple[float, float, int]:
    """``todo`` with its disk cache off (cold), or filled by a first run (warm: the usual case)."""
    code = "from interview_journal.cli import main; main()"
    command = [sys.executable, "-c", code, "todo", "--journal", "journal", "--today", TODAY]
    if not warm:
        return timed(command, project, plugins)
    cache = project / "cli-cache"
    timed(command, project, plugins, cache)  # fills the cache, or finds it filled
    return timed(command, project, plugins, cache)


# --------------------------------------------------------------------------- children

def child_bare(journal: Path) -> dict[str, float]:
    """Read every file and parse its front matter with libyaml's safe loader: the floor."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    start, cpu = time.perf_counter(), time.process_time()
    count = 0
    for folder, dirs, names in os.walk(journal):
        dirs.sort()
        for name in sorted(names):
            if not name.endswith(".md"):
                continue
            text = (Path(folder) / name).read_text(encoding="utf-8")
            if text.startswith("---"):
                end = text.find("\n---", 3)
                yaml.load(text[4:end], Loader=loader)
                count += 1
    return {"total": time.perf_counter() - start, "cpu": time.process_time() - cpu, "files": count}


def child_load(journal: Path) -> dict[str, float]:
    """The core's work for a build or ``todo``, phase by phase."""
    from datetime import date
    from zoneinfo import ZoneInfo

    from interview_journal.load import load_journal
    from interview_journal.process import build_processes
    from interview_journal.rules import all_items
    from interview_journal.timeline import company_events

    try:
        from interview_journal.options import Due as Offsets  # this checkout
    except ImportError:  # an older copy (--compare)
        from interview_journal.rules import Offsets  # type: ignore[attr-defined, no-redef]

    zone, today = ZoneInfo(ZONE), date.fromisoformat(TODAY)
    cpu = time.process_time()
    t0 = time.perf_counter()
    loaded = load_journal(journal, zone)
    t1 = time.perf_counter()
    processes = build_processes(loaded, today)
    t2 = time.perf_counter()
    items = all_items(processes, Offsets())
    t3 = time.perf_counter()
    by_company: dict[str, list] = {}
    for process in processes:
        by_company.setdefault(process.company.key, []).append(process)
    events = sum(len(company_events(company, by_company.get(key, []), zone))
                 for key, company in loaded.companies.items())
    t4 = time.perf_counter()
    return {"total": t4 - t0, "cpu": time.process_time() - cpu, "load_journal": t1 - t0,
            "build_processes": t2 - t1, "all_items": t3 - t2,
            "timelines": t4 - t3, "files": len(loaded.debriefs) + len(loaded.notes), "problems": len(loaded.problems),
            "items": len(items), "events": events}


# --------------------------------------------------------------------------- the run

def run(ns: list[int], repeat: int, seed: int, out: Path, compare: Path | None) -> dict[str, dict[str, object]]:
    bases = {n: prepare(out, n, seed) for n in ns}
    samples: dict[int, dict[str, list[float]]] = {n: {} for n in ns}
    details: dict[int, dict[str, float]] = {}

    def add(n: int, key: str, value: float) -> None:
        samples[n].setdefault(key, []).append(value)

    for rep in range(repeat):
        for n in ns:
            base = bases[n]
            steps = ["plain", "ours", "bare", "load", "todo"]
            if compare is not None:
                steps += ["base", "base_load", "base_todo"]
            if rep % 2:  # ABBA: alternate the order so a drift in the machine's load hits both sides
                steps.reverse()
            for step in steps:
                plugins = compare if step.startswith("base") and compare is not None else PLUGINS
                prefix = "base_" if step.startswith("base") else ""
                if step in ("plain", "ours", "base"):
                    wall, cpu, rss = build(base / ("plain" if step == "plain" else "ours"), plugins)
                    add(n, f"{step}_build", wall)
                    add(n, f"{step}_build_cpu", cpu)
                    add(n, f"{step}_rss", rss)
                elif step == "bare":
                    found = child_timing("bare", base / "ours" / "journal")
                    add(n, "bare", found["total"])
                    add(n, "bare_cpu", found["cpu"])
                elif step in ("load", "base_load"):
                    found = child_timing("load", base / "ours" / "journal", plugins)
                    add(n, f"{prefix}load", found["total"])
                    add(n, f"{prefix}load_cpu", found["cpu"])
                    if not prefix:
                        for key in ("load_journal", "build_processes", "all_items", "timelines"):
                            add(n, key, found[key])
                        details[n] = {key: found[key] for key in ("files", "problems", "items", "events")}
                else:
                    wall, cpu, _ = todo(base / "ours", plugins)
                    add(n, f"{prefix}todo_cold", wall)
                    wall, cpu, _ = todo(base / "ours", plugins, warm=True)
                    add(n, f"{prefix}todo", wall)
                    add(n, f"{prefix}todo_cpu", cpu)
            print(f"  repetition {rep + 1}/{repeat}, N={n}: done", file=sys.stderr, flush=True)
    results: dict[str, dict[str, object]] = {}
    for n in ns:
        medians: dict[str, object] = {key: statistics.median(values) for key, values in samples[n].items()}
        medians["samples"] = samples[n]
        medians.update(details[n])
        results[str(n)] = medians
    return results


def report(results: dict[str, dict[str, object]], repeat: int) -> str:
    ns = sorted(int(n) for n in results)
    for n in ns:
        results[str(n)]["n"] = n
    base = "base_build" in results[str(ns[0])]
    rows: list[tuple[str, object]] = [
        ("plain mkdocs build, wall (s)", lambda r: f"{r['plain_build']:.2f}"),
        ("our mkdocs build, wall (s)", lambda r: f"{r['ours_build']:.2f}"),
        ("  ratio ours / plain, wall", lambda r: f"{r['ours_build'] / r['plain_build']:.2f}"),
        ("plain mkdocs build, CPU (s)", lambda r: f"{r['plain_build_cpu']:.2f}"),
        ("our mkdocs build, CPU (s)", lambda r: f"{r['ours_build_cpu']:.2f}"),
        ("  ratio ours / plain, CPU", lambda r: f"{r['ours_build_cpu'] / r['plain_build_cpu']:.2f}"),
        ("  ours per debrief, CPU (ms)", lambda r: f"{1000 * r['ours_build_cpu'] / r['n']:.2f}"),
        ("plain peak RSS (MiB)", lambda r: f"{r['plain_rss']:.0f}"),
        ("our peak RSS (MiB)", lambda r: f"{r['ours_rss']:.0f}"),
        ("  ratio ours / plain", lambda r: f"{r['ours_rss'] / r['plain_rss']:.2f}"),
        ("bare read + yaml, CPU (s)", lambda r: f"{r['bare_cpu']:.3f}"),
        ("journal load, CPU (s)", lambda r: f"{r['load_cpu']:.3f}"),
        ("  load_journal, wall", lambda r: f"{r['load_journal']:.3f}"),
        ("  build_processes, wall", lambda r: f"{r['build_processes']:.3f}"),
        ("  all_items, wall", lambda r: f"{r['all_items']:.3f}"),
        ("  timelines, wall", lambda r: f"{r['timelines']:.3f}"),
        ("  ratio load / bare, wall", lambda r: f"{r['load'] / r['bare']:.2f}"),
        ("  ratio load / bare, CPU", lambda r: f"{r['load_cpu'] / r['bare_cpu']:.2f}"),
        ("todo command, no cache, wall (s)", lambda r: f"{r['todo_cold']:.2f}"),
        ("todo command, wall (s)", lambda r: f"{r['todo']:.2f}"),
        ("todo command, CPU (s)", lambda r: f"{r['todo_cpu']:.2f}"),
    ]
    if base:
        rows += [
            ("compared code: build, wall (s)", lambda r: f"{r['base_build']:.2f}"),
            ("compared code: build, CPU (s)", lambda r: f"{r['base_build_cpu']:.2f}"),
            ("compared code: peak RSS (MiB)", lambda r: f"{r['base_rss']:.0f}"),
            ("compared code: load, CPU (s)", lambda r: f"{r['base_load_cpu']:.3f}"),
            ("compared code: todo, wall (s)", lambda r: f"{r['base_todo']:.2f}"),
        ]
    width = max(len(label) for label, _ in rows)
    lines = [f"Medians of {repeat} interleaved repetition(s).", "",
             f"| {'N debriefs'.ljust(width)} | " + " | ".join(f"{n:>8}" for n in ns) + " |",
             f"|{'-' * (width + 2)}|" + "|".join("-" * 10 for _ in ns) + "|"]
    for label, cell in rows:
        lines.append(f"| {label.ljust(width)} | " + " | ".join(f"{cell(results[str(n)]):>8}" for n in ns) + " |")  # type: ignore[operator]
    lines.append("")
    big, small = results[str(ns[-1])], results[str(ns[0])]
    checks = []
    for clock, suffix in (("wall", ""), ("CPU", "_cpu")):
        checks += [
            (f"build at N={ns[-1]} <= {TARGETS['build']}x plain ({clock})",
             big[f"ours_build{suffix}"] / big[f"plain_build{suffix}"], TARGETS["build"]),
            (f"load at N={ns[-1]} <= {TARGETS['load']}x bare parse ({clock})",
             big[f"load{suffix}"] / big[f"bare{suffix}"], TARGETS["load"]),
        ]
        if len(ns) > 1:
            per = (big[f"ours_build{suffix}"] / ns[-1]) / (small[f"ours_build{suffix}"] / ns[0])
            checks.append((f"build per debrief N={ns[-1]} / N={ns[0]} <= {TARGETS['scaling']} ({clock})",
                           per, TARGETS["scaling"]))
        if "1000" in results:
            checks.append((f"todo at N=1000 < {TARGETS['todo']} s ({clock})", results["1000"][f"todo{suffix}"],
                           TARGETS["todo"]))
    checks.append((f"peak memory at N={ns[-1]} <= {TARGETS['memory']}x plain", big["ours_rss"] / big["plain_rss"],
                   TARGETS["memory"]))
    for label, value, limit in checks:
        lines.append(f"{'met   ' if value <= limit else 'MISSED'}  {label}: {value:.2f}")
    for n in ns:
        r = results[str(n)]
        lines.append(f"N={n}: {r['files']} files read, {r['problems']} problems, {r['items']} follow-up items, "
                     f"{r['events']} timeline events")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 10000], help="journal sizes (debriefs)")
    parser.add_argument("--quick", action="store_true", help="N=200, one repetition")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions (medians are reported)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--plugins", type=Path, metavar="PLUGINS_DIR",
                        help="measure the interview_journal package in this folder (default: this checkout's plugins/)")
    parser.add_argument("--compare", type=Path, metavar="PLUGINS_DIR",
                        help="also build with the interview_journal package in this folder "
                             "(e.g. an older commit's plugins/)")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "JOURNAL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, journal = args.child
        print(json.dumps({"bare": child_bare, "load": child_load}[kind](Path(journal))))
        return
    if args.plugins:
        global PLUGINS
        PLUGINS = args.plugins.resolve()
    ns, repeat = ([200], 1) if args.quick else (sorted(args.n), args.repeat)
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    results = run(ns, repeat, args.seed, args.out, args.compare.resolve() if args.compare else None)
    text = report(results, repeat)
    print(text)
    (args.out / "results.json").write_text(json.dumps(results, indent=1, default=str))


if __name__ == "__main__":
    main()
