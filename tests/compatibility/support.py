"""What every compatibility test needs: a small journal that is hard to get right, a site built
--strict beside another plugin (or theme), and the checks that the site is whole.

The other plugins come from the registry (``pip install -e ".[compat]"``). Without one, its
tests skip, saying which package to install; with ``INTERVIEW_JOURNAL_COMPAT_TESTS=required``
(CI sets it) they fail instead, so a CI machine that lost a plugin cannot pass quietly.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import clean_environment, debrief, write_files

REQUIRED_ENV = "INTERVIEW_JOURNAL_COMPAT_TESTS"

# A 1x1 PNG: the attachment next to a debrief.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")

SCREEN = "o-brien-labs/2026-11-18-screen"
"""A done round with an overdue thank-you: quotes in every name, a question and the notes."""
DEBRIEFS = (SCREEN, "o-brien-labs/2026-11-24-onsite", "northwind/2026-12-02-final")

JOURNAL: dict[str, str | bytes] = {
    f"{SCREEN}.md": debrief(
        company="O'Brien \"Labs\"", role="Data Engineer", date="2026-11-18 14:00",
        recruiter={"name": "Zoë D'Arcy", "agency": "Talent Bridge"},
        interviewers=[{"name": "Aiko O'Neil", "title": "Lead \"Data\""}],
        questions=[{"q": "why 'exactly once'?", "answer": "ok"}], tags=["sql's joins"],
        body="""
        Went well; the "whiteboard" part was fun.

        ![The whiteboard](whiteboard.png)

        - [ ] send Aiko's "link" 📅 2026-11-27
        """),
    "o-brien-labs/whiteboard.png": PNG,
    "o-brien-labs/company.md": "---\nkind: company\ncompany: O'Brien \"Labs\"\n---\nA note about O'Brien.\n",
    "o-brien-labs/2026-11-24-onsite.md": debrief(company="O'Brien \"Labs\"", role="Data Engineer",
                                                 date="2026-11-24 10:00", interviewers=["Sam O'Hara"]),
    "northwind/2026-12-02-final.md": debrief(company="Northwind", role="Analyst", date="2026-12-02 09:00",
                                             interviewers=["Priya Shah"]),
}

DOCS = {
    "index.md": """
        # Home

        What is [overdue](journal/followups.md#overdue), the [screen](journal/o-brien-labs/2026-11-18-screen.md)
        and its [checklist](journal/o-brien-labs/2026-11-18-screen.md#checklist).
        """,
}
"""A docs page linking to our pages and our sections: MkDocs checks those links (``validation``)."""

VALIDATION = {"validation": {"links": {"anchors": "warn", "unrecognized_links": "warn"}}}


def require(*modules: str, package: str) -> None:
    """Skip the test unless ``modules`` can be imported (fail when CI requires them)."""
    missing = [name for name in modules if importlib.util.find_spec(name) is None]
    if missing:
        unavailable(f"needs {package}: pip install -e \".[compat]\"")


def unavailable(reason: str) -> NoReturn:
    if os.environ.get(REQUIRED_ENV, "").strip().lower() == "required":
        pytest.fail(f"{reason} ({REQUIRED_ENV}=required)", pytrace=False)
    pytest.skip(reason)


def project(root: Path, *, before: Iterable[object] = (), after: Iterable[object] = (), options: dict | None = None,
            config: dict | None = None, journal: dict[str, str | bytes] | None = None,
            docs: dict[str, str | bytes] | None = None, files: dict[str, str | bytes] | None = None,
            git: bool = False) -> Path:
    """A project folder: mkdocs.yml with the other plugins ``before`` and ``after`` ours,
    docs/, journal/ and ``files`` next to mkdocs.yml; with ``git``, all of it committed."""
    plugin = {"today": "2026-11-25", "timezone": "Europe/Berlin", **(options or {})}
    mkdocs = {
        "site_name": "Compatibility",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", *before, {"interview-journal": plugin}, *after],
        "markdown_extensions": ["attr_list", "md_in_html", "admonition", "pymdownx.tasklist"],
        **VALIDATION,
        **(config or {}),
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(mkdocs, sort_keys=False, allow_unicode=True), encoding="utf-8")
    write_files(root / "docs", dict(DOCS if docs is None else docs))
    write_files(root / "journal", dict(JOURNAL if journal is None else journal))
    write_files(root, files or {})
    if git:
        commit_all(root, "2026-01-02T03:04:05+00:00")
    return root


def commit_all(root: Path, when: str) -> None:
    """``git init`` (once) and commit everything, dated ``when``."""
    if shutil.which("git") is None:
        unavailable("needs git (the plugins read the journal's history)")
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "Test",
           "GIT_AUTHOR_EMAIL": "test@example.example", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "test@example.example"}
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"],
                    ["git", "commit", "-q", "--no-gpg-sign", "-m", "journal"]):
        if command[1] == "init" and (root / ".git").exists():
            continue
        subprocess.run(command, cwd=root, env=env, check=True, capture_output=True)


def build(root: Path) -> Path:
    """``mkdocs build --strict`` of the project, in this process and as the command runs it
    (with the startup and shutdown events some plugins need); returns the site folder."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    with pytest.MonkeyPatch.context() as mp:
        clean_environment(mp)
        mp.chdir(root)
        config = load_config(str(root / "mkdocs.yml"), strict=True, site_dir=str(root / "site"))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    return root / "site"


def properdocs_build(root: Path) -> Path:
    """``properdocs build --strict -f mkdocs.yml`` (another process: ProperDocs takes over the
    ``mkdocs`` modules of the process that imports it)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env.pop("INTERVIEW_JOURNAL_TODAY", None)
    env.pop("SOURCE_DATE_EPOCH", None)
    done = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml",
                           "-d", "site-properdocs"], cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-4000:]
    return root / "site-properdocs"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_file(site: Path, src: str, directory_urls: bool = True) -> Path:
    """The HTML file of the page whose source is ``src`` (``journal/acme/x`` without ``.md``)."""
    return site / src / "index.html" if directory_urls else site / f"{src}.html"


def assert_whole(site: Path, *, section: str = "journal", directory_urls: bool = True,
                 debriefs: Iterable[str] = DEBRIEFS, file_urls: bool = False) -> None:
    """Every debrief page has its summary and checklist, no placeholder or search text of ours
    is left in any page, and every link of every page resolves."""
    for rel in debriefs:
        path = page_file(site, f"{section}/{rel}", directory_urls)
        assert path.is_file(), f"{path} is missing"
        page = soup(path)
        assert page.select_one(".ij-debrief .ij-summary") is not None, path
        assert page.select_one("h2#checklist") is not None, path
        assert page.select_one("ul.ij-checklist > li, .ij-debrief .ij-empty") is not None, path
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "<!--ij-" not in text and "ij-search-text" not in text, path
    broken = broken_links(site, file_urls=file_urls)
    assert not broken, broken


def broken_links(site: Path, *, file_urls: bool = False) -> list[tuple[str, str]]:
    """The links of the site's pages (``a``, ``link``, ``script``, ``img``) that lead nowhere:
    no file, or no element with the anchor's id. ``file_urls``: as a browser opening the files
    from disk follows them, where a link to a folder finds no ``index.html``."""
    broken: list[tuple[str, str]] = []
    ids: dict[Path, set[str]] = {}
    for page in sorted(site.rglob("*.html")):
        if file_urls and page.name == "404.html":
            continue  # a web server's page, never opened from disk
        html = soup(page)
        for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in html.find_all(tag, attrs={attribute: True}):
                url = str(element[attribute])
                parts = urlsplit(url)
                if parts.scheme or parts.netloc:
                    continue
                target = _target(site, page, unquote(parts.path), file_urls)
                if target is None:
                    broken.append((page.relative_to(site).as_posix(), url))
                elif parts.fragment and target.suffix == ".html":
                    if target not in ids:
                        ids[target] = {str(found["id"]) for found in soup(target).find_all(id=True)}
                    if unquote(parts.fragment) not in ids[target]:
                        broken.append((page.relative_to(site).as_posix(), url))
    return broken


def _target(site: Path, page: Path, path: str, file_urls: bool) -> Path | None:
    if not path:
        return page
    base = site if path.startswith("/") else page.parent
    target = (base / path.lstrip("/")).resolve()
    if target.is_dir():
        if file_urls:
            return None
        target = target / "index.html"
    return target if target.is_file() else None
