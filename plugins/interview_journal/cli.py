"""The ``interview-journal`` command: the same core as the site, in a terminal.

``todo``, ``check`` and ``export`` must start fast: nothing here imports MkDocs.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import shutil
import sys
import textwrap
import typing
from datetime import date
from pathlib import Path

import click
from pydantic import ValidationError

from . import edit
from .callsheet import call_sheet, lines
from .dates import parse_day, resolve_today, sort_key, source_date_epoch
from .diskcache import CacheRefused, open_cache, save_cache
from .frontmatter import Debrief
from .journal import Journal
from .load import display_path, load_journal
from .options import read_config
from .process import Round, build_processes
from .rules import BUCKET_TITLES, BUCKETS, FollowUp, all_items, as_record, by_bucket, outstanding
from .scaffold import date_text, file_name, near_misses, propose, render, same_interview
from .wording import DIRECT_CONTACT, count


class Context:
    """What every command starts from: the options of ``mkdocs.yml`` (as the site reads them),
    the journal folder and its time zone."""

    def __init__(self, journal_dir: Path | None, config: Path | None) -> None:
        self.config = read_config(config)
        if self.config.problems:
            raise click.UsageError("the options in mkdocs.yml have problems:\n"
                                   + "\n".join(str(problem) for problem in self.config.problems))
        self.options = self.config.options
        self.journal_dir = journal_dir.resolve() if journal_dir else self.config.journal_path
        self.zone = self.options.zone

    def load(self) -> Journal:
        if not self.journal_dir.is_dir():
            raise click.UsageError(f"no journal folder at {self.journal_dir}: pass --journal DIR")
        try:
            cache = open_cache(self.journal_dir)
        except CacheRefused as refused:
            click.echo(f"note: not using the cache: {refused}", err=True)
            cache = None
        journal = load_journal(self.journal_dir, self.zone, cache)
        save_cache(self.journal_dir, cache)
        return journal

    def today_source(self) -> str:
        """Where "today" comes from without ``--today``: env, option, epoch or clock."""
        try:
            return resolve_today(self.options.today, self.zone)[1]
        except ValueError:
            return "clock"

    def today(self, given: str | None) -> date:
        try:
            if given:
                return resolve_today(given, self.zone, environ={})[0]
            return resolve_today(self.options.today, self.zone)[0]
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--today") from None


journal_option = click.option(
    "--journal", "journal_dir", type=click.Path(path_type=Path, file_okay=False),
    help="The journal folder. Default: journal_dir from ./mkdocs.yml, else ./journal.",
)
config_option = click.option(
    "--config", "config", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help="The mkdocs.yml to read the plugin's options from. Default: ./mkdocs.yml.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mkdocs-interview-journal")
def main() -> None:
    """Follow up after every interview: your debriefs, checked and turned into a to-do list."""


@main.command()
@journal_option
@config_option
@click.option("--today", "today", metavar="YYYY-MM-DD", help="Compute as of this date (default: today).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of the grouped listing.")
def todo(journal_dir: Path | None, config: Path | None, today: str | None, as_json: bool) -> None:
    """List the outstanding follow-ups, grouped by when they are due.

    Under each item, the short handle that `interview-journal done HANDLE` records it with.
    """
    ctx = Context(journal_dir, config)
    journal = ctx.load()
    day = ctx.today(today)
    items = all_items(build_processes(journal, day), ctx.options.due)
    groups = by_bucket(items, day)
    codes = edit.handles(item for group in groups.values() for item in group)
    _warn(journal)
    if as_json:
        records = [{**as_record(item, day), "handle": codes[item.id]} for name in BUCKETS for item in groups[name]]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    total = sum(len(group) for group in groups.values())
    click.echo(f"{count(total, 'outstanding follow-up')} as of {day:%a} {day.isoformat()}")
    source = "--today" if today else _TODAY_SOURCES.get(ctx.today_source())
    if source:
        click.echo(f"(a pinned date, set by {source})")
    width = max(40, min(shutil.get_terminal_size((80, 24)).columns, 120))
    for name in BUCKETS:
        if not groups[name]:
            continue
        click.echo("")
        color = {"overdue": "red", "today": "yellow"}.get(name)
        click.secho(f"{BUCKET_TITLES[name]} ({len(groups[name])})", bold=True, fg=color)
        for item in groups[name]:
            click.echo(_todo_lines(item, codes[item.id], day, width))


_TODAY_SOURCES = {"env": "INTERVIEW_JOURNAL_TODAY", "option": "the today option of mkdocs.yml",
                  "epoch": "SOURCE_DATE_EPOCH"}
_INDENT = " " * 18


def _todo_lines(item: FollowUp, handle: str, day: date, width: int) -> str:
    """One item of ``todo``, wrapped to ``width``: its due day and title; how late it is, the handle
    ``done`` takes, the company and the role; the file. Words are never cut, paths never broken."""
    due = f"{item.due:%a} {item.due.isoformat()}" if item.due else "no date"
    late = ([f"{count((day - item.due).days, 'day')} late"]
            if item.due is not None and item.due < day and not item.optional else [])  # optional: never late
    room = width - len(_INDENT)
    lines = _wrap(item.title[:1].upper() + item.title[1:], room)  # your own task reads like the others
    lines += _wrap(" \u00b7 ".join([*late, f"done {handle}", item.company, item.role]), room)
    lines.append(item.path)
    return "\n".join([f"  {due:14}  {lines[0]}", *(_INDENT + line for line in lines[1:])])


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


DONE_HELP = """Record follow-ups as done, in their journal files, changing nothing else.

\b
SELECTOR is an item's handle (the short code `todo` prints, also on the
site) or its id (`todo --json`); any other words must together match
exactly one outstanding item (its title, company, person, role or file).
Without a selector, in a terminal, you pick from a numbered list.

\b
What it writes, dated --date (default: today):
  thank-you            thank_you: on that interviewer
  recruiter-call       recruiter_call:
  recruiter-thank-you  recruiter_thank_you:
  take-back            clarified: on that answer
  feedback, check-in   received: under feedback:
  offer-reply          replied: under offer:
  task                 [x] and ✅ DATE on the task line
  prep-background      background: TEXT on the person  (needs --value)
  prep-format          format: TEXT                    (needs --value)

\b
Nothing is committed: review with `git diff`, then `git commit -am "..."`.
Exit codes: 0 recorded, 1 nothing or several items matched (nothing
written) or the file could not be edited, 2 usage errors.
"""


@main.command(help=DONE_HELP, short_help="Record follow-ups as done in their files.")
@journal_option
@config_option
@click.argument("selectors", nargs=-1, metavar="SELECTOR...")
@click.option("--date", "when", metavar="YYYY-MM-DD", help="The day it was done. Default: today.")
@click.option("--value", metavar="TEXT", help="What you learned, for prep-background and prep-format.")
@click.option("--dry-run", is_flag=True, help="Print the change as a diff; write nothing.")
def done(journal_dir: Path | None, config: Path | None, selectors: tuple[str, ...], when: str | None,
         value: str | None, dry_run: bool) -> None:
    ctx = Context(journal_dir, config)
    journal = ctx.load()
    today = ctx.today(None)
    day = _day_option(when, "--date") if when else today
    items = outstanding(all_items(build_processes(journal, today), ctx.options.due))
    codes = edit.handles(items)
    chosen = _choose(items, codes, selectors)
    for item in chosen:
        if item.kind in edit.NEEDS_VALUE and not value:
            raise click.UsageError(f"{item.kind} is recorded with what you learned: pass --value TEXT "
                                   f"(it becomes '{edit.NEEDS_VALUE[item.kind]}:' in the file)")
    with_problems = set(journal.files_with_problems)
    edits: dict[Path, edit.Edit] = {}
    for item in chosen:
        path = item.round.entry.source.path
        if item.round.entry.source.display in with_problems:
            _not_recorded(item, "its file has problems: fix them first (interview-journal check)")
        try:
            before = edits[path].after if path in edits else None
            planned = edit.plan(item, path, day, value, before)
            edit.check(planned, item, ctx.zone, ctx.options.due)
        except edit.EditError as error:
            _not_recorded(item, str(error))
        except OSError as error:
            _not_recorded(item, error.strerror or str(error))
        edits[path] = edit.Edit(path, edits[path].before if path in edits else planned.before, planned.after)
    for path, planned in edits.items():
        shown = display_path(path)
        if dry_run:
            click.echo(planned.diff(shown), nl=False)
            continue
        try:
            edit.write(planned)
        except (edit.EditError, OSError) as error:
            click.echo(f"{shown}: not written: {error}", err=True)
            sys.exit(1)
    verb = "Would record" if dry_run else "Recorded"
    for item in chosen:
        click.echo(f"{verb}: {item.title} ({display_path(item.round.entry.source.path)})", err=dry_run)


def _day_option(text: str, flag: str) -> date:
    try:
        return parse_day(text, "the day it was done")
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint=flag) from None


def _choose(items: list[FollowUp], codes: dict[str, str], selectors: tuple[str, ...]) -> list[FollowUp]:
    """The items the selectors name (see ``DONE_HELP``); a list to pick from in a terminal."""
    if not items:
        click.echo("Nothing is outstanding.", err=True)
        sys.exit(1)
    if not selectors:
        if not _interactive():
            raise click.UsageError("name the item: a handle from 'interview-journal todo', its id, or words of it")
        for number, item in enumerate(items, 1):
            click.echo(f"{number:>3}  {codes[item.id]}  {item.title}  ({item.company})")
        picked = click.prompt("Which one (a number)", type=click.IntRange(1, len(items)))
        return [items[picked - 1]]
    by_id = {item.id: item for item in items}
    chosen: list[FollowUp] = []
    words: list[str] = []
    for selector in selectors:
        found = by_id.get(selector) or _by_handle(items, selector)
        if found is not None:
            chosen.append(found)
        else:
            words.append(selector)
    if words:
        wanted = [word.casefold() for word in words]
        matches = [item for item in items if all(word in _haystack(item) for word in wanted)]
        if len(matches) != 1:
            what = "No outstanding item matches" if not matches else f"{len(matches)} outstanding items match"
            click.echo(f"{what} {' '.join(words)!r}; nothing written.", err=True)
            for item in matches[:20]:
                click.echo(f"  {codes[item.id]}  {item.title}  ({item.company}, {item.path})", err=True)
            if len(matches) > 20:
                click.echo(f"  ... and {len(matches) - 20} more: add words, or use a handle", err=True)
            sys.exit(1)
        chosen.append(matches[0])
    return list(dict.fromkeys(chosen))


def _by_handle(items: list[FollowUp], text: str) -> FollowUp | None:
    """The one item whose handle starts with ``text`` (4 characters at least): a handle printed
    when the journal had fewer items still works while it names one item."""
    text = text.lower()
    if len(text) < 4 or any(char not in "0123456789abcdef" for char in text):
        return None
    found = [item for item in items if edit.digest(item.id).startswith(text)]
    return found[0] if len(found) == 1 else None


def _haystack(item: FollowUp) -> str:
    return " ".join(filter(None, (item.title, item.company, item.person, item.role, item.path, item.kind))).casefold()


def _not_recorded(item: FollowUp, reason: str) -> None:
    click.echo(f"{display_path(item.round.entry.source.path)}: {item.title}: not recorded: {reason}", err=True)
    sys.exit(1)


@main.command()
@journal_option
@config_option
def check(journal_dir: Path | None, config: Path | None) -> None:
    """Check every journal file; print one line per problem; exit 1 when there are any."""
    ctx = Context(journal_dir, config)
    journal = ctx.load()
    for problem in journal.problems:
        click.echo(str(problem))
    files = len(journal.files_with_problems)
    summary = f"{count(len(journal.debriefs), 'debrief')}, {count(len(journal.notes), 'company note')}"
    if journal.problems:
        click.echo(f"{count(len(journal.problems), 'problem')} in {count(files, 'file')}; {summary} read", err=True)
        sys.exit(1)
    click.echo(f"No problems: {summary}.", err=True)


NEW_HELP = """Scaffold a debrief for one interview and print its path.

\b
The file is <journal>/<company>/<date>-<stage>.md (round-N without a stage),
with the given fields filled and every other field as a YAML comment.
For a company already in the journal, its folder and spelling are reused,
the next round number is proposed, and its recruiter is carried over.
In a terminal, missing fields are asked for; otherwise a missing
--company, --role or --date is an error. An existing file is never
overwritten.

\b
Example:
  interview-journal new --company "Northwind Analytics" --role "Data Engineer" \\
      --date "2026-12-02 14:00" --stage "technical screen" --format video \\
      --interviewer "Priya Shah, Engineering Manager"
"""


def _choices(name: str) -> list[str]:
    """The values the model accepts for a choice field (the schema is the single source)."""
    found: list[str] = []

    def walk(annotation: object) -> None:
        if typing.get_origin(annotation) is typing.Literal:
            found.extend(str(value) for value in typing.get_args(annotation))
        for arg in typing.get_args(annotation):
            walk(arg)

    walk(Debrief.model_fields[name].annotation)
    return found


def _interactive() -> bool:
    """Prompts only when a person is at the keyboard (never in a hook, a pipe or CI)."""
    return sys.stdin.isatty()


_FLAGS = {"interviewers": "--interviewer", "company": "--company", "role": "--role", "date": "--date",
          "round": "--round", "stage": "--stage", "format": "--format", "via": "--via"}


def _validated(data: dict[str, object], zone: object) -> Debrief:
    """The flags through the same model as the files: a bad value is a usage error naming its flag."""
    try:
        return Debrief.model_validate(data, context={"zone": zone})
    except ValidationError as error:
        item = error.errors()[0]
        ctx = item.get("ctx") or {}
        if item["type"] == "journal":
            message = f"expected {ctx['expected']}, got {item['input']!r}"
            message += f" (hint: {ctx['hint']})" if ctx.get("hint") else ""
        else:
            message = f"{item['msg']}, got {item['input']!r}"
        raise click.BadParameter(message, param_hint=_FLAGS.get(str(item["loc"][0]), str(item["loc"][0]))) from None


def _known_spelling(journal: Journal, company: str, new_company: bool) -> str:
    """The journal's company when ``company`` is probably meant to be it (asked in a terminal;
    otherwise a message, and nothing written): a typo must not start a second company."""
    close = [] if new_company else near_misses(journal, company)
    if not close:
        return company
    if _interactive():
        for name in close:
            if click.confirm(f"{company!r} is not in the journal. Did you mean {name!r}?", default=True):
                return name
        return company
    names = " or ".join(repr(name) for name in close)
    click.echo(f"{company!r} is not in the journal, but {names} is; nothing written "
               f"(pass --company {close[0]!r}, or --new-company if {company!r} is a new one)", err=True)
    sys.exit(1)


def _person(text: str) -> dict[str, str]:
    """``"Priya Shah, Engineering Manager"`` -> name and title (the title may hold commas)."""
    name, _, title = text.partition(",")
    person = {"name": name.strip()}
    if title.strip():
        person["title"] = title.strip()
    return person


@main.command(help=NEW_HELP, short_help="Scaffold a debrief (flags, or prompts in a terminal).")
@journal_option
@config_option
@click.option("--company", help="The company (required).")
@click.option("--role", help="The role (required).")
@click.option("--date", "when", metavar="DATE", help="YYYY-MM-DD, or 'YYYY-MM-DD HH:MM' (required).")
@click.option("--round", "round_", type=click.IntRange(min=1),
              help="Round number. Default: the next one of that company and role.")
@click.option("--stage", help="A free label: 'phone screen', 'onsite' ... (names the file).")
@click.option("--format", "format_", type=click.Choice(_choices("format"), case_sensitive=False),
              help="How the interview is held.")
@click.option("--via", type=click.Choice(_choices("via"), case_sensitive=False),
              help="Through a recruiter, or direct. Default: recruiter when one is known.")
@click.option("--interviewer", "interviewers", multiple=True, metavar='"NAME, TITLE"',
              help="An interviewer; repeat the option for a panel.")
@click.option("--edit", is_flag=True, help="Open the new file in $EDITOR.")
@click.option("--new-company", is_flag=True,
              help="The company is new, even if its name is close to one in the journal.")
@click.option("--duplicate", is_flag=True,
              help="Write a second file for a company, role and date that already have one.")
def new(journal_dir: Path | None, config: Path | None, company: str | None, role: str | None, when: str | None,
        round_: int | None, stage: str | None, format_: str | None, via: str | None,
        interviewers: tuple[str, ...], edit: bool, new_company: bool, duplicate: bool) -> None:
    ctx = Context(journal_dir, config)
    if not ctx.journal_dir.exists() and ctx.journal_dir.parent.is_dir():  # the first debrief of a new journal
        ctx.journal_dir.mkdir()
        click.echo(f"note: created the journal folder {display_path(ctx.journal_dir)}", err=True)
    journal = ctx.load()
    asked = False
    if company is None or role is None or when is None:
        missing = next(flag for flag, value in (("--company", company), ("--role", role), ("--date", when))
                       if value is None)
        if not _interactive():
            raise click.UsageError(f"Missing option '{missing}' (it is asked for only in a terminal).")
        asked = True
    if company is None:
        company = click.prompt("Company")
    if role is None:
        role = click.prompt("Role")
    if when is None:
        today = ctx.today(None).isoformat()
        def checked_date(text: str) -> str:
            _validated({"company": "x", "role": "x", "date": text}, ctx.zone)
            return text

        when = click.prompt("Date (YYYY-MM-DD, or YYYY-MM-DD HH:MM)", default=today, value_proc=checked_date)
    base = _validated({"company": company, "role": role, "date": when}, ctx.zone)
    company_name = _known_spelling(journal, base.company, new_company)
    twin = same_interview(journal, company_name, base.role, base.date)
    if twin is not None and not duplicate:
        click.echo(f"{display_path(twin.source.path)} already holds {twin.model.company}, {twin.model.role} on "
                   f"{date_text(base.date)}; nothing written (pass --duplicate to write a second file)", err=True)
        sys.exit(1)
    proposal = propose(journal, build_processes(journal, ctx.today(None)), company_name, base.role)
    if asked and stage is None:
        stage = click.prompt("Stage (empty: none)", default="", show_default=False) or None
    if asked and round_ is None:
        round_ = click.prompt("Round", default=proposal.round, type=click.IntRange(min=1))
    data: dict[str, object] = {"company": proposal.company, "role": proposal.role, "date": when,
                               "round": round_ or proposal.round}
    for name, value in (("stage", stage), ("format", format_), ("via", via)):
        if value is not None:
            data[name] = value
    if via != "direct" and proposal.recruiter is not None:
        data["recruiter"] = proposal.recruiter.model_dump(exclude_none=True)
    if interviewers:
        data["interviewers"] = [_person(text) for text in interviewers]
    debrief = _validated(data, ctx.zone)
    path = ctx.journal_dir / proposal.folder / file_name(debrief.date, debrief.stage, debrief.round or 1)
    text = render(debrief, date_text(debrief.date), proposal)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        click.echo(f"{display_path(path)}: already exists; nothing written (pass --stage or --round for another name)",
                   err=True)
        sys.exit(1)
    for note in proposal.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(display_path(path))
    if edit:
        click.edit(filename=str(path))


@main.group()
def export() -> None:
    """Export the journal: a calendar (ics) or a spreadsheet of interviews (csv)."""


MAX_DURATION = 7 * 24 * 60
"""The longest interview event, in minutes (a week): more is a typo, and a huge number would not
fit in a date at all."""

output_option = click.option(
    "--output", "-o", "output", type=click.Path(path_type=Path, dir_okay=False, writable=True),
    help="Write to this file instead of standard output (an existing file is replaced).",
)
today_option = click.option("--today", "today", metavar="YYYY-MM-DD",
                            help="Compute as of this date (default: today, chosen as for the site).")


def _write(data: bytes, output: Path | None, what: str) -> None:
    """``data`` to standard output, or to ``output`` with a line on standard error saying so."""
    if output is None:
        click.echo(data, nl=False)  # bytes go to the binary stdout, as they are
        return
    try:
        output.write_bytes(data)
    except OSError as error:
        raise click.FileError(str(output), hint=error.strerror or str(error)) from None
    click.echo(f"Wrote {what} to {display_path(output)}", err=True)


@export.command("ics")
@journal_option
@config_option
@today_option
@click.option("--duration", type=click.IntRange(min=1, max=MAX_DURATION), default=None, metavar="MINUTES",
              help="Length of an interview that has a time, up to a week (10080). Default: 60.")
@output_option
def export_ics(journal_dir: Path | None, config: Path | None, today: str | None, duration: int | None,
               output: Path | None) -> None:
    """Interviews and dated follow-ups as an iCalendar file.

    Interviews with a time are timed events, the others and the follow-ups are all-day events.
    UIDs come from the debrief's path and the item's place, stamps and SEQUENCE from the files'
    last change: importing the file again updates the events instead of adding copies (docs/cli.md
    says what each edit does). It is the calendar the site publishes at journal/calendar.ics.
    """
    from .calendar import DEFAULT_DURATION, build_calendar, page_address  # icalendar: only this command needs it
    from .pages.site import page_url, src_of

    ctx = Context(journal_dir, config)
    journal = ctx.load()
    day = ctx.today(today)
    processes = build_processes(journal, day)
    _warn(journal)
    try:
        latest = source_date_epoch()
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    site_url, section = ctx.config.site_url, ctx.options.section
    page = None
    if site_url:
        def page(round_: Round) -> str:
            return page_address(site_url, page_url(src_of(section, round_.entry.path), ctx.config.use_directory_urls))
    data = build_calendar(processes, all_items(processes, ctx.options.due), duration=duration or DEFAULT_DURATION,
                          latest=latest, page=page)
    _write(data, output, count(data.count(b"BEGIN:VEVENT"), "event"))


CSV_COLUMNS = ("date", "company", "role", "round", "stage", "format", "channel", "recruiter", "interviewers",
               "thank_you_notes", "feedback_received", "outcome", "status", "path")
DELIMITERS = {",": ",", ";": ";", "tab": "\t"}
"""``--delimiter``: a comma; a semicolon, which Excel expects where the decimal separator is a comma."""

_CALL = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*\s*\(|\|")
"""What makes a formula do something: a function call (HYPERLINK(, WEBSERVICE(, IMPORTXML(...) or
the pipe of a DDE link (cmd|' /C calc'!A0)."""


def safe_cell(value: object) -> str:
    """A cell a spreadsheet shows as text where it could run as a formula: one that starts with
    ``=``, or with ``+``, ``-`` or ``@`` and calls something (after any tabs, line breaks or
    spaces), gets a leading apostrophe. ``+49 30 1234 567``, ``-2`` and ``@acme/notes``
    call nothing: they stay as written."""
    text = "" if value is None else str(value)
    start = text.lstrip()
    if start[:1] == "=" or (start[:1] in ("+", "-", "@") and _CALL.search(start)):
        return "'" + text
    return text


def csv_row(round_: Round) -> list[str]:
    debrief = round_.debrief
    thanked = sum(1 for person in debrief.interviewers if person.thank_you)
    received = debrief.feedback.received if debrief.feedback else None
    values = [
        date_text(debrief.date), round_.company.name, round_.process.role, round_.number, debrief.stage,
        debrief.format, round_.via, round_.recruiter.name if round_.recruiter and round_.via == "recruiter" else "",
        "; ".join(f"{p.name} ({p.title})" if p.title else p.name for p in debrief.interviewers),
        # "1 of 2", never "1/2": a spreadsheet reads that as the 1st of February
        f"{thanked} of {len(debrief.interviewers)}" if debrief.interviewers else "",
        date_text(received) if received else "", debrief.outcome, round_.status,
    ]
    return [safe_cell(value) for value in values] + [round_.entry.path]  # a path is never changed


@export.command("csv")
@journal_option
@config_option
@today_option
@click.option("--delimiter", type=click.Choice(list(DELIMITERS)), default=",", show_default=True,
              help="Between cells: use ';' for Excel where a comma is the decimal separator (de, fr, ...).")
@click.option("--bom/--no-bom", default=True, show_default=True,
              help="Start with a UTF-8 byte order mark, which Excel needs to read accents right.")
@output_option
def export_csv(journal_dir: Path | None, config: Path | None, today: str | None, delimiter: str, bom: bool,
               output: Path | None) -> None:
    """Every interview as one row of a CSV file, oldest first, ready for Excel and LibreOffice.

    \b
    Columns: date, company, role, round, stage, format, channel, recruiter,
    interviewers, thank_you_notes ("1 of 2": sent of interviewers),
    feedback_received, outcome, status, path. UTF-8 with a byte order mark
    (--no-bom without). A cell that could run as a formula (it starts with =,
    or with + - @ and calls a function) gets a leading apostrophe; paths are
    never changed.
    """
    ctx = Context(journal_dir, config)
    journal = ctx.load()
    day = ctx.today(today)
    rounds = [r for p in build_processes(journal, day) for r in p.rounds]
    rounds.sort(key=lambda r: (sort_key(r.debrief.date, journal.zone), r.entry.path))
    _warn(journal)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=DELIMITERS[delimiter])
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_row(r) for r in rounds)
    _write(buffer.getvalue().encode("utf-8-sig" if bom else "utf-8"), output, count(len(rounds), "interview"))


CALL_HELP = """Print the debrief call sheet of one round, for the phone call to the recruiter.

\b
PATH is the debrief's path inside the journal folder, as 'todo --json'
prints it (the .md may be left out):
  interview-journal call pinecrest-ledger/2026-11-23-onsite.md
The sheet holds what to tell the recruiter (how it went, the rapport,
the answers that went wrong and those to take back, with what you meant),
the state of your thank-you notes, and what to ask them. Exit 1 when PATH
is not a debrief of the journal, or its round has no call to make.
"""


@main.command(help=CALL_HELP, short_help="Print the debrief call sheet of one round.")
@journal_option
@config_option
@today_option
@click.argument("path")
def call(journal_dir: Path | None, config: Path | None, today: str | None, path: str) -> None:
    ctx = Context(journal_dir, config)
    journal = ctx.load()
    day = ctx.today(today)
    wanted = _journal_path(path, ctx.journal_dir)
    processes = build_processes(journal, day)
    found = next((r for p in processes for r in p.rounds if r.entry.path == wanted), None)
    if found is None:
        _refuse(f"{path}: {_not_a_debrief(wanted, ctx.journal_dir, [e.path for e in journal.debriefs])}")
    assert found is not None
    sheet = call_sheet(found, [item for item in all_items([found.process], ctx.options.due) if item.path == wanted])
    if sheet is None:
        _refuse(f"{path}: {_no_call(found)}")
    assert sheet is not None
    _warn(journal)
    click.echo("\n".join(lines(sheet, day)))


def _journal_path(path: str, journal_dir: Path) -> str:
    """A debrief's path as the journal names it: ``acme/screen.md`` from ``acme/screen``,
    ``./acme/screen.md``, or a path to the file from the current folder."""
    text = path.strip().replace("\\", "/")
    on_disk = Path(text).expanduser()
    if on_disk.is_file():
        try:
            text = on_disk.resolve().relative_to(journal_dir).as_posix()
        except ValueError:
            pass
    text = text.removeprefix("./")
    return text if text.endswith(".md") else text + ".md"


def _not_a_debrief(wanted: str, journal_dir: Path, known: list[str]) -> str:
    if (journal_dir / wanted).is_file():
        return ("not a debrief the journal could read (a company note, or a file with problems: "
                "run 'interview-journal check')")
    stem = wanted.removesuffix(".md")
    close = [path for path in sorted(known) if path.startswith(stem)] or difflib.get_close_matches(wanted, known, n=1)
    hint = f"; did you mean {close[0]}?" if close else " (paths as 'interview-journal todo --json' prints them)"
    return f"no debrief with that path in {display_path(journal_dir)}{hint}"


def _no_call(round_: Round) -> str:
    """Why a round has no debrief call."""
    if round_.status == "scheduled":
        return f"{round_.the_label} is on {round_.day.isoformat()}: the call comes after it"
    if round_.status in ("cancelled", "no-show"):
        return f"the round is {round_.status}: there is no call to make"
    who = round_.contact.name if round_.contact else DIRECT_CONTACT
    return f"a direct search, with no recruiter to call: check in with {who} (the draft is on the debrief's page)"


def _refuse(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(1)


def _warn(journal: Journal) -> None:
    if journal.problems:
        click.echo(f"{count(len(journal.problems), 'problem')} in the journal: run 'interview-journal check'",
                   err=True)


@main.command()
@journal_option
@click.option("--kind", type=click.Choice(["any", "debrief", "company"]), default="any", show_default=True,
              help="any: a company note when kind is company, else a debrief.")
@output_option
def schema(journal_dir: Path | None, kind: str, output: Path | None) -> None:
    """Print the JSON Schema of the front matter, for editors.

    It comes from the same models that check the files. --journal is accepted
    like everywhere else; the schema is the same for every journal.
    """
    from .schema import journal_schema  # here: building the schema is only needed by this command

    text = json.dumps(journal_schema(kind), indent=2, ensure_ascii=False) + "\n"
    _write(text.encode("utf-8"), output, "the JSON Schema")


if __name__ == "__main__":  # pragma: no cover
    main()
