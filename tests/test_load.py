"""Loading a journal: what an entry keeps, and the JournalCache: across loads (``mkdocs serve``
rebuilds), only changed files are parsed again.

Parses are counted by wrapping ``load.load_file`` (never by timing).
"""

from __future__ import annotations

import os
import sys
import time
from datetime import timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from conftest import build, debrief, make_project, write_files
from interview_journal import load as load_module
from interview_journal.load import JournalCache, load_journal
from interview_journal.plugin import InterviewJournalPlugin
from journal_files import HEAD, PATH, load, write

DEBRIEF = "---\ncompany: {company}\nrole: Dev\ndate: 2026-11-{day:02d}\n---\nNotes.\n"
NOTE = "---\nkind: company\ncompany: {company}\n---\nAbout them.\n"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The rel path of every file parsed, in order."""
    seen: list[str] = []
    original = load_module.load_file

    def counting(path: Path, rel: str, zone: object, *args: object, **kwargs: object) -> object:
        seen.append(rel)
        return original(path, rel, zone, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(load_module, "load_file", counting)
    return seen


def journal(tmp_path: Path) -> Path:
    root = tmp_path / "journal"
    for company in ("acme", "globex"):
        (root / company).mkdir(parents=True)
        (root / company / "company.md").write_text(NOTE.format(company=company.title()), encoding="utf-8")
        for day in (10, 11):
            (root / company / f"2026-11-{day}.md").write_text(DEBRIEF.format(company=company.title(), day=day),
                                                              encoding="utf-8")
    return root


def touch(path: Path, text: str) -> None:
    """Rewrite ``path`` with a modification time surely different from the one before."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 2_000_000_000, before + 2_000_000_000))


def test_second_load_parses_only_the_touched_file(tmp_path: Path, parses: list[str]) -> None:
    root, cache = journal(tmp_path), JournalCache()
    first = load_journal(root, timezone.utc, cache)
    assert len(parses) == 6 and len(first.debriefs) == 4
    parses.clear()
    touch(root / "acme" / "2026-11-11.md", DEBRIEF.format(company="Acme", day=12).replace("Dev", "Lead"))
    second = load_journal(root, timezone.utc, cache)
    assert parses == ["acme/2026-11-11"]
    assert cache.parsed == [root / "acme" / "2026-11-11.md"]
    roles = {entry.rel: entry.model.role for entry in second.debriefs}
    assert roles == {"acme/2026-11-10": "Dev", "acme/2026-11-11": "Lead", "globex/2026-11-10": "Dev",
                     "globex/2026-11-11": "Dev"}
    assert second.companies["acme"].note is not None and len(second.companies["acme"].debriefs) == 2


def test_unchanged_journal_parses_nothing_and_gives_the_same_answers(tmp_path: Path, parses: list[str]) -> None:
    root, cache = journal(tmp_path), JournalCache()
    first = load_journal(root, timezone.utc, cache)
    parses.clear()
    second = load_journal(root, timezone.utc, cache)
    assert parses == [] and cache.parsed == []
    assert [e.rel for e in second.debriefs] == [e.rel for e in first.debriefs]
    assert sorted(second.companies) == sorted(first.companies)
    assert second.companies is not first.companies  # a fresh grouping per load, not a shared one


def test_a_size_change_with_the_same_mtime_is_seen(tmp_path: Path, parses: list[str]) -> None:
    root, cache = journal(tmp_path), JournalCache()
    load_journal(root, timezone.utc, cache)
    parses.clear()
    path = root / "globex" / "2026-11-10.md"
    stat = path.stat()
    path.write_text(DEBRIEF.format(company="Globex", day=10) + "More notes.\n", encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    load_journal(root, timezone.utc, cache)
    assert parses == ["globex/2026-11-10"]


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file whose bytes the cache reads, in order."""
    seen: list[Path] = []
    original = load_module.read_contents

    def counting(path: Path, display: str) -> object:
        seen.append(path)
        return original(path, display)

    monkeypatch.setattr(load_module, "read_contents", counting)
    return seen


def test_a_file_unchanged_since_long_before_it_was_read_is_not_read_again(
        tmp_path: Path, reads: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    root, cache = journal(tmp_path), JournalCache()
    monkeypatch.setattr(load_module, "_SETTLED", 0)  # as if every file had been saved long ago
    load_journal(root, timezone.utc, cache)
    assert len(reads) == 6
    reads.clear()
    again = load_journal(root, timezone.utc, cache)
    assert reads == [] and len(again.debriefs) == 4


def test_the_same_size_and_time_written_back_is_read_again(tmp_path: Path, reads: list[Path],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    root, cache = journal(tmp_path), JournalCache()
    monkeypatch.setattr(load_module, "_SETTLED", 0)
    load_journal(root, timezone.utc, cache)
    path = root / "acme" / "2026-11-10.md"
    status = path.stat()
    time.sleep(0.02)  # a tick of the file system's clock (ctime cannot be set back)
    path.write_text(path.read_text(encoding="utf-8").replace("Dev", "Ops"), encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    reads.clear()
    found = load_journal(root, timezone.utc, cache)
    assert reads == [path]
    assert {e.rel: e.model.role for e in found.debriefs}["acme/2026-11-10"] == "Ops"


def test_a_file_saved_just_before_a_load_is_read_again_at_the_next(tmp_path: Path, reads: list[Path]) -> None:
    root, cache = journal(tmp_path), JournalCache()
    load_journal(root, timezone.utc, cache)  # every file was written a moment ago: its status is not trusted yet
    reads.clear()
    load_journal(root, timezone.utc, cache)
    assert len(reads) == 6


def test_a_deleted_file_disappears(tmp_path: Path, parses: list[str]) -> None:
    root, cache = journal(tmp_path), JournalCache()
    load_journal(root, timezone.utc, cache)
    (root / "globex" / "2026-11-11.md").unlink()
    (root / "acme" / "company.md").unlink()
    parses.clear()
    second = load_journal(root, timezone.utc, cache)
    assert parses == []
    assert sorted(e.rel for e in second.debriefs) == ["acme/2026-11-10", "acme/2026-11-11", "globex/2026-11-10"]
    assert second.companies["acme"].note is None
    assert len(cache) == 4


def test_a_new_file_is_read(tmp_path: Path, parses: list[str]) -> None:
    root, cache = journal(tmp_path), JournalCache()
    load_journal(root, timezone.utc, cache)
    parses.clear()
    (root / "initech").mkdir()
    (root / "initech" / "2026-11-20.md").write_text(DEBRIEF.format(company="Initech", day=20), encoding="utf-8")
    second = load_journal(root, timezone.utc, cache)
    assert parses == ["initech/2026-11-20"]
    assert "initech" in second.companies


def test_a_changed_files_problems_update(tmp_path: Path, parses: list[str]) -> None:
    root, cache = journal(tmp_path), JournalCache()
    path = root / "acme" / "2026-11-10.md"
    touch(path, "---\ncompany: Acme\nrole: Dev\ndate: 2026-11-10\ninterest: 9\n---\n")
    first = load_journal(root, timezone.utc, cache)
    assert [(p.field, p.line) for p in first.problems] == [("interest", 5)]
    touch(path, "---\ncompany: Acme\nrole: Dev\ndate: 2026-11-10\nrapport: great\n---\n")
    second = load_journal(root, timezone.utc, cache)
    assert [(p.field, p.got) for p in second.problems] == [("rapport", "great")]
    touch(path, DEBRIEF.format(company="Acme", day=10))
    assert load_journal(root, timezone.utc, cache).problems == []
    touch(path, "no front matter\n")  # a file that drops out of the journal keeps its problem listed
    third = load_journal(root, timezone.utc, cache)
    assert [p.field for p in third.problems] == ["front matter"]
    assert "acme/2026-11-10" not in {e.rel for e in third.debriefs}


def test_another_time_zone_reads_everything_again(tmp_path: Path, parses: list[str]) -> None:
    root, cache = journal(tmp_path), JournalCache()
    load_journal(root, timezone.utc, cache)
    parses.clear()
    load_journal(root, ZoneInfo("Europe/Berlin"), cache)
    assert len(parses) == 6


def test_problems_name_their_files_from_the_current_folder_of_each_load(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parses: list[str]) -> None:
    root, cache = journal(tmp_path), JournalCache()
    (root / "acme" / "bad.md").write_text("---\ncompany: Acme\n---\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert {problem.path for problem in load_journal(root, timezone.utc, cache).problems} == {"journal/acme/bad.md"}
    parses.clear()
    assert {problem.path for problem in load_journal(root, timezone.utc, cache).problems} == {"journal/acme/bad.md"}
    assert parses == []
    monkeypatch.chdir(root)
    assert {problem.path for problem in load_journal(root, timezone.utc, cache).problems} == {"acme/bad.md"}
    assert len(parses) == 7
    parses.clear()
    monkeypatch.chdir(tmp_path.parent)  # the journal's display, hence every file's, is new again
    assert {problem.path for problem in load_journal(root, timezone.utc, cache).problems} == {
        os.path.join(tmp_path.name, "journal", "acme", "bad.md")}
    assert len(parses) == 7


def test_the_plugin_keeps_its_cache_across_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   parses: list[str]) -> None:
    """MkDocs keeps a plugin instance across ``serve`` rebuilds only when it has ``on_startup``."""
    assert hasattr(InterviewJournalPlugin, "on_startup")
    monkeypatch.chdir(tmp_path)
    make_project(tmp_path, {"acme/2026-11-10.md": DEBRIEF.format(company="Acme", day=10)})
    plugin = InterviewJournalPlugin()
    plugin.on_startup(command="serve", dirty=False)
    from mkdocs.config.config_options import Plugins

    monkeypatch.setattr(Plugins, "load_plugin",
                        _reusing(Plugins.load_plugin, plugin), raising=True)
    build(tmp_path)
    build(tmp_path)
    assert parses == ["acme/2026-11-10"]
    assert len(plugin.cache) == 1
    plugin.on_shutdown()  # as serve ends: MkDocs hands the same instance to the next build
    assert plugin.cache is None


def _reusing(original: object, plugin: InterviewJournalPlugin) -> object:
    """``Plugins.load_plugin`` that hands out one instance of our plugin, as ``serve`` does."""

    def load_plugin(self: object, name: str, config: object) -> object:
        if name == "interview-journal":
            self.plugin_cache[name] = plugin  # type: ignore[attr-defined]
        return original(self, name, config)  # type: ignore[operator]

    return load_plugin


def test_only_serve_keeps_a_cache() -> None:
    """A one-off build frees the parsed journal once its pages exist; serve keeps it for the next rebuild."""
    serving, building, scripted = InterviewJournalPlugin(), InterviewJournalPlugin(), InterviewJournalPlugin()
    serving.on_startup(command="serve", dirty=False)
    building.on_startup(command="build", dirty=False)
    assert isinstance(serving.cache, JournalCache)
    assert building.cache is None
    assert scripted.cache is None  # build() from Python: no startup event


def test_a_loaded_entry_keeps_its_body_and_path(tmp_path, in_tmp):
    body = "Notes with an emoji \U0001F4C5, é and “quotes”.\r\n\r\n- [ ] send the deck \U0001F4C5 2026-11-27\n"
    path = write(tmp_path, (HEAD + "---\n" + body).encode("utf-8"))
    entry = load(tmp_path, (HEAD + "---\n" + body).encode("utf-8")).debriefs[0]
    assert entry.body == body.replace("\r\n", "\n")
    assert entry.source.path == path and isinstance(entry.source.path, Path)
    assert entry.source.display == PATH
    assert [task.text for task in entry.tasks] == ["send the deck"]


def test_loaded_models_are_read_only_and_keep_which_fields_each_file_set(tmp_path, in_tmp):
    write(tmp_path, HEAD + "stage: screen\ninterviewers: [Priya Shah]\nmine: 1\n---\n", "acme/a.md")
    write(tmp_path, HEAD + "round: 2\ninterviewers:\n- name: Dana Ruiz\n  title: CTO\n---\n", "acme/b.md")
    write(tmp_path, HEAD + "stage: screen\ninterviewers: [Sam Lee]\n---\n", "acme/c.md")
    first, second, third = (entry.model for entry in load_journal(tmp_path / "journal", timezone.utc).debriefs)
    assert first.model_fields_set == {"company", "role", "date", "stage", "interviewers", "mine"}
    assert second.model_fields_set == {"company", "role", "date", "round", "interviewers"}
    assert third.model_fields_set == {"company", "role", "date", "stage", "interviewers"}
    assert second.interviewers[0].model_dump(exclude_unset=True) == {"name": "Dana Ruiz", "title": "CTO"}
    assert first.interviewers[0].model_fields_set == {"name"}
    assert first.model_extra == {"mine": 1} and third.model_extra == {}
    with pytest.raises(ValidationError, match="frozen"):
        third.stage = "onsite"
    with pytest.raises(ValidationError, match="frozen"):
        third.mine = 2  # type: ignore[attr-defined]
    assert third.model_extra == {} and third.model_fields_set == {"company", "role", "date", "stage", "interviewers"}
    copy = third.model_copy(update={"round": 3})
    assert copy.round == 3 and third.round is None and "round" not in third.model_fields_set


def test_the_other_files_of_the_journal_are_its_attachments(tmp_path: Path) -> None:
    write(tmp_path, DEBRIEF.format(company="Acme", day=20), "acme/a.md")
    for name in ("acme/board.png", "acme/.hidden.png", ".git/config", "b/take home.pdf"):
        (tmp_path / "journal" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "journal" / name).write_bytes(b"x")
    assert load_journal(tmp_path / "journal").attachments == ["acme/board.png", "b/take home.pdf"]


def test_skipped_files_are_not_read(tmp_path: Path, parses: list[str]) -> None:
    write(tmp_path, DEBRIEF.format(company="Acme", day=20), "acme/a.md")
    write(tmp_path, "---\nnot: a debrief\n", "drafts/x.md")
    (tmp_path / "journal" / "drafts" / "x.png").write_bytes(b"x")
    journal = load_journal(tmp_path / "journal", skip=lambda path: path.startswith("drafts/"))
    assert parses == ["acme/a"] and journal.problems == [] and journal.attachments == []


# --- every problem of a file at once ----------------------------------------------------------

def test_a_wrong_date_hides_none_of_the_files_other_problems(tmp_path, in_tmp):
    journal = load(tmp_path, "---\ncompany: Acme\nrole: Dev\ndate: 14:00\nformat: zoom\nrapport: great\n"
                             "intervewers: Sam\n---\n- [ ] send the deck 📅 2026-13-40\n")
    assert [(p.line, p.field) for p in journal.problems] == [
        (4, "date"), (5, "format"), (6, "rapport"), (7, "intervewers"), (9, "task")]
    assert journal.debriefs == []


def test_a_missing_company_hides_none_of_the_other_problems(tmp_path, in_tmp):
    journal = load(tmp_path, "---\nrole: Dev\ndate: 2026-11-20\nround: true\ninterest: 9\n---\n")
    assert [p.field for p in journal.problems] == ["company", "round", "interest"]


def test_a_refused_value_in_a_list_item_drops_only_that_item(tmp_path, in_tmp):
    journal = load(tmp_path, HEAD + "n: &n Sam\ninterviewers:\n  - name: *n\n  - name: Bo\n---\n")
    assert [p.field for p in journal.problems] == ["interviewers[0].name"]
    assert [person.name for person in journal.debriefs[0].model.interviewers] == ["Bo"]


# --- no two files for one page -----------------------------------------------------------------

def _problems_of(journal) -> list[tuple[str, str, str]]:
    return [(p.path, p.expected, p.got) for p in journal.problems]


def test_files_that_would_be_one_page_are_a_problem_naming_both(tmp_path, in_tmp):
    for name in ("acme.md", "acme/index.md", "acme/README.md"):
        write(tmp_path, DEBRIEF.format(company="Acme", day=10), name)
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert _problems_of(journal) == [
        ("journal/acme/README.md", "a page of its own", "the page of journal/acme.md"),
        ("journal/acme/index.md", "a page of its own", "the page of journal/acme.md"),
    ]
    assert [entry.rel for entry in journal.debriefs] == ["acme"]


@pytest.mark.parametrize("names", [("x.md", "x.MD"), ("x.md", "X.md"), ("Acme/x.md", "acme/x.md"),
                                   ("caf\u00e9.md", "cafe\u0301.md")])
def test_names_one_file_system_would_confuse_are_one_page(tmp_path, in_tmp, names):
    """macOS and Windows ignore case (and macOS normalizes accents): those files would share a
    page, its ids and its calendar UIDs. The problem is the same on every machine."""
    for name in names:
        write(tmp_path, DEBRIEF.format(company="Acme", day=10), name)
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert len(journal.debriefs) == 1
    kept = journal.debriefs[0].source.display
    assert _problems_of(journal) == [(next(f"journal/{n}" for n in names if f"journal/{n}" != kept),
                                      "a page of its own", f"the page of {kept}")]


@pytest.mark.parametrize("name", ["README.md", "index.md", "calendar.ics/a.md", "Calendar.ics.md", "assets/x.md",
                                  "followups.md", "Companies/acme.md"])
def test_a_debrief_may_not_take_a_generated_pages_name(tmp_path, in_tmp, name):
    write(tmp_path, DEBRIEF.format(company="Acme", day=10), name)
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert [(p.path, p.expected) for p in journal.problems] == [
        (f"journal/{name}", "a name the generated pages do not use")]
    assert journal.debriefs == [] and journal.left_out == []


def test_a_company_note_has_no_page_to_share(tmp_path, in_tmp):
    write(tmp_path, NOTE.format(company="Acme"), "acme.md")
    write(tmp_path, DEBRIEF.format(company="Acme", day=10), "acme/index.md")
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert journal.problems == [] and len(journal.debriefs) == len(journal.notes) == 1


def test_a_file_left_out_keeps_its_place_for_its_problems(tmp_path, in_tmp):
    write(tmp_path, "---\ncompany: Acme\nrole: Dev\ndate: 14:00\n---\n", "acme/a.md")
    write(tmp_path, "no front matter\n", "acme/b.md")
    write(tmp_path, DEBRIEF.format(company="Acme", day=10), "acme/c.md")
    write(tmp_path, "no front matter\n", "acme/c/index.md")  # c's page is c.md's
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert [(found.rel, [p.field for p in found.problems]) for found in journal.left_out] == [
        ("acme/a", ["date"]), ("acme/b", ["front matter"])]


# --- the cache trusts the bytes, not the clock ---------------------------------------------------

def test_an_edit_that_keeps_size_and_modification_time_is_seen(tmp_path: Path, parses: list[str]) -> None:
    root, cache = journal(tmp_path), JournalCache()
    load_journal(root, timezone.utc, cache)
    parses.clear()
    path = root / "acme" / "2026-11-10.md"
    before = path.stat()
    path.write_text(DEBRIEF.format(company="Acme", day=10).replace("Dev", "Ops"), encoding="utf-8")  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    second = load_journal(root, timezone.utc, cache)
    assert parses == ["acme/2026-11-10"]
    assert {entry.model.role for entry in second.debriefs if entry.rel == "acme/2026-11-10"} == {"Ops"}


def test_a_touched_but_unchanged_file_is_not_parsed_again(tmp_path: Path, parses: list[str]) -> None:
    root, cache = journal(tmp_path), JournalCache()
    load_journal(root, timezone.utc, cache)
    parses.clear()
    touch(root / "acme" / "2026-11-10.md", DEBRIEF.format(company="Acme", day=10))
    load_journal(root, timezone.utc, cache)
    assert parses == []


# --- names a file system allows ------------------------------------------------------------------

@pytest.mark.skipif(os.name == "nt" or sys.platform == "darwin", reason="a name that is not UTF-8 needs Linux")
def test_a_file_name_that_is_not_utf8_is_a_problem_not_a_crash(tmp_path, in_tmp):
    write(tmp_path, DEBRIEF.format(company="Acme", day=10), "ok.md")
    (tmp_path / "journal" / os.fsdecode(b"bad\xffname.md")).write_text(DEBRIEF.format(company="Acme", day=11))
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert [str(p) for p in journal.problems] == [
        "journal/bad\\xffname.md:1:1: file: expected a file name in UTF-8, got other bytes "
        "(hint: rename the file or its folder (your system writes names in another encoding))"]
    assert [entry.rel for entry in journal.debriefs] == ["ok"]


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="permissions (root reads every folder)")
def test_a_folder_that_cannot_be_listed_is_a_problem(tmp_path, in_tmp):
    write(tmp_path, DEBRIEF.format(company="Acme", day=10), "locked/a.md")
    (tmp_path / "journal" / "locked").chmod(0)
    try:
        journal = load_journal(tmp_path / "journal", timezone.utc)
    finally:
        (tmp_path / "journal" / "locked").chmod(0o755)
    assert [(p.path, p.field, p.expected) for p in journal.problems] == [
        ("journal/locked", "folder", "a folder that can be read")]


def test_control_characters_in_a_name_or_a_value_never_break_the_line(tmp_path, in_tmp):
    write(tmp_path, "---\ncompany: Acme\nrole: Dev\ndate: 2026-11-20\nformat: \"\\e[2Jvideo\"\n---\n", "a\nb.md")
    (line,) = [str(p) for p in load_journal(tmp_path / "journal", timezone.utc).problems]
    assert line.startswith("journal/a\\x0ab.md:5:1: format: expected one of ") and line.endswith("got '\\x1b[2jvideo'")


def test_a_listing_error_becomes_a_problem_line(tmp_path, in_tmp, monkeypatch):
    """The same as above for any user (root lists every folder): os.walk reports the error."""
    write(tmp_path, DEBRIEF.format(company="Acme", day=10), "a.md")
    walk = os.walk

    def failing_walk(top, onerror=None, **kwargs):
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "journal" / "locked")))
        return walk(top, onerror=onerror, **kwargs)

    monkeypatch.setattr(load_module.os, "walk", failing_walk)
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert [str(p) for p in journal.problems] == [
        "journal/locked:1:1: folder: expected a folder that can be read, got Permission denied "
        "(hint: check its permissions)"]
    assert len(journal.debriefs) == 1


def test_a_bug_reading_one_file_is_a_problem_line_and_the_others_are_read(tmp_path, in_tmp, monkeypatch):
    """The last guard: whatever a file makes the loader do, check lists it and serve keeps serving."""
    write(tmp_path, DEBRIEF.format(company="Acme", day=10), "a.md")
    write(tmp_path, DEBRIEF.format(company="Acme", day=11), "b.md")
    original = load_module.load_file

    def failing(path, rel, zone, *args, **kwargs):
        if rel == "b":
            raise KeyError("boom")
        return original(path, rel, zone, *args, **kwargs)

    monkeypatch.setattr(load_module, "load_file", failing)
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert [str(p) for p in journal.problems] == [
        "journal/b.md:1:1: file: expected a file this version can read, got an error of Interview Journal "
        "(KeyError: 'boom') (hint: please report it, with the file if you can)"]
    assert [entry.rel for entry in journal.debriefs] == ["a"]



def test_reading_a_file_leaves_no_reference_cycle(tmp_path: Path) -> None:
    """The cycle collector is paused while the journal is read (``no_cycle_collection``): a file
    whose objects formed a cycle would keep its YAML nodes until the end of the load, and the peak
    memory would grow with the journal (45 MiB at 1,000 debriefs, when a closure held the file)."""
    import gc

    def cyclic_garbage(count: int) -> int:
        root = tmp_path / str(count)
        write_files(root, {f"c{n}/2026-11-{n % 28 + 1:02d}-screen.md": debrief(
            company=f"C{n}", interviewers=[{"name": "Sam Patel", "thank-you": "2026-11-20"}],
            body="- [ ] Send the slides 📅 2026-11-27\n") for n in range(count)})
        gc.collect()
        gc.disable()
        try:
            load_journal(root)
            return gc.collect()
        finally:
            gc.enable()

    assert cyclic_garbage(40) - cyclic_garbage(4) < 40  # not one cycle per file
