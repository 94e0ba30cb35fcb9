"""Browser tests: the built site in real headless Chromium, driven by Playwright.

The sample site is built once per session and served from 127.0.0.1 on a free port. Without
Playwright or a Chromium on the machine the tests skip, saying why; with
``INTERVIEW_JOURNAL_BROWSER_TESTS=required`` (CI sets it) they fail instead, so a CI machine
that lost its browser cannot pass quietly.

Screenshots are opt-in: with ``INTERVIEW_JOURNAL_SCREENSHOTS=DIR`` the screenshot tests save
PNGs of the sample site's pages (and the printed follow-ups page, as PNG and PDF) to ``DIR`` to
look at, and the folder is printed at the end of the run; without it they skip, saying so. They
compare against nothing: what they are for is a person looking at them. The print test's own
assertions run either way.
"""

from __future__ import annotations

import contextlib
import functools
import os
import textwrap
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from .browser_support import find_chromium, unavailable

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS_ENV = "INTERVIEW_JOURNAL_SCREENSHOTS"

BUILD_DAY_EPOCH = "1795608000"
"""SOURCE_DATE_EPOCH of the unpinned fixture site: 2026-11-25 12:00 UTC."""
BUILD_DAY = "2026-11-25"

_screenshot_dir: Path | None = None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable('browser tests need Playwright: pip install -e ".[test]"')
    executable = find_chromium()
    if executable is None:
        unavailable("browser tests need Chromium on PATH (Debian: apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable)
        yield launched
        launched.close()


# -- building and serving ------------------------------------------------------------------

def _build(config_file: Path, site_dir: Path, env: dict[str, str | None]) -> Path:
    """``mkdocs build --strict`` with the given environment variables set (None: unset)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(config_file.parent)
        mp.setenv("NO_MKDOCS_2_WARNING", "1")
        for name, value in env.items():
            if value is None:
                mp.delenv(name, raising=False)
            else:
                mp.setenv(name, value)
        build(load_config(str(config_file), strict=True, site_dir=str(site_dir)))
    return site_dir


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No access log on the test output."""


def _serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name=f"serve {directory.name}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def sample_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The repository's sample site (today pinned to 2026-11-25), served locally."""
    site = _build(REPO / "mkdocs.yml", tmp_path_factory.mktemp("sample-site"),
                  {"INTERVIEW_JOURNAL_TODAY": None, "SOURCE_DATE_EPOCH": None})
    yield from _serve(site)


LIVE_JOURNAL = {
    "acme-rockets/2026-11-24-screen.md": """
        ---
        company: Acme Rockets
        role: Platform Engineer
        date: 2026-11-24 10:00
        recruiter:
          name: Dana Ruiz
          agency: Talent Bridge
        interviewers:
          - name: Priya Shah
            title: Engineering Manager
        recruiter_call: 2026-11-24
        ---
        Notes.

        - [ ] send the portfolio link 📅 2026-12-05
        """,
    "acme-rockets/2026-11-20-final.md": """
        ---
        company: Acme Rockets
        role: Staff Engineer
        date: 2026-11-20
        via: direct
        feedback:
          received: 2026-11-21
        offer:
          received: 2026-11-23
          deadline: 2026-11-30
        ---
        """,
}
"""At the build day (2026-11-25): thank-you due today, feedback (11-27) and the offer's reply
(11-30) this week, the task (12-05) later, the recruiter thank-you optional."""


@pytest.fixture(scope="session")
def live_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A tiny journal whose "today" comes from SOURCE_DATE_EPOCH: not pinned, so re-bucketed."""
    root = tmp_path_factory.mktemp("live-project")
    mkdocs = {
        "site_name": "Live journal",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"interview-journal": {"timezone": "UTC"}}],
        "markdown_extensions": ["attr_list", "md_in_html", "admonition", "pymdownx.tasklist"],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(mkdocs, sort_keys=False), encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    for name, text in LIVE_JOURNAL.items():
        path = root / "journal" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    site = _build(root / "mkdocs.yml", root / "site",
                  {"INTERVIEW_JOURNAL_TODAY": None, "SOURCE_DATE_EPOCH": BUILD_DAY_EPOCH})
    yield from _serve(site)


OTHER_THEMES = ("mkdocs", "readthedocs")
"""MkDocs' own themes: our pages must read well there too (Material stays the reference look)."""


@pytest.fixture(scope="session")
def theme_urls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The tiny journal of ``live_url`` (today pinned) in each of ``OTHER_THEMES``, served locally."""
    with contextlib.ExitStack() as stack:
        urls = {}
        for theme in OTHER_THEMES:
            root = tmp_path_factory.mktemp(f"theme-{theme}")
            mkdocs = {"site_name": "Themed journal", "theme": {"name": theme},
                      "plugins": ["search", {"interview-journal": {"timezone": "UTC", "today": BUILD_DAY}}]}
            (root / "mkdocs.yml").write_text(yaml.safe_dump(mkdocs, sort_keys=False), encoding="utf-8")
            (root / "docs").mkdir()
            (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
            for name, text in LIVE_JOURNAL.items():
                path = root / "journal" / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
            served = _serve(_build(root / "mkdocs.yml", root / "site", {"INTERVIEW_JOURNAL_TODAY": None}))
            urls[theme] = next(served)
            stack.callback(next, served, None)
        yield urls


# -- pages that record what they did ---------------------------------------------------------

def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1"


@dataclass
class Visit:
    """A page and what happened on it: every request, console errors, uncaught exceptions."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def goto(self, url: str) -> Any:
        """Open ``url`` and wait until the page and its scripts have settled (no sleeps)."""
        response = self.page.goto(url, wait_until="networkidle")
        assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
        return response


@pytest.fixture
def visit(browser: Any) -> Iterator[Callable[..., Visit]]:
    """``visit(**context_options)`` -> a fresh page in a fresh context, recorded."""
    contexts: list[Any] = []

    def make(**options: Any) -> Visit:
        options.setdefault("viewport", {"width": 1280, "height": 900})
        options.setdefault("timezone_id", "UTC")
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        # Nothing may leave the machine: record every request, refuse the foreign ones so a
        # stray CDN link fails the test instead of hanging it on an offline machine.
        context.route(lambda url: not is_local(url), lambda route: route.abort())
        page = context.new_page()
        seen = Visit(page)
        page.on("request", lambda request: seen.requests.append(request.url))
        page.on("console", lambda msg: seen.errors.append(f"console: {msg.text}") if msg.type == "error" else None)
        page.on("pageerror", lambda exc: seen.errors.append(f"page error: {exc}"))
        return seen

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def screenshots_wanted() -> Path | None:
    """The folder ``$INTERVIEW_JOURNAL_SCREENSHOTS`` names (created), or None when it is unset."""
    global _screenshot_dir
    wanted = os.environ.get(SCREENSHOTS_ENV, "").strip()
    if not wanted:
        return None
    path = Path(wanted)
    path.mkdir(parents=True, exist_ok=True)
    _screenshot_dir = path
    return path


@pytest.fixture(scope="session")
def screenshot_dir(screenshots_wanted: Path | None) -> Path:
    """The screenshot folder; a test that only takes screenshots skips without one."""
    if screenshots_wanted is None:
        pytest.skip(f"screenshots are opt-in: set {SCREENSHOTS_ENV}=DIR to save them to DIR and look at them")
    return screenshots_wanted


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _screenshot_dir is not None:
        terminalreporter.write_line(f"browser screenshots: {_screenshot_dir}")
