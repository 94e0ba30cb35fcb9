"""``mkdocs serve`` renders again only the pages whose inputs changed (``pages.reuse``).

Each page's key (``build.planned_pages``) must hold everything the page shows: two builds with
equal keys must make the same page. These tests edit one file of a small journal, as a user
saving it would, and check both halves: the pages whose key is unchanged render the same bytes
as before (the key is enough), and the pages whose content changes have a new key.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from markupsafe import Markup

from conftest import debrief, write_files
from interview_journal.insights import ThemeMatcher
from interview_journal.load import JournalCache, load_journal
from interview_journal.options import Options
from interview_journal.pages import names
from interview_journal.pages.build import planned_pages
from interview_journal.pages.reuse import Fragments, Reuse
from interview_journal.pages.site import prepare, src_of

TODAY = date(2026, 11, 25)
NOTE = "## Notes\n\nThey asked about the data platform.\n"
FILES = {
    "acme/2026-11-20-screen.md": debrief("Acme", date="2026-11-20", body=NOTE,
                                         interviewers=[{"name": "Dana Reyes", "thank_you": "2026-11-20"}],
                                         questions=["How do you deploy?"]),
    "acme/2026-11-24-onsite.md": debrief("Acme", date="2026-11-24", interviewers=[{"name": "Lee Park"}]),
    "globex/2026-11-18-screen.md": debrief("Globex", date="2026-11-18", body=NOTE,
                                           interviewers=[{"name": "Ira Moss", "thank_you": "2026-11-18"}]),
}
EDITED = "acme/2026-11-20-screen.md"


class Builds:
    """One journal folder, read and planned as the plugin does under ``mkdocs serve``."""

    def __init__(self, root: Path, options: Options | None = None) -> None:
        self.root = root
        self.options = options or Options()
        self.cache = JournalCache()
        self.reuse = Reuse()
        write_files(root, FILES)

    def keys(self) -> dict[str, object]:
        """Every page's key (the pages are not rendered)."""
        site = self._site()
        return {page.src_uri: page.key for page in planned_pages(site)}

    def build(self) -> tuple[dict[str, object], list[str]]:
        """Every page's content, and the pages rendered now (the others are last build's)."""
        pages = {page.src_uri: page.content for page, _ in self.reuse.pages(planned_pages(self._site()))}
        return pages, list(self.reuse.rendered)

    def fresh(self) -> dict[str, object]:
        """Every page rendered from scratch, without anything kept."""
        journal = load_journal(self.root, self.options.zone)
        return {page.src_uri: page.make().content for page in planned_pages(prepare(journal, self.options, TODAY))}

    def edit(self, rel: str, text: str) -> None:
        (self.root / rel).write_text(text, encoding="utf-8")

    def _site(self):  # type: ignore[no-untyped-def]
        journal = load_journal(self.root, self.options.zone, self.cache)
        return prepare(journal, self.options, TODAY, reuse=self.reuse)


def src(name: str) -> str:
    return src_of("journal", name)


def test_a_second_build_with_nothing_changed_renders_nothing(tmp_path: Path) -> None:
    builds = Builds(tmp_path / "journal")
    first, rendered = builds.build()
    assert len(rendered) == len(first)
    again, rendered = builds.build()
    assert rendered == []
    assert again == first


def test_an_edited_note_renders_its_company_and_the_whole_journal_pages_again_only(tmp_path: Path) -> None:
    builds = Builds(tmp_path / "journal")
    builds.build()
    builds.edit(EDITED, FILES[EDITED].replace("data platform", "event platform"))
    pages, rendered = builds.build()
    assert set(rendered) == {src(EDITED), src("acme/2026-11-24-onsite.md"), src(names.company("acme")),
                             src(names.CALENDAR), src(names.DASHBOARD), src(names.FOLLOWUPS), src(names.COMPANIES)}
    assert pages == builds.fresh()  # what was kept is what a clean build makes


def test_a_note_leaves_people_questions_and_insights_as_they_are(tmp_path: Path) -> None:
    builds = Builds(tmp_path / "journal")
    before = builds.keys()
    builds.edit(EDITED, FILES[EDITED].replace("data platform", "event platform"))
    after = builds.keys()
    for name in (names.PEOPLE, names.QUESTIONS, names.INSIGHTS):
        assert after[src(name)] == before[src(name)], name
    assert after[src(EDITED)] != before[src(EDITED)]


def test_the_front_matter_changes_people_and_questions(tmp_path: Path) -> None:
    builds = Builds(tmp_path / "journal")
    before = builds.keys()
    builds.edit(EDITED, FILES[EDITED].replace("Dana Reyes", "Dana Reyes-Ortiz").replace("deploy", "release"))
    after = builds.keys()
    for name in (names.PEOPLE, names.QUESTIONS, names.INSIGHTS):
        assert after[src(name)] != before[src(name)], name
    assert after[src("globex/2026-11-18-screen.md")] == before[src("globex/2026-11-18-screen.md")]


def test_a_new_task_line_changes_insights_not_people(tmp_path: Path) -> None:
    builds = Builds(tmp_path / "journal")
    builds.build()
    builds.edit(EDITED, FILES[EDITED] + "\n- [ ] Send the slides 📅 2026-11-27\n")
    pages, rendered = builds.build()
    assert src(names.INSIGHTS) in rendered
    assert src(names.PEOPLE) not in rendered
    assert pages == builds.fresh()


def test_with_templates_of_the_users_every_list_is_made_of_the_whole_journal(tmp_path: Path) -> None:
    templates = tmp_path / "overrides"
    templates.mkdir()
    builds = Builds(tmp_path / "journal")
    before = builds.keys()
    builds.edit(EDITED, FILES[EDITED].replace("data platform", "event platform"))
    plain_after = builds.keys()
    assert plain_after[src(names.PEOPLE)] == before[src(names.PEOPLE)]

    journal = load_journal(builds.root, builds.options.zone, builds.cache)
    with_templates = {page.src_uri: page.key for page in planned_pages(
        prepare(journal, builds.options, TODAY, template_dirs=[templates]))}
    builds.edit(EDITED, FILES[EDITED])
    journal = load_journal(builds.root, builds.options.zone, builds.cache)
    again = {page.src_uri: page.key for page in planned_pages(
        prepare(journal, builds.options, TODAY, template_dirs=[templates]))}
    assert again[src(names.PEOPLE)] != with_templates[src(names.PEOPLE)]


def test_a_new_day_renders_every_page_again(tmp_path: Path) -> None:
    builds = Builds(tmp_path / "journal")
    before = builds.keys()
    journal = load_journal(builds.root, builds.options.zone, builds.cache)
    tomorrow = {page.src_uri: page.key for page in planned_pages(
        prepare(journal, builds.options, date(2026, 11, 26), reuse=builds.reuse))}
    assert all(tomorrow[uri] != key for uri, key in before.items())


def test_a_deleted_debrief_changes_its_company_not_the_others(tmp_path: Path) -> None:
    builds = Builds(tmp_path / "journal")
    builds.build()
    (builds.root / "acme/2026-11-24-onsite.md").unlink()
    pages, rendered = builds.build()
    assert src("acme/2026-11-24-onsite.md") not in pages
    assert src(names.company("globex")) not in rendered
    assert src("globex/2026-11-18-screen.md") not in rendered
    assert pages == builds.fresh()


def test_the_items_of_the_unchanged_companies_keep_their_html_in_the_lists(tmp_path: Path) -> None:
    builds = Builds(tmp_path / "journal")
    builds.build()
    everything = builds.reuse.fragments.made
    builds.edit(EDITED, FILES[EDITED] + "\n- [ ] Send the slides 📅 2026-11-27\n")
    pages, _ = builds.build()
    assert 0 < builds.reuse.fragments.made < everything  # Acme's items only
    assert pages == builds.fresh()


def test_a_piece_is_kept_for_the_same_object_page_and_detail_only() -> None:
    fragments, made = Fragments(), []

    def piece(thing: object, page: str = "a.md", detail: object = 1) -> Markup:
        return fragments.get(thing, page, detail, lambda: made.append(thing) or Markup(f"<li>{len(made)}</li>"))

    one, other = object(), object()
    fragments.start(("inputs", 1))
    first = piece(one)
    fragments.start(("inputs", 1))
    assert piece(one) == first and made == [one]
    piece(other)
    piece(one, page="b.md")
    piece(one, detail=2)
    assert len(made) == 4
    fragments.start(("inputs", 2))  # another day, other options: nothing is kept
    piece(one, detail=2)
    assert len(made) == 5


def test_the_themes_of_a_remark_are_matched_once_while_the_themes_are_the_same() -> None:
    reuse, asked = Reuse(), []

    class Counting(ThemeMatcher):
        def themes_of(self, text: str) -> list[str]:
            asked.append(text)
            return super().themes_of(text)

    sql = Counting.of({"SQL": ["sql"]})
    assert reuse.themes_of(sql)("weak on SQL joins") == ["SQL"]
    reuse.themes_of(Counting.of({"SQL": ["sql"]}))  # a build that matched nothing (insights not rendered)
    assert reuse.themes_of(Counting.of({"SQL": ["sql"]}))("weak on SQL joins") == ["SQL"]
    assert asked == ["weak on SQL joins"]
    assert reuse.themes_of(Counting.of({"Data": ["sql", "data"]}))("weak on SQL joins") == ["Data"]
    assert len(asked) == 2


def test_compiled_templates_are_shared_only_by_environments_with_the_same_settings(tmp_path: Path) -> None:
    from jinja2 import DictLoader, Environment

    from interview_journal.pages.render import compiled_templates, environment, text_environment

    assert compiled_templates(environment()) is compiled_templates(environment())
    assert compiled_templates(environment()) is not compiled_templates(text_environment())
    plain, escaping = Environment(loader=DictLoader({"t": "{{ x }}"})), Environment(autoescape=True)
    assert compiled_templates(plain) is not compiled_templates(escaping)


def test_an_edited_override_is_compiled_again(tmp_path: Path) -> None:
    from interview_journal.pages.render import environment

    (tmp_path / "left_out.html").write_text("first {{ problems | length }}", encoding="utf-8")
    assert environment([tmp_path]).get_template("left_out.html").render(problems=[]) == "first 0"
    (tmp_path / "left_out.html").write_text("second {{ problems | length }}", encoding="utf-8")
    assert environment([tmp_path]).get_template("left_out.html").render(problems=[]) == "second 0"
