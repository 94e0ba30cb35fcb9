"""The question bank and the insights page: themes, funnel, medians, punctuality, charts, privacy."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from conftest import REPO, build_once, debrief, soup, write_files
from interview_journal import insights as ins
from interview_journal.load import load_journal
from interview_journal.options import Due, parse_options
from interview_journal.pages.charts import Bar, bar_chart, column_chart
from interview_journal.process import build_processes
from interview_journal.rules import all_items

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 11, 25)  # a Wednesday
SVG = "{http://www.w3.org/2000/svg}"
RECRUITER = {"name": "Dana Ruiz", "agency": "Talent Bridge"}


def processes(tmp_path: Path, files: dict[str, str], today: date = TODAY):
    write_files(tmp_path / "journal", files)
    journal = load_journal(tmp_path / "journal", BERLIN)
    assert journal.problems == []
    return build_processes(journal, today)


def rounds(tmp_path: Path, files: dict[str, str], today: date = TODAY):
    return [r for p in processes(tmp_path, files, today) for r in p.rounds]


# --- themes -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("keywords", "text", "matches"),
    [
        (["SQL"], "sql under pressure was slow", True),            # case
        (["sql"], "Weak SQL", True),
        (["pipeline"], "rebuilt two pipelines last year", True),  # simple plural
        (["process"], "knows our processes", True),               # -es plural
        (["experience"], "wants more streaming experience in production", True),  # inside a sentence
        (["design"], "strong system design", True),
        (["design"], "talked to a designer", False),               # whole words only
        (["test"], "latest release", False),
        (["system design"], "system-design round was rushed", True),  # a phrase across a hyphen
        (["window function"], "froze on a window  function", True),
        (["C++"], "little C++ depth", True),
        (["C++"], "a C programmer", False),
    ],
)
def test_keywords_match_case_plurals_and_whole_words(keywords: list[str], text: str, matches: bool) -> None:
    assert bool(ins.keyword_pattern(keywords).search(text)) is matches


def _feedback(negatives: list[str], positives: list[str] = (), **fields: object) -> dict:
    return {"feedback": {"received": "2026-11-22", "negatives": list(negatives), "positives": list(positives)},
            **fields}


FEEDBACK_FILES = {
    "acme/a.md": debrief(company="Acme", recruiter=RECRUITER, **_feedback(["System Design was shallow"])),
    "globex/a.md": debrief(company="Globex", recruiter=RECRUITER,
                           **_feedback(["needs more work on system designs", "wants Kafka experience"])),
    "initech/a.md": debrief(company="Initech", went_poorly=["my SYSTEM DESIGN answer ran long"],
                            went_well=["good rapport"]),
    "umbrella/a.md": debrief(company="Umbrella", recruiter=RECRUITER,
                             **_feedback(["salary expectations too high"], ["strong system design"])),
}


def test_feedback_is_grouped_into_themes_with_companies_and_sources(tmp_path: Path) -> None:
    found = ins.group_remarks(ins.remarks_of(rounds(tmp_path, FEEDBACK_FILES)), ins.ThemeMatcher.of(ins.DEFAULT_THEMES))
    negative = {t.theme: t for t in found["negative"].tallies}
    design = negative["system design"]
    assert found["negative"].tallies[0] is design  # raised by most companies: first
    assert [c.name for c in design.companies] == ["Acme", "Globex", "Initech"]
    assert (design.client, design.own) == (2, 1)
    assert [c.name for c in negative["experience"].companies] == ["Globex"]
    assert [c.name for c in negative["salary"].companies] == ["Umbrella"]
    assert "communication" in negative  # "ran long": the Initech remark is in two themes
    assert [t.theme for t in found["positive"].tallies] == ["system design"]
    assert [r.text for r in found["positive"].unthemed] == ["good rapport"]  # nothing lost
    assert found["negative"].unthemed == []


def test_custom_themes_replace_the_defaults(tmp_path: Path) -> None:
    themes = {"streaming": ["kafka", "flink"], "money": ["salary"]}
    found = ins.group_remarks(ins.remarks_of(rounds(tmp_path, FEEDBACK_FILES)), ins.ThemeMatcher.of(themes))
    assert [t.theme for t in found["negative"].tallies] == ["streaming", "money"]
    assert len(found["negative"].unthemed) == 3  # the system design remarks no longer have a theme


def test_an_empty_themes_option_turns_themes_off(site) -> None:
    out = site({"a.md": debrief(feedback={"negatives": ["weak system design"]})}, themes={})
    html = soup(out / "journal/insights/index.html")
    assert html.select("table[data-themes]") == []
    assert "weak system design" in html.select_one("ul.ij-unthemed[data-tone='negative']").get_text()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (["design"], "themes: expected a mapping of 'key: value' lines, got a list"),
        ({"design": 3}, "themes.design[0]: expected text, got 3"),  # a single value is a list of one
        ({"design": []}, "themes.design: expected at least one item, got a list"),
        ({"design": ["ok", 3]}, "themes.design[1]: expected text, got 3"),
        ({"": ["x"]}, "themes: expected text, got an empty text"),
    ],
)
def test_a_bad_themes_option_says_what_is_wrong(value: object, message: str) -> None:
    options, problems = parse_options({"themes": value})
    assert str(problems[0]).split(": ", 1)[1].startswith(message)
    assert options.themes is None  # the default themes, and the build stops on the problem


def test_the_build_stops_on_a_bad_themes_option(site, caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        site({"a.md": debrief()}, themes={"design": {"a": "b"}})
    assert re.search(r"mkdocs\.yml:\d+:\d+: themes\.design\[0\]: expected text, not a list or mapping, got a mapping",
                     caplog.text)


def test_themes_must_be_a_mapping(site, caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        site({"a.md": debrief()}, themes=["design"])
    assert "themes" in caplog.text


def test_the_documented_default_themes_are_the_real_ones() -> None:
    text = (REPO / "docs/insights.md").read_text(encoding="utf-8")
    table = text.split("### The default themes", 1)[1].split("###", 1)[0]
    rows = re.findall(r"^\| (?!theme |---)(.+?) \| (.+?) \|$", table, re.MULTILINE)
    assert {name: tuple(words.split(", ")) for name, words in rows} == ins.DEFAULT_THEMES


# --- funnel and medians -------------------------------------------------------------------

def test_funnel_counted_by_hand(tmp_path: Path) -> None:
    found = processes(tmp_path, {
        # A: one round, rejected: a process, nothing more
        "a/1.md": debrief(company="A", date="2026-11-02", outcome="rejected"),
        # B: round 2 is scheduled: reached a second round
        "b/1.md": debrief(company="B", date="2026-11-02"),
        "b/2.md": debrief(company="B", date="2026-12-01"),
        # C: three rounds, the last one's stage says final
        "c/1.md": debrief(company="C", date="2026-11-02"),
        "c/2.md": debrief(company="C", date="2026-11-09"),
        "c/3.md": debrief(company="C", date="2026-11-16", stage="Final panel"),
        # D: an offer after one round: counts at every step
        "d/1.md": debrief(company="D", date="2026-11-02", outcome="offer"),
        # E: the second round was cancelled: not a second round; "finalist" is not "final"
        "e/1.md": debrief(company="E", date="2026-11-02", stage="finalist chat"),
        "e/2.md": debrief(company="E", date="2026-11-09", status="cancelled"),
    })
    steps = ins.funnel(found)
    assert [(s.label, s.count) for s in steps] == [
        ("Processes", 5), ("Reached a second round", 3), ("Reached a final round", 2), ("Offer", 1)]
    assert steps[1].share == pytest.approx(0.6)
    assert sorted(ins.furthest(p) for p in found) == [0, 0, 1, 2, 3]  # A and E; B; C; D
    assert all((ins.furthest(p) >= 1, ins.furthest(p) >= 2) == (ins.reached_second(p), ins.reached_final(p))
               for p in found)


def test_an_offer_in_the_company_note_counts(tmp_path: Path) -> None:
    found = processes(tmp_path, {"a/company.md": "---\nkind: company\ncompany: A\nstatus: accepted\n---\n",
                                 "a/1.md": debrief(company="A", date="2026-11-02")})
    assert [s.count for s in ins.funnel(found)] == [1, 1, 1, 1]


def test_median_days_to_feedback_by_agency_and_for_direct_searches(tmp_path: Path) -> None:
    other = {"name": "Sam", "agency": "Other Agency"}

    def held(company: str, day: str, received: str | None, **fields: object) -> str:
        feedback = {"feedback": {"received": received}} if received else {}
        return debrief(company=company, date=day, **feedback, **fields)

    delays = ins.feedback_delays(rounds(tmp_path, {
        "a/1.md": held("A", "2026-11-02 10:00", "2026-11-04", recruiter=RECRUITER),   # 2 days
        "a/2.md": held("A", "2026-11-09", "2026-11-13", recruiter=RECRUITER),         # 4
        "a/3.md": held("A", "2026-11-16", "2026-11-25", recruiter=RECRUITER),         # 9
        "b/1.md": held("B", "2026-11-02", "2026-11-03", recruiter=other),             # 1
        "b/2.md": held("B", "2026-11-09", "2026-11-11", recruiter=other),             # 2
        "b/3.md": held("B", "2026-11-20", None, recruiter=other),                     # waiting
        "c/1.md": held("C", "2026-11-02", "2026-11-07"),                              # direct: 5
        "c/2.md": held("C", "2026-11-03", "2026-11-01"),                              # before the interview: a typo
        "d/1.md": held("D", "2026-12-01", None, recruiter=RECRUITER),                 # scheduled: not held
    }), TODAY)
    table = {d.channel: (d.days, d.median, d.waiting) for d in delays}
    assert [d.channel for d in delays] == ["All interviews", "Other Agency", "Talent Bridge", ins.DIRECT]
    assert table["Talent Bridge"] == ((2, 4, 9), 4, 0)
    assert table["Other Agency"] == ((1, 2), 1.5, 1)
    assert table[ins.DIRECT] == ((5,), 5, 0)
    assert table["All interviews"][1] == 3  # median of 1 2 2 4 5 9
    assert table["All interviews"][2] == 1


# --- punctuality and discipline -----------------------------------------------------------

def _items(tmp_path: Path, files: dict[str, str]):
    return all_items(processes(tmp_path, files), Due())


def test_thank_you_punctuality_edges(tmp_path: Path) -> None:
    items = [i for i in _items(tmp_path, {
        "a.md": debrief(date="2026-11-20 14:00", interviewers=[
            {"name": "Same Day", "thank_you": "2026-11-20"},
            {"name": "Due Day", "thank_you": "2026-11-21 23:00"},   # due = date + 1: on time
            {"name": "A Day Late", "thank_you": "2026-11-22"},
            {"name": "Never"},                                       # due 2026-11-21, past: missed
        ]),
        "b.md": debrief(date="2026-11-24", interviewers=["Due Today"]),   # due 2026-11-25 = today: still open
        "c.md": debrief(date="2026-11-25 09:00", interviewers=["This Morning"]),  # due tomorrow: open
    }) if i.kind == "thank-you"]
    result = ins.punctuality(items, TODAY)
    assert sorted(i.person for i in result.on_time) == ["Due Day", "Same Day"]
    assert [i.person for i in result.late] == ["A Day Late"]
    assert [i.person for i in result.missed] == ["Never"]
    assert sorted(i.person for i in result.open) == ["Due Today", "This Morning"]
    assert result.counted == 4
    assert result.share == 0.5


def test_discipline_counts_only_items_with_a_known_done_date(tmp_path: Path) -> None:
    items = _items(tmp_path, {
        "a.md": debrief(date="2026-11-20", recruiter=RECRUITER, recruiter_call="2026-11-20",
                        recruiter_thank_you="2026-11-29",  # optional: never counted
                        feedback={"received": "2026-11-24"},  # due 11-23: late
                        body="- [x] ticked with a date ✅ 2026-11-21 📅 2026-11-22\n"
                             "- [x] ticked without a date 📅 2026-11-22\n"
                             "- [ ] overdue task 📅 2026-11-24\n"
                             "- [ ] future task 📅 2026-11-30\n"
                             "- [-] cancelled 📅 2026-11-21\n"),
        "b.md": debrief(date="2026-12-03", recruiter=RECRUITER, interviewers=["Priya"]),  # prep items: no done date
    })
    kinds = ins.discipline(items, TODAY)
    assert (len(kinds["recruiter-call"].on_time), kinds["recruiter-call"].counted) == (1, 1)
    assert (len(kinds["feedback"].late), kinds["feedback"].counted) == (1, 1)
    assert [i.title for i in kinds["task"].on_time] == ["ticked with a date"]
    assert [i.title for i in kinds["task"].missed] == ["overdue task"]
    assert kinds["task"].counted == 2
    assert kinds["all"].counted == 4
    assert "prep-background" not in kinds and "recruiter-thank-you" not in kinds


def test_interviews_per_week_over_the_last_eight_weeks(tmp_path: Path) -> None:
    weeks = ins.interviews_per_week(rounds(tmp_path, {
        "a/1.md": debrief(company="A", date="2026-11-23 08:00"),          # Monday of this week
        "a/2.md": debrief(company="A", date="2026-11-22"),                # Sunday of last week
        "b/1.md": debrief(company="B", date="2026-11-16"),                # last week too
        "b/2.md": debrief(company="B", date="2026-11-17", status="cancelled"),
        "c/1.md": debrief(company="C", date="2026-11-27"),                # later this week: scheduled
        "c/2.md": debrief(company="C", date="2026-09-30"),                # nine weeks ago: outside
        "d/1.md": debrief(company="D", date="2026-10-05"),                # first of the eight weeks
    }), TODAY)
    assert len(weeks) == 8
    assert weeks[0] == (date(2026, 10, 5), 1)
    assert weeks[-2:] == [(date(2026, 11, 16), 2), (date(2026, 11, 23), 1)]
    assert sum(count for _, count in weeks) == 4


# --- the question bank --------------------------------------------------------------------

def test_question_bank_groups_by_theme_with_unthemed_last(tmp_path: Path) -> None:
    bank = ins.question_bank(rounds(tmp_path, {
        "a.md": debrief(date="2026-11-02", questions=[
            {"q": "window functions", "answer": "poor", "theme": "SQL"},
            "tell me about yourself",
            {"q": "a design", "answer": "good", "theme": "system design"}]),
        "b.md": debrief(date="2026-11-09", questions=[{"q": "joins", "answer": "Poor", "theme": "sql"}]),
    }))
    assert [(g.name, [a.q for a in g.questions]) for g in bank] == [
        ("SQL", ["joins", "window functions"]), ("system design", ["a design"]),
        (ins.OTHER_QUESTIONS, ["tell me about yourself"])]
    assert [a.q for a in ins.to_practise(bank)] == ["joins", "window functions"]


@pytest.mark.parametrize(
    ("questions", "problem"),
    [
        ([{"q": "joins", "answer": "great"}], "questions[0].answer"),
        ([{"answer": "good"}], "questions[0].q"),
        (42, "questions[0]"),
    ],
)
def test_a_wrong_question_is_a_problem_line(tmp_path: Path, questions: object, problem: str) -> None:
    write_files(tmp_path / "journal", {"a.md": debrief(questions=questions)})
    journal = load_journal(tmp_path / "journal", BERLIN)
    assert [p.field for p in journal.problems] == [problem]
    assert re.search(rf"a\.md:\d+:\d+: {re.escape(problem)}: expected ", str(journal.problems[0]))


def test_questions_read_as_plain_lines_or_mappings(tmp_path: Path) -> None:
    bank = ins.question_bank(rounds(tmp_path, {"a.md": debrief(questions=["why us?", {"q": "joins", "answer": "OK"}])}))
    assert [(a.q, a.answer, a.theme) for g in bank for a in g.questions] == [("why us?", None, None), ("joins", "ok", None)]


# --- charts -------------------------------------------------------------------------------

def test_a_chart_is_valid_svg_with_escaped_text() -> None:
    evil = 'R&D <Labs> "quoted"</text><script>alert(1)</script>'
    for svg_text in (bar_chart("c1", f"Title {evil}", [Bar(evil, 3, "3"), Bar("b", 0, "0")]),
                     column_chart("c2", "Weeks", [Bar(evil, 2, "2")])):
        root = ET.fromstring(str(svg_text))
        assert root.tag == SVG + "svg" and root.get("role") == "img"
        assert root[0].tag == SVG + "title" and root.get("aria-labelledby") == root[0].get("id")
        assert root.find(f".//{SVG}script") is None
        assert evil in [t.text for t in root.iter(SVG + "text")]


# --- built sites --------------------------------------------------------------------------

QUESTION_FILES = {
    "acme/2026-11-10-screen.md": debrief(
        company="Acme", date="2026-11-10 10:00", stage="phone screen", recruiter=RECRUITER,
        feedback={"received": "2026-11-12", "negatives": ["System design was shallow"],
                  "positives": ["clear communicator"]},
        questions=[{"q": "rank rows with a window function", "answer": "poor", "theme": "SQL"},
                   {"q": "design a feed", "answer": "good", "theme": "system design"},
                   "why this company?"]),
    "globex/2026-11-18-onsite.md": debrief(
        company="Globex", date="2026-11-18", stage="final onsite", recruiter=RECRUITER, outcome="offer",
        feedback={"received": "2026-11-23", "negatives": ["system design lacked depth on caching"]},
        went_poorly=["my answers ran long"],
        questions=[{"q": "design a cache", "answer": "ok", "theme": "System Design"}]),
}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """QUESTION_FILES built once, for the tests that read its questions and insights pages.
    These pages sum up the whole journal, so no other test's files go into it."""
    return build_once(tmp_path_factory, QUESTION_FILES)


def _svgs(page: Path) -> dict[str, ET.Element]:
    """The page's charts, parsed from the raw HTML as XML."""
    raw = page.read_text(encoding="utf-8")
    charts = [ET.fromstring(text) for text in re.findall(r'<svg xmlns="http://www.w3.org/2000/svg" class="ij-chart".*?</svg>', raw, re.DOTALL)]
    return {svg.get("id"): svg for svg in charts}


def test_questions_page_groups_by_theme_and_marks_poor_answers(out: Path) -> None:
    html = soup(out / "journal/questions/index.html")
    groups = [(h2.get_text(strip=True), [li.select_one(".ij-question__q").get_text() for li in h2.find_next_sibling("ul").select("li")])
              for h2 in html.select("article h2[data-theme]")]
    assert groups == [("SQL", ["rank rows with a window function"]),
                      ("system design", ["design a cache", "design a feed"]),  # one theme, whatever the case
                      ("Other questions", ["why this company?"])]
    poor = html.select("li.ij-question--poor")
    assert [li.select_one(".ij-question__q").get_text() for li in poor] == ["rank rows with a window function"]
    assert poor[0].select_one(".ij-answer").get_text() == "answered poorly"  # said in words
    assert [a.get_text() for a in html.select("#to-practise li a")] == ["rank rows with a window function"]
    first = poor[0]
    assert first.select_one("a[href='../companies/acme/']").get_text() == "Acme"
    assert first.select_one("a.ij-question__debrief")["href"] == "../acme/2026-11-10-screen/#questions"
    assert first.select_one("time")["datetime"] == "2026-11-10"
    assert "phone screen" in first.get_text()
    assert (out / "journal/acme/2026-11-10-screen/index.html").is_file()
    debrief_page = soup(out / "journal/acme/2026-11-10-screen/index.html")
    assert debrief_page.select_one("h2#questions") is not None


def test_insights_page_shows_themes_and_numbers(out: Path) -> None:
    page = out / "journal/insights/index.html"
    html = soup(page)
    row = html.select_one("table[data-themes='negative'] tr[data-theme='system design']")
    assert row.select_one("td[data-count]")["data-count"] == "2"
    assert [a.get_text() for a in row.select("a")] == ["Acme", "Globex"]
    assert "system design" in html.select_one(".ij-glance").get_text()
    assert "System design was shallow" in html.get_text()
    funnel = [[cell.get_text() for cell in tr.select("th, td")] for tr in html.select("#funnel-table tbody tr")]
    assert funnel == [["Processes", "2", "100%"], ["Reached a second round", "1", "50%"],
                      ["Reached a final round", "1", "50%"], ["Offer", "1", "50%"]]
    delays = {tr.th.get_text(): [td.get_text() for td in tr.select("td")] for tr in html.select("#feedback-table tbody tr")}
    assert delays == {"All interviews": ["2", "3.5 days", "0"], "Talent Bridge": ["2", "3.5 days", "0"]}


def test_the_charts_parse_as_xml_and_match_their_tables(out: Path) -> None:
    page = out / "journal/insights/index.html"
    html = soup(page)
    charts = _svgs(page)
    assert set(charts) == {"ij-chart-funnel", "ij-chart-feedback", "ij-chart-discipline", "ij-chart-weeks"}
    for svg in charts.values():
        assert svg.get("role") == "img" and svg.find(SVG + "title").text

    def drawn(chart: str) -> list[tuple[str, str]]:
        texts = [t.text for t in charts[chart].iter(SVG + "text")]
        return list(zip(texts[0::2], texts[1::2], strict=True))

    funnel = [(tr.th.get_text(), tr.td.get_text()) for tr in html.select("#funnel-table tbody tr")]
    assert [(label, value.split(" ")[0]) for label, value in drawn("ij-chart-funnel")] == funnel
    weeks = [(tr.th.get_text(), tr.td.get_text()) for tr in html.select("#weeks-table tbody tr")]
    assert [(label, value) for value, label in drawn("ij-chart-weeks")] == weeks
    assert sum(int(value) for _, value in weeks) == 2
    discipline = [(tr.th.get_text(), tr.select("td")[-1].get_text()) for tr in html.select("#discipline-table tbody tr")]
    assert [(label, value.split(" ")[0]) for label, value in drawn("ij-chart-discipline")] == discipline


def test_custom_themes_option_in_a_real_build(site) -> None:
    out = site(QUESTION_FILES, themes={"caching": ["cache", "caching"]})
    html = soup(out / "journal/insights/index.html")
    assert [tr["data-theme"] for tr in html.select("table[data-themes='negative'] tbody tr")] == ["caching"]
    assert "System design was shallow" in html.select_one("ul.ij-unthemed[data-tone='negative']").get_text()


def test_a_public_site_hides_answers_and_feedback_texts(site) -> None:
    out = site(QUESTION_FILES, public=True)
    questions = out / "journal/questions/index.html"
    insights = out / "journal/insights/index.html"
    html = soup(questions)
    assert len(html.select("li.ij-question")) == 4  # the questions stay
    assert html.select("[data-answer], .ij-answer, .ij-question--poor, #to-practise") == []
    assert "answered" not in html.select_one("article").get_text()
    page = soup(insights)
    text = page.select_one("article").get_text()
    for secret in ("System design was shallow", "system design lacked depth on caching", "clear communicator",
                   "my answers ran long"):
        assert secret not in text
        assert secret not in insights.read_text(encoding="utf-8")
    assert page.select(".ij-remarks, .ij-remark, table[data-themes]") == []  # no remark, so no theme counts
    assert page.select_one("#funnel-table") is not None  # the numbers of the search stay
    index = (out / "search/search_index.json").read_text(encoding="utf-8")
    assert "System design was shallow" not in index and "answered poorly" not in index


def test_the_sample_nav_lists_questions_and_insights_after_people() -> None:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python", "#"))
    journal = next(entry["Journal"] for entry in config["nav"] if isinstance(entry, dict) and "Journal" in entry)
    names = [next(iter(item)) for item in journal]
    assert names[names.index("People"):] == ["People", "Questions", "Insights"]


def test_a_journal_without_interviews_still_has_both_pages(site) -> None:
    out = site({"acme/company.md": "---\nkind: company\ncompany: Acme\n---\n"})
    questions = soup(out / "journal/questions/index.html")
    assert "No questions recorded yet" in questions.select_one(".ij-empty").get_text()
    page = out / "journal/insights/index.html"
    assert set(_svgs(page)) == {"ij-chart-funnel", "ij-chart-weeks"}  # nothing to draw for feedback or follow-ups
    assert [tr.td.get_text() for tr in soup(page).select("#funnel-table tbody tr")] == ["0", "0", "0", "0"]


def test_names_in_charts_stay_escaped_through_the_build(site) -> None:
    agency = 'Bridge & <Co> "Talent"'
    out = site({"a.md": debrief(recruiter={"name": "Dana", "agency": agency}, feedback={"received": "2026-11-22"})})
    chart = _svgs(out / "journal/insights/index.html")["ij-chart-feedback"]
    assert agency in [t.text for t in chart.iter(SVG + "text")]
    assert agency in chart.find(SVG + "title").text


def test_long_lists_show_their_most_recent_entries_and_say_how_many_are_left(site, monkeypatch) -> None:
    """The counts cover every remark; the lists under them stop at ``LIST_LIMIT`` (50 by default)."""
    from interview_journal.pages.views import insights

    monkeypatch.setattr(insights, "LIST_LIMIT", 2)
    journal = {f"a/2026-11-0{day}.md": debrief(date=f"2026-11-0{day}", interviewers=[{"name": f"P{day}"}],
                                                 feedback={"negatives": [f"weak system design {day}"]})
               for day in (1, 2, 3, 4)}
    html = soup(site(journal) / "journal/insights/index.html")
    theme = html.select_one(".ij-remarks[data-tone='negative'] ul")
    assert [li.get_text(" ", strip=True).split(" ")[3] for li in theme.select("li.ij-remark")] == ["3", "4"]
    assert theme.select_one("li.ij-more").get_text(strip=True) == "… and 2 earlier remarks, on the debrief pages."
    assert html.select_one(".ij-remarks__theme[data-theme='system design']").get_text() == "system design (4)"
    missed = html.select("ul.ij-late li[data-timeliness='missed']")
    assert [li.a.get_text() for li in missed] == ["P3", "P4"]
    assert "and 2 earlier notes not sent" in html.select_one("ul.ij-late").get_text()


def test_a_themes_companies_are_escaped_links_to_their_pages(site) -> None:
    """Each company of a theme is named once, escaped, and links to its own page (the links
    are made once per page and company, ``build._company_links``)."""
    name = 'Bits & <Bytes> "Co"'
    out = site({"a.md": debrief(company=name, date="2026-11-10", feedback={"negatives": ["weak system design"]}),
                "b.md": debrief(company="Globex", date="2026-11-11", went_poorly=["system design ran long"]),
                "c.md": debrief(company=name, date="2026-11-12", went_poorly=["rushed the system design"])})
    html = soup(out / "journal/insights/index.html")
    row = html.select_one("table[data-themes='negative'] tr[data-theme='system design']")
    links = [(a.get_text(), a["href"]) for a in row.select("a")]
    assert links == [(name, "../companies/bits-bytes-co/"), ("Globex", "../companies/globex/")]
    assert "&lt;Bytes&gt;" in str(row) and "<Bytes>" not in str(row)
    glance = [(a.get_text(), a["href"]) for a in html.select(".ij-glance li a")]
    assert glance == links
