"""The command line's ``new``, ``export ics``, ``export csv`` and ``schema``, and ``check``'s exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from icalendar import Calendar

from conftest import REPO, build, debrief, make_project, write_files
from interview_journal import cli
from interview_journal.cli import main, safe_cell
from interview_journal.dates import parse_moment
from interview_journal.frontmatter import DEBRIEF_FIELDS
from interview_journal.schema import journal_schema

TODAY = "2026-11-25"


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception  # no traceback
    return result.exit_code, result.stdout, result.stderr


def run_bytes(*args: str) -> bytes:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A journal of two rounds at Acme through a recruiter, and one direct round elsewhere."""
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": "site_name: x\nplugins:\n  - interview-journal:\n      timezone: Europe/Berlin\n"})
    write_files(tmp_path / "journal", {
        "acme-folder/2026-11-10-screen.md": debrief(
            company="ACME, Inc.", date="2026-11-10 09:30", stage="screen",
            recruiter={"name": "Dana Ruiz", "agency": "Talent Bridge", "email": "dana@talentbridge.example"},
            interviewers=[{"name": "Sam Patel", "title": "Lead", "email": "sam@acme.example", "thank_you": "2026-11-10"},
                          {"name": "Ann Wu"}],
            feedback={"received": "2026-11-12"}, outcome="advanced"),
        "acme-folder/2026-11-20-onsite.md": debrief(
            company="Acme Inc", date="2026-11-20", stage="onsite",
            recruiter={"name": "Dana Ruiz", "email": "dana@talentbridge.example"},
            take_back=[{"answer": "said I never used Kafka"}],
            body="- [ ] send the portfolio link 📅 2026-11-27\n- [ ] undated thing\n"),
        "globex/2026-12-01-call.md": debrief(company="Globex", role="=HYPERLINK(\"http://evil.example\")",
                                             date="2026-12-01 16:00", status="cancelled",
                                             contact={"name": "Kim Lee", "phone": "+1 555 0100"}),
    })
    return tmp_path / "journal"


# --- new -------------------------------------------------------------------------------------


def test_new_writes_a_scaffold_that_check_accepts(journal: Path) -> None:
    code, out, _ = run("new", "--company", "Initech", "--role", "Analyst", "--date", "2026-12-02 10:00",
                       "--stage", "Phone Screen", "--format", "phone", "--via", "direct",
                       "--interviewer", "Bill Lumbergh, VP, Operations", "--interviewer", "Milton")
    assert code == 0
    path = journal / "initech" / "2026-12-02-phone-screen.md"
    assert out.strip() == str(Path("journal/initech/2026-12-02-phone-screen.md"))
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text.split("---\n")[1])
    assert data == {"company": "Initech", "role": "Analyst", "date": "2026-12-02 10:00", "round": 1,
                    "stage": "Phone Screen", "format": "phone", "via": "direct",
                    "interviewers": [{"name": "Bill Lumbergh", "title": "VP, Operations"}, {"name": "Milton"}]}
    for optional in ("# recruiter_call:", "# take_back:", "# feedback:", "# outcome:", "# questions:", "# log:",
                     "# private:", "# contact:", "    # thank_you:"):
        assert optional in text
    assert run("check")[0] == 0


def test_every_commented_field_is_a_field_of_the_model(journal: Path) -> None:
    """Uncommenting the scaffold's hints gives known fields only (no typo in the template)."""
    run("new", "--company", "Initech", "--role", "Analyst", "--date", "2026-12-02")
    text = (journal / "initech" / "2026-12-02-round-1.md").read_text(encoding="utf-8")
    keys = set(re.findall(r"^# ([a-z_]+):", text, re.MULTILINE))
    assert keys and keys <= DEBRIEF_FIELDS
    assert {"stage", "format", "status", "via", "recruiter", "contact", "interviewers", "tags"} <= keys


def test_new_reuses_the_company_folder_spelling_round_and_recruiter(journal: Path) -> None:
    code, out, err = run("new", "--company", "acme inc.", "--role", "data engineer", "--date", "2026-12-03")
    assert code == 0
    path = journal / "acme-folder" / "2026-12-03-round-3.md"
    assert out.strip() == str(Path("journal/acme-folder/2026-12-03-round-3.md"))
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert (data["company"], data["role"], data["round"]) == ("ACME, Inc.", "Data Engineer", 3)
    assert data["recruiter"] == {"name": "Dana Ruiz", "email": "dana@talentbridge.example"}  # the latest round's
    assert "acme-folder/2026-11-20-onsite.md" in err
    assert run("check")[0] == 0


def test_new_round_skips_cancelled_rounds_and_another_role_starts_at_one(journal: Path) -> None:
    write_files(journal, {"acme-folder/2026-11-22-x.md": debrief(company="Acme Inc", date="2026-11-22", status="cancelled")})
    run("new", "--company", "Acme Inc", "--role", "Data Engineer", "--date", "2026-12-03", "--stage", "final")
    assert "round: 3" in (journal / "acme-folder/2026-12-03-final.md").read_text(encoding="utf-8")
    run("new", "--company", "Acme Inc", "--role", "Manager", "--date", "2026-12-03")
    assert "round: 1" in (journal / "acme-folder/2026-12-03-round-1.md").read_text(encoding="utf-8")


def test_new_leaves_the_recruiter_to_the_company_note(journal: Path) -> None:
    write_files(journal, {"globex/company.md": "---\nkind: company\ncompany: Globex\nrecruiter: Rita Recruiter\n---\n"})
    code, _, err = run("new", "--company", "GLOBEX", "--role", "Ops", "--date", "2026-12-04")
    text = (journal / "globex/2026-12-04-round-1.md").read_text(encoding="utf-8")
    assert code == 0 and "company: Globex" in text
    assert "\nrecruiter:" not in text and "Rita Recruiter comes from the company note" in err


def test_new_never_overwrites(journal: Path) -> None:
    existing = journal / "acme-folder" / "2026-11-20-onsite.md"
    before = existing.read_bytes()
    code, out, err = run("new", "--company", "Acme Inc", "--role", "Data Engineer", "--date", "2026-11-20",
                         "--stage", "onsite", "--duplicate")  # asked for a second file: the name is taken
    assert code == 1
    assert out == ""
    assert str(Path("journal/acme-folder/2026-11-20-onsite.md")) in err and "already exists" in err
    assert existing.read_bytes() == before


def test_new_refuses_a_second_file_for_the_same_interview_unless_asked(journal: Path) -> None:
    code, out, err = run("new", "--company", "acme inc", "--role", "data engineer", "--date", "2026-11-20",
                         "--stage", "second look")
    assert code == 1 and out == "" and "already holds Acme Inc, Data Engineer on 2026-11-20" in err  # as the file spells them
    assert "--duplicate" in err
    code, out, _ = run("new", "--company", "acme inc", "--role", "data engineer", "--date", "2026-11-20",
                       "--stage", "second look", "--duplicate")
    assert code == 0 and out.strip().endswith("2026-11-20-second-look.md")


def test_new_proposes_the_journal_s_spelling_of_a_near_miss(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run("new", "--company", "Acme", "--role", "Data Engineer", "--date", "2026-12-09")
    assert code == 1 and out == "" and "'Acme' is not in the journal, but 'ACME, Inc.' is" in err
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    code, out, _ = run("new", "--company", "Acme", "--role", "Data Engineer", "--date", "2026-12-09",
                       "--stage", "x", "--round", "4", input="y\n")
    assert code == 0 and "Did you mean 'ACME, Inc.'?" in out
    assert "company: ACME, Inc." in (journal / "acme-folder/2026-12-09-x.md").read_text(encoding="utf-8")


def test_new_company_says_the_close_name_is_a_new_one(journal: Path) -> None:
    code, out, _ = run("new", "--company", "Acme", "--role", "Data Engineer", "--date", "2026-12-09", "--new-company")
    assert code == 0 and "company: Acme\n" in (Path(out.strip())).read_text(encoding="utf-8")


@pytest.mark.parametrize(("flag", "value", "words"), [
    ("--date", "20.11.2026", "expected a date YYYY-MM-DD"),
    ("--date", "2026-02-30", "expected a date YYYY-MM-DD"),
    ("--format", "zoom", "'zoom' is not one of"),
    ("--round", "0", "0 is not in the range x>=1"),
    ("--company", "  ", "expected text"),
])
def test_new_bad_flags_are_usage_errors_naming_the_flag(journal: Path, flag: str, value: str, words: str) -> None:
    args = {"--company": "Initech", "--role": "Analyst", "--date": "2026-12-02", flag: value}
    code, _, err = run("new", *[part for pair in args.items() for part in pair])
    assert code == 2
    assert flag in err and words in err
    assert not (journal / "initech").exists()


def test_new_without_a_terminal_names_the_missing_flag(journal: Path) -> None:
    code, _, err = run("new", "--company", "Initech", "--role", "Analyst")
    assert code == 2 and "--date" in err


def test_new_asks_in_a_terminal(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    code, out, _ = run("new", "--journal", str(journal), input="Initech\nAnalyst\nbad date\n2026-12-05 09:00\nfinal\n\n")
    assert code == 0, out
    assert "Error" in out  # the bad date was refused, then asked again
    path = journal / "initech" / "2026-12-05-final.md"
    assert yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])["date"] == "2026-12-05 09:00"


def test_new_edit_opens_the_editor_on_the_file(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(cli.click, "edit", lambda filename=None, **_: opened.append(filename))
    run("new", "--company", "Initech", "--role", "Analyst", "--date", "2026-12-02", "--edit")
    assert opened == [str(journal / "initech" / "2026-12-02-round-1.md")]


def test_new_keeps_clear_of_the_generated_page_names(journal: Path) -> None:
    code, out, _ = run("new", "--company", "Calendar", "--role", "Analyst", "--date", "2026-12-02")
    assert code == 0 and "calendar-co" in out
    assert run("check")[0] == 0


# --- check -----------------------------------------------------------------------------------


def test_check_exit_codes_and_locations(journal: Path) -> None:
    assert run("check")[0] == 0
    write_files(journal, {"bad.md": "---\ncompany: X\nrole: Y\ndate: 2026-11-20\ninterest: 9\n---\n"})
    code, out, _ = run("check")
    assert code == 1
    assert out.splitlines() == ["journal/bad.md:5:1: interest: expected a whole number of at most 5, got 9"]
    assert run("check", "--journal", "missing")[0] == 2
    assert run("check", "--bogus")[0] == 2


def test_pre_commit_hook_manifest() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "interview-journal-check")
    assert (hook["entry"], hook["language"], hook["pass_filenames"], hook["always_run"]) == (
        "interview-journal check", "python", False, False)
    assert re.search(hook["files"], "journal/a.md") and re.search(hook["files"], "notes.markdown")
    assert not re.search(hook["files"], "mkdocs.yml")


# --- export ics ------------------------------------------------------------------------------


def _events(data: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(data)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_ics_events_uids_and_kinds(journal: Path) -> None:
    changed = datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc).timestamp()
    for path in journal.rglob("*.md"):
        os.utime(path, (changed, changed))
    first = run_bytes("export", "ics", "--today", TODAY)
    assert first == run_bytes("export", "ics", "--today", TODAY)  # byte-identical: stamps from the files' changes
    events = _events(first)
    screen = events["Interview: ACME, Inc. \u2014 Data Engineer, screen"]
    start = screen["dtstart"].dt
    assert isinstance(start, datetime) and start.utcoffset().total_seconds() == 0
    assert (start.hour, start.minute) == (8, 30)  # 09:30 in Europe/Berlin, written in UTC
    assert screen["dtend"].dt - start == timedelta(hours=1)
    onsite = events["Interview: ACME, Inc. \u2014 Data Engineer, onsite"]
    assert onsite["dtstart"].dt == date(2026, 11, 20) and onsite["dtend"].dt == date(2026, 11, 21)
    cancelled = next(e for name, e in events.items() if "Globex" in name)
    assert str(cancelled["status"]) == "CANCELLED"
    task = events["send the portfolio link"]
    assert task["dtstart"].dt == date(2026, 11, 27)
    assert "undated thing" not in events  # no date: not in a calendar
    assert all(str(e["uid"]).endswith("@interview-journal") for e in events.values())
    assert len({str(e["uid"]) for e in events.values()}) == len(events)
    assert {str(e["dtstamp"].dt) for e in events.values()} == {"2026-11-20 10:00:00+00:00"}
    assert b"@acme.example" not in first and b"talentbridge" not in first and b"555" not in first


def test_ics_uids_survive_edits_and_another_today(journal: Path) -> None:
    before = {str(e["summary"]): str(e["uid"]) for e in _events(run_bytes("export", "ics", "--today", TODAY)).values()}
    text = (journal / "acme-folder/2026-11-10-screen.md").read_text(encoding="utf-8")
    (journal / "acme-folder/2026-11-10-screen.md").write_text(text.replace("09:30", "10:00"), encoding="utf-8")
    after = {str(e["summary"]): str(e["uid"]) for e in _events(run_bytes("export", "ics", "--today", "2026-11-26")).values()}
    assert after == before


def test_ics_duration_and_output(journal: Path, tmp_path: Path) -> None:
    code, out, _ = run("export", "ics", "--today", TODAY, "--duration", "90", "--output", str(tmp_path / "x.ics"))
    assert (code, out) == (0, "")
    screen = _events((tmp_path / "x.ics").read_bytes())["Interview: ACME, Inc. \u2014 Data Engineer, screen"]
    assert (screen["dtend"].dt - screen["dtstart"].dt).total_seconds() == 90 * 60
    assert run("export", "ics", "--duration", "0")[0] == 2


def test_site_publishes_the_same_calendar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    files = {"a/one.md": debrief(date="2026-11-20 14:00", recruiter={"name": "Dana", "email": "dana@x.example"},
                                 interviewers=[{"name": "P", "email": "p@acme.example"}],
                                 take_back=["said something I regret"]),
             "a/two.md": debrief(date="2026-12-01", private=True, stage="secret stage")}
    make_project(tmp_path, files)
    site = build(tmp_path)
    published = (site / "journal" / "calendar.ics").read_bytes()
    assert published == run_bytes("export", "ics", "--today", TODAY)
    assert 'href="calendar.ics"' in (site / "journal" / "index.html").read_text(encoding="utf-8")
    make_project(tmp_path, files, {"public": True})
    public = (build(tmp_path) / "journal" / "calendar.ics").read_text(encoding="utf-8")
    assert "Interview: Acme" in public and "Send a thank-you note to P" in public
    assert "@" not in public.replace("@interview-journal", "")
    assert "regret" not in public and "secret stage" not in public


# --- export csv ------------------------------------------------------------------------------


def test_csv_one_row_per_interview(journal: Path, tmp_path: Path) -> None:
    code, out, _ = run("export", "csv", "--today", TODAY)
    assert code == 0 and out.startswith("\ufeffdate,company,")  # UTF-8 with a byte order mark, for Excel
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert [r["path"] for r in rows] == ["acme-folder/2026-11-10-screen.md", "acme-folder/2026-11-20-onsite.md",
                                         "globex/2026-12-01-call.md"]
    screen = rows[0]
    assert {k: screen[k] for k in ("date", "round", "stage", "channel", "recruiter", "interviewers", "thank_you_notes",
                                   "feedback_received", "outcome", "status")} == {
        "date": "2026-11-10 09:30", "round": "1", "stage": "screen", "channel": "recruiter", "recruiter": "Dana Ruiz",
        "interviewers": "Sam Patel (Lead); Ann Wu", "thank_you_notes": "1 of 2", "feedback_received": "2026-11-12",
        "outcome": "advanced", "status": "done"}
    assert rows[2]["role"] == "'=HYPERLINK(\"http://evil.example\")"  # never a formula
    assert (rows[2]["status"], rows[2]["channel"], rows[2]["recruiter"]) == ("cancelled", "direct", "")
    assert "555" not in out and "@" not in out
    run("export", "csv", "--output", str(tmp_path / "x.csv"))
    assert (tmp_path / "x.csv").read_text(encoding="utf-8").replace("\r\n", "\n") == out.replace("\r\n", "\n")


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+2", "'=1+2"), ("=A1", "'=A1"), ("@SUM(A1)", "'@SUM(A1)"), ("+HYPERLINK (\"http://x.example\")", None),
    ("-2+3+cmd|' /C calc'!A0", None), ("+cmd|' /C calc'!A0", None), ("\t=1+2", "'\t=1+2"), ("\r\n@SUM(A1)", None),
    # nothing that could run: left as written
    ("+49 30 1234 567", "+49 30 1234 567"), ("+1 (555) 0100", "+1 (555) 0100"), ("-2", "-2"), ("-x", "-x"),
    ("@acme/2026-11-20-screen.md", "@acme/2026-11-20-screen.md"), ("@Dana", "@Dana"), ("a = b (c)", "a = b (c)"),
    ("plain", "plain"), (None, ""), (3, "3"), ("", ""),
])
def test_safe_cell_guards_only_what_could_run(value: object, cell: str | None) -> None:
    assert safe_cell(value) == (cell if cell is not None else "'" + str(value))


def test_csv_for_excel_and_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path / "journal", {"@acme/2026-11-20-screen.md": debrief(
        company="Björn & Søn", stage="+49 30 1234 567", interviewers=[
            {"name": "Zoë", "thank_you": "2026-11-21"}, {"name": "Åsa"}, {"name": "Ines"}])})
    data = run_bytes("export", "csv", "--today", TODAY)
    assert data.startswith(b"\xef\xbb\xbfdate,")  # the byte order mark Excel reads UTF-8 by
    row = next(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert (row["company"], row["stage"], row["thank_you_notes"], row["path"]) == (
        "Björn & Søn", "+49 30 1234 567", "1 of 3", "@acme/2026-11-20-screen.md")
    plain = run_bytes("export", "csv", "--today", TODAY, "--no-bom")
    assert plain == data[3:]
    semicolons = run_bytes("export", "csv", "--today", TODAY, "--delimiter", ";").decode("utf-8-sig")
    assert semicolons.startswith("date;company;role;") and next(csv.DictReader(io.StringIO(semicolons), delimiter=";")) == row
    tabs = run_bytes("export", "csv", "--today", TODAY, "--delimiter", "tab").decode("utf-8-sig")
    assert next(csv.DictReader(io.StringIO(tabs), delimiter="\t")) == row
    assert run("export", "csv", "--delimiter", "|")[0] == 2


# --- schema ----------------------------------------------------------------------------------


def _as_an_editor_sees_it(value: object) -> object:
    """YAML 1.1 turns dates into objects; an editor's YAML 1.2 parser keeps the text."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _as_an_editor_sees_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_an_editor_sees_it(v) for v in value]
    return value


def _front_matter(path: Path) -> dict[str, object]:
    return _as_an_editor_sees_it(yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1]))  # type: ignore[return-value]


def _validator(*args: str) -> jsonschema.Draft7Validator:
    code, out, _ = run("schema", *args)
    assert code == 0
    schema = json.loads(out)
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def test_schema_accepts_every_sample_journal_file() -> None:
    validator = _validator()
    files = sorted((REPO / "journal").rglob("*.md"))
    assert len(files) > 10
    for path in files:
        errors = [error.message for error in validator.iter_errors(_front_matter(path))]
        assert errors == [], path


def test_schema_rejects_what_the_loader_rejects() -> None:
    validator = _validator()
    good = {"company": "Acme", "role": "Data Engineer", "date": "2026-11-20 14:00",
            "recruiter": "Dana Ruiz", "interviewers": ["Sam", {"name": "Ann", "thank_you": "2026-11-21"}],
            "take_back": ["said X"], "questions": ["why us?"], "tags": None, "kind": "Debrief"}
    assert validator.is_valid(good)
    for bad in ({**good, "date": "20.11.2026"}, {**good, "format": "zoom"}, {**good, "interest": 9},
                {k: v for k, v in good.items() if k != "role"}, {**good, "interviewers": 3}, {**good, "round": True},
                {**good, "recruiter": {"name": "Dana", "email": "Dana <dana@x.example>"}}):
        assert not validator.is_valid(bad), bad
    offer = {**good, "offer": {"received": "2026-11-27", "deadline": "2026-12-04 17:00", "salary": "my own"}}
    assert validator.is_valid(offer)
    for bad in ({**good, "offer": "2026-12-04"}, {**good, "offer": {"deadline": "Friday"}}):
        assert not validator.is_valid(bad), bad
    assert validator.is_valid({"kind": "Company", "company": "Acme", "status": "ghosted"})
    assert not validator.is_valid({"kind": "company", "company": "Acme", "status": "lost"})


@pytest.mark.parametrize("text", ["2026-11-20", "2026-11-20 14:00", "2026-11-20T9:05", "2026-11-20 14:00:30",
                                  "2026-11-20 14:00+01:00", "2026-11-20T14:00Z", "2026-11-20 14:00:30.5"])
def test_schema_dates_are_the_loader_dates(text: str) -> None:
    parse_moment(text, timezone.utc)  # the loader takes it
    pattern = journal_schema("debrief")["$defs"]["Debrief"]["properties"]["date"]["pattern"]
    assert re.match(pattern, text)


def test_schema_kinds_and_output(tmp_path: Path) -> None:
    debrief_only = _validator("--kind", "debrief")
    assert not debrief_only.is_valid({"kind": "company", "company": "Acme"})
    company = _validator("--kind", "company")
    assert company.is_valid({"kind": "company", "company": "Acme"})
    assert run("schema", "--output", str(tmp_path / "s.json"))[0] == 0
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["if"]["required"] == ["kind"]


def test_new_starts_a_journal_that_does_not_exist_yet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("new", "--company", "Acme", "--role", "Data Engineer", "--date", "2026-11-20")
    assert code == 0, err
    assert "created the journal folder journal" in err
    assert (tmp_path / out.strip()).is_file()
    assert out.strip().startswith("journal/acme/")


def test_new_does_not_create_folders_far_away(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("new", "--journal", "typo/journal", "--company", "Acme", "--role", "R", "--date", "2026-11-20")
    assert code == 2 and "no journal folder" in err
    assert not (tmp_path / "typo").exists()
