"""What a loaded journal is: its files (``Entry``), grouped by company (``Company``), and the
problems found while reading them (``Journal``). ``load`` makes one; everything else reads it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
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
