"""Benchmark: "edit, save, see it" under ``mkdocs serve``, our plugin against plain MkDocs in one run.

    python bench/serve.py                          # N=300 and 1000, three repetitions
    python bench/serve.py --n 300 1000 10000       # the three sizes the targets name
    python bench/serve.py --n 100 --repeat 1       # a smoke test (about 30 s)

It reuses ``run.py``'s projects (``prepare``: ``bench/out/<N>/ours`` and ``plain``, built from
the same journal files) and starts, one after the other (never two at once), a real
``mkdocs serve`` on a free port for each of:

* ``plain``: plain MkDocs on the ``plain`` project, which renders every page after a save;
* ``plain-dirty``: the same with ``--dirty`` (MkDocs renders only the saved page);
* ``ours``: ``mkdocs serve --dirty`` on the ``ours`` project, our plugin;
* ``ours-full``: ``mkdocs serve`` on ``ours``, without ``--dirty``.

For each server it records the first build (process started -> home page served), then, for
each repetition, appends to one debrief (an open round; the same file for every server, another
one each repetition) a marker paragraph and a task due 2026-11-30 (written aside, then
``os.replace``), and times the save -> the debrief's page and, for ours, ``journal/followups/``
served with the marker. It polls every 50 ms: the live-reload endpoint (what a browser's page
asks), and the pages whenever that says a newer build is served; the server holds a page's
request while it builds. Then it checks, untimed, the other outputs that must show the marker
(the company's page, the calendar, the search index), reverts the edit, waits for the marker to
be gone and for the server to be quiet, and checks again. Beside the wall time it reads the
server's CPU time from ``/proc``: MkDocs polls the watched folders every 0.5 s, so up to about
0.6 s of every reload is its watcher's, on both sides, and the CPU time leaves that out. It
prints the medians against the targets and writes every sample to
``bench/out/serve.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from run import HERE, PLUGINS, TODAY, ZONE, _env, prepare

DUE = "2026-11-30"
FOLLOWUPS = "journal/followups/"
POLL = 0.05
QUIET = 1.5  # seconds without a new build: more than MkDocs' file polling (0.5 s) and build delay (0.1 s)
TARGETS = {300: 0.3, 1000: 0.2, 10000: 0.1}  # ours --dirty reload / plain reload


@dataclass(frozen=True)
class Kind:
    name: str
    side: str
    """``ours`` or ``plain``: the project under ``bench/out/<N>/``."""
    flags: tuple[str, ...]
    label: str


KINDS = {kind.name: kind for kind in (
    Kind("plain", "plain", (), "plain"),
    Kind("plain-dirty", "plain", ("--dirty",), "plain --dirty"),
    Kind("ours", "ours", ("--dirty",), "ours --dirty"),
    Kind("ours-full", "ours", (), "ours (no --dirty)"),
)}


@dataclass(frozen=True)
class Target:
    """The debrief a repetition edits: ``rel`` under the journal folder, without ``.md``."""

    rel: str
    company: str
    """The company's slug (its page is ``journal/companies/<slug>/``)."""

    @property
    def page(self) -> str:
        return f"journal/{self.rel}/"


@dataclass
class Sample:
    reload: float
    pages: dict[str, float]
    """Seconds until served with the change: ``page`` (the debrief's) and, for ours, ``follow-ups``."""
    builds: int
    cpu: float
    """The server's CPU seconds from the save to the change served: its builds, and its watcher's
    polling (MkDocs' "Documentation built in" lines cannot stand in: it logs a message once per
    process, so a build as long as an earlier one says nothing)."""
    notes: list[str]
    problems: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- the server

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """One ``mkdocs serve`` in its own process group, its output in ``<project>/../serve-<name>.log``."""

    def __init__(self, kind: Kind, base: Path, timeout: float) -> None:
        self.kind, self.timeout = kind, timeout
        self.project = base / kind.side
        self.journal = self.project / ("journal" if kind.side == "ours" else "docs/journal")
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = base / f"serve-{kind.name}.log"
        self.scratch = base / f".serve-{kind.name}.tmp"
        self.log = self.log_path.open("wb")
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}", *kind.flags],
            cwd=self.project, env=_env(), stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    def get(self, path: str, timeout: float = 60) -> tuple[int, bytes]:
        """Status and body (0 when nothing answers); the server holds the request while it builds."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=max(timeout, 1)) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, b""
        except OSError:
            return 0, b""

    def epoch(self) -> int | None:
        """The served build's live-reload epoch (answered at once: it is newer than 0)."""
        status, body = self.get("livereload/0/0", 5)
        return int(body) if status == 200 and body.strip().isdigit() else None

    def cpu(self) -> float:
        """The server's CPU time so far (user + system, seconds), from ``/proc``; 0 where there is none."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def alive(self, what: str) -> None:
        if self.process.poll() is not None:
            raise SystemExit(f"{self.kind.label}: mkdocs serve stopped during {what}:\n{self.output()}")

    def first_build(self) -> float:
        """Seconds from the process's start to its home page served; then waits until it is quiet."""
        deadline = self.started + self.timeout
        while self.get("", 5)[0] != 200:
            self.alive("the first build")
            if time.perf_counter() > deadline:
                raise SystemExit(f"{self.kind.label}: no page served within {self.timeout:.0f} s:\n{self.output()}")
            time.sleep(POLL)
        elapsed = time.perf_counter() - self.started
        self.settle()
        return elapsed

    def settle(self) -> None:
        """Wait until no build runs and none starts for ``QUIET`` seconds."""
        deadline = time.perf_counter() + self.timeout
        before = self.epoch()
        while time.perf_counter() < deadline:
            time.sleep(QUIET)
            self.alive("a rebuild")
            self.get("", self.timeout)  # held while a build runs
            after = self.epoch()
            if after == before:
                return
            before = after
        raise SystemExit(f"{self.kind.label}: still rebuilding after {self.timeout:.0f} s:\n{self.output()}")

    def log_size(self) -> int:
        self.log.flush()
        return self.log_path.stat().st_size

    def output(self, since: int = 0, tail: int = 6000) -> str:
        self.log.flush()
        with self.log_path.open("rb") as handle:
            handle.seek(since)
            return handle.read().decode("utf-8", errors="replace")[-tail:]

    def stop(self) -> None:
        """SIGINT first (MkDocs then shuts down and deletes its temporary site), then harder."""
        for sig, wait in ((signal.SIGINT, 30), (signal.SIGTERM, 10), (signal.SIGKILL, 10)):
            if self.process.poll() is not None:
                break
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, sig)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(wait)
        self.log.close()


@contextlib.contextmanager
def serving(kind: Kind, base: Path, timeout: float) -> Iterator[Server]:
    server = Server(kind, base, timeout)
    try:
        yield server
    finally:
        server.stop()


# --------------------------------------------------------------------------- the edit

def targets(journal: Path, count: int) -> list[Target]:
    """``count`` debriefs of open processes (their new tasks are outstanding), spread over the journal."""
    sys.path.insert(0, str(PLUGINS))
    from datetime import date
    from zoneinfo import ZoneInfo

    from interview_journal.load import load_journal
    from interview_journal.process import build_processes

    loaded = load_journal(journal, ZoneInfo(ZONE))
    found = sorted((r.entry.rel, r.company.slug) for p in build_processes(loaded, date.fromisoformat(TODAY))
                   if not p.closed for r in p.rounds if r.status not in ("cancelled", "no-show"))
    if not found:
        raise SystemExit(f"no debrief of an open process in {journal}")
    return [Target(*found[(2 * i + 1) * len(found) // (2 * count)]) for i in range(count)]


def edited(original: bytes, marker: str) -> bytes:
    """The debrief with a task at the end of its task list and a paragraph after it."""
    text = original.decode("utf-8").rstrip("\n")
    return (f"{text}\n- [ ] Send the {marker} note 📅 {DUE}\n\n"
            f"A paragraph about {marker}, added by bench/serve.py.\n").encode()


def save(path: Path, data: bytes, scratch: Path) -> float:
    """Put ``data`` in place at once (written, synced and given a newer mtime in ``scratch``, outside
    the watched folders, then ``os.replace``): the watcher never sees half a file. The moment it is done."""
    previous = path.stat().st_mtime_ns
    with scratch.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    stamp = max(time.time_ns(), previous + 1_000_000)
    os.utime(scratch, ns=(stamp, stamp))
    os.replace(scratch, path)
    return time.perf_counter()


def wait_for(server: Server, pages: list[str], marker: str, start: float, present: bool) -> dict[str, float]:
    """Seconds from ``start`` until each page is served with (or without) ``marker``."""
    needle, pending, seen = marker.encode(), list(pages), {}
    last_epoch, last_get = None, 0.0
    deadline = start + server.timeout
    while pending:
        now = time.perf_counter()
        if now > deadline:
            what = "show" if present else "lose"
            raise SystemExit(f"{server.kind.label}: {', '.join(pending)} did not {what} {marker} within "
                             f"{server.timeout:.0f} s of the save:\n{server.output()}")
        server.alive("a rebuild")
        epoch = server.epoch()
        if epoch != last_epoch or now - last_get > 2:  # a newer build is served (or it has been a while)
            last_epoch, last_get = epoch, now
            for page in list(pending):
                status, body = server.get(page, deadline - time.perf_counter())
                if status == 200 and (needle in body) == present:
                    seen[page] = time.perf_counter() - start
                    pending.remove(page)
        time.sleep(POLL)
    return seen


def due_shown(body: bytes, marker: str) -> bool:
    """Whether the follow-up item holding ``marker`` is due on ``DUE``."""
    at = body.find(marker.encode())
    item = body[body.rfind(b"<li", 0, at):at]
    return f'data-due="{DUE}"'.encode() in item


def repetition(server: Server, target: Target, marker: str) -> Sample:
    ours = server.kind.side == "ours"
    timed = [target.page, FOLLOWUPS] if ours else [target.page]
    others = ([f"journal/companies/{target.company}/", "journal/calendar.ics"] if ours else []) + \
        ["search/search_index.json"]
    source = server.journal / f"{target.rel}.md"
    original = source.read_bytes()
    mark = server.log_size()
    problems: list[str] = []
    try:
        start, cpu = save(source, edited(original, marker), server.scratch), server.cpu()
        seen = wait_for(server, timed, marker, start, present=True)
        cpu = server.cpu() - cpu
        pages = {"page" if page == target.page else "follow-ups": seconds for page, seconds in seen.items()}
        log = server.output(mark, tail=10**6)
        problems += [f"{page} served without the new text" for page in others
                     if marker.encode() not in server.get(page, server.timeout)[1]]
        if ours and not due_shown(server.get(FOLLOWUPS, server.timeout)[1], marker):
            problems.append(f"{FOLLOWUPS}: the new task is not shown due {DUE}")
    finally:
        start = save(source, original, server.scratch)
    wait_for(server, timed, marker, start, present=False)
    server.settle()
    problems += [f"{page} still serves the text after the revert" for page in others
                 if marker.encode() in server.get(page, server.timeout)[1]]
    notes = [line.split(" - ", 1)[-1] for line in log.splitlines() if "dirty build" in line]
    return Sample(reload=max(pages.values()), pages=pages, builds=log.count("Building documentation"),
                  cpu=cpu, notes=notes, problems=problems)


# --------------------------------------------------------------------------- the run

def run_server(kind: Kind, base: Path, n: int, chosen: list[Target], timeout: float) -> dict[str, Any]:
    with serving(kind, base, timeout) as server:
        first = server.first_build()
        print(f"  N={n} {kind.label}: first build {first:.2f} s", file=sys.stderr, flush=True)
        samples = []
        for number, target in enumerate(chosen, 1):
            marker = f"marker-{n}-{kind.name}-{number}-{secrets.token_hex(3)}"
            sample = repetition(server, target, marker)
            samples.append(sample)
            print(f"  N={n} {kind.label}: repetition {number}/{len(chosen)} {sample.reload:.2f} s "
                  f"({target.rel}){''.join(f'; {p}' for p in sample.problems)}", file=sys.stderr, flush=True)
    reloads = [s.reload for s in samples]
    return {"first_build": first, "reload": statistics.median(reloads), "reloads": reloads,
            "cpu": statistics.median(s.cpu for s in samples), "cpu_seconds": [s.cpu for s in samples],
            "pages": {page: [s.pages[page] for s in samples] for page in samples[0].pages},
            "builds": [s.builds for s in samples], "notes": [s.notes for s in samples],
            "problems": [p for s in samples for p in s.problems], "targets": [t.rel for t in chosen]}


def run(ns: list[int], repeat: int, seed: int, out: Path, kinds: list[Kind], timeout: float) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for n in ns:
        base = prepare(out, n, seed)
        chosen = targets(base / "ours" / "journal", repeat)
        servers = {kind.name: run_server(kind, base, n, chosen, timeout) for kind in kinds}
        entry: dict[str, Any] = {"servers": servers}
        if "ours" in servers and "plain" in servers:
            ratio = servers["ours"]["reload"] / servers["plain"]["reload"]
            entry["cpu_ratio"] = servers["ours"]["cpu"] / servers["plain"]["cpu"]
            entry.update(ratio=ratio, target=TARGETS.get(n), met=ratio <= TARGETS[n] if n in TARGETS else None)
        results[str(n)] = entry
    return results


def _cell(results: dict[str, Any], n: str, name: str, key: str) -> str:
    servers = results[n]["servers"]
    return f"{servers[name][key]:.2f}" if name in servers else "-"


def report(results: dict[str, Any], repeat: int) -> str:
    columns: list[tuple[str, Callable[[str], str]]] = [
        ("N", str),
        ("plain reload (s)", lambda n: _cell(results, n, "plain", "reload")),
        ("ours --dirty reload (s)", lambda n: _cell(results, n, "ours", "reload")),
        ("ours / plain", lambda n: f"{results[n]['ratio']:.3f}" if "ratio" in results[n] else "-"),
        ("ours (no --dirty) reload (s)", lambda n: _cell(results, n, "ours-full", "reload")),
        ("plain --dirty reload (s)", lambda n: _cell(results, n, "plain-dirty", "reload")),
    ] + [(f"first build {kind.label} (s)", lambda n, name=name: _cell(results, n, name, "first_build"))
         for name, kind in KINDS.items()]
    rows = [[cell(n) for _, cell in columns] for n in results]
    widths = [max(len(label), *(len(row[i]) for row in rows)) for i, (label, _) in enumerate(columns)]
    lines = [f"Medians of {repeat} repetition(s); reload = save -> the page (and, for ours, the follow-ups) "
             "served with the change.", "",
             "| " + " | ".join(label.rjust(w) for (label, _), w in zip(columns, widths, strict=True)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in rows]
    lines.append("")
    for n, entry in results.items():
        if entry.get("target") is not None:
            verdict = "met   " if entry["met"] else "MISSED"
            lines.append(f"{verdict}  ours --dirty / plain reload at N={n} <= {entry['target']}: {entry['ratio']:.3f}")
        elif "ratio" in entry:
            lines.append(f"(no target at N={n}: ratio {entry['ratio']:.3f})")
        if "cpu_ratio" in entry:
            lines.append(f"        (the servers' CPU time from save to served, ours --dirty / plain: "
                         f"{entry['cpu_ratio']:.3f}; the watcher's delay is not in it)")
        for name, found in entry["servers"].items():
            pages = ", ".join(f"{page} {statistics.median(times):.2f} s" for page, times in found["pages"].items())
            said = sorted({notes[-1].strip() for notes in found["notes"] if notes})
            lines.append(f"N={n} {KINDS[name].label}: {pages}; server CPU {found['cpu']:.2f} s; "
                         f"builds per save {found['builds']}"
                         + "".join(f"; {note}" for note in said))
            for problem in found["problems"]:
                lines.append(f"  PROBLEM: {problem}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[300, 1000], help="journal sizes (debriefs)")
    parser.add_argument("--repeat", type=int, default=3, help="edits per server (medians are reported)")
    parser.add_argument("--servers", nargs="+", choices=list(KINDS), default=list(KINDS), help="which servers")
    parser.add_argument("--timeout", type=float, default=300, help="seconds to wait for a build")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that the servers are stopped, the edit reverted
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    kinds = [KINDS[name] for name in KINDS if name in args.servers]
    results = run(sorted(args.n), args.repeat, args.seed, out, kinds, args.timeout)
    print(report(results, args.repeat))
    (out / "serve.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
