"""Fixtures: tiny journals written from a compact description, built for real in strict mode."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import pytest
import yaml
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _no_ambient_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests say which day it is; the machine's environment must not."""
    monkeypatch.delenv("INTERVIEW_JOURNAL_TODAY", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("INTERVIEW_JOURNAL_CACHE", "off")  # the command line's disk cache: tests/test_diskcache.py


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


def debrief(company: str = "Acme", role: str = "Data Engineer", date: str = "2026-11-20", body: str = "",
            **fields: object) -> str:
    """A debrief file's text: the given fields as YAML front matter, then the body."""
    data = {"company": company, "role": role, "date": date, **fields}
    return "---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + "---\n" + textwrap.dedent(body)
