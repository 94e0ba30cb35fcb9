"""Task lines in a debrief's body."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from interview_journal.tasks import Task, parse_tasks
from journal_files import HEAD, PATH, lines, load

pytestmark = pytest.mark.usefixtures("in_tmp")  # problem lines name files from tmp_path

BERLIN = ZoneInfo("Europe/Berlin")
DATE_FORMS = "a date YYYY-MM-DD (or YYYY-MM-DD HH:MM)"


# --- task lines ------------------------------------------------------------------------------

def test_task_markers():
    body = "\n".join([
        "notes",
        "- [ ] send the portfolio link 📅 2026-11-27",
        "- [ ] read their blog [due:: 2026-11-26]",
        "- [x] sent the note ✅ 2026-11-21",
        "* [X] called Dana [completion:: 2026-11-22]",
        "- [-] cancelled item",
        "1. [ ] numbered, undated",
    ])
    tasks, problems = parse_tasks(body, 6, "journal/a.md")
    assert problems == []
    assert tasks == [
        Task("send the portfolio link", 7, "open", due=date(2026, 11, 27)),
        Task("read their blog", 8, "open", due=date(2026, 11, 26)),
        Task("sent the note", 9, "done", done_on=date(2026, 11, 21)),
        Task("called Dana", 10, "done", done_on=date(2026, 11, 22)),
        Task("cancelled item", 11, "cancelled"),
        Task("numbered, undated", 12, "open"),
    ]

@pytest.mark.parametrize("fence", ["```", "~~~", "````"])
def test_tasks_in_fenced_code_are_ignored(fence):
    body = f"{fence}\n- [ ] not a task 📅 bad\n{fence}\n- [ ] a task"
    tasks, problems = parse_tasks(body, 1, "journal/a.md")
    assert problems == []
    assert tasks == [Task("a task", 4, "open")]

def test_shorter_fence_does_not_close_a_longer_one():
    body = "````\n```\n- [ ] still code\n````\n- [ ] a task"
    tasks, _ = parse_tasks(body, 1, "journal/a.md")
    assert [task.text for task in tasks] == ["a task"]

@pytest.mark.parametrize(
    "line",
    ["- [] no space", "-[ ] no space after dash", "- [y] other mark", "text - [ ] not at start", "- [ ]"],
)
def test_lines_that_are_not_tasks(line):
    assert parse_tasks(line, 1, "journal/a.md") == ([], [])

def test_bad_task_date_is_a_problem_on_the_file_line(tmp_path):
    journal = load(tmp_path, HEAD + "---\n# Notes\n- [ ] send link 📅 2026-13-01\n- [ ] read [due:: soon]\n")
    assert lines(journal) == [
        (f"{PATH}:7:17: task: expected a date YYYY-MM-DD, got '2026-13-01' "
         "(hint: write the date like 📅 2026-11-27 or [due:: 2026-11-27])"),
        (f"{PATH}:8:12: task: expected a date YYYY-MM-DD, got 'soon' "
         "(hint: write the date like 📅 2026-11-27 or [due:: 2026-11-27])"),
    ]
    tasks = journal.debriefs[0].tasks
    assert [(task.text, task.line, task.due) for task in tasks] == [("send link", 7, None), ("read", 8, None)]

def test_task_lines_count_from_the_file_start(tmp_path):
    journal = load(tmp_path, HEAD + "stage: screen\n---\n\n- [ ] call Dana 📅 2026-11-21\n")
    assert [(task.line, task.due) for task in journal.debriefs[0].tasks] == [(8, date(2026, 11, 21))]


@pytest.mark.parametrize("marker", ["📅 9999-12-31", "[due:: 0001-01-01]", "✅ 3000-01-01"])
def test_a_task_date_outside_the_calendar_range_is_a_problem(marker):
    tasks, problems = parse_tasks(f"- [ ] someday {marker}\n", 6, PATH)
    assert [(p.line, p.expected, p.hint) for p in problems] == [
        (6, "a date YYYY-MM-DD", "use a day from 1900-01-01 to 2999-12-31")]
    assert tasks[0].due is None and tasks[0].done_on is None


def test_a_field_value_is_read_up_to_a_hundred_characters():
    """Longer, it is not a date field (a line of many '(due:: ' without a closing bracket took
    time quadratic in its length)."""
    tasks, problems = parse_tasks("- [ ] x [due:: " + "y" * 100 + "]\n- [ ] z [due:: " + "y" * 101 + "]\n", 1, PATH)
    assert [p.line for p in problems] == [1]
    assert tasks[1].text.startswith("z [due:: ")
