"""Fixtures: tiny journals written from a compact description, built for real in strict mode.

A test that only reads a built site adds its files to its module's ``SharedJournal`` and reads
the one site a module-scoped fixture builds from it (``build_once``); ``site`` builds a project
of its own, for a test that needs a configuration, an environment or a build nobody else has.
"""

from __future__ import annotations

import os
import signal
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import pytest
import yaml
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[1]


def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests say which day it is; the machine's environment must not."""
    monkeypatch.delenv("INTERVIEW_JOURNAL_TODAY", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("INTERVIEW_JOURNAL_CACHE", "off")  # the command line's disk cache: tests/test_diskcache.py


@pytest.fixture(autouse=True)
def _no_ambient_today(monkeypatch: pytest.MonkeyPatch) -> None:
    clean_environment(monkeypatch)


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The current folder is ``tmp_path``: problem lines name files relative to it."""
    monkeypatch.chdir(tmp_path)


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")


def make_project(root: Path, journal: dict[str, str | bytes], options: dict | None = None,
                 config: dict | None = None, docs: dict[str, str] | None = None) -> Path:
    """A project folder: mkdocs.yml (Material, our plugin), docs/ and journal/."""
    plugin = {"today": "2026-11-25", "timezone": "Europe/Berlin", **(options or {})}
    mkdocs = {
        "site_name": "Test journal",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"interview-journal": plugin}],
        "markdown_extensions": ["attr_list", "md_in_html", "admonition", "pymdownx.tasklist"],
        **(config or {}),
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(mkdocs, sort_keys=False), encoding="utf-8")
    write_files(root / "docs", docs or {"index.md": "# Home\n"})
    (root / "journal").mkdir(exist_ok=True)
    write_files(root / "journal", journal)
    return root


def build(root: Path, strict: bool = True) -> Path:
    """``mkdocs build`` of the project at ``root``; returns the site folder."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"), strict=strict, site_dir=str(root / "site"))
    mkdocs_build(config)
    return root / "site"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """``site(journal_files, **options)`` -> the built site folder (strict)."""
    monkeypatch.chdir(tmp_path)

    def make(journal: dict[str, str | bytes], strict: bool = True, config: dict | None = None,
             docs: dict[str, str] | None = None, **options: object) -> Path:
        make_project(tmp_path, journal, options, config, docs)
        return build(tmp_path, strict)

    return make


def build_clean(root: Path, strict: bool = True) -> Path:
    """``build(root)`` from inside ``root`` with the clean environment of a test: for
    module-scoped fixtures, which run before (and outside) any test's ``monkeypatch``."""
    with pytest.MonkeyPatch.context() as mp:
        clean_environment(mp)
        mp.chdir(root)
        return build(root, strict)


def build_once(factory: pytest.TempPathFactory, journal: dict[str, str | bytes], strict: bool = True,
               config: dict | None = None, docs: dict[str, str] | None = None,
               files: dict[str, str] | None = None, **options: object) -> Path:
    """The site of a module-scoped fixture: ``site(journal, **options)`` in a folder of its own.
    ``files`` go into the project folder next to mkdocs.yml (templates, hooks)."""
    root = make_project(factory.mktemp("site"), journal, options, config, docs)
    write_files(root, files or {})
    return build_clean(root, strict)


class SharedJournal:
    """The files of a module's tests, gathered into one journal that is built once.

    Each test's files are added next to it (``SHARED.add({...})``, at import time). No file
    name and no company (by slug) may belong to two tests, so one test's files cannot change
    what another reads about its own pages; on the pages that list every company (follow-ups,
    dashboard, companies, people) a test reads only the rows of its own companies.
    """

    def __init__(self) -> None:
        self.files: dict[str, str | bytes] = {}
        self._owner: dict[str, int] = {}
        self._parts = 0

    def add(self, files: dict[str, str | bytes]) -> dict[str, str | bytes]:
        from interview_journal.slugs import slugify

        self._parts += 1
        for name, content in files.items():
            assert name not in self.files, f"two tests of this module write journal/{name}"
            self.files[name] = content
            company = _company_of(content)
            if company is not None:
                owner = self._owner.setdefault(slugify(company), self._parts)
                assert owner == self._parts, f"two tests of this module use the company {company!r}"
        return files


def _company_of(content: str | bytes) -> str | None:
    """The ``company:`` of a file's front matter, if it has one that reads."""
    if not isinstance(content, str):
        return None
    text = textwrap.dedent(content).lstrip("\n")
    if not text.startswith("---\n") or "\n---" not in text[3:]:
        return None
    try:
        data = yaml.safe_load(text[4:text.index("\n---", 3)])
    except yaml.YAMLError:
        return None
    company = data.get("company") if isinstance(data, dict) else None
    return str(company) if company is not None else None


def debrief(company: str = "Acme", role: str = "Data Engineer", date: str = "2026-11-20", body: str = "",
            **fields: object) -> str:
    """A debrief file's text: the given fields as YAML front matter, then the body."""
    data = {"company": company, "role": role, "date": date, **fields}
    return "---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + "---\n" + textwrap.dedent(body)


class TooSlow(Exception):
    pass


@contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Fail instead of hanging when the block takes longer than ``seconds`` (POSIX: SIGALRM; a
    blocking read is interrupted too). A guard for hangs and quadratic time, never a measurement:
    keep the limit far above what the block takes."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise TooSlow(f"{what} took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
