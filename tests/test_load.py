"""Loading a journal: what an entry keeps, and the JournalCache: across loads (``mkdocs serve``
rebuilds), only changed files are parsed again.

Parses are counted by wrapping ``load.load_file`` (never by timing).
"""

from __future__ import annotations

import os
from datetime import timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from conftest import build, make_project
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

    def counting(path: Path, rel: str, zone: object, *statuses: object) -> object:
        seen.append(rel)
        return original(path, rel, zone, *statuses)  # type: ignore[arg-type]

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
