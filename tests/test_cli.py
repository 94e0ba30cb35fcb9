"""The command line: ``todo`` and ``check`` on small journals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, debrief, write_files
from interview_journal.cli import main

FIELDS = {"kind", "due", "bucket", "company", "company_slug", "role", "person", "title", "path", "optional"}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path / "journal", {
        "société/a.md": debrief(company="Société Générale", date="2026-11-20 14:00",
                                interviewers=[{"name": "Tom Becker", "title": "Staff Engineer"}],
                                body="- [ ] send link 📅 2026-11-27\n- [ ] undated thing\n"),
    })
    return tmp_path / "journal"


def test_todo_json_has_the_spec_fields(journal: Path) -> None:
    code, out, _ = run("todo", "--json", "--today", "2026-11-25")
    assert code == 0
    records = json.loads(out)
    assert all(FIELDS <= set(record) for record in records)
    thank_you = next(r for r in records if r["kind"] == "thank-you")
    assert thank_you == {**thank_you, "due": "2026-11-21", "bucket": "overdue", "company": "Société Générale",
                         "company_slug": "societe-generale", "role": "Data Engineer", "person": "Tom Becker",
                         "title": "Send a thank-you note to Tom Becker (Staff Engineer)",
                         "path": "société/a.md", "optional": False}
    undated = next(r for r in records if r["title"] == "undated thing")
    assert (undated["due"], undated["bucket"], undated["person"]) == (None, "undated", None)


def test_todo_lists_buckets_in_order(journal: Path) -> None:
    code, out, _ = run("todo", "--today", "2026-11-25")
    assert code == 0
    assert out.index("Overdue (1)") < out.index("This week (2)") < out.index("No date (1)")
    assert "Send a thank-you note to Tom Becker (Staff Engineer)" in out


def test_todo_today_moves_the_buckets(journal: Path) -> None:
    _, out, _ = run("todo", "--json", "--today", "2026-11-21")
    assert {r["kind"]: r["bucket"] for r in json.loads(out)}["thank-you"] == "today"


def test_todo_reads_journal_dir_and_offsets_from_mkdocs_yml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {
        "mkdocs.yml": "site_name: x\nplugins:\n  - interview-journal:\n      journal_dir: notes\n"
                      "      due:\n        thank_you: 2\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
                      "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        "notes/a.md": debrief(interviewers=["P"]),
    })
    _, out, _ = run("todo", "--json", "--today", "2026-11-25")
    assert {r["kind"]: r["due"] for r in json.loads(out)}["thank-you"] == "2026-11-22"


def test_check_is_quiet_and_zero_on_a_clean_journal(journal: Path) -> None:
    code, out, err = run("check")
    assert (code, out) == (0, "")
    assert "No problems: 1 debrief(s)" in err


def test_check_prints_every_problem_and_exits_one(journal: Path) -> None:
    write_files(journal, {"b.md": debrief(format="zoom"), "c.md": "---\ncompany: X\nrole: Y\ndate: 14:00\n---\n"})
    code, out, _ = run("check")
    assert code == 1
    assert out.splitlines() == [
        "journal/b.md:5:1: format: expected one of phone | video | onsite | panel | take-home | other, got zoom",
        ("journal/c.md:4:1: date: expected a date YYYY-MM-DD (or YYYY-MM-DD HH:MM), got 14:00 "
         "(hint: YAML reads 14:00 as a number: quote the value, like '2026-11-20 14:00')"),
    ]


def test_usage_errors_exit_two(journal: Path) -> None:
    assert run("check", "--journal", "nowhere")[0] == 2
    assert run("todo", "--today", "25.11.2026")[0] == 2


@pytest.mark.parametrize("command", ["todo", "check", "export ics", "export csv", "schema"])
def test_commands_do_not_import_mkdocs(journal: Path, command: str) -> None:
    code = (
        "import sys\nfrom interview_journal.cli import main\n"
        f"try:\n    main({command.split()!r})\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
        "print('MKDOCS' if any(m == 'mkdocs' or m.startswith('mkdocs.') for m in sys.modules) else 'CLEAN')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "plugins")}  # this checkout's code, not an installed copy
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert result.stdout.strip().splitlines()[-1] == "CLEAN"


def test_check_reports_a_debrief_that_takes_a_generated_page_name(journal: Path) -> None:
    write_files(journal, {"followups.md": debrief(), "companies/x.md": debrief()})
    code, out, _ = run("check")
    assert code == 1
    assert [line.split(": ", 1)[0] for line in out.splitlines()] == ["journal/companies/x.md:1:1", "journal/followups.md:1:1"]


def test_kind_is_read_whatever_its_case(journal: Path) -> None:
    write_files(journal, {"note.md": "---\nkind: Company\ncompany: Société Générale\nstatus: Ghosted\n---\n"})
    assert run("check")[0] == 0
    _, out, _ = run("todo", "--json", "--today", "2026-11-25")
    assert json.loads(out) == []  # ghosted: nothing outstanding


# --- the ends of the calendar --------------------------------------------------------------------

ENDS = {
    "far/a.md": debrief(company="Far", date="9999-12-31"),
    "far/b.md": debrief(company="Far", date="0001-01-01 00:30", status="scheduled", recruiter="Dana"),
    "far/c.md": debrief(company="Far", date="2026-11-20", interviewers=["Sam"], body="- [ ] x 📅 9999-12-31\n"),
}


@pytest.mark.parametrize("command", [["check"], ["todo"], ["todo", "--json"], ["export", "ics"], ["export", "csv"]])
def test_dates_at_the_ends_of_the_calendar_are_problems_in_every_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                           command: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path / "journal", ENDS)
    result = CliRunner().invoke(main, [*command, "--journal", "journal"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == (1 if command == ["check"] else 0)
    if command == ["check"]:
        assert [line.split(": ")[:2] for line in result.stdout.splitlines()] == [
            ["journal/far/a.md:4:1", "date"], ["journal/far/b.md:4:1", "date"], ["journal/far/c.md:8:9", "task"]]
    else:
        assert "3 problem(s) in the journal" in result.stderr


@pytest.mark.parametrize("today", ["9999-12-31", "0001-01-02"])
def test_a_today_at_the_ends_of_the_calendar_is_a_usage_error(journal: Path, today: str) -> None:
    code, _, err = run("todo", "--today", today)
    assert code == 2 and "--today: today must be a day from 1900-01-01 to 2999-12-31" in err.replace("'", "")


def test_an_interview_longer_than_a_week_is_a_usage_error(journal: Path) -> None:
    code, _, err = run("export", "ics", "--duration", "99999999999")
    assert code == 2 and "--duration" in err
