"""One-file journals for the loader tests: write a file under ``tmp_path/journal`` and load it."""

from __future__ import annotations

from datetime import timezone, tzinfo
from pathlib import Path

from interview_journal.frontmatter import Debrief
from interview_journal.journal import Journal
from interview_journal.load import load_journal

HEAD = "---\ncompany: Acme\nrole: Dev\ndate: 2026-11-20\n"
"""Lines 1-4 of a valid debrief; a field added after it is on line 5."""

PATH = "journal/acme/a.md"


def write(tmp_path: Path, content: str | bytes, name: str = "acme/a.md") -> Path:
    path = tmp_path / "journal" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def load(tmp_path: Path, content: str | bytes, name: str = "acme/a.md", zone: tzinfo = timezone.utc) -> Journal:
    write(tmp_path, content, name)
    return load_journal(tmp_path / "journal", zone)


def lines(journal: Journal) -> list[str]:
    """The journal's problems as the lines a user reads."""
    return [str(problem) for problem in journal.problems]


def only_debrief(journal: Journal) -> Debrief:
    """The model of the journal's one debrief."""
    assert len(journal.debriefs) == 1
    return journal.debriefs[0].model
