"""The files of a site known before any page is rendered (``pages/plan.py``): what other plugins
see in ``on_files``, what the site does when they removed some, and the navigation they make."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from conftest import debrief, write_files
from interview_journal.load import load_journal
from interview_journal.options import Options
from interview_journal.pages.build import build_site
from interview_journal.pages.plan import nav_paths, plan, without_pages
from interview_journal.pages.site import prepare

FILES = {
    "acme/a.md": debrief(company="Acme", date="2026-11-20"),
    "acme/company.md": "---\nkind: company\ncompany: Acme\n---\nA note.\n",
    "beta/b.md": debrief(company="Beta", date="2026-11-21", private=True),
    "gamma/c.md": debrief(company="Gamma", date="2026-11-22"),
}


def journal(tmp_path: Path):
    write_files(tmp_path / "journal", FILES)
    (tmp_path / "journal" / "acme" / "board.png").write_bytes(b"x")
    return load_journal(tmp_path / "journal", ZoneInfo("Europe/Berlin"))


def test_the_plan_names_every_file_the_site_makes(tmp_path: Path) -> None:
    loaded = journal(tmp_path)
    for options, attachments in ((Options(), ["journal/acme/board.png"]), (Options(public=True, section="log"), [])):
        planned = plan(loaded, options)
        made = [page.src_uri for page in build_site(prepare(planned.view, options, date(2026, 11, 25)))]
        assert sorted(planned.files) == sorted(made + attachments)  # a public site: no unlinked attachment


def test_each_file_says_what_is_behind_it(tmp_path: Path) -> None:
    planned = plan(journal(tmp_path), Options()).files
    root = (tmp_path / "journal").resolve()
    assert planned["journal/acme/a.md"].source == root / "acme/a.md"
    assert planned["journal/acme/a.md"].entry == "acme/a.md"
    assert planned["journal/companies/acme.md"].source == root / "acme/company.md"
    assert planned["journal/companies/gamma.md"].source is None
    assert planned["journal/acme/board.png"].source == root / "acme/board.png"
    assert (planned["journal/index.md"].source, planned["journal/index.md"].in_nav) == (None, True)
    assert not planned["journal/acme/a.md"].in_nav
    assert "journal/beta/b.md" in planned and plan(journal(tmp_path), Options(public=True)).files.get(
        "journal/beta/b.md") is None  # private: no page on a public site


def test_a_debrief_whose_page_another_plugin_removed_is_on_no_page(tmp_path: Path) -> None:
    planned = plan(journal(tmp_path), Options())
    view, broken = planned.after_other_plugins(lambda uri: not uri.startswith("journal/gamma/"))
    assert "gamma" not in view.companies and broken == []  # Gamma's page goes with its only debrief
    pages = [page.src_uri for page in build_site(prepare(view, Options(), date(2026, 11, 25)))]
    assert "journal/companies/gamma.md" not in pages


def test_a_removed_page_that_others_link_to_is_reported(tmp_path: Path) -> None:
    planned = plan(journal(tmp_path), Options())
    gone = {"journal/followups.md", "journal/companies/acme.md", "journal/acme/board.png"}
    view, broken = planned.after_other_plugins(lambda uri: uri not in gone)
    assert sorted(broken) == ["journal/companies/acme.md", "journal/followups.md"]
    assert "acme" in view.companies


def test_the_pages_of_a_navigation_and_a_navigation_without_some() -> None:
    nav = ["index.md", {"Journal": ["journal/index.md", {"Acme": ["journal/acme/a.md"]},
                                    {"Companies": ["journal/companies/index.md", {"Acme": "journal/companies/acme.md"}]}]},
           {"Elsewhere": "https://x.example/"}]
    assert nav_paths(nav) == {"index.md", "journal/index.md", "journal/acme/a.md", "journal/companies/index.md",
                              "journal/companies/acme.md", "https://x.example/"}
    hidden = {"journal/acme/a.md", "journal/companies/acme.md"}
    assert without_pages(nav, hidden) == ["index.md", {"Journal": ["journal/index.md",
                                                                   {"Companies": ["journal/companies/index.md"]}]},
                                          {"Elsewhere": "https://x.example/"}]
    assert without_pages(None, hidden) is None
