"""The ``interview-journal`` command: the same core as the site, in a terminal.

``todo``, ``check`` and ``export`` must start fast: nothing here imports MkDocs.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import typing
from datetime import date
from pathlib import Path

import click
from pydantic import ValidationError

from .dates import resolve_today, sort_key, source_date_epoch
from .diskcache import open_cache, save_cache
from .frontmatter import Debrief
from .journal import Journal
from .load import display_path, load_journal
from .options import read_config
from .process import Round, build_processes
from .rules import BUCKET_TITLES, BUCKETS, all_items, as_record, by_bucket
from .scaffold import date_text, file_name, propose, render


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
        cache = open_cache(self.journal_dir)
        journal = load_journal(self.journal_dir, self.zone, cache)
        save_cache(self.journal_dir, cache)
        return journal

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
    """List the outstanding follow-ups, grouped by when they are due."""
    ctx = Context(journal_dir, config)
    journal = ctx.load()
    day = ctx.today(today)
    items = all_items(build_processes(journal, day), ctx.options.due)
    groups = by_bucket(items, day)
    _warn(journal)
    if as_json:
        records = [as_record(item, day) for name in BUCKETS for item in groups[name]]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    total = sum(len(group) for group in groups.values())
    click.echo(f"{total} outstanding follow-up(s) as of {day:%a} {day.isoformat()}")
    for name in BUCKETS:
        if not groups[name]:
            continue
        click.echo("")
        color = {"overdue": "red", "today": "yellow"}.get(name)
        click.secho(f"{BUCKET_TITLES[name]} ({len(groups[name])})", bold=True, fg=color)
        for item in groups[name]:
            due = f"{item.due:%a} {item.due.isoformat()}" if item.due else "no date".ljust(14)
            click.echo(f"  {due}  {item.title}")
            click.echo(f"  {'':14}  {item.company} \u00b7 {item.role} \u00b7 {item.path}")


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
    summary = f"{len(journal.debriefs)} debrief(s), {len(journal.notes)} company note(s)"
    if journal.problems:
        click.echo(f"{len(journal.problems)} problem(s) in {files} file(s); {summary} read", err=True)
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
def new(journal_dir: Path | None, config: Path | None, company: str | None, role: str | None, when: str | None,
        round_: int | None, stage: str | None, format_: str | None, via: str | None,
        interviewers: tuple[str, ...], edit: bool) -> None:
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
    proposal = propose(journal, build_processes(journal, ctx.today(None)), base.company, base.role)
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


output_option = click.option(
    "--output", "-o", "output", type=click.Path(path_type=Path, dir_okay=False, writable=True),
    help="Write to this file instead of standard output (an existing file is replaced).",
)
today_option = click.option("--today", "today", metavar="YYYY-MM-DD",
                            help="Compute as of this date (default: today, chosen as for the site).")


def _write(data: bytes, output: Path | None) -> None:
    if output is None:
        click.echo(data, nl=False)  # bytes go to the binary stdout, as they are
        return
    try:
        output.write_bytes(data)
    except OSError as error:
        raise click.FileError(str(output), hint=error.strerror or str(error)) from None


@export.command("ics")
@journal_option
@config_option
@today_option
@click.option("--duration", type=click.IntRange(min=1), default=None, metavar="MINUTES",
              help="Length of an interview that has a time. Default: 60.")
@output_option
def export_ics(journal_dir: Path | None, config: Path | None, today: str | None, duration: int | None,
               output: Path | None) -> None:
    """Interviews and dated follow-ups as an iCalendar file.

    Interviews with a time are timed events, the others and the follow-ups are all-day events.
    UIDs come from the debrief's path and the item's place, stamps and SEQUENCE from the files'
    last change: importing the file again updates the events instead of adding copies (docs/cli.md
    says what each edit does). It is the calendar the site publishes at journal/calendar.ics.
    """
    from .calendar import DEFAULT_DURATION, build_calendar  # here: icalendar is only needed by this command

    ctx = Context(journal_dir, config)
    journal = ctx.load()
    day = ctx.today(today)
    processes = build_processes(journal, day)
    _warn(journal)
    try:
        latest = source_date_epoch()
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    _write(build_calendar(processes, all_items(processes, ctx.options.due), duration=duration or DEFAULT_DURATION,
                          latest=latest), output)


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
    _write(buffer.getvalue().encode("utf-8-sig" if bom else "utf-8"), output)


def _warn(journal: Journal) -> None:
    if journal.problems:
        click.echo(f"{len(journal.problems)} problem(s) in the journal: run 'interview-journal check'", err=True)


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
    _write(text.encode("utf-8"), output)


if __name__ == "__main__":  # pragma: no cover
    main()
