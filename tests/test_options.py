"""The plugin's options: one model, read the same way by the site and by the command line.

``mkdocs.yml`` is read as MkDocs reads it (``!ENV``, ``INHERIT``, both forms of ``plugins:``), and a
wrong option is a problem line that points at it, from the build and from every command alike.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.exceptions import Abort

from conftest import build, debrief, write_files
from interview_journal.cli import main
from interview_journal.options import Options, parse_options, read_config

pytestmark = pytest.mark.usefixtures("in_tmp")


def problems_of(values: dict) -> list[str]:
    return [f"{p.field}: expected {p.expected}, got {p.got}" for p in parse_options(values)[1]]


def test_the_defaults_are_the_documented_ones() -> None:
    options, problems = parse_options({})
    assert problems == []
    assert (options.journal_dir, options.section, options.title, options.public, options.quiet_days) == (
        "journal", "journal", "Journal", False, 14)
    assert options.due.model_dump() == {"recruiter_call": 0, "thank_you": 1, "feedback": 3, "check_in": 7,
                                        "prep_background": -1, "prep_format": -2, "offer_reply": 3}


@pytest.mark.parametrize(("values", "expected"), [
    ({"due": {"thank_you": "two"}}, "due.thank_you: expected a whole number, got 'two'"),
    ({"due": {"thank_you": True}}, "due.thank_you: expected a whole number, got true"),  # true is not a number
    ({"quiet_days": "14"}, "quiet_days: expected a whole number, got '14'"),
    ({"public": "yes please"}, "public: expected true or false, got 'yes please'"),
    ({"public": None}, "public: expected true or false, got nothing"),  # an empty !ENV variable
    ({"timezone": 5}, "timezone: expected a time zone name like Europe/Berlin, got 5"),
    ({"timezone": "Mars/Olympus"}, "timezone: expected a time zone name like Europe/Berlin, got 'Mars/Olympus'"),
    ({"today": "2026-02-30"}, "today: expected a date YYYY-MM-DD, got '2026-02-30'"),
    ({"today": date(9999, 12, 31)}, "today: expected a date YYYY-MM-DD, got 9999-12-31"),
    ({"today": "0001-01-01"}, "today: expected a date YYYY-MM-DD, got '0001-01-01'"),
    ({"due": {"thank_you": 3000000}}, "due.thank_you: expected a whole number of at most 365, got 3000000"),
    ({"section": "../outside"}, "section: expected a folder inside the site, got '../outside'"),
    ({"title": ["Job", "search"]}, "title: expected text, not a list or mapping, got a list"),
])
def test_a_wrong_option_names_itself(values: dict, expected: str) -> None:
    assert problems_of(values) == [expected]


def test_a_misspelled_option_is_a_problem_with_the_likely_name() -> None:
    options, problems = parse_options({"due": {"thank_yu": 3, "feedback": 5}, "jornal_dir": "x"})
    assert [(p.field, p.hint) for p in problems] == [("due.thank_yu", "did you mean 'thank_you'?"),
                                                     ("jornal_dir", "did you mean 'journal_dir'?")]
    assert options.due.feedback == 5  # the rest is kept
    assert options.due.thank_you == 1


def test_a_date_and_a_quoted_date_are_the_same_today() -> None:
    assert parse_options({"today": date(2026, 11, 25)})[0].today == parse_options({"today": "2026-11-25"})[0].today


def test_options_are_read_with_env_inherit_and_a_mapping_of_plugins(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    write_files(tmp_path, {
        "base.yml": """
            site_name: Base
            plugins:
              search: {}
              interview-journal:
                journal_dir: !ENV [JOURNAL_FOLDER, notes]
                due:
                  thank_you: 2
            """,
        "mkdocs.yml": """
            INHERIT: base.yml
            plugins:
              interview-journal:
                due:
                  feedback: 5
            """,
    })
    config = read_config(Path("mkdocs.yml"), environ={})
    assert config.problems == []
    assert config.options.journal_dir == "notes"  # the !ENV default
    assert (config.options.due.thank_you, config.options.due.feedback) == (2, 5)  # merged key by key
    assert read_config(Path("mkdocs.yml"), environ={"JOURNAL_FOLDER": "elsewhere"}).options.journal_dir == "elsewhere"


def test_a_problem_points_at_its_line_in_the_file_it_is_in(tmp_path: Path) -> None:
    write_files(tmp_path, {
        "base.yml": "plugins:\n  - search\n  - interview-journal:\n      due:\n        thank_you: two\n",
        "mkdocs.yml": "INHERIT: base.yml\nsite_name: x\n",
    })
    assert [str(p) for p in read_config(Path("mkdocs.yml")).problems] == [
        "base.yml:5:9: due.thank_you: expected a whole number, got two"]


@pytest.mark.parametrize(("text", "line"), [
    ("site_name: x\nplugins:\n  - interview-journal: 5\n",
     "mkdocs.yml:3:5: interview-journal: expected the plugin's options, a mapping (journal_dir: ...), got 5"),
    ("site_name: x\nplugins:\n  interview-journal: [a]\n",
     "mkdocs.yml:3:3: interview-journal: expected the plugin's options, a mapping (journal_dir: ...), got a list"),
    ("site_name: x\nplugins:\n  - interview-journal:\n      journal_dir: [a]\n",
     "mkdocs.yml:4:7: journal_dir: expected text, not a list or mapping, got a list (hint: write a single line of text)"),
])
def test_options_that_are_not_options_are_problems_for_the_command_line_too(tmp_path: Path, text: str,
                                                                            line: str) -> None:
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    (found,) = read_config(Path("mkdocs.yml"), environ={}).problems
    assert str(found).startswith(line)


@pytest.mark.parametrize(("text", "environ", "got"), [
    ("plugins:\n  - interview-journal:\n      quiet_days: " + "1" * 5000 + "\n", {}, "a number too long to read"),
    ("plugins:\n  - interview-journal:\n      public: !ENV [JP, false]\n", {"JP": "1" * 5000}, "a number too long to read"),
    ("extra:\n  a: " + "[" * 980 + "]" * 980 + "\n", {}, "values nested too deeply"),
])
def test_a_mkdocs_yml_python_cannot_read_is_a_problem_line(tmp_path: Path, text: str, environ: dict, got: str) -> None:
    write_files(tmp_path, {"mkdocs.yml": text})
    problems = _deep_stack(200, lambda: read_config(Path("mkdocs.yml"), environ=environ).problems)
    assert [str(p) for p in problems] == [f"mkdocs.yml:1:1: mkdocs.yml: expected settings MkDocs can read, got {got}"]


def _deep_stack(depth: int, call):
    return call() if depth == 0 else _deep_stack(depth - 1, call)


def test_no_mkdocs_yml_means_the_defaults(tmp_path: Path) -> None:
    config = read_config()
    assert config.options == Options() and not config.found and config.problems == []


def test_a_mkdocs_yml_without_the_plugin_means_the_defaults(tmp_path: Path) -> None:
    write_files(tmp_path, {"mkdocs.yml": "site_name: x\nplugins: [search]\n"})
    config = read_config()
    assert config.options == Options() and config.found and config.problems == []


def test_the_command_line_reads_the_configured_journal_through_inherit(tmp_path: Path) -> None:
    write_files(tmp_path, {
        "base.yml": "plugins:\n  interview-journal:\n    journal_dir: notes\n    due: {thank_you: 4}\n",
        "mkdocs.yml": "INHERIT: base.yml\n",
        "notes/a.md": debrief(interviewers=["Priya"]),
    })
    result = CliRunner().invoke(main, ["todo", "--json", "--today", "2026-11-25"])
    assert result.exit_code == 0, result.output
    thank_you = next(r for r in json.loads(result.stdout) if r["kind"] == "thank-you")
    assert thank_you["due"] == "2026-11-24"  # 2026-11-20 + 4


@pytest.mark.parametrize("command", [["todo"], ["check"], ["export", "csv"]])
def test_the_command_line_says_what_is_wrong_without_a_traceback(tmp_path: Path, command: list[str]) -> None:
    write_files(tmp_path, {"mkdocs.yml": "plugins:\n  - interview-journal:\n      timezone: 5\n",
                           "journal/a.md": debrief()})
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "mkdocs.yml:3:7: timezone: expected a time zone name like Europe/Berlin, got 5" in result.output


def test_the_build_stops_with_the_same_problem_lines(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    write_files(tmp_path, {
        "mkdocs.yml": "site_name: x\ntheme: {name: material, font: false}\n"
                      "plugins:\n  - interview-journal:\n      due:\n        thank_yu: 3\n",
        "docs/index.md": "# Home\n",
        "journal/a.md": debrief(),
    })
    with pytest.raises(Abort):
        build(tmp_path)
    assert "mkdocs.yml:6:9: due.thank_yu: expected one of the options" in caplog.text
    assert "Traceback" not in caplog.text
