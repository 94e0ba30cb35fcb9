"""The ``interview-journal`` command: the same core as the site, in a terminal.

``todo`` and ``check`` must start fast: nothing here imports MkDocs.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from .dates import resolve_today, zone_from_name
from .load import Journal, load_journal
from .process import build_processes
from .rules import BUCKET_TITLES, BUCKETS, all_items, as_record, by_bucket
from .settings import Options, read_options


class Context:
    def __init__(self, journal_dir: Path | None, config: Path | None) -> None:
        try:
            self.options: Options = read_options(config)
        except ValueError as error:
            raise click.UsageError(str(error)) from None
        self.journal_dir = journal_dir.resolve() if journal_dir else self.options.journal_path
        try:
            self.zone = zone_from_name(self.options.timezone)
        except ValueError as error:
            raise click.UsageError(str(error)) from None

    def load(self) -> Journal:
        if not self.journal_dir.is_dir():
            raise click.UsageError(f"no journal folder at {self.journal_dir}: pass --journal DIR")
        return load_journal(self.journal_dir, self.zone)

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
    items = all_items(build_processes(journal, day), ctx.options.offsets)
    groups = by_bucket(items, day)
    if journal.problems:
        click.echo(f"{len(journal.problems)} problem(s) in the journal: run 'interview-journal check'", err=True)
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


if __name__ == "__main__":  # pragma: no cover
    main()
