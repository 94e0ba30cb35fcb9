"""The command line's disk cache: a second run reads only what changed, never answers differently,
never runs code, and lives only in a folder of the user's own."""

from __future__ import annotations

import json
import os
import pickle
import stat
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from conftest import debrief, write_files
from interview_journal import diskcache
from interview_journal.cli import main
from interview_journal.load import JournalCache, load_journal

ZONE = ZoneInfo("Europe/Berlin")


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INTERVIEW_JOURNAL_CACHE", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path / "journal", {
        "acme/r1.md": debrief(interviewers=["Priya Shah"]),
        "globex/r1.md": debrief(company="Globex", body="- [ ] send the deck \U0001F4C5 2026-11-27\n"
                                "- [/] read their blog \u23f3 2026-11-26 \U0001F6EB 2026-11-25 \U0001F194 blog1\n"),
    })
    return tmp_path / "journal"


def run_load(journal: Path) -> JournalCache:
    """What the command line does: open the cache, load with it, save it."""
    cache = diskcache.open_cache(journal)
    assert cache is not None
    load_journal(journal, ZONE, cache)
    diskcache.save_cache(journal, cache)
    return cache


def test_a_second_run_reads_no_file(journal: Path) -> None:
    assert len(run_load(journal).parsed) == 2
    assert run_load(journal).parsed == []


def test_a_changed_file_is_read_again_and_a_deleted_one_forgotten(journal: Path) -> None:
    run_load(journal)
    (journal / "acme" / "r1.md").write_text(debrief(interviewers=["Priya Shah", "Sam Patel"]), encoding="utf-8")
    (journal / "globex" / "r1.md").unlink()
    cache = run_load(journal)
    assert cache.parsed == [journal / "acme" / "r1.md"]
    assert len(cache) == 1


def test_todo_answers_the_same_with_and_without_the_cache(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def todo() -> list[dict]:
        result = CliRunner().invoke(main, ["todo", "--json", "--today", "2026-11-25"])
        assert result.exit_code == 0
        return json.loads(result.stdout)

    cold, warm = todo(), todo()
    monkeypatch.setenv("INTERVIEW_JOURNAL_CACHE", "off")
    assert cold == warm == todo()
    assert len(cold) > 3


def test_check_reports_cached_problems_too(journal: Path) -> None:
    (journal / "bad.md").write_text("---\ncompany: Acme\nrole: R\ndate: 2026-02-30\n---\n", encoding="utf-8")
    first = CliRunner().invoke(main, ["check"])
    second = CliRunner().invoke(main, ["check"])
    assert first.exit_code == second.exit_code == 1
    assert first.stdout == second.stdout and "2026-02-30" in second.stdout


def test_a_damaged_cache_is_ignored_and_replaced(journal: Path, tmp_path: Path) -> None:
    run_load(journal)
    (cache_file,) = (tmp_path / "cache").glob("*.json")
    cache_file.write_bytes(b"not json")
    assert len(run_load(journal).parsed) == 2
    assert run_load(journal).parsed == []


def test_the_cache_is_private_to_the_user(journal: Path, tmp_path: Path) -> None:
    run_load(journal)
    folder = tmp_path / "cache"
    (cache_file,) = folder.glob("*.json")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(cache_file.stat().st_mode) == 0o600
    assert not list(journal.rglob("*.json"))


def test_the_cache_is_data_the_same_entries_are_made_from(journal: Path, tmp_path: Path) -> None:
    """JSON, no pickle: what comes back is validated again into the very models of a fresh read."""
    fresh = load_journal(journal, ZONE)
    run_load(journal)
    (cache_file,) = (tmp_path / "cache").glob("*")
    saved = json.loads(cache_file.read_text(encoding="utf-8"))
    assert sorted(Path(path).name for path in saved["files"]) == ["r1.md", "r1.md"]
    cache = diskcache.open_cache(journal)
    warm = load_journal(journal, ZONE, cache)
    assert cache.parsed == []
    for before, after in zip(fresh.debriefs, warm.debriefs, strict=True):
        assert after.model == before.model and after.model.model_fields_set == before.model.model_fields_set
        assert (after.rel, after.body, after.tasks, after.problems, after.source.display, after.source.path,
                after.source.modified) == (before.rel, before.body, before.tasks, before.problems,
                                           before.source.display, before.source.path, before.source.modified)
    assert [task.id for task in warm.debriefs[1].tasks] == ["", "blog1"] and warm.debriefs[1].tasks[1].scheduled


def test_other_tasks_settings_in_the_vault_read_every_file_again(journal: Path) -> None:
    """A custom status changes what a task line is: the records of the old settings do not apply."""
    run_load(journal)
    settings = journal / ".obsidian" / "plugins" / "obsidian-tasks-plugin" / "data.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"statusSettings": {"customStatuses": [{"symbol": "/", "type": "NON_TASK"}]}}),
                        encoding="utf-8")
    cache = run_load(journal)
    assert len(cache.parsed) == 2
    assert [task.text for task in load_journal(journal, ZONE, cache).debriefs[1].tasks] == ["send the deck"]


def test_a_planted_pickle_runs_no_code(journal: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"

    class Exploit:
        def __reduce__(self) -> tuple:
            return (open, (str(marker), "w"))

    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    for name in ("journal-planted.pickle", diskcache._cache_file(folder, journal).name):
        (folder / name).write_bytes(pickle.dumps(Exploit()))
    assert CliRunner().invoke(main, ["todo"]).exit_code == 0
    assert CliRunner().invoke(main, ["check"]).exit_code == 0
    assert not marker.exists()


def test_a_record_this_code_did_not_write_is_read_from_the_file_instead(journal: Path, tmp_path: Path) -> None:
    run_load(journal)
    (cache_file,) = (tmp_path / "cache").glob("*.json")
    saved = json.loads(cache_file.read_text(encoding="utf-8"))
    for record in saved["files"].values():
        record["tasks"] = "not a list"
        record["data"]["date"] = "not a date"
    cache_file.write_text(json.dumps(saved), encoding="utf-8")
    assert len(run_load(journal).parsed) == 2


def test_an_edit_that_keeps_size_and_time_changes_the_answer(journal: Path) -> None:
    def titles() -> list[str]:
        result = CliRunner().invoke(main, ["todo", "--json", "--today", "2026-11-25"])
        assert result.exit_code == 0
        return [item["title"] for item in json.loads(result.stdout)]

    path = journal / "acme" / "r1.md"
    assert "Send a thank-you note to Priya Shah" in titles()
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("Priya Shah", "Priya Khan"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert "Send a thank-you note to Priya Khan" in titles()


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes and owners")
def test_a_folder_others_can_open_is_refused_with_a_message(journal: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    result = CliRunner().invoke(main, ["todo"])
    assert result.exit_code == 0
    assert (f"note: not using the cache: the cache folder {folder} can be opened by other users (mode 755): "
            f"run 'chmod 700 {folder}'") in result.stderr
    assert list(folder.iterdir()) == []  # nothing written there
    folder.chmod(0o700)
    assert "not using the cache" not in CliRunner().invoke(main, ["todo"]).stderr
    assert list(folder.glob("*.json"))


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes and owners")
def test_a_folder_of_another_user_is_refused(journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    monkeypatch.setattr(os, "getuid", lambda: folder.stat().st_uid + 1)
    with pytest.raises(diskcache.CacheRefused, match="belongs to another user"):
        diskcache.open_cache(journal)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0 and "belongs to another user" in result.stderr


def test_a_file_where_the_folder_should_be_is_refused(journal: Path, tmp_path: Path) -> None:
    (tmp_path / "cache").write_text("", encoding="utf-8")
    with pytest.raises(diskcache.CacheRefused, match="is not a folder"):
        diskcache.open_cache(journal)


def test_off_writes_nothing(journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEW_JOURNAL_CACHE", "off")
    assert diskcache.open_cache(journal) is None
    assert CliRunner().invoke(main, ["todo"]).exit_code == 0
    assert not (tmp_path / "cache").exists()


def test_default_folder_follows_xdg() -> None:
    assert diskcache.cache_folder({"XDG_CACHE_HOME": "/x"}) == Path("/x/interview-journal")
    assert diskcache.cache_folder({}) == Path.home() / ".cache" / "interview-journal"
    assert diskcache.cache_folder({"INTERVIEW_JOURNAL_CACHE": "/y"}) == Path("/y")


def test_an_unwritable_cache_folder_costs_nothing_but_time(journal: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("INTERVIEW_JOURNAL_CACHE", str(blocker / "cache"))
    result = CliRunner().invoke(main, ["todo"])
    assert result.exit_code == 0 and result.exception is None
