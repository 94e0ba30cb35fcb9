"""Real ``mkdocs build --strict`` runs on tiny journals, asserting on the built HTML.

The tests that only read a site share one build (``out``) of all their files, each test's
under its own names and companies; a test that needs its own configuration builds its own.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, SharedJournal, build, build_clean, debrief, make_project, soup
from interview_journal.cli import main

RECRUITER = {"name": "Dana Ruiz", "agency": "Talent Bridge", "email": "dana@talentbridge.example"}
SHARED = SharedJournal()


def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    """Every file and folder under journal/ and docs/: its content's hash and its mtime."""
    return {
        str(path.relative_to(root)): (
            hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "folder", path.stat().st_mtime_ns
        )
        for folder in ("journal", "docs") for path in sorted((root / folder).rglob("*"))
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared project, written and not built yet."""
    return make_project(tmp_path_factory.mktemp("shared"), SHARED.files)


@pytest.fixture(scope="module")
def untouched(project: Path) -> dict[str, tuple[str, int]]:
    """journal/ and docs/ of the shared project before its build."""
    return snapshot(project)


@pytest.fixture(scope="module")
def out(project: Path, untouched: dict[str, tuple[str, int]]) -> Path:
    """The shared site: every file of ``SHARED`` built once, in strict mode."""
    return build_clean(project)


def summary(page: Path) -> dict[str, str]:
    html = soup(page)
    return {dt.get_text(strip=True): " ".join(dt.find_next_sibling("dd").get_text().split())  # as a browser shows it
            for dt in html.select("dl.ij-summary dt")}


SHARED.add({
    "northwind/2026-11-20-screen.md": debrief(company="Northwind"),
    "northwind/deep/2026-11-27-onsite.md": debrief(company="Northwind", date="2026-11-27"),
    "solo.md": debrief(company="Solo"),
})


def test_every_journal_file_has_its_page(out: Path) -> None:
    for rel in ("northwind/2026-11-20-screen", "northwind/deep/2026-11-27-onsite", "solo"):
        assert (out / "journal" / rel / "index.html").is_file(), rel


SHARED.add({"summary.md": debrief(
    company="Northwind Analytics", role="Senior Data Engineer", date="2026-11-20 14:00", round=2,
    stage="technical screen", format="video", recruiter=RECRUITER,
    interviewers=[{"name": "Priya Shah", "title": "Engineering Manager"}],
)})


def test_debrief_page_shows_the_summary(out: Path) -> None:
    facts = summary(out / "journal/summary/index.html")
    assert facts["Company"] == "Northwind Analytics"
    assert facts["Role"] == "Senior Data Engineer"
    assert facts["Round"] == "2 · technical screen"
    assert facts["Date"] == "Fri 2026-11-20 14:00 CET"  # the journal's zone, said
    assert facts["Format"] == "video"
    assert facts["Channel"].startswith("through a recruiter: Dana Ruiz (Talent Bridge)")
    assert facts["Interviewers"] == "Priya Shah, Engineering Manager"
    time = soup(out / "journal/summary/index.html").select_one("dl.ij-summary time")
    assert time["datetime"] == "2026-11-20T14:00:00+01:00"


SHARED.add({"title.md": debrief(company="Contoso", role="Data Engineer", stage="onsite")})


def test_page_title_names_company_role_and_round(out: Path) -> None:
    title = soup(out / "journal/title/index.html").select_one("article h1").get_text()
    assert title == "Contoso — Data Engineer, onsite"


SHARED.add({"notes.md": debrief(company="Notes Inc", body="Some **bold** notes.\n\n- [x] a done task\n")})


def test_notes_render_as_markdown_after_the_summary(out: Path) -> None:
    article = soup(out / "journal/notes/index.html").select_one("article")
    assert article.select_one("h2#notes") is not None
    assert article.select_one("strong").get_text() == "bold"


SHARED.add({
    "obsidian/a.md": debrief(company="Obsidian Co", body=(
        "Kept. %% a private aside %% Kept too.\n\n%%\n- [ ] an idea I keep to myself\n%%\n\n"
        "```\n%% in code: shown %%\n```\n")),
    "obsidian/company.md": "---\nkind: company\ncompany: Obsidian Co\n---\nAbout them. %%\nnot for the site\n%%\n",
})


def test_obsidian_comments_are_not_on_the_site(out: Path) -> None:
    for page in ("journal/obsidian/a/index.html", "journal/companies/obsidian-co/index.html"):
        text = soup(out / page).select_one("article").get_text()
        assert "private aside" not in text and "keep to myself" not in text and "not for the site" not in text
    text = soup(out / "journal/obsidian/a/index.html").select_one("article").get_text()
    assert "Kept." in text and "Kept too." in text and "%% in code: shown %%" in text
    assert "keep to myself" not in (out / "search/search_index.json").read_text(encoding="utf-8")


def _nav_links(page: Path) -> list[str]:
    return [a["href"] for a in soup(page).select("nav.md-nav--primary a.md-nav__link[href]")]


SHARED.add({"hidden/a.md": debrief(company="Hidden"), "hidden/b.md": debrief(company="Hidden", date="2026-11-21")})


def test_debrief_pages_stay_out_of_the_nav(out: Path) -> None:
    links = _nav_links(out / "index.html")
    assert "journal/" in links and "journal/followups/" in links
    assert not [link for link in links if "hidden" in link]


SHARED.add({"untouched/a.md": debrief(company="Untouched", body="- [ ] x\n"),
            "untouched/company.md": "---\nkind: company\ncompany: Untouched\n---\n"})


def test_the_build_touches_neither_journal_nor_docs(out: Path, untouched: dict[str, tuple[str, int]]) -> None:
    assert "journal/untouched/company.md" in untouched
    assert snapshot(out.parent) == untouched


def test_a_problem_fails_the_strict_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.exceptions import Abort

    monkeypatch.chdir(tmp_path)
    make_project(tmp_path, {"a.md": debrief(format="zoom")})
    with pytest.raises(Abort):
        build(tmp_path, strict=True)


def test_a_quiet_strict_build_fails_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``mkdocs build --strict -q`` drops warnings before MkDocs counts them: the plugin stops it."""
    from mkdocs.__main__ import cli as mkdocs_cli

    monkeypatch.chdir(tmp_path)
    make_project(tmp_path, {"a.md": debrief(format="zoom")})
    logger = logging.getLogger("mkdocs")
    saved = (logger.level, logger.propagate, list(logger.handlers))
    try:
        result = CliRunner().invoke(mkdocs_cli, ["build", "--strict", "-q"])
    finally:  # MkDocs' command line sets up its logger for the process: undo it for the next tests
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        logger.handlers[:] = saved[2]
    assert result.exit_code == 1
    assert not (tmp_path / "site" / "journal").exists()


def test_a_plain_build_keeps_valid_files_and_lists_problems(site) -> None:
    out = site({
        "good.md": debrief(),
        "bad.md": "---\ncompany: Acme\nrole: [\n---\n",
        "typo.md": debrief(format="zoom"),
    }, strict=False)
    assert (out / "journal/good/index.html").is_file()
    assert (out / "journal/typo/index.html").is_file()  # kept, without the wrong field
    left_out = soup(out / "journal/bad/index.html").select_one(".ij-left-out")  # its problems, not its values
    assert [li.get_text() for li in left_out.select("li")] == [
        "journal/bad.md:4:1: front matter: expected valid YAML, got did not find expected node content (hint: check "
        "the indentation, and quote values that contain ': ' or start with a special character)"]
    assert "Acme" not in left_out.get_text()
    problems = [li.get_text() for li in soup(out / "journal/index.html").select(".admonition.warning li")]
    assert len(problems) == 2
    assert problems[1] == "journal/typo.md:5:1: format: expected one of phone | video | onsite | panel | take-home | other, got zoom"


def test_the_edit_link_points_at_the_journal_file(site) -> None:
    out = site({"acme/a.md": debrief()}, config={
        "repo_url": "https://git.example/me/search", "edit_uri": "edit/main/docs/",
        "theme": {"name": "material", "font": False, "features": ["content.action.edit"]},
    })
    edit = soup(out / "journal/acme/a/index.html").select_one("a.md-content__button[href]")
    assert edit["href"] == "https://git.example/me/search/edit/main/journal/acme/a.md"


SHARED.add({"acme/a.md": debrief(
    recruiter=RECRUITER, recruiter_call="2026-11-20",
    interviewers=[{"name": "Priya Shah", "thank_you": "2026-11-21"}, {"name": "Tom Becker"}],
)})


def test_checklist_marks_done_and_outstanding_items(out: Path) -> None:
    items = soup(out / "journal/acme/a/index.html").select("ul.ij-checklist > li")
    by_kind = {(li["data-kind"], li.get_text(" ", strip=True).split(" note to ")[-1][:5]): li for li in items}
    call = next(li for li in items if li["data-kind"] == "recruiter-call")
    assert call["data-done"] == "2026-11-20" and call.select_one("input[checked]") is not None
    tom = next(li for li in items if "Tom Becker" in li.get_text())
    assert not tom.has_attr("data-done")
    assert (tom["data-kind"], tom["data-due"], tom["data-company"]) == ("thank-you", "2026-11-21", "acme")
    assert tom.select_one(".ij-badge").get_text() == "Overdue"
    assert len(by_kind) == len(items)


TODO_COMPANIES = ("ant", "bee", "gnat")
SHARED.add({
    "ant/a.md": debrief(company="Ant", recruiter=RECRUITER, interviewers=["Priya Shah", "Tom Becker"],
                        take_back=[{"answer": "said no to Kafka"}], body="- [ ] send link 📅 2026-12-10\n"),
    "bee/b.md": debrief(company="Bee", date="2026-12-01", recruiter=RECRUITER, interviewers=["Ann"]),
    "gnat/c.md": debrief(company="Gnat", date="2026-11-24", contact={"name": "Kim"}, body="- [ ] undated\n"),
})


def test_followups_page_holds_exactly_what_todo_gives(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole page against the whole ``todo``; the numbers by hand for this test's three companies."""
    monkeypatch.chdir(out.parent)
    html = soup(out / "journal/followups/index.html")
    on_page = sorted((li["data-id"], li["data-kind"], li["data-due"], li["data-company"],
                      li.find_parent("section")["data-bucket"]) for li in html.select("li.ij-item"))
    result = CliRunner().invoke(main, ["todo", "--json", "--journal", str(out.parent / "journal"),
                                       "--today", "2026-11-25"])
    assert result.exit_code == 0, result.output
    from_cli = sorted((r["id"], r["kind"], r["due"] or "", r["company_slug"], r["bucket"]) for r in json.loads(result.stdout))
    assert on_page == from_cli
    counts = {a["data-bucket"]: int(a.select_one(".ij-count__n").get_text()) for a in html.select("nav.ij-counts a")}
    assert counts == {bucket: sum(1 for item in on_page if item[4] == bucket) for bucket in counts}
    ours = [item for item in on_page if item[3] in TODO_COMPANIES]
    assert len(ours) == 11
    assert {bucket: sum(1 for item in ours if item[4] == bucket) for bucket in counts} == {
        "overdue": 5, "today": 0, "this-week": 3, "later": 1, "undated": 1, "optional": 1}


SHARED.add({"links/a.md": debrief(company="Linkco", interviewers=["P"])})


def test_followup_links_lead_to_the_debrief(out: Path) -> None:
    page = out / "journal/followups/index.html"
    assert soup(page).select("li.ij-item[data-company='linkco'] a[href]")
    for link in soup(page).select("li.ij-item a[href]"):
        assert (page.parent / link["href"] / "index.html").resolve().is_file()


SHARED.add({"dated.md": debrief(company="Dated")})


def test_pages_say_which_date_they_were_computed_for(out: Path) -> None:
    for page in ("journal/index.html", "journal/followups/index.html", "journal/dated/index.html"):
        root = soup(out / page).select_one("[data-ij-today]")
        assert root["data-ij-today"] == "2026-11-25" and root.has_attr("data-ij-pinned"), page
        assert root.select_one(".ij-asof time")["datetime"] == "2026-11-25"


def test_the_people_page_counts_one_person_as_one_person(site) -> None:
    out = site({"a.md": debrief(interviewers=["Sam Patel"])})
    assert soup(out / "journal/people/index.html").select_one(".ij-asof").get_text().startswith("1 person met, as of")
    out = site({"a.md": debrief(interviewers=["Sam Patel", "Lea Stone"])})
    assert soup(out / "journal/people/index.html").select_one(".ij-asof").get_text().startswith("2 people met, as of")


def test_unpinned_today_is_left_to_the_browser(site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # 2026-11-18 09:26 in Berlin
    out = site({"a.md": debrief()}, today=None)
    root = soup(out / "journal/followups/index.html").select_one("[data-ij-today]")
    assert root["data-ij-today"] == "2026-11-18" and not root.has_attr("data-ij-pinned")
    script = [s["src"] for s in soup(out / "journal/followups/index.html").select("script[src]")]
    assert "../assets/interview-journal.js" in script


EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)>'
SHARED.add({"evil.md": debrief(company=EVIL, role=EVIL, stage=EVIL, interviewers=[{"name": EVIL, "title": EVIL}])})


def test_front_matter_values_are_escaped(out: Path) -> None:
    for page in ("journal/evil/index.html", "journal/followups/index.html", "journal/index.html"):
        html = soup(out / page)
        assert not [s for s in html.select("script") if "alert" in s.get_text()], page
        assert html.select("img[onerror]") == [], page


def test_the_sample_site_builds_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    monkeypatch.chdir(REPO)
    mkdocs_build(load_config(str(REPO / "mkdocs.yml"), strict=True, site_dir=str(tmp_path / "site")))
    journal = sorted(p for p in (REPO / "journal").rglob("*.md") if p.name != "company.md")
    for path in journal:
        rel = path.relative_to(REPO / "journal").with_suffix("")
        assert (tmp_path / "site/journal" / rel / "index.html").is_file(), rel
    assert len(journal) >= 10


def test_the_environment_pins_today_over_the_option(site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEW_JOURNAL_TODAY", "2026-11-21")
    out = site({"a.md": debrief(interviewers=["Priya"])}, today="2026-11-25")
    html = soup(out / "journal/followups/index.html")
    assert html.select_one("[data-ij-today]")["data-ij-today"] == "2026-11-21"
    assert html.select_one("[data-ij-today]").has_attr("data-ij-pinned")
    assert html.select_one("li[data-kind='thank-you']").find_parent("section")["data-bucket"] == "today"


def test_serve_watches_the_journal_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.config import load_config

    monkeypatch.chdir(tmp_path)
    make_project(tmp_path, {"a.md": debrief()})
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins.on_config(config)
    watched: list[str] = []

    class Server:
        def watch(self, path: str) -> None:
            watched.append(path)

    config.plugins.on_serve(Server(), config=config, builder=None)
    config.plugins.on_shutdown()  # as serve ends: MkDocs hands the same instance to the next build
    assert str((tmp_path / "journal").resolve()) in watched


def test_public_site_does_not_quote_take_back_answers(site) -> None:
    secret = "said I had never used Kafka"
    out = site({"a.md": debrief(recruiter={"name": "Dana", "email": "dana@tb.example"},
                                take_back=[{"answer": secret}])}, public=True)
    for page in out.rglob("*.html"):
        assert secret not in page.read_text(encoding="utf-8"), page
    assert secret not in (out / "search/search_index.json").read_text(encoding="utf-8")
    assert "dana@tb.example" not in (out / "search/search_index.json").read_text(encoding="utf-8")
    item = soup(out / "journal/followups/index.html").select_one("li[data-kind='take-back'] a")
    assert item.get_text() == "Ask Dana to clarify an answer"


SHARED.add({"searched/r1.md": debrief(company="Searched", interviewers=[{"name": "Imani Okafor", "title": "Lead"}]),
            "searched/company.md": "---\nkind: company\ncompany: Searched\n---\nA note.\n"})


def test_search_leads_to_debriefs_and_companies_not_to_the_lists(out: Path) -> None:
    """The aggregate pages repeat the debriefs: search indexes the debrief and company pages only."""
    index = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "journal/searched/r1/" in pages and "journal/companies/searched/" in pages
    for aggregate in ("journal/", "journal/followups/", "journal/people/", "journal/companies/",
                      "journal/questions/", "journal/insights/"):
        assert aggregate not in pages
    found = [doc for doc in index["docs"] if "Imani Okafor" in doc["text"]]
    assert {doc["location"].split("#")[0] for doc in found} == {"journal/searched/r1/", "journal/companies/searched/"}


SHARED.add({"toc.md": debrief(company="Contents", went_well=["the demo"], body="## Impressions\n\nGood.\n")})


def test_the_table_of_contents_lists_our_sections_then_the_notes(out: Path) -> None:
    toc = soup(out / "journal" / "toc" / "index.html").select_one("nav.md-nav--secondary")
    titles = [link.get_text(strip=True) for link in toc.select("a.md-nav__link")]
    assert titles[:3] == ["Checklist", "Details", "How it went"]
    assert titles.index("How it went") < titles.index("Notes") < titles.index("Impressions")
    for link in toc.select("a.md-nav__link"):
        anchor = link["href"].lstrip("#")
        assert soup(out / "journal" / "toc" / "index.html").find(id=anchor) is not None, anchor


def test_a_time_written_with_another_offset_says_which_zone_it_is_shown_in(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_project(tmp_path, {"a.md": debrief(date="2026-12-01 16:00 -05:00")})  # the sample zone: Europe/Berlin
    page = soup(build(tmp_path) / "journal/a/index.html")
    date = next(dt.find_next_sibling("dd") for dt in page.select("dl.ij-summary dt") if dt.get_text() == "Date")
    assert date.get_text() == "Tue 2026-12-01 22:00 CET"
    assert date.time["datetime"] == "2026-12-01T22:00:00+01:00"


def test_a_cancelled_task_does_not_look_done(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_project(tmp_path, {"a.md": debrief(body="- [x] sent it ✅ 2026-11-21\n- [-] not needed any more\n")})
    page = soup(build(tmp_path) / "journal/a/index.html")
    done, cancelled = page.select(".ij-checklist li[data-kind='task']")
    assert done.select_one("input").has_attr("checked") and "ij-done" in done["class"]
    assert not cancelled.select_one("input").has_attr("checked") and "ij-cancelled" in cancelled["class"]
    assert cancelled.select_one("s").get_text() == "not needed any more"
    assert cancelled.select_one(".ij-item__meta").get_text() == "cancelled"


HOOKS = '''
import json, os

seen = {}

def on_files(files, config):  # the default priority: where most plugins look at the files
    seen["files"] = sorted(f.src_uri for f in files if f.src_uri.startswith("journal/"))

def on_page_content(html, page, config, files):
    seen[page.file.src_uri] = [page.file.abs_src_path, page.file.generated_by, page.file.edit_uri, page.markdown]

def on_post_build(config):
    with open(os.path.join(config.site_dir, "seen.json"), "w") as f:
        json.dump(seen, f)
'''


def test_other_plugins_see_our_files_early_and_a_debriefs_page_as_its_file(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_project(tmp_path, {"acme/a.md": debrief(interviewers=["Ann"]), "acme/board.png": b"x"},
                 config={"hooks": ["hooks.py"], "repo_url": "https://git.example/me/search",
                         "edit_uri": "edit/main/docs/"})
    (tmp_path / "hooks.py").write_text(HOOKS, encoding="utf-8")
    seen = json.loads((build(tmp_path) / "seen.json").read_text(encoding="utf-8"))
    assert {"journal/acme/a.md", "journal/index.md", "journal/acme/board.png", "journal/calendar.ics"} <= set(
        seen["files"])
    path, made_by, edit, markdown = seen["journal/acme/a.md"]
    assert (path, made_by, edit) == (str((tmp_path / "journal/acme/a.md").resolve()), None, "../journal/acme/a.md")
    assert markdown.startswith("Round 1.") and "Interviewers: Ann" in markdown  # the page's summary
    path, made_by, edit, markdown = seen["journal/index.md"]
    assert (path, made_by, edit, markdown) == (str(tmp_path / "docs/journal/index.md"), "interview-journal",
                                               None, "Journal")


# --- mkdocs serve keeps serving ----------------------------------------------------------------

@pytest.fixture
def serving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Builds as ``mkdocs serve`` makes them: one plugin instance, told ``serve`` at startup,
    handed to every rebuild; ``strict: true`` in mkdocs.yml, as in the sample."""
    from mkdocs.config.config_options import Plugins

    from interview_journal.plugin import InterviewJournalPlugin

    plugin = InterviewJournalPlugin()
    plugin.on_startup(command="serve", dirty=False)
    original = Plugins.load_plugin

    def load_plugin(self: object, name: str, config: object) -> object:
        if name == "interview-journal":
            self.plugin_cache[name] = plugin  # type: ignore[attr-defined]
        return original(self, name, config)  # type: ignore[arg-type]

    monkeypatch.setattr(Plugins, "load_plugin", load_plugin)
    monkeypatch.chdir(tmp_path)
    yield plugin
    plugin.on_shutdown()


TYPO = "---\ncompany: Servo\nrole: Data Engineer\ndate: 14:00\n---\n"
MISSPELLED = debrief(company="Servo", interviewer=[{"name": "Priya Shah"}], recruiter={"name": "Dana"})


def test_serve_keeps_building_under_strict_and_shows_the_problems(tmp_path: Path, serving) -> None:
    make_project(tmp_path, {"acme/screen.md": TYPO, "acme/typo.md": MISSPELLED}, config={"strict": True})
    out = build(tmp_path, strict=True)  # no Abort: the rebuild goes on
    dashboard = [li.get_text() for li in soup(out / "journal/index.html").select(".ij-problems li")]
    assert [line.split(": ", 2)[:2] for line in dashboard] == [["journal/acme/screen.md:4:1", "date"],
                                                               ["journal/acme/typo.md:5:1", "interviewer"]]
    left_out = soup(out / "journal/acme/screen/index.html")  # the page being edited still answers
    assert [li.get_text() for li in left_out.select(".ij-left-out li")] == [dashboard[0]]
    (tmp_path / "journal/acme/screen.md").write_text(TYPO.replace("14:00", "2026-11-20 14:00"), encoding="utf-8")
    again = build(tmp_path, strict=True)  # the next rebuild: fixed
    assert soup(again / "journal/acme/screen/index.html").select(".ij-left-out") == []
    assert "Servo" in soup(again / "journal/acme/screen/index.html").select_one("dl.ij-summary").get_text()


def test_a_debrief_with_problems_shows_them_first_and_warns_on_its_checklist(tmp_path: Path, serving) -> None:
    make_project(tmp_path, {"acme/typo.md": MISSPELLED}, config={"strict": True})
    page = soup(build(tmp_path, strict=True) / "journal/acme/typo/index.html").select_one(".ij-debrief")
    first = page.find(True)
    assert "ij-file-problems" in first["class"]
    assert "interviewer: expected a known field ('interviewers'?)" in first.get_text()
    warning = page.select_one("h2#checklist").find_next_sibling()
    assert warning.get_text() == ("This file has problems (see above): some follow-ups may be missing "
                                  "until they are fixed.")
    assert page.select("[data-kind='thank-you']") == []  # the misspelled interviewers gave none


def test_problems_are_logged_below_warning_in_serve_and_as_warnings_in_a_build(
        tmp_path: Path, serving, caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.exceptions import Abort

    from interview_journal.plugin import InterviewJournalPlugin

    caplog.set_level(logging.INFO, logger="mkdocs")
    make_project(tmp_path, {"acme/typo.md": MISSPELLED}, config={"strict": True})
    build(tmp_path, strict=True)
    ours = [record for record in caplog.records if "interviewer: expected" in record.getMessage()]
    assert [record.levelname for record in ours] == ["INFO"]
    assert "listed on the journal's dashboard" in caplog.text
    serving.on_shutdown()  # the server stops; the next command is a build
    serving.on_startup(command="build", dirty=False)
    assert isinstance(serving, InterviewJournalPlugin)
    with pytest.raises(Abort):
        build(tmp_path, strict=True)


def test_the_log_says_whether_the_site_is_public(site, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs")
    site({"a.md": debrief()})
    assert "private site: 1 debrief, 0 company notes, 0 problems" in caplog.text
    caplog.clear()
    site({"a.md": debrief()}, public=True)
    assert "public site (public: true): 1 debrief," in caplog.text


def test_an_empty_env_variable_for_public_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    """``public: !ENV [JOURNAL_PUBLIC, false]`` with JOURNAL_PUBLIC set but empty (a CI secret that is
    missing): MkDocs reads it as null, which is not false: the build stops, naming the line."""
    from mkdocs.exceptions import Abort

    from conftest import write_files

    write_files(tmp_path, {
        "mkdocs.yml": "site_name: x\ntheme: {name: material, font: false}\nplugins:\n  - interview-journal:\n"
                      "      public: !ENV [JOURNAL_PUBLIC, false]\n",
        "docs/index.md": "# Home\n",
        "journal/a.md": debrief(),
    })
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JOURNAL_PUBLIC", "")
    with pytest.raises(Abort):
        build(tmp_path)
    assert "mkdocs.yml:5:7: public: expected true or false, got nothing" in caplog.text
    assert not (tmp_path / "site" / "journal").exists()
    result = CliRunner().invoke(main, ["todo"], env={"JOURNAL_PUBLIC": ""})
    assert result.exit_code == 2 and "public: expected true or false, got nothing" in result.output


# --- page names --------------------------------------------------------------------------------

def test_no_page_is_lost_to_a_name(site) -> None:
    out = site({"acme.md": debrief(company="Acme One"), "acme/index.md": debrief(company="Acme Two"),
                "i.md": debrief(company="Index"), "calendar.ics/a.md": debrief(company="Cal")}, strict=False)
    assert "Acme One" in soup(out / "journal/acme/index.html").select_one("dl.ij-summary").get_text()
    companies = soup(out / "journal/companies/index.html")
    assert companies.select_one("h1").get_text(strip=True) == "Companies"
    index_co = companies.select_one("tr[data-company^='index-'] a")
    assert index_co is not None and (out / "journal/companies" / index_co["href"] / "index.html").is_file()
    assert (out / "journal/calendar.ics").is_file()
    problems = [li.get_text() for li in soup(out / "journal/index.html").select(".ij-problems li")]
    assert [line.split(": ")[0] for line in problems] == ["journal/acme/index.md:1:1", "journal/calendar.ics/a.md:1:1"]


def test_the_person_link_percent_encodes_the_address(site) -> None:
    out = site({"a.md": debrief(recruiter={"name": "Dana", "email": "b%3Fbcc%3Deve@x.example"})})
    link = soup(out / "journal/a/index.html").select_one("dl.ij-summary a[href^='mailto:']")
    assert link["href"] == "mailto:b%253Fbcc%253Deve@x.example"
    assert link.get_text() == "b%3Fbcc%3Deve@x.example"


def test_a_page_of_ours_is_built_again_when_changed_or_when_its_output_is_gone(tmp_path: Path, monkeypatch) -> None:
    """``mkdocs serve --dirty`` asks each file whether to build it (``is_modified``), twice per
    page: an unchanged page of ours says no while its output is there, and looks for it once."""
    import os

    from interview_journal.plugin import JournalFile

    looked: list[str] = []
    isfile = os.path.isfile
    monkeypatch.setattr(os.path, "isfile", lambda path: looked.append(path) or isfile(path))
    kept, gone, changed = (JournalFile(f"{name}.md", None, str(tmp_path), True) for name in ("kept", "gone", "changed"))
    (tmp_path / "kept").mkdir()
    (tmp_path / "kept/index.html").write_text("<p>last build</p>")
    kept.changed = gone.changed = False
    assert [file.is_modified() for file in (kept, gone, changed)] == [False, True, True]
    assert [file.is_modified() for file in (kept, gone, changed)] == [False, True, True]
    assert looked == [kept.abs_dest_path, gone.abs_dest_path]  # once each; a changed page needs no look
