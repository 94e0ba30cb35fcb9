"""The bad-input corpus: real files as people write them, each with the exact lines ``check`` prints.

``tests/corpus/<name>.md`` is a journal file (bytes as saved by some editor); ``<name>.expected``
holds the lines a user must see for it, with the file at ``journal/<name>.md``. Files named
``ok-*`` must be accepted: their expected file is empty. Regenerate nothing by hand-waving: when a
message changes, read the new line and update the expected file on purpose.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from interview_journal.cli import main

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(path.stem for path in CORPUS.glob("*.md"))


def check_lines(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[str]]:
    journal = tmp_path / "journal"
    journal.mkdir()
    shutil.copyfile(CORPUS / f"{name}.md", journal / f"{name}.md")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--journal", "journal"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout.splitlines()


def test_the_corpus_covers_what_people_get_wrong():
    assert len(CASES) >= 25
    for name in CASES:
        assert (CORPUS / f"{name}.expected").is_file(), f"{name}.md has no .expected file"


@pytest.mark.parametrize("name", CASES)
def test_each_file_gives_exactly_its_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    code, lines = check_lines(tmp_path, name, monkeypatch)
    expected = (CORPUS / f"{name}.expected").read_text(encoding="utf-8").splitlines()
    assert lines == expected
    assert code == (0 if name.startswith("ok-") else 1)


def test_a_big_file_is_one_line_and_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "journal").mkdir()
    big = b"---\ncompany: Acme\nrole: Data Engineer\ndate: 2026-11-20\n---\n" + b"x" * (1024 * 1024)
    (tmp_path / "journal" / "huge.md").write_bytes(big)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--journal", "journal"])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert result.stdout.startswith("journal/huge.md:1:1: file: expected at most 1 MiB")


def test_all_problems_of_the_corpus_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One journal holding every corpus file: every expected line, none lost, none added."""
    journal = tmp_path / "journal"
    journal.mkdir()
    expected = []
    for name in CASES:
        shutil.copyfile(CORPUS / f"{name}.md", journal / f"{name}.md")
        expected += (CORPUS / f"{name}.expected").read_text(encoding="utf-8").splitlines()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--journal", "journal"])
    assert sorted(result.stdout.splitlines()) == sorted(expected)
