"""Dates: the forms a journal may use, one representation after loading, and "today".

A journal value is either a ``date`` (whole day) or an aware ``datetime`` in the journal's
time zone: naive times are taken as local to that zone, times written with an offset are
converted to it. Sorting therefore never compares naive and aware values.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

Moment = date | datetime
"""A whole day (``date``) or an aware ``datetime`` in the journal's zone."""

TODAY_ENV = "INTERVIEW_JOURNAL_TODAY"

_FORM = re.compile(
    r"^(?P<day>[0-9]{4}-[0-9]{2}-[0-9]{2})"
    r"(?:[T ](?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2})(?:\.(?P<fraction>[0-9]+))?)?"
    r"\s*(?P<zone>Z|(?P<sign>[+-])(?P<zh>[0-9]{2}):?(?P<zm>[0-9]{2}))?)?$"
)
"""The forms ``parse_moment`` reads (ASCII digits only); whether the day and time exist is
checked by ``datetime`` (``2026-02-30``, ``25:00`` and an offset of ``+24:00`` do not)."""

_DAY = ("(?=19|2)(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
        "|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
        "-02-29)")
_TIME = "(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?"
_ZONE = "(?:Z|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])"
MOMENT_PATTERN = f"^\\s*{_DAY}(?:[T ]{_TIME}\\s*{_ZONE}?)?\\s*$"
"""Exactly the texts ``parse_moment`` accepts, as one regular expression (for the JSON Schema):
days that exist (leap years included) from 1900 to 2999, times 00:00 to 23:59:59, offsets up to 23:59."""

FORMS = "a date YYYY-MM-DD (or YYYY-MM-DD HH:MM)"

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)
"""The days a journal may name (dates, task dates, "today"). Far from the ends of Python's
calendar (years 1 and 9999), so that a due date a year away, or a time moved to UTC, is still
a day: ``9999-12-31`` plus one day would be an error, not a date."""

RANGE_HINT = f"use a day from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"


class DateFormError(ValueError):
    """A value that is not one of the date forms; ``hint`` says how to fix it."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def parse_moment(value: object, zone: tzinfo) -> Moment:
    """Any date form the journal allows -> ``date`` or aware ``datetime`` in ``zone``."""
    if isinstance(value, date) and not in_range(day_of(value)):
        raise DateFormError("out of range", RANGE_HINT)
    if isinstance(value, datetime):
        return _in_zone(value, zone)
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or not isinstance(value, str):
        raise DateFormError("not a date", "write the date as YYYY-MM-DD")
    text = value.strip()
    match = _FORM.match(text)
    if not match:
        raise DateFormError("not a date", "write the date as YYYY-MM-DD, optionally followed by HH:MM")
    try:
        day = date.fromisoformat(match["day"])
    except ValueError as error:
        raise DateFormError("an impossible date", f"that day does not exist ({error})") from None
    if not in_range(day):
        raise DateFormError("out of range", RANGE_HINT)
    if match["hour"] is None:
        return day
    # built from its parts: datetime.fromisoformat reads a fraction of a second other than 3 or 6
    # digits only from Python 3.11 on
    fraction = (match["fraction"] or "")[:6].ljust(6, "0")
    try:
        moment = datetime(day.year, day.month, day.day, int(match["hour"]), int(match["minute"]),
                          int(match["second"] or 0), int(fraction), tzinfo=_offset(match))
    except ValueError:
        raise DateFormError("an impossible time", "write the time as HH:MM, 00:00 to 23:59") from None
    return _in_zone(moment, zone)


def in_range(day: date) -> bool:
    """Whether a day is one a journal may name (``FIRST_DAY`` to ``LAST_DAY``)."""
    return FIRST_DAY <= day <= LAST_DAY


def _offset(match: re.Match[str]) -> tzinfo | None:
    """The time zone written after the time: ``Z``, ``+01:00``, ``-0500``; None when there is none."""
    if match["zone"] is None:
        return None
    if match["zone"] == "Z":
        return timezone.utc
    if int(match["zh"]) > 23 or int(match["zm"]) > 59:
        raise ValueError("no such offset")
    minutes = int(match["zh"]) * 60 + int(match["zm"])
    return timezone((-1 if match["sign"] == "-" else 1) * timedelta(minutes=minutes))


def _in_zone(moment: datetime, zone: tzinfo) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    return moment.astimezone(zone)


def day_of(value: Moment) -> date:
    """The calendar day of a journal value."""
    return value.date() if isinstance(value, datetime) else value


def sort_key(value: Moment, zone: tzinfo = timezone.utc) -> datetime:
    """One aware ``datetime`` for any journal value: a whole day sorts at its start."""
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time.min, tzinfo=zone)


def format_moment(value: Moment, weekday: bool = True) -> str:
    """``Fri 2026-11-20 14:00`` or ``Fri 2026-11-20``."""
    day = day_of(value)
    text = f"{day:%a} {day.isoformat()}" if weekday else day.isoformat()
    if isinstance(value, datetime):
        text += value.strftime(" %H:%M")
    return text


def zone_from_name(name: str | None) -> tzinfo:
    """An IANA zone by name, or the machine's own zone when no name is given."""
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {name!r}: use an IANA name like Europe/Berlin") from None
    local = datetime.now().astimezone().tzinfo
    return local if local is not None else timezone.utc


def resolve_today(
    option: date | str | None, zone: tzinfo, environ: Mapping[str, str] | None = None
) -> tuple[date, str]:
    """"Today" and where it came from, in the order ``docs/configuration.md`` gives.

    ``INTERVIEW_JOURNAL_TODAY``, then the ``today`` option, then ``SOURCE_DATE_EPOCH``, then
    the clock; the last two read in ``zone``. The source is one of ``env``, ``option``,
    ``epoch`` and ``clock``: a date from ``env`` or ``option`` is *pinned*.
    """
    env = os.environ if environ is None else environ
    pinned = env.get(TODAY_ENV, "").strip()
    if pinned:
        return _strict_day(pinned, TODAY_ENV), "env"
    if isinstance(option, date):
        day = option.date() if isinstance(option, datetime) else option
        return _in_range(day, day.isoformat(), "today"), "option"
    if isinstance(option, str) and option.strip():
        return _strict_day(option.strip(), "today"), "option"
    epoch = source_date_epoch(env)
    if epoch is not None:
        day = epoch.astimezone(zone).date()
        return _in_range(day, env.get("SOURCE_DATE_EPOCH", "").strip(), "SOURCE_DATE_EPOCH"), "epoch"
    return datetime.now(tz=zone).date(), "clock"


def source_date_epoch(environ: Mapping[str, str] | None = None) -> datetime | None:
    """``SOURCE_DATE_EPOCH`` (the reproducible-builds convention: the time of the sources, usually
    the last commit's) as an aware UTC ``datetime``, or None when it is not set."""
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    try:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise ValueError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, got {epoch!r}") from None


def parse_day(text: str, name: str) -> date:
    """A day written ``YYYY-MM-DD`` (and within ``FIRST_DAY`` to ``LAST_DAY``); the error names it ``name``."""
    return _strict_day(text.strip(), name)


def _strict_day(text: str, name: str) -> date:
    try:
        day = date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else _bad(text, name)
    except ValueError:
        return _bad(text, name)
    return _in_range(day, text, name)


def _in_range(day: date, text: str, name: str) -> date:
    if not in_range(day):
        raise ValueError(f"{name} must be a day from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}, got {text!r}")
    return day


def _bad(text: str, name: str) -> date:
    raise ValueError(f"{name} must be a date YYYY-MM-DD, got {text!r}")
