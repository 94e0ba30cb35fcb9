"""What a loaded journal is: its files (``Entry``), grouped by company (``Company``), and the
problems found while reading them (``Journal``). ``load`` makes one; everything else reads it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import tzinfo
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from .frontmatter import CompanyNote, Debrief
from .pages.names import TAKEN_COMPANY_SLUGS
from .problems import Problem
from .slugs import assign_slugs, identity
from .source import SourceFile
from .tasks import Task

M = TypeVar("M", bound=BaseModel)


@dataclass(eq=False, slots=True)
class Entry(Generic[M]):
    """One valid journal file: its model, body and where it lives."""

    source: SourceFile
    rel: str
    """Path under the journal folder, POSIX, without ``.md`` (``northwind/2026-11-20-screen``)."""
    model: M
    problems: list[Problem] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    """Task lines of the body (debriefs only)."""
    company_at: tuple[int, int] = (1, 1)
    """Line and column of the ``company`` key: a second note for one company points at it."""

    @property
    def body(self) -> str:
        return self.source.body

    @property
    def path(self) -> str:
        """Path relative to the journal folder, with ``.md``."""
        return self.rel + ".md"


@dataclass(eq=False)
class Company:
    """Every file that names one company (see ``slugs.identity``)."""

    key: str
    slug: str
    name: str
    note: Entry[CompanyNote] | None = None
    debriefs: list[Entry[Debrief]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A journal file left out for its problems, whose page no other file has: a private site
    shows the problems where its page would be (``mkdocs serve`` then keeps showing that page)."""

    rel: str
    path: Path
    problems: list[Problem]


@dataclass(eq=False)
class Journal:
    root: Path
    zone: tzinfo
    debriefs: list[Entry[Debrief]] = field(default_factory=list)
    notes: list[Entry[CompanyNote]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    companies: dict[str, Company] = field(default_factory=dict)
    """Company identity -> Company."""
    attachments: list[str] = field(default_factory=list)
    """The other files of the journal folder (images, PDFs), by their path in it: published
    beside the pages (``whiteboard.png`` next to a debrief, for its notes to show)."""
    left_out: list[LeftOut] = field(default_factory=list)

    def company_of(self, entry: Entry[Any]) -> Company:
        return self.companies[identity(entry.model.company) or entry.model.company]

    @property
    def files_with_problems(self) -> list[str]:
        return sorted({problem.path for problem in self.problems})


def group_companies(journal: Journal) -> None:
    spellings: dict[str, Counter[str]] = {}
    entries: list[Entry[Any]] = [*journal.notes, *journal.debriefs]
    for entry in entries:
        name = entry.model.company
        spellings.setdefault(identity(name) or name, Counter())[name] += 1
    slugs = assign_slugs(spellings, TAKEN_COMPANY_SLUGS)
    for key, counter in spellings.items():
        name = sorted(counter.items(), key=lambda pair: (-pair[1], pair[0]))[0][0]
        journal.companies[key] = Company(key=key, slug=slugs[key], name=name)
    for note in journal.notes:
        company = journal.company_of(note)
        if company.note is not None:
            journal.problems.append(Problem(note.source.display, *note.company_at, "company",
                                            f"one company note for {company.name}",
                                            f"a second one (first: {company.note.source.display})",
                                            "merge the two notes"))
            continue
        company.note = note
        company.name = note.model.company
    for entry in journal.debriefs:
        journal.company_of(entry).debriefs.append(entry)


def without(journal: Journal, paths: Collection[str]) -> Journal:
    """The journal without the files at ``paths`` (``Entry.path``: ``acme/2026-11-20-screen.md``),
    their problems, and the companies left with no file; the other companies keep their slugs.

    For the pages another plugin removed from the site (mkdocs-exclude): what they showed is
    then shown nowhere else either, so no page links to a page that is not there.
    """
    if not paths:
        return journal
    entries: list[Entry[Any]] = [*journal.debriefs, *journal.notes]
    gone = {entry.source.display for entry in entries if entry.path in paths}
    companies = {}
    for key, company in journal.companies.items():
        note = company.note if company.note is not None and company.note.path not in paths else None
        debriefs = [entry for entry in company.debriefs if entry.path not in paths]
        if note is not None or debriefs:
            companies[key] = Company(key, company.slug, company.name, note, debriefs)
    return replace(journal, companies=companies,
                   debriefs=[entry for entry in journal.debriefs if entry.path not in paths],
                   notes=[entry for entry in journal.notes if entry.path not in paths],
                   problems=[problem for problem in journal.problems if problem.path not in gone])
