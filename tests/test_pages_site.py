"""The shortcuts the aggregate pages take for speed give what the plain computation gives."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from conftest import debrief, write_files
from interview_journal.dates import day_of
from interview_journal.load import load_journal
from interview_journal.options import Options
from interview_journal.pages.render import time_element
from interview_journal.pages.site import page_url, prepare, site_view
from interview_journal.pages.views.dashboard import recent
from interview_journal.timeline import company_events, moment, people

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 11, 25)


def make_site(tmp_path: Path, files: dict[str, str], today: date = TODAY):
    write_files(tmp_path / "journal", files)
    journal = load_journal(tmp_path / "journal", BERLIN)
    assert journal.problems == []
    return prepare(journal, Options(), today)


def test_a_link_is_relative_to_the_page_it_is_on_whatever_was_linked_before(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"acme/a.md": debrief(), "beta.md": debrief(company="Beta")})
    acme_round = next(r for r in site.rounds if r.company.name == "Acme")
    acme = acme_round.company
    followups, company_page = site.src("followups.md"), site.company_src(acme)
    for _ in range(2):  # the second time from the cache of each page
        assert site.link(followups, acme_round) == "../acme/a/"
        assert site.link(company_page, acme_round) == "../../acme/a/"
        assert site.company_link(followups, acme) == "../companies/acme/"
        assert site.company_link(company_page, acme) == "./"


def test_equal_instants_in_two_zones_read_as_written() -> None:
    berlin = datetime(2026, 11, 20, 14, 0, tzinfo=timezone(timedelta(hours=1)))
    new_york = datetime(2026, 11, 20, 8, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert berlin == new_york  # one instant: a cache keyed on the value alone would mix them up
    assert time_element(berlin) == '<time datetime="2026-11-20T14:00:00+01:00">Fri 2026-11-20 14:00</time>'
    assert time_element(new_york) == '<time datetime="2026-11-20T08:00:00-05:00">Fri 2026-11-20 08:00</time>'
    assert time_element(date(2026, 11, 20), weekday=False) == '<time datetime="2026-11-20">2026-11-20</time>'
    assert time_element(berlin, clock=False) == '<time datetime="2026-11-20">Fri 2026-11-20</time>'


@pytest.mark.parametrize("today", [date(2026, 11, 19), date(2026, 11, 21), TODAY])
def test_recent_activity_is_the_latest_events_of_the_whole_journal(tmp_path: Path, today: date) -> None:
    site = make_site(tmp_path, {
        "acme/a.md": debrief(date="2026-11-18", interviewers=[{"name": "Priya", "thank_you": "2026-11-19"}],
                             recruiter_call="2026-11-19"),
        "acme/b.md": debrief(date="2026-11-20 10:00", interviewers=[{"name": "Priya", "thank_you": "2026-11-21"}]),
        "acme/c.md": debrief(date="2026-11-30 10:00"),  # after today: never listed
        "beta/a.md": debrief(company="Beta", date="2026-11-19", recruiter_call="2026-11-20"),
        "beta/b.md": debrief(company="Beta", date="2026-11-20 10:00"),  # the same moment as Acme's
        "gamma.md": debrief(company="Gamma", date="2026-11-20T04:00:00-05:00"),
    }, today)
    events = {c.key: company_events(c, site.processes_of(c), BERLIN) for c in site.journal.companies.values()}
    assert events == site.events
    everything = sorted(((c, e) for c in site.journal.companies.values() for e in events[c.key]
                         if day_of(e.when) <= today), key=lambda pair: moment(pair[1], BERLIN), reverse=True)
    assert len(everything) >= 4
    for count in range(len(everything) + 2):
        assert recent(site, count) == everything[:count]


def test_a_company_page_lists_the_interviewers_people_finds_for_it(tmp_path: Path) -> None:
    site = make_site(tmp_path, {
        "a.md": debrief(interviewers=[{"name": "Priya Shah", "title": "EM"}, "Tom"], recruiter={"name": "Dana"}),
        "b.md": debrief(date="2026-11-22", interviewers=["priya shah"]),
        "c.md": debrief(company="Beta", interviewers=[{"name": "Priya Shah", "email": "p@beta.example"}]),
    })
    for company in site.journal.companies.values():
        expected = [m for m in people(site.processes_of(company), TODAY) if m.role == "interviewer"]
        assert site.interviewers_of(company) == expected
        assert expected


def test_the_aggregate_templates_write_wide_characters_as_entities() -> None:
    """One character above U+00FF in a page's text makes Python store the whole page at two or
    four bytes per character; the aggregate pages of a large journal are tens of megabytes."""
    from interview_journal.pages.render import TEMPLATES

    for name in ("dashboard.html", "followups.html", "companies.html", "company.html", "people.html",
                 "questions.html", "insights.html", "macros.html"):
        text = re.sub(r"\{#.*?#\}", "", (TEMPLATES / name).read_text(encoding="utf-8"), flags=re.DOTALL)
        assert [ch for ch in text if ord(ch) > 0xFF] == [], name


def test_macros_render_only_the_page_of_a_file_that_asks(tmp_path: Path) -> None:
    import yaml

    from interview_journal.pages.build import build_site

    files = {"asks.md": debrief(company="Asks", render_macros=True, body="{{ 2 + 2 }}\n"),
             "plain.md": debrief(company="Plain", body="{% if %}\n")}
    for options, asks in ((Options(), True), (Options(public=True), False)):  # a public site never asks
        write_files(tmp_path / "journal", files)
        site = prepare(site_view(load_journal(tmp_path / "journal", BERLIN), options), options, TODAY)
        pages = {page.src_uri: page.content for page in build_site(site)}

        def meta(src: str, pages: dict = pages) -> dict:
            return yaml.safe_load(pages[src].markdown.split("---\n")[1])

        assert meta("journal/asks.md")["render_macros"] is asks
        assert meta("journal/plain.md")["render_macros"] is False
        assert meta("journal/index.md")["render_macros"] is False


def test_urls_follow_mkdocs_rules_and_the_urls_mkdocs_gave() -> None:
    assert [page_url(src, True) for src in ("journal/index.md", "journal/a.md", "journal/calendar.ics")] == [
        "journal/", "journal/a/", "journal/calendar.ics"]
    assert [page_url(src, False) for src in ("journal/index.md", "index.md", "journal/a.md")] == [
        "journal/index.html", "index.html", "journal/a.html"]


def test_links_are_made_from_the_urls_mkdocs_gave(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"acme/a.md": debrief()})
    acme_round = site.rounds[0]
    site.urls = {"journal/followups.md": "fr/journal/followups/", "journal/acme/a.md": "fr/journal/acme/a/",
                 "journal/calendar.ics": "journal/calendar.ics", "journal/companies/acme.md": "x/what%3F/"}
    assert site.link("journal/followups.md", acme_round) == "../acme/a/"
    assert site.link_to("journal/followups.md", "journal/calendar.ics") == "../../../journal/calendar.ics"
    assert site.company_link("journal/acme/a.md", acme_round.company) == "../../../../x/what%3F/"  # quoted once
