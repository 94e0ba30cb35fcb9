"""All the plugins of this folder in one site, built by MkDocs and by ProperDocs: what each
module checks alone must hold when they all act on the same pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import DEBRIEFS, DOCS, SCREEN, assert_whole, build, project, properdocs_build, require, soup

KEPT = [rel for rel in DEBRIEFS if not rel.startswith("northwind/")]
PLUGINS = [
    {"redirects": {"redirect_maps": {"old.md": f"journal/{SCREEN}.md"}}},
    {"exclude": {"glob": ["journal/northwind/*"]}},
    "glightbox",
    "macros",
    {"rss": {"json_feed_enabled": True}},
    {"i18n": {"languages": [{"locale": "en", "default": True, "name": "English"}]}},
    {"git-revision-date-localized": {"enable_creation_date": True}},
    "literate-nav",
]


@pytest.fixture(scope="module", params=["directory-urls", "offline"])
def root(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    require("mkdocs_glightbox", "mkdocs_rss_plugin", "mkdocs_static_i18n", "mkdocs_redirects",
            "mkdocs_git_revision_date_localized_plugin", "mkdocs_macros", "mkdocs_literate_nav", "mkdocs_exclude",
            package="the plugins of tests/compatibility")
    docs = {**DOCS, "SUMMARY.md": "* [Home](index.md)\n* [Journal](journal/)\n"}
    config = {"site_url": "https://journal.example/", "exclude_docs": "/SUMMARY.md\n"}
    plugins = [*PLUGINS, "offline"] if request.param == "offline" else PLUGINS
    return project(tmp_path_factory.mktemp(f"together-{request.param}"), after=plugins, docs=docs, config=config,
                   git=True)


def offline(out: Path) -> bool:
    return out.parent.name.startswith("together-offline")


def page(out: Path, src: str) -> Path:
    return out / f"{src}.html" if offline(out) else out / src / "index.html"


@pytest.fixture(scope="module", params=["mkdocs", "properdocs"])
def out(request: pytest.FixtureRequest, root: Path) -> Path:
    if request.param == "properdocs":
        require("properdocs", package="properdocs")
        return properdocs_build(root)
    return build(root)


def test_pages_are_whole_with_every_plugin(out: Path) -> None:
    assert_whole(out, debriefs=KEPT, directory_urls=not offline(out), file_urls=offline(out))
    assert not (out / "journal" / "northwind").exists()


def test_every_plugin_did_its_part(out: Path) -> None:
    screen = soup(page(out, f"journal/{SCREEN}"))
    assert screen.select_one("a.glightbox img[alt='The whiteboard']") is not None
    assert screen.select_one(".git-revision-date-localized-plugin-date").get_text(strip=True) == "January 2, 2026"
    redirect = soup(page(out, "old")).select_one("link[rel=canonical]")["href"]
    assert redirect == (f"journal/{SCREEN}.html" if offline(out) else f"../journal/{SCREEN}/")
    assert (out / "feed_json_created.json").is_file()
    nav = {a["href"] for a in soup(page(out, "index") if offline(out) else out / "index.html").select(
        "nav.md-nav--primary a.md-nav__link[href]")}
    assert any(link.startswith("journal/followups") for link in nav) and not [link for link in nav if "2026-" in link]
