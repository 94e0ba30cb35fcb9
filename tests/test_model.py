"""The front-matter schema, dates, "today", company identity and slugs, and task lines.

Every input is written inline. Problem lines are compared whole, with the path as the code
computes it (relative to the current folder, which each test sets to ``tmp_path``).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from interview_journal.dates import parse_moment, resolve_today, sort_key
from interview_journal.load import load_journal
from interview_journal.model import CompanyNote, Debrief
from interview_journal.slugs import assign_slugs, identity, slugify
from interview_journal.tasks import Task, parse_tasks
from journal_files import HEAD, PATH, load, write

BERLIN = ZoneInfo("Europe/Berlin")
DATE_FORMS = "a date YYYY-MM-DD (or YYYY-MM-DD HH:MM)"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)






def lines(journal) -> list[str]:
    return [str(problem) for problem in journal.problems]


def debrief(journal) -> Debrief:
    assert len(journal.debriefs) == 1
    return journal.debriefs[0].model


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20", date(2026, 11, 20)),
        ("2026-11-20 14:00", datetime(2026, 11, 20, 14, 0, tzinfo=BERLIN)),
        ("2026-11-20T14:00:00", datetime(2026, 11, 20, 14, 0, tzinfo=BERLIN)),
        ("2026-11-20 14:00:30", datetime(2026, 11, 20, 14, 0, 30, tzinfo=BERLIN)),
        ("2026-11-20 9:05", datetime(2026, 11, 20, 9, 5, tzinfo=BERLIN)),
        ("'2026-11-20 14:00'", datetime(2026, 11, 20, 14, 0, tzinfo=BERLIN)),
        ("2026-11-20T14:00:00-05:00", datetime(2026, 11, 20, 20, 0, tzinfo=BERLIN)),
        ("2026-11-20T14:00:00Z", datetime(2026, 11, 20, 15, 0, tzinfo=BERLIN)),
        ("2026-11-20T23:30:00Z", datetime(2026, 11, 21, 0, 30, tzinfo=BERLIN)),
    ],
    ids=["day", "hh-mm", "iso-t", "seconds", "one-digit-hour", "quoted", "offset", "zulu", "zulu-next-day"],
)
def test_date_forms(tmp_path, text, expected):
    journal = load(tmp_path, f"---\ncompany: Acme\nrole: Dev\ndate: {text}\n---\n", zone=BERLIN)
    assert journal.problems == []
    value = debrief(journal).date
    assert value == expected
    assert type(value) is type(expected)
    if isinstance(value, datetime):
        assert value.tzinfo is BERLIN
        assert (value.hour, value.minute) == (expected.hour, expected.minute)


def test_naive_time_is_local_to_the_zone():
    assert parse_moment("2026-07-01 14:00", BERLIN).utcoffset() == timedelta(hours=2)
    assert parse_moment("2026-12-01 14:00", BERLIN).utcoffset() == timedelta(hours=1)


@pytest.mark.parametrize("value", [date(2026, 11, 20), datetime(2026, 11, 20, 14, 0)])
def test_parse_moment_accepts_python_values(value):
    result = parse_moment(value, BERLIN)
    assert result == (value if not isinstance(value, datetime) else value.replace(tzinfo=BERLIN))


def test_naive_and_aware_values_sort_together(tmp_path):
    write(tmp_path, "---\ncompany: Acme\nrole: Dev\ndate: 2026-11-20\n---\n", "acme/a.md")
    write(tmp_path, "---\ncompany: Acme\nrole: Dev\ndate: 2026-11-20 00:30\n---\n", "acme/b.md")
    write(tmp_path, "---\ncompany: Acme\nrole: Dev\ndate: 2026-11-19T22:30:00Z\n---\n", "acme/c.md")
    journal = load_journal(tmp_path / "journal", BERLIN)
    ordered = sorted(journal.debriefs, key=lambda entry: sort_key(entry.model.date, BERLIN))
    assert [entry.rel for entry in ordered] == ["acme/c", "acme/a", "acme/b"]


def test_sort_key_puts_a_whole_day_at_its_start():
    assert sort_key(date(2026, 11, 20), BERLIN) == datetime(2026, 11, 20, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("2026-02-30", "that day does not exist"),
        ("2026-13-01", "that day does not exist"),
        ("2026-11-20 25:00", "write the time as HH:MM, 00:00 to 23:59"),
        ("soon", "write the date as YYYY-MM-DD, optionally followed by HH:MM"),
        ("20/11/2026", "write the date as YYYY-MM-DD, optionally followed by HH:MM"),
    ],
    ids=["feb-30", "month-13", "hour-25", "word", "day-first"],
)
def test_impossible_or_unknown_date_is_a_problem(tmp_path, text, hint):
    journal = load(tmp_path, HEAD + f"recruiter_call: {text}\n---\n")
    assert len(journal.problems) == 1
    problem = journal.problems[0]
    assert (problem.path, problem.line, problem.col) == (PATH, 5, 1)
    assert (problem.field, problem.expected, problem.got) == ("recruiter_call", DATE_FORMS, text)
    assert problem.hint.startswith(hint)
    assert debrief(journal).recruiter_call is None


def test_impossible_required_date_leaves_the_file_out(tmp_path):
    journal = load(tmp_path, "---\ncompany: Acme\nrole: Dev\ndate: 2026-02-30\n---\n")
    assert [(p.line, p.field, p.got) for p in journal.problems] == [(4, "date", "2026-02-30")]
    assert "does not exist" in journal.problems[0].hint
    assert journal.debriefs == []


# --- nulls, extra fields and near-misses ---------------------------------------------------


def test_nulls_are_none_or_empty_lists(tmp_path):
    journal = load(tmp_path, HEAD + "recruiter: ~\ninterviewers:\nstage:\ntags: null\nfeedback:\n---\n")
    assert journal.problems == []
    model = debrief(journal)
    assert (model.recruiter, model.interviewers, model.stage, model.tags, model.feedback) == (None, [], None, [], None)
    assert "'None'" not in repr(model.model_dump())


def test_unknown_fields_are_kept(tmp_path):
    journal = load(tmp_path, HEAD + "salary_band: ask later\nrecruiter:\n  name: Dana\n  linkedin: dana-r\n---\n")
    assert journal.problems == []
    model = debrief(journal)
    assert model.model_extra == {"salary_band": "ask later"}
    assert model.recruiter.model_extra == {"linkedin": "dana-r"}


@pytest.mark.parametrize(("key", "field"), [("interviewer", "interviewers"), ("recruter", "recruiter")])
def test_near_miss_key_is_a_problem_but_the_file_is_kept(tmp_path, key, field):
    journal = load(tmp_path, HEAD + f"{key}: Priya\n---\n")
    assert lines(journal) == [
        (f"{PATH}:5:1: {key}: expected a known field ('{field}'?), got '{key}' "
         f"(hint: rename it to '{field}', or pick a name of your own further from it)")
    ]
    assert debrief(journal).model_extra == {key: "Priya"}


# --- wrong values in optional fields: reported, dropped, the file kept ---------------------


def test_a_single_value_where_a_list_is_expected(tmp_path):
    journal = load(tmp_path, HEAD + "interviewers: Priya\n---\n")
    assert lines(journal) == [
        (f"{PATH}:5:1: interviewers: expected a list, got Priya "
         "(hint: write the items one per line starting with '- ', or as [a, b])")
    ]
    assert debrief(journal).interviewers == []


def test_text_where_a_mapping_is_expected(tmp_path):
    journal = load(tmp_path, HEAD + "feedback: great\n---\n")
    assert lines(journal) == [f"{PATH}:5:1: feedback: expected a mapping of 'key: value' lines, got great"]
    assert debrief(journal).feedback is None


def test_unknown_choice_lists_the_choices(tmp_path):
    journal = load(tmp_path, HEAD + "format: zoom\nstage: screen\n---\n")
    assert lines(journal) == [
        f"{PATH}:5:1: format: expected one of phone | video | onsite | panel | take-home | other, got zoom"
    ]
    model = debrief(journal)
    assert (model.format, model.stage) == (None, "screen")


@pytest.mark.parametrize(
    ("field", "written", "value"),
    [("format", "Video", "video"), ("format", "TAKE-HOME", "take-home"), ("status", " Done", "done"),
     ("rapport", "Good", "good"), ("outcome", "Rejected", "rejected")],
)
def test_choices_ignore_case(tmp_path, field, written, value):
    journal = load(tmp_path, HEAD + f"{field}: '{written}'\n---\n")
    assert journal.problems == []
    assert getattr(debrief(journal), field) == value


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("round: 0\n", "round: expected a whole number of at least 1, got 0"),
        ("round: -2\n", "round: expected a whole number of at least 1, got -2"),
        ("round: first\n", "round: expected a whole number, got first"),
        ("interest: 7\n", "interest: expected a whole number of at most 5, got 7"),
        ("interest: 0\n", "interest: expected a whole number of at least 1, got 0"),
    ],
)
def test_numbers_out_of_range(tmp_path, fields, expected):
    journal = load(tmp_path, HEAD + fields + "---\n")
    assert lines(journal) == [f"{PATH}:5:1: {expected}"]
    assert (debrief(journal).round, debrief(journal).interest) == (None, None)


@pytest.mark.parametrize("word", ["no", "yes", "on", "off", "True"])
def test_yaml_booleans_where_text_is_expected(tmp_path, word):
    journal = load(tmp_path, HEAD + f"stage: {word}\n---\n")
    assert lines(journal) == [
        f"{PATH}:5:1: stage: expected text, got {word} (hint: YAML reads yes/no/on/off as true/false: quote the value)"
    ]
    assert debrief(journal).stage is None


def test_quoted_yes_is_text(tmp_path):
    journal = load(tmp_path, HEAD + "stage: 'yes'\n---\n")
    assert journal.problems == []
    assert debrief(journal).stage == "yes"


def test_number_where_text_is_expected(tmp_path):
    journal = load(tmp_path, HEAD + "tags: [remote, 2026]\n---\n")
    assert lines(journal) == [f"{PATH}:5:16: tags[1]: expected text, got 2026 (hint: quote the value, like '...')"]
    assert debrief(journal).tags == ["remote"]


def test_private_takes_yaml_booleans(tmp_path):
    journal = load(tmp_path, HEAD + "private: yes\n---\n")
    assert journal.problems == []
    assert debrief(journal).private is True


# --- required fields ----------------------------------------------------------------------


def test_missing_company_leaves_the_file_out(tmp_path):
    journal = load(tmp_path, "---\nrole: Dev\ndate: 2026-11-20\n---\n")
    assert lines(journal) == [
        f"{PATH}:1:1: company: expected a value (this field is required), got nothing (hint: add 'company: ...')"
    ]
    assert journal.debriefs == []


@pytest.mark.parametrize("field", ["role", "date"])
def test_missing_role_or_date_leaves_the_file_out(tmp_path, field):
    text = HEAD.replace(f"{field}: ", "other: ")
    journal = load(tmp_path, text + "---\n")
    assert lines(journal) == [
        f"{PATH}:1:1: {field}: expected a value (this field is required), got nothing (hint: add '{field}: ...')"
    ]
    assert journal.debriefs == []


def test_empty_company_reads_got_nothing(tmp_path):
    journal = load(tmp_path, "---\ncompany:\nrole: Dev\ndate: 2026-11-20\n---\n")
    assert journal.debriefs == []
    assert len(journal.problems) == 1
    assert journal.problems[0].got == "nothing"


def test_missing_field_of_a_list_item_drops_the_item(tmp_path):
    journal = load(tmp_path, HEAD + "interviewers:\n  - title: CTO\n  - name: Bo\n---\n")
    assert [(p.line, p.col, p.expected) for p in journal.problems] == [(6, 5, "a value (this field is required)")]
    assert [i.name for i in debrief(journal).interviewers] == ["Bo"]


def test_missing_field_of_a_list_item_is_named_like_other_fields(tmp_path):
    journal = load(tmp_path, HEAD + "interviewers:\n  - title: CTO\n---\n")
    assert [p.field for p in journal.problems] == ["interviewers[0].name"]


def test_wrong_required_nested_value_is_reported_once(tmp_path):
    journal = load(tmp_path, HEAD + "log:\n  - date: soon\n    note: recruiter called\n---\n")
    assert lines(journal) == [
        (f"{PATH}:6:5: log[0].date: expected {DATE_FORMS}, got soon "
         "(hint: write the date as YYYY-MM-DD, optionally followed by HH:MM)")
    ]
    assert debrief(journal).log == []


# --- people ----------------------------------------------------------------------------------


def test_person_shorthand_is_the_name(tmp_path):
    journal = load(tmp_path, HEAD + "recruiter: Dana Ruiz\ncontact: Kim Lee\n---\n")
    assert journal.problems == []
    model = debrief(journal)
    assert (model.recruiter.name, model.recruiter.agency) == ("Dana Ruiz", None)
    assert model.contact.name == "Kim Lee"


def test_interviewers_as_plain_names(tmp_path):
    journal = load(tmp_path, HEAD + "interviewers: [Priya Shah, Bo Li]\n---\n")
    assert journal.problems == []
    assert [(i.name, i.title) for i in debrief(journal).interviewers] == [("Priya Shah", None), ("Bo Li", None)]


def test_interviewers_mixed_names_and_mappings(tmp_path):
    journal = load(tmp_path, HEAD + "interviewers:\n  - Priya Shah\n  - name: Bo Li\n    title: CTO\n---\n")
    assert journal.problems == []
    assert [(i.name, i.title) for i in debrief(journal).interviewers] == [("Priya Shah", None), ("Bo Li", "CTO")]


@pytest.mark.parametrize(
    "address",
    [
        "a@b.example?subject=x",
        "'Name <a@b.example>'",
        "a b@c.example",
        "a@b",
        "mailto:a@b.example",
        '"a@b.example\\nBcc: c@d"',
    ],
)
def test_email_must_be_a_plain_address(tmp_path, address):
    journal = load(tmp_path, HEAD + f"recruiter:\n  name: Dana\n  email: {address}\n---\n")
    assert len(journal.problems) == 1
    problem = journal.problems[0]
    assert (problem.line, problem.col, problem.field) == (7, 3, "recruiter.email")
    assert problem.expected == "a plain e-mail address like name@company.example"
    assert problem.hint == "no names, spaces, '?' or headers"
    assert debrief(journal).recruiter.email is None
    assert debrief(journal).recruiter.name == "Dana"


def test_plain_email_is_accepted(tmp_path):
    address = "priya.shah+jobs@north-wind.example"
    journal = load(tmp_path, HEAD + f"interviewers:\n  - name: Priya\n    email: {address}\n---\n")
    assert journal.problems == []
    assert debrief(journal).interviewers[0].email == address


# --- company notes -------------------------------------------------------------------------


def test_kind_company_loads_a_company_note(tmp_path):
    journal = load(tmp_path, "---\nkind: company\ncompany: Acme\nsource: Referral\napplied: 2026-11-01\n---\nbody\n")
    assert journal.problems == []
    assert journal.debriefs == []
    [note] = journal.notes
    assert isinstance(note.model, CompanyNote)
    assert (note.model.company, note.model.source, note.model.applied) == ("Acme", "referral", date(2026, 11, 1))
    assert note.body == "body\n"
    assert note.tasks == []


@pytest.mark.parametrize("website", ["https://acme.example/jobs", "HTTP://ACME.EXAMPLE"])
def test_website_over_http_is_accepted(tmp_path, website):
    journal = load(tmp_path, f"---\nkind: company\ncompany: Acme\nwebsite: {website}\n---\n")
    assert journal.problems == []
    assert journal.notes[0].model.website == website


@pytest.mark.parametrize(
    "website", ["javascript:alert(1)", "ftp://acme.example", "acme.example", "'https://a.example/\"><x'"]
)
def test_website_must_be_http(tmp_path, website):
    journal = load(tmp_path, f"---\nkind: company\ncompany: Acme\nwebsite: {website}\n---\n")
    assert [(p.line, p.field, p.expected) for p in journal.problems] == [
        (4, "website", "a web address starting with https:// or http://")
    ]
    assert journal.notes[0].model.website is None


def test_unknown_kind_is_a_problem_and_the_debrief_kept(tmp_path):
    journal = load(tmp_path, "---\nkind: interview\ncompany: Acme\nrole: Dev\ndate: 2026-11-20\n---\n")
    assert lines(journal) == [f"{PATH}:2:1: kind: expected one of debrief, got interview"]
    assert debrief(journal).kind is None


# --- company identity and slugs ------------------------------------------------------------


def test_spellings_of_one_company_are_one_company(tmp_path):
    write(tmp_path, "---\ncompany: Acme Inc\nrole: Dev\ndate: 2026-11-20\n---\n", "a.md")
    write(tmp_path, "---\ncompany: ACME, Inc.\nrole: Dev\ndate: 2026-11-21\n---\n", "b.md")
    write(tmp_path, "---\ncompany: acme inc\nrole: Dev\ndate: 2026-11-22\n---\n", "c.md")
    write(tmp_path, "---\ncompany: Acme Inc\nrole: Ops\ndate: 2026-11-23\n---\n", "d.md")
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert list(journal.companies) == ["acme inc"]
    company = journal.companies["acme inc"]
    assert (company.slug, company.name) == ("acme-inc", "Acme Inc")
    assert [entry.rel for entry in company.debriefs] == ["a", "b", "c", "d"]


def test_company_note_names_the_company(tmp_path):
    write(tmp_path, "---\ncompany: acme inc\nrole: Dev\ndate: 2026-11-20\n---\n", "a.md")
    write(tmp_path, "---\nkind: company\ncompany: ACME, Inc.\n---\n", "acme.md")
    journal = load_journal(tmp_path / "journal", timezone.utc)
    company = journal.companies["acme inc"]
    assert company.name == "ACME, Inc."
    assert company.note is journal.notes[0]
    assert [entry.rel for entry in company.debriefs] == ["a"]


def test_second_company_note_is_a_problem(tmp_path):
    write(tmp_path, "---\nkind: company\ncompany: Acme\n---\n", "a.md")
    write(tmp_path, "---\nkind: company\ncompany: ACME\n---\n", "b.md")
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert lines(journal) == [
        ("journal/b.md:3:1: company: expected one company note for Acme, got a second one (first: journal/a.md) "
         "(hint: merge the two notes)")
    ]


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Société Générale Tech", "societe-generale-tech"),
        ("Société Générale", "societe-generale"),
        ("Ærø Straße", "aero-strasse"),
        ("  Northwind   Analytics ", "northwind-analytics"),
        ("../../etc/passwd", "etc-passwd"),
        ("株式会社", "c-a8bb7f5d"),
    ],
)
def test_slugify(name, slug):
    assert slugify(name) == slug


def test_name_without_ascii_letters_gets_a_stable_hash_slug():
    first = slugify("日本電気")
    assert first == slugify("日本電気")
    assert first.startswith("c-") and len(first) == 10
    assert all(char in "0123456789abcdef" for char in first[2:])
    assert first != slugify("株式会社")


def test_identity_ignores_case_accents_and_punctuation_but_not_plus():
    assert identity("Acme Inc") == identity("ACME, Inc.") == identity("acme  inc") == "acme inc"
    assert identity("Société Générale") == identity("Societe Generale")
    assert identity("C++ Labs") != identity("C Labs")


@pytest.mark.parametrize("names", [["C++ Labs", "C Labs"], ["C Labs", "C++ Labs"]])
def test_assign_slugs_tells_clashing_names_apart_whatever_the_order(names):
    assert assign_slugs(names) == {"c labs": "c-labs", "c++ labs": "c-labs-7e5116"}


@pytest.mark.parametrize("files", [("C++ Labs", "C Labs"), ("C Labs", "C++ Labs")])
def test_clashing_company_slugs_in_a_journal(tmp_path, files):
    for name, company in zip(("a.md", "b.md"), files):
        write(tmp_path, f"---\ncompany: {company}\nrole: Dev\ndate: 2026-11-20\n---\n", name)
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert {c.name: c.slug for c in journal.companies.values()} == {"C Labs": "c-labs", "C++ Labs": "c-labs-7e5116"}


def test_cjk_company_in_a_journal(tmp_path):
    journal = load(tmp_path, "---\ncompany: 株式会社\nrole: Dev\ndate: 2026-11-20\n---\n")
    assert [c.slug for c in journal.companies.values()] == ["c-a8bb7f5d"]


# --- today ----------------------------------------------------------------------------------

UTC = timezone.utc
TODAY_ENV = "INTERVIEW_JOURNAL_TODAY"
NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("option", "environ", "zone", "expected"),
    [
        ("2026-03-04", {TODAY_ENV: "2026-01-02", "SOURCE_DATE_EPOCH": "0"}, UTC, (date(2026, 1, 2), "env")),
        ("2026-03-04", {"SOURCE_DATE_EPOCH": "0"}, UTC, (date(2026, 3, 4), "option")),
        (date(2026, 3, 4), {}, UTC, (date(2026, 3, 4), "option")),
        (datetime(2026, 3, 4, 23, 0), {}, UTC, (date(2026, 3, 4), "option")),
        (None, {"SOURCE_DATE_EPOCH": "0"}, UTC, (date(1970, 1, 1), "epoch")),
        (None, {"SOURCE_DATE_EPOCH": "0"}, NEW_YORK, (date(1969, 12, 31), "epoch")),
        ("", {TODAY_ENV: "  ", "SOURCE_DATE_EPOCH": "1795564800"}, UTC, (date(2026, 11, 25), "epoch")),
    ],
    ids=["env-first", "option-before-epoch", "option-date", "option-datetime", "epoch", "epoch-in-zone",
         "blanks-skipped"],
)
def test_resolve_today_precedence(option, environ, zone, expected):
    assert resolve_today(option, zone, environ=environ) == expected


def test_resolve_today_falls_back_to_the_clock_in_the_zone():
    before = datetime.now(tz=NEW_YORK).date()
    today, source = resolve_today(None, NEW_YORK, environ={})
    after = datetime.now(tz=NEW_YORK).date()
    assert source == "clock"
    assert today in (before, after)


def test_resolve_today_reads_the_process_environment_by_default(monkeypatch):
    monkeypatch.setenv("INTERVIEW_JOURNAL_TODAY", "2026-05-06")
    assert resolve_today(None, UTC) == (date(2026, 5, 6), "env")
    assert resolve_today(None, UTC, environ={})[1] == "clock"


@pytest.mark.parametrize(
    ("option", "environ", "message"),
    [
        (None, {TODAY_ENV: "tomorrow"}, f"{TODAY_ENV} must be a date YYYY-MM-DD, got 'tomorrow'"),
        (None, {TODAY_ENV: "2026-02-30"}, f"{TODAY_ENV} must be a date YYYY-MM-DD, got '2026-02-30'"),
        (None, {TODAY_ENV: "20261125"}, f"{TODAY_ENV} must be a date YYYY-MM-DD, got '20261125'"),
        ("2026/01/01", {}, "today must be a date YYYY-MM-DD, got '2026/01/01'"),
        (None, {"SOURCE_DATE_EPOCH": "abc"}, "SOURCE_DATE_EPOCH must be whole seconds since 1970, got 'abc'"),
        (None, {"SOURCE_DATE_EPOCH": "1.5"}, "SOURCE_DATE_EPOCH must be whole seconds since 1970, got '1.5'"),
        (None, {"SOURCE_DATE_EPOCH": "9" * 30}, "SOURCE_DATE_EPOCH must be whole seconds since 1970"),
    ],
)
def test_resolve_today_refuses_invalid_values(option, environ, message):
    with pytest.raises(ValueError) as error:
        resolve_today(option, UTC, environ=environ)
    assert str(error.value).startswith(message)


# --- task lines ------------------------------------------------------------------------------


def test_task_markers():
    body = "\n".join([  # noqa: FLY002 - the lines of the body one under the other
        "notes",
        "- [ ] send the portfolio link 📅 2026-11-27",
        "- [ ] read their blog [due:: 2026-11-26]",
        "- [x] sent the note ✅ 2026-11-21",
        "* [X] called Dana [completion:: 2026-11-22]",
        "- [-] cancelled item",
        "1. [ ] numbered, undated",
    ])
    tasks, problems = parse_tasks(body, 6, "journal/a.md")
    assert problems == []
    assert tasks == [
        Task("send the portfolio link", 7, "open", due=date(2026, 11, 27)),
        Task("read their blog", 8, "open", due=date(2026, 11, 26)),
        Task("sent the note", 9, "done", done_on=date(2026, 11, 21)),
        Task("called Dana", 10, "done", done_on=date(2026, 11, 22)),
        Task("cancelled item", 11, "cancelled"),
        Task("numbered, undated", 12, "open"),
    ]


@pytest.mark.parametrize("fence", ["```", "~~~", "````"])
def test_tasks_in_fenced_code_are_ignored(fence):
    body = f"{fence}\n- [ ] not a task 📅 bad\n{fence}\n- [ ] a task"
    tasks, problems = parse_tasks(body, 1, "journal/a.md")
    assert problems == []
    assert tasks == [Task("a task", 4, "open")]


def test_shorter_fence_does_not_close_a_longer_one():
    body = "````\n```\n- [ ] still code\n````\n- [ ] a task"
    tasks, _ = parse_tasks(body, 1, "journal/a.md")
    assert [task.text for task in tasks] == ["a task"]


@pytest.mark.parametrize(
    "line",
    ["- [] no space", "-[ ] no space after dash", "- [y] other mark", "text - [ ] not at start", "- [ ]"],
)
def test_lines_that_are_not_tasks(line):
    assert parse_tasks(line, 1, "journal/a.md") == ([], [])


def test_bad_task_date_is_a_problem_on_the_file_line(tmp_path):
    journal = load(tmp_path, HEAD + "---\n# Notes\n- [ ] send link 📅 2026-13-01\n- [ ] read [due:: soon]\n")
    assert lines(journal) == [
        (f"{PATH}:7:17: task: expected a date YYYY-MM-DD, got '2026-13-01' "
         "(hint: write the date like 📅 2026-11-27 or [due:: 2026-11-27])"),
        (f"{PATH}:8:12: task: expected a date YYYY-MM-DD, got 'soon' "
         "(hint: write the date like 📅 2026-11-27 or [due:: 2026-11-27])"),
    ]
    tasks = journal.debriefs[0].tasks
    assert [(task.text, task.line, task.due) for task in tasks] == [("send link", 7, None), ("read", 8, None)]


def test_task_lines_count_from_the_file_start(tmp_path):
    journal = load(tmp_path, HEAD + "stage: screen\n---\n\n- [ ] call Dana 📅 2026-11-21\n")
    assert [(task.line, task.due) for task in journal.debriefs[0].tasks] == [(8, date(2026, 11, 21))]


def test_an_unreadable_private_value_keeps_the_file_private(tmp_path, monkeypatch):
    from interview_journal.load import load_journal

    monkeypatch.chdir(tmp_path)
    path = tmp_path / "journal" / "a.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\ncompany: Acme\nrole: Dev\ndate: 2026-11-20\nprivate: maybe\n---\n", encoding="utf-8")
    journal = load_journal(tmp_path / "journal")
    assert [p.field for p in journal.problems] == ["private"]
    assert journal.debriefs[0].model.private is True


def test_second_company_note_points_at_its_company_key_wherever_it_is(tmp_path):
    # the key's position is read from the file again when the problem is found (after loading)
    write(tmp_path, "---\nkind: company\ncompany: Acme\n---\n", "a.md")
    write(tmp_path, "---\nkind: company\nwebsite: https://acme.example\n# ours\n  \ncompany:   ACME\n---\n", "b.md")
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert [(problem.path, problem.line, problem.col) for problem in journal.problems] == [("journal/b.md", 6, 1)]


def test_a_loaded_entry_keeps_its_body_and_path(tmp_path):
    body = "Notes with an emoji \U0001F4C5, é and “quotes”.\r\n\r\n- [ ] send the deck \U0001F4C5 2026-11-27\n"
    path = write(tmp_path, (HEAD + "---\n" + body).encode("utf-8"))
    entry = load(tmp_path, (HEAD + "---\n" + body).encode("utf-8")).debriefs[0]
    assert entry.body == body.replace("\r\n", "\n")
    assert entry.source.path == path and isinstance(entry.source.path, Path)
    assert entry.source.display == PATH
    assert [task.text for task in entry.tasks] == ["send the deck"]


def test_loaded_models_are_read_only_and_keep_which_fields_each_file_set(tmp_path):
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
