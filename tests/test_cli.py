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
    assert "No problems: 1 debrief, 0 company notes." in err


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


def _imports_mkdocs(args: list[str]) -> bool:
    """Runs ``interview-journal ARGS`` in a fresh interpreter (it must succeed): did it import MkDocs?"""
    code = (
        "import sys\nfrom interview_journal.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
        "print('MKDOCS' if any(m == 'mkdocs' or m.startswith('mkdocs.') for m in sys.modules) else 'CLEAN')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "plugins")}  # this checkout's code, not an installed copy
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    return result.stdout.strip().splitlines()[-1] != "CLEAN"


@pytest.mark.parametrize("command", ["todo", "check", "export ics", "export csv", "schema", "done --dry-run send link"])
def test_commands_do_not_import_mkdocs(journal: Path, command: str) -> None:
    assert not _imports_mkdocs(command.split())


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


def test_todo_fits_80_columns_and_says_how_late(journal: Path) -> None:
    write_files(journal, {"société/b.md": debrief(
        company="Société Générale", date="2026-11-18",
        recruiter={"name": "Zoë Laurent", "agency": "Harbourline Search"},
        take_back=["told them I would always denormalise everything into one very wide table, always"])})
    code, out, _ = run("todo", "--today", "2026-11-25")
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 80  # CliRunner is not a terminal: 80 columns
    assert "7 days late \u00b7 done " in out
    assert all(not line.startswith(" " * 18 + "-") for line in out.splitlines())  # no word cut at a hyphen


def test_todo_says_when_its_date_is_pinned(journal: Path) -> None:
    _, out, _ = run("todo", "--today", "2026-11-25")
    assert out.splitlines()[:2] == ["4 outstanding follow-ups as of Wed 2026-11-25", "(a pinned date, set by --today)"]
    _, out, _ = run("todo")
    assert "(a pinned date" not in out  # today from the clock: nothing to say


def test_one_of_a_thing_is_not_things(journal: Path) -> None:
    write_files(journal, {"bad.md": debrief(format="zoom")})
    _, _, err = run("check")
    assert "1 problem in 1 file; 2 debriefs, 0 company notes read" in err
    assert "(s)" not in err


@pytest.mark.parametrize(("args", "said"), [(["export", "ics"], "Wrote 4 events to out.txt"),
                                            (["export", "csv"], "Wrote 1 interview to out.txt"),
                                            (["schema"], "Wrote the JSON Schema to out.txt")])
def test_writing_to_a_file_says_so(journal: Path, args: list[str], said: str) -> None:
    code, out, err = run(*args, "-o", "out.txt")
    assert code == 0 and out == "" and said in err and Path("out.txt").stat().st_size > 100


# --- call -------------------------------------------------------------------------------------

CALLED = debrief(company="Globex", date="2026-11-24", stage="onsite",
                 recruiter={"name": "Rita Gomez", "agency": "Apex Search", "phone": "+1 212 555 0199"},
                 interviewers=[{"name": "Ann Lee", "thank_you": "2026-11-24"}, {"name": "Bo Chen"}],
                 went_well=["the live demo"], take_back=[{"answer": "said no Kafka", "correction": "two years"}])


def test_call_prints_the_sheet_of_a_path_as_todo_json_gives_it(journal: Path) -> None:
    write_files(journal, {"globex/onsite.md": CALLED})
    _, out, _ = run("todo", "--json", "--today", "2026-11-25")
    path = next(record["path"] for record in json.loads(out) if record["kind"] == "recruiter-call")
    code, sheet, _ = run("call", path, "--today", "2026-11-25")
    assert code == 0
    lines = sheet.splitlines()
    assert lines[0] == "Debrief call with Rita Gomez (Apex Search)"
    assert "Phone: +1 212 555 0199" in lines
    assert "Call due Tue 2026-11-24 (overdue); afterwards write: recruiter_call: 2026-11-25" in lines
    for expected in ("  + the live demo", "  \u201csaid no Kafka\u201d", "    what you meant: two years",
                     "  Ann Lee: sent Tue 2026-11-24", "  Bo Chen: not sent yet", "  What are the next steps?"):
        assert expected in lines, expected
    assert run("call", "globex/onsite", "--today", "2026-11-25")[1] == sheet  # the .md may be left out
    assert run("call", "journal/globex/onsite.md", "--today", "2026-11-25")[1] == sheet  # a path from here


@pytest.mark.parametrize(("files", "path", "message"), [
    ({}, "globex/onsit.md", "globex/onsit.md: no debrief with that path in journal; did you mean globex/onsite.md?"),
    ({}, "elsewhere/x.md", "elsewhere/x.md: no debrief with that path in journal (paths as 'interview-journal todo"),
    ({"globex/company.md": "---\nkind: company\ncompany: Globex\n---\n"}, "globex/company.md",
     "globex/company.md: not a debrief the journal could read"),
    ({}, "société/a.md", "société/a.md: a direct search, with no recruiter to call: check in with the hiring manager"),
    ({"globex/next.md": debrief(company="Globex", date="2026-12-02", stage="final", recruiter="Rita Gomez")},
     "globex/next.md", "globex/next.md: the final is on 2026-12-02: the call comes after it"),
])
def test_call_says_why_there_is_no_sheet_and_exits_one(journal: Path, files: dict, path: str, message: str) -> None:
    write_files(journal, {"globex/onsite.md": CALLED, **files})
    code, out, err = run("call", path, "--today", "2026-11-25")
    assert (code, out) == (1, "")
    assert err.startswith(message) and len(err.splitlines()) == 1


def test_call_does_not_import_mkdocs(journal: Path) -> None:
    write_files(journal, {"globex/onsite.md": CALLED})
    assert not _imports_mkdocs(["call", "globex/onsite.md"])


def test_the_call_sheet_in_the_docs_is_the_sample_s() -> None:
    code, out, _ = run("call", "pinecrest-ledger/2026-11-23-onsite-rescheduled.md", "--config", str(REPO / "mkdocs.yml"))
    assert code == 0
    assert f"```text\n{out}```" in (REPO / "docs" / "cli.md").read_text(encoding="utf-8")


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
        assert "3 problems in the journal" in result.stderr


@pytest.mark.parametrize("today", ["9999-12-31", "0001-01-02"])
def test_a_today_at_the_ends_of_the_calendar_is_a_usage_error(journal: Path, today: str) -> None:
    code, _, err = run("todo", "--today", today)
    assert code == 2 and "--today: today must be a day from 1900-01-01 to 2999-12-31" in err.replace("'", "")


def test_an_interview_longer_than_a_week_is_a_usage_error(journal: Path) -> None:
    code, _, err = run("export", "ics", "--duration", "99999999999")
    assert code == 2 and "--duration" in err
