"""A real ``mkdocs serve`` (with and without ``--dirty``) through a sequence of edits, deletions,
renames and new files, compared byte for byte with a clean ``mkdocs build`` of the final files.

The server runs as a subprocess on a free port; the test waits for each rebuild through the
server's own live-reload endpoint (``/livereload/<epoch>/...`` answers once a newer build is
served), then fetches every file of the clean build over HTTP. Nothing here is timed: the
timeouts are generous, and ``bench/serve.py`` measures how long a rebuild takes.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from conftest import REPO, debrief

EPOCH = "1795000000"  # SOURCE_DATE_EPOCH: MkDocs' build date (sitemap, home page) is the same in both builds
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
_LIVERELOAD = re.compile(rb"<script>\s*var livereload = function\(epoch, requestId\).*?</script>", re.DOTALL)
"""What the server adds to every HTML page it serves."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("INTERVIEW_JOURNAL_TODAY", "SOURCE_DATE_EPOCH")}
    env.update(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH, INTERVIEW_JOURNAL_CACHE="off",
               PYTHONPATH=os.pathsep.join([str(REPO / "plugins"), env.get("PYTHONPATH", "")]))
    return env


class Server:
    """``mkdocs serve`` of a project, and what it serves."""

    def __init__(self, project: Path, *flags: str, wait: bool = True) -> None:
        self.flags = flags
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = (project.parent / f"serve-{self.port}.log").open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}", *flags],
            cwd=project, env=_environment(), stdout=self.log, stderr=subprocess.STDOUT)
        self.epoch = 0
        if wait:
            self.ready()

    def ready(self) -> None:
        """Wait for the first build."""
        self.epoch = self._wait(lambda: self._epoch(0), 300, "the first build")

    def _wait(self, probe: Callable[[], int | None], timeout: float, what: str) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"mkdocs serve stopped during {what}:\n{self.output()}")
            found = probe()
            if found is not None:
                return found
            time.sleep(0.2)
        raise AssertionError(f"no {what} within {timeout} s:\n{self.output()}")

    def _epoch(self, after: int) -> int | None:
        """The served build's epoch once it is newer than ``after`` (the server holds the request until then)."""
        try:
            with urllib.request.urlopen(f"{self.url}livereload/{after}/1", timeout=90) as response:
                found = int(response.read())
        except (OSError, ValueError):
            return None
        return found if found > after else None

    def rebuilt(self) -> None:
        """Wait for the rebuild a change starts, and until no other follows it."""
        rebuilt([self])

    def next_build(self) -> None:
        """Wait for a build newer than the last one seen."""
        self.epoch = self._wait(lambda: self._epoch(self.epoch), 300, "rebuild")

    def quiet(self) -> bool:
        """No build since the last one seen (and it is the one served)."""
        latest = self._epoch(0)
        if latest == self.epoch:
            return True
        self.epoch = latest if latest is not None else self.epoch
        return False

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=90) as response:
                body = response.read()
                return response.status, _LIVERELOAD.sub(b"", body) if path.endswith((".html", "/")) or not path \
                    else body
        except urllib.error.HTTPError as error:
            return error.code, b""

    def output(self) -> str:
        self.log.flush()
        return Path(self.log.name).read_text(encoding="utf-8", errors="replace")[-6000:]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def rebuilt(servers: list[Server]) -> None:
    """Wait for the rebuild a change starts on each server, and until no other follows it."""
    for server in servers:
        server.next_build()
    while True:  # a change seen twice by the watcher builds twice: wait until it is quiet
        time.sleep(1.5)
        if all([server.quiet() for server in servers]):
            return


def clean_builds(projects: list[tuple[Path, str, Path]]) -> list[Path]:
    """``mkdocs build`` of each ``(project, server URL, out)`` as it is now, at the server's URL
    (as serve builds it), all at once."""
    running = []
    for project, url, out in projects:
        config = project / "clean-build.yml"
        config.write_text(yaml.safe_dump({"INHERIT": "mkdocs.yml", "site_url": url}), encoding="utf-8")
        running.append((config, subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)], cwd=project,
            env=_environment(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)))
    for config, process in running:
        output, _ = process.communicate(timeout=300)
        config.unlink()
        assert process.returncode == 0, output
    return [out for _, _, out in projects]


def sample_project(root: Path, **extra: object) -> Path:
    """The repository's sample site (its mkdocs.yml, docs/ and journal/), with ``extra`` config,
    a page whose title comes from its heading (not the nav), links to pages that come and go, and a
    template override in the theme's ``custom_dir``."""
    project = root / "project"
    for folder in ("docs", "journal"):
        shutil.copytree(REPO / folder, project / folder)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    guide = next(item["Guide"] for item in config["nav"] if "Guide" in item)
    guide[guide.index({"Reading the site": "reading-the-site.md"})] = "reading-the-site.md"
    (project / "docs/links.md").write_text(
        "# Links\n\n[Zephyr's screen](journal/zephyr-labs/2026-11-21-screen.md), "
        "[Kestrel's onsite](journal/kestrel-freight-systems/2026-10-21-onsite.md)\n", encoding="utf-8")
    (project / "overrides").mkdir()
    (project / "overrides/main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}Version one{% endblock %}\n', encoding="utf-8")
    config["theme"]["custom_dir"] = "overrides"  # a template of the user's: not a file of the site
    config["validation"] = {"links": {"not_found": "info"}}  # the links above resolve only at times
    config["not_in_nav"] = "/links.md"
    config.update(extra)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return project


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def steps(project: Path) -> Iterator[tuple[str, list[str]]]:
    """The changes, one at a time: each yields what it did, and the URLs that must be gone then."""
    journal = project / "journal"
    _append(journal / "pinecrest-ledger/2026-11-19-onsite.md",
            "\n\nThey asked about the ledger migration again, as [Zephyr](../zephyr-labs/2026-11-21-screen.md) "
            "did.\n\n- [ ] Send the migration write-up 📅 2026-11-27\n")
    yield "a debrief edited: a note and a dated task", []
    (journal / "halvard-maps/2026-11-20-onsite.md").write_text(debrief(
        company="Halvard Maps", role="Backend Engineer", date="2026-11-20 10:00", stage="onsite",
        interviewers=[{"name": "Ines Park", "title": "Staff Engineer"}], questions=[{"q": "Tile caching?"}],
        body="Went through tile caching.\n"), encoding="utf-8")
    yield "a new debrief of a company that has some", []
    (journal / "zephyr-labs").mkdir()
    (journal / "zephyr-labs/2026-11-21-screen.md").write_text(debrief(
        company="Zephyr Labs", role="Data Engineer", date="2026-11-21", body="A first call.\n"), encoding="utf-8")
    yield "a new company", []
    (journal / "kestrel-freight-systems/2026-10-20-onsite.md").rename(
        journal / "kestrel-freight-systems/2026-10-21-onsite.md")
    yield "a debrief renamed", ["journal/kestrel-freight-systems/2026-10-20-onsite/"]
    (journal / "societe-verte-fils/2026-11-10-hr-phone-screen.md").unlink()
    yield "a debrief deleted", ["journal/societe-verte-fils/2026-11-10-hr-phone-screen/"]
    _append(journal / "quillon-health/company.md", "\nThey moved the office.\n")
    yield "a company note edited", []
    _replace(project / "overrides/main.html", "Version one", "Version two")  # not watched without --watch-theme
    _append(journal / "quillon-health/company.md", "\nThey called.\n")
    yield "a template override edited (on every page), then a note", []
    (journal / "lumen-harbor-analytics/board.png").write_bytes(PNG)
    _append(journal / "lumen-harbor-analytics/2026-11-18-technical-interview.md", "\n![The board](board.png)\n")
    yield "an attachment, and a note that shows it", []
    _append(project / "docs/index.md", "\nA line added to the home page.\n")
    yield "a page of docs_dir edited", []
    shutil.rmtree(journal / "brightwell-robotics")
    yield "a company's folder deleted", ["journal/brightwell-robotics/2026-10-16-hiring-manager-interview/",
                                         "journal/companies/brightwell-robotics/"]
    _replace(project / "mkdocs.yml", "name: Alex Morgan", "name: Alex M. Morgan")
    yield "mkdocs.yml edited (the candidate's name, in every draft)", []
    _append(journal / "zephyr-labs/2026-11-21-screen.md", "\nThey will call back.\n\n- [ ] Call back 📅 2026-11-26\n")
    yield "a debrief edited after all that", []


def served_like_clean(servers: list[tuple[Server, Path]], out: Path, gone: list[str], after: str) -> None:
    """Every file a clean build of each project makes is what its server serves; ``gone`` is not served."""
    sites = clean_builds([(project, server.url, out / str(server.port)) for server, project in servers])
    for (server, _), site in zip(servers, sites, strict=True):
        files = sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
        assert len(files) > 50
        different = []
        for name in files:
            url = name[:-len("index.html")] if name.endswith("/index.html") or name == "index.html" else name
            status, body = server.get(url)
            if status != 200 or body != (site / name).read_bytes():
                different.append(f"{name} ({status})")
        flags = " ".join(server.flags) or "no flag"
        assert not different, f"serve ({flags}), after {after}, served differently from a clean build: {different[:20]}"
        for url in gone:
            assert server.get(url)[0] == 404, f"serve ({flags}), after {after}, {url} is still served"


def test_serve_after_changes_serves_what_a_clean_build_makes(tmp_path: Path) -> None:
    """``mkdocs serve`` and ``mkdocs serve --dirty`` side by side, each on its own copy of the
    sample, through the same changes (two servers at once: half the time of one after the other)."""
    projects = [sample_project(tmp_path / "serve"), sample_project(tmp_path / "serve-dirty")]
    servers: list[Server] = []
    try:
        servers = [Server(projects[0], wait=False), Server(projects[1], "--dirty", wait=False)]
        for server in servers:
            server.ready()
        pairs = list(zip(servers, projects, strict=True))
        gone: list[str] = []
        for number, ((what, removed), _) in enumerate(zip(steps(projects[0]), steps(projects[1]), strict=True)):
            rebuilt(servers)
            gone += removed
            if number in (0, 4, 6):  # along the way too, not only at the end
                served_like_clean(pairs, tmp_path / f"clean-{number}", gone, what)
        served_like_clean(pairs, tmp_path / "clean", gone, "every change")
        assert "files of the journal built again" in servers[1].output()  # not a full build each time
    finally:
        for server in servers:
            server.stop()


def test_serve_dirty_beside_an_untested_plugin_builds_everything(tmp_path: Path) -> None:
    """mkdocs-redirects writes pages of its own: with it, every dirty build is full, and right."""
    pytest.importorskip("mkdocs_redirects")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    project = sample_project(tmp_path, plugins=[*config["plugins"], {
        "redirects": {"redirect_maps": {"old-home.md": "index.md"}}}])
    server = Server(project, "--dirty")
    try:
        gone: list[str] = []
        for number, (_, removed) in enumerate(steps(project)):
            server.rebuilt()
            gone += removed
            if number == 4:
                break
        served_like_clean([(server, project)], tmp_path / "clean", gone, "five changes")
        assert server.get("old-home/")[0] == 200
        assert "mkdocs_redirects.plugin (not tested with --dirty)" in server.output()
    finally:
        server.stop()
