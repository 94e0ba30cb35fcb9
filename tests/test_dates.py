"""Dates: the forms a journal may use, their time zone, sorting, and "today".

Problem lines are compared whole, with the path as the code computes it (relative to the
current folder, which each test sets to ``tmp_path``).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from interview_journal.dates import DateFormError, day_of, parse_moment, resolve_today, sort_key
from interview_journal.load import load_journal
from journal_files import HEAD, PATH, load, only_debrief, write

pytestmark = pytest.mark.usefixtures("in_tmp")  # problem lines name files from tmp_path

BERLIN = ZoneInfo("Europe/Berlin")
DATE_FORMS = "a date YYYY-MM-DD (or YYYY-MM-DD HH:MM)"


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
    value = only_debrief(journal).date
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
    assert only_debrief(journal).recruiter_call is None

def test_impossible_required_date_leaves_the_file_out(tmp_path):
    journal = load(tmp_path, "---\ncompany: Acme\nrole: Dev\ndate: 2026-02-30\n---\n")
    assert [(p.line, p.field, p.got) for p in journal.problems] == [(4, "date", "2026-02-30")]
    assert "does not exist" in journal.problems[0].hint
    assert journal.debriefs == []

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
        (None, {TODAY_ENV: "9999-12-31"}, f"{TODAY_ENV} must be a day from 1900-01-01 to 2999-12-31, got '9999-12-31'"),
        ("0001-01-01", {}, "today must be a day from 1900-01-01 to 2999-12-31, got '0001-01-01'"),
        (date(9999, 12, 31), {}, "today must be a day from 1900-01-01 to 2999-12-31, got '9999-12-31'"),
        (None, {"SOURCE_DATE_EPOCH": "253402214400"}, "SOURCE_DATE_EPOCH must be a day from 1900-01-01 to 2999-12-31"),
    ],
)
def test_resolve_today_refuses_invalid_values(option, environ, message):
    with pytest.raises(ValueError) as error:
        resolve_today(option, UTC, environ=environ)
    assert str(error.value).startswith(message)


# --- the ends of the calendar ------------------------------------------------------------------

@pytest.mark.parametrize("text", ["9999-12-31", "0001-01-01", "0001-01-01 00:30", "1899-12-31", "3000-01-01",
                                  "0001-01-01T00:30:00+14:00"])
def test_a_day_far_from_today_is_refused_with_the_range(text):
    """At the ends of Python's calendar a due date a day later, or the time in UTC, would not exist."""
    with pytest.raises(DateFormError) as error:
        parse_moment(text, BERLIN)
    assert error.value.hint == "use a day from 1900-01-01 to 2999-12-31"


@pytest.mark.parametrize("value", [date(9999, 12, 31), datetime(1, 1, 1, 0, 30)])
def test_python_values_at_the_ends_are_refused_too(value):
    with pytest.raises(DateFormError):
        parse_moment(value, BERLIN)


@pytest.mark.parametrize("text", ["1900-01-01", "2999-12-31 23:59", "1900-01-01 00:30"])
def test_the_first_and_last_days_are_read(text):
    assert day_of(parse_moment(text, BERLIN)).isoformat() == text[:10]
