"""The command line's disk cache: a second run reads only what changed, and never answers differently."""

from __future__ import annotations

import json
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
        "globex/r1.md": debrief(company="Globex", body="- [ ] send the deck \U0001F4C5 2026-11-27\n"),
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
    (cache_file,) = (tmp_path / "cache").glob("*.pickle")
    cache_file.write_bytes(b"not a pickle")
    assert len(run_load(journal).parsed) == 2
    assert run_load(journal).parsed == []


def test_the_cache_is_private_to_the_user(journal: Path, tmp_path: Path) -> None:
    run_load(journal)
    folder = tmp_path / "cache"
    (cache_file,) = folder.glob("*.pickle")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(cache_file.stat().st_mode) == 0o600
    assert not list(journal.rglob("*.pickle"))


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
