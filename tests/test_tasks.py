"""Task lines in a debrief's body, read as Obsidian and its Tasks plugin read them.

The field cases below are our own lines, written after the Tasks documentation (Task Formats,
Statuses) and its tests; each expectation was compared with what Tasks' own parser
(``Task.fromLine`` of Tasks 8.3) gives for the same line. Where we read more than Tasks does
(a date in the middle of the line, a Dataview field, whose reading Dataview does), the case says
so; Tasks keeps the words' spacing and an empty title, we collapse spaces and keep the raw text.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from interview_journal.tasks import (
    MAX_NESTING,
    Statuses,
    Task,
    parse_tasks,
    without_listed_tasks,
    without_obsidian_comments,
)
from journal_files import HEAD, PATH, lines, load

pytestmark = pytest.mark.usefixtures("in_tmp")  # problem lines name files from tmp_path

NOV = {day: date(2026, 11, day) for day in range(1, 31)}
PLUS = "\u2795"  # Tasks' created date: the heavy plus sign


def read(body: str, statuses: Statuses | None = None) -> list[Task]:
    tasks, problems = parse_tasks(body, 1, "journal/a.md", *(statuses,) if statuses else ())
    assert problems == []
    return tasks


def texts(body: str, statuses: Statuses | None = None) -> list[str]:
    return [task.text for task in read(body, statuses)]


def one(line: str) -> Task:
    tasks = read(line)
    assert len(tasks) == 1, tasks
    return tasks[0]


# --- which lines are tasks ----------------------------------------------------------------------

def test_list_markers_and_lines_counted_from_the_body_start():
    body = "notes\n\n- [ ] dash\n* [ ] star\n+ [ ] plus\n1. [ ] dot\n2) [ ] paren\n"
    tasks, _ = parse_tasks(body, 6, "journal/a.md")
    assert [(task.text, task.line, task.index) for task in tasks] == [
        ("dash", 8, 1), ("star", 9, 2), ("plus", 10, 3), ("dot", 11, 4), ("paren", 12, 5)]


def test_tasks_in_blockquotes_and_callouts_at_their_file_lines():
    body = ("> [!todo] After the call\n> - [ ] in a callout 📅 2026-11-27\n>   - [/] nested in it\n\n"
            "> quoted\n> > - [ ] twice quoted\n\n- [ ] outside\n")
    tasks = read(body)
    assert [(task.text, task.line, task.due) for task in tasks] == [
        ("in a callout", 2, NOV[27]), ("nested in it", 3, None), ("twice quoted", 6, None), ("outside", 8, None)]


@pytest.mark.parametrize("indent", ["  ", "    ", "\t"])
@pytest.mark.parametrize("depth", [2, 5, 8, 30])
def test_any_nesting_depth(indent: str, depth: int):
    body = "".join(f"{indent * level}- [ ] level {level + 1}\n" for level in range(depth))
    assert texts(body) == [f"level {level + 1}" for level in range(depth)]


def test_beyond_the_nesting_limit_is_one_problem_not_a_crash():
    levels = MAX_NESTING // 2 + 5
    body = "".join("  " * level + "- x\n" for level in range(levels)) + "- [ ] after\n"
    tasks, problems = parse_tasks(body, 10, "journal/a.md")
    assert [str(problem) for problem in problems] == [
        "journal/a.md:108:1: body: expected at most 100 levels of lists and quotes, got more "
        "(hint: the rest of the notes is not read for tasks: indent less)"]
    assert tasks == []


@pytest.mark.parametrize("body", [
    "```\n- [ ] in a fence\n```\n",
    "~~~\n- [ ] in a tilde fence\n~~~\n",
    "````\n```\n- [ ] a shorter fence does not close a longer one\n````\n",
    "- a list\n\n        - [ ] indented code after a blank line\n",
    "Text.\n\n    - [ ] indented code\n",
    "- item\n  ```\n  - [ ] a fence in a list\n  ```\n",
    "- a\n  - b\n    - c\n      - d\n        ```\n        - [ ] a fence nested 8 spaces deep\n        ```\n",
    "> ```\n> - [ ] a fence in a quote\n> ```\n",
    "<!--\n- [ ] in an HTML comment\n-->\n",
    "Some text <!-- a comment that\n- [ ] starts in a paragraph\n-->\n",
    "%%\n- [ ] in an Obsidian comment\n%%\n",
    "%% one line %% and then %%\n- [ ] in a second comment\n%%\n",
    "<div>\n- [ ] in an HTML block\n</div>\n",
    "- [] no space in the box",
    "-[ ] no space after the marker",
    "text - [ ] not at the start",
    "- [ ]",
    "- [x]no space after the box",
    "- [ ] ",
    "# [ ] a heading",
    "-\n  [ ] the box on the line after the marker",
    "1.\n   [ ] the same in a numbered list",
])
def test_lines_that_are_not_tasks(body: str):
    assert read(body) == []


def test_comments_in_a_task_line_are_not_its_words():
    assert texts("- [ ] call Dana %% she prefers mornings 📅 2026-01-01 %% back <!-- note --> soon 📅 2026-11-27\n") == [
        "call Dana back soon"]
    assert read("- [ ] call %% unclosed 📅 2026-01-01\n- [ ] hidden\n")[0].due is None


def test_the_notes_without_obsidian_comments():
    body = "a %% b %% c\n%%\n- [ ] d\n%%\n```\n%% e %%\n```\n`%%` f <!-- g -->\n"
    assert without_obsidian_comments(body) == "a" + " " * 9 + "c\n\n\n\n```\n%% e %%\n```\n`%%` f <!-- g -->\n"
    assert without_obsidian_comments("no comment here") == "no comment here"


def test_code_spans_keep_their_comment_markers():
    tasks = read("- [ ] check the `%%` syntax 📅 2026-11-27\n- [ ] and `<!--` too\n- [ ] ``a ` b`` then %% x %% end\n")
    assert [(task.text, task.due) for task in tasks] == [
        ("check the `%%` syntax", NOV[27]), ("and `<!--` too", None), ("``a ` b`` then end", None)]


def test_a_multiline_paragraph_is_read_on_its_first_line():
    assert [(t.text, t.line) for t in read("- [ ] first line 📅 2026-11-27\n  continued 📅 2026-12-01\n")] == [
        ("first line", 1)]


# --- statuses -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("symbol", "state"), [
    (" ", "open"), ("x", "done"), ("X", "done"), ("/", "open"), ("-", "cancelled"),
    (">", "open"), ("<", "open"), ("!", "open"), ("?", "open"), ("*", "open"), ("h", "open"), ("~", "open"),
    ("é", "open"), ("🔥", "open"),
])
def test_statuses_as_tasks_defines_them(symbol: str, state: str):
    assert one(f"- [{symbol}] a task").state == state


def test_custom_statuses_a_non_task_status_and_the_global_filter():
    statuses = Statuses(types={"p": "non_task", "c": "non_task", "d": "in_progress", "D": "done", "x": "todo"})
    body = "- [p] pro\n- [c] con\n- [d] doing\n- [D] done\n- [x] reopened\n- [-] cancelled\n"
    assert [(t.text, t.state) for t in read(body, statuses)] == [
        ("doing", "open"), ("done", "done"), ("reopened", "open"), ("cancelled", "cancelled")]
    body = "- [ ] a #task line\n- [ ] a plain line\n- [ ] #task/sub is another tag\n"
    assert texts(body, Statuses(global_filter="#task")) == ["a #task line", "#task/sub is another tag"]
    assert texts(body, Statuses(global_filter="#task", remove_global_filter=True)) == ["a line",
                                                                                      "#task/sub is another tag"]


# --- fields -------------------------------------------------------------------------------------

FIELDS = [
    # (line after "- [ ] ", title, due, scheduled, start, done, id)
    ("call Dana 📅 2026-11-27", "call Dana", NOV[27], None, None, None, ""),
    ("call Dana 📅\ufe0f 2026-11-27", "call Dana", NOV[27], None, None, None, ""),  # the variation selector
    ("call Dana 📆 2026-11-27", "call Dana", NOV[27], None, None, None, ""),
    ("call Dana 🗓\ufe0f 2026-11-27", "call Dana", NOV[27], None, None, None, ""),
    ("call Dana📅 2026-11-27", "call Dana", NOV[27], None, None, None, ""),  # no space needed before
    ("call Dana 📅     2026-11-27", "call Dana", NOV[27], None, None, None, ""),
    ("prepare ⏳ 2026-11-26", "prepare", None, NOV[26], None, None, ""),
    ("prepare ⌛ 2026-11-26", "prepare", None, NOV[26], None, None, ""),
    ("prepare ⏳\ufe0f 2026-11-26", "prepare", None, NOV[26], None, None, ""),
    ("ask 🛫 2026-11-20 📅 2026-11-30", "ask", NOV[30], None, NOV[20], None, ""),
    (f"noted {PLUS} 2026-11-01", "noted", None, None, None, None, ""),
    ("sent ✅ 2026-11-21", "sent", None, None, None, NOV[21], ""),
    ("dropped ❌ 2026-11-22", "dropped", None, None, None, None, ""),
    ("urgent ⏫", "urgent", None, None, None, None, ""),
    ("urgent ⏫\ufe0f", "urgent", None, None, None, None, ""),
    ("top 🔺 📅 2026-11-27", "top", NOV[27], None, None, None, ""),
    ("low 🔽", "low", None, None, None, None, ""),
    ("lowest ⏬", "lowest", None, None, None, None, ""),
    ("medium 🔼 #job", "medium #job", None, None, None, None, ""),
    ("weekly 🔁 every week 📅 2026-11-27", "weekly", NOV[27], None, None, None, ""),
    ("weekly 🔁 every week on Monday when done", "weekly", None, None, None, None, ""),
    ("finish 🏁 delete", "finish", None, None, None, None, ""),
    ("named 🆔 abc123", "named", None, None, None, None, "abc123"),
    ("named 🆔 abc_12-3 ⛔ def456", "named", None, None, None, None, "abc_12-3"),
    ("after ⛔ ab , CD ,  EF", "after", None, None, None, None, ""),
    ("after ⛔\ufe0f F12345", "after", None, None, None, None, ""),
    ("named with a star 🆔 A*b", "named with a star 🆔 A*b", None, None, None, None, ""),  # not an id
    ("block ^abc123", "block", None, None, None, None, "abc123"),
    ("block 📅 2026-11-27 ^abc-123", "block", NOV[27], None, None, None, "abc-123"),
    ("glued^abc", "glued^abc", None, None, None, None, ""),  # a block id follows a space
    ("named and blocked 🆔 a1 ^b2", "named and blocked", None, None, None, None, "a1"),
    (f"all ⏫ 🔁 every day 🛫 2026-11-20 ⏳ 2026-11-25 📅 2026-11-27 {PLUS} 2026-11-01 🆔 x1 ⛔ y2", "all",
     NOV[27], NOV[25], NOV[20], None, "x1"),
    ("mixed #one 📅 2026-11-27 #two ⏫ #three", "mixed #one #two #three", NOV[27], None, None, None, ""),
    ("a link http://example.org/#anchor 📅 2026-11-27", "a link http://example.org/#anchor", NOV[27],
     None, None, None, ""),
    ("tag glued#notatag ⏫", "tag glued#notatag", None, None, None, None, ""),
    ("recurrence then tag 🔁 every 2 weeks #work", "recurrence then tag #work", None, None, None, None, ""),
    ("priority ⏫ then words", "priority ⏫ then words", None, None, None, None, ""),  # Tasks reads the end only
    ("🆔 a1 words after", "🆔 a1 words after", None, None, None, None, ""),
    ("two dues 📅 2026-11-27 📅 2026-11-28", "two dues", NOV[27], None, None, None, ""),
    # read where Tasks does not (it reads the end of the line only), as Dataview reads them
    ("✅ 2026-11-21 done first, then words", "done first, then words", None, None, None, NOV[21], ""),
    ("📅 2026-11-27 then ⏫", "then", NOV[27], None, None, None, ""),
    # Dataview fields, anywhere: (…) or […], with or without spaces, any key
    ("read the blog [due:: 2026-11-26]", "read the blog", NOV[26], None, None, None, ""),
    ("read the blog (due:: 2026-11-26)", "read the blog", NOV[26], None, None, None, ""),
    ("read the blog [due::2026-11-26]", "read the blog", NOV[26], None, None, None, ""),
    ("read  [due:: 2026-11-26]  [priority:: high]", "read", NOV[26], None, None, None, ""),
    ("sent [completion:: 2026-11-21]", "sent", None, None, None, NOV[21], ""),
    ("plan [scheduled:: 2026-11-25] [start:: 2026-11-20] [created:: 2026-11-01] (cancelled:: 2026-11-02)",
     "plan", None, NOV[25], NOV[20], None, ""),
    ("named [id:: abc123] [dependsOn:: x1,y2] [repeat:: every week] [onCompletion:: keep]", "named",
     None, None, None, None, "abc123"),
    ("own field [mood:: good] [Due:: 2026-11-26]", "own field", NOV[26], None, None, None, ""),
    ("in the middle [due:: 2026-11-26] of the words", "in the middle of the words", NOV[26], None, None, None, ""),
    ("a link as the value [due:: [[2026-11-26]]]", "a link as the value", NOV[26], None, None, None, ""),
    ("a time too [due:: 2026-11-26T10:00]", "a time too", NOV[26], None, None, None, ""),
    ("a trailing comma [due:: 2026-11-26],", "a trailing comma", NOV[26], None, None, None, ""),
    ("not a field [due: 2026-11-26]", "not a field [due: 2026-11-26]", None, None, None, None, ""),
    ("mismatched [due:: 2026-11-26)", "mismatched [due:: 2026-11-26)", None, None, None, None, ""),
    # only fields: the raw text stays the title
    ("📅 2026-11-27", "📅 2026-11-27", NOV[27], None, None, None, ""),
    ("spaces   between    words", "spaces between words", None, None, None, None, ""),
]


@pytest.mark.parametrize(("text", "title", "due", "scheduled", "start", "done", "task_id"), FIELDS)
def test_fields_are_read_and_left_out_of_the_title(text, title, due, scheduled, start, done, task_id):
    task = one(f"- [ ] {text}")
    assert (task.text, task.due, task.scheduled, task.start, task.done_on, task.id) == (
        title, due, scheduled, start, done, task_id)


@pytest.mark.parametrize(("line", "column", "got", "example"), [
    ("- [ ] send link 📅 2026-13-01", 17, "2026-13-01", "📅 2026-11-27"),
    ("- [ ] send link 📅\ufe0f 2026-11-3", 17, "2026-11-3", "📅 2026-11-27"),
    ("- [ ] send link 📅 2026-11-270 later", 17, "2026-11-270", "📅 2026-11-27"),
    ("- [x] sent ✅ 2026-02-30", 12, "2026-02-30", "✅ 2026-11-27"),
    ("- [ ] read [due:: soon]", 12, "soon", "[due:: 2026-11-27]"),
    ("- [ ] read [scheduled:: ] later", 12, None, "[scheduled:: 2026-11-27]"),
    ("> - [ ] in a quote (due:: 27.11.2026)", 20, "27.11.2026", "[due:: 2026-11-27]"),
])
def test_a_bad_date_is_one_problem_at_its_line_and_column(line: str, column: int, got: str | None, example: str):
    tasks, problems = parse_tasks("notes\n" + line + " ⏳ 2026-11-2 📅 99", 7, "journal/a.md")
    quoted = f"'{got}'" if got else "nothing"
    assert [str(problem) for problem in problems] == [
        f"journal/a.md:8:{column}: task: expected a date YYYY-MM-DD, got {quoted} (hint: write the date like {example})"]
    assert len(tasks) == 1 and tasks[0].due is None


@pytest.mark.parametrize(("line", "problem"), [
    ("- [ ] send it 📅 soon", "got 'soon' (hint: write the date like 📅 2026-11-27)"),
    ("- [ ] plan ⏳ tomorrow", "got 'tomorrow' (hint: write the date like ⏳ 2026-11-27)"),
    ("- [ ] start 🛫", "got nothing (hint: write the date like 🛫 2026-11-27)"),
    (f"- [ ] buy a USB {PLUS} adapter", None),  # the plus, ✅ and ❌ are words too: only a digit after them is a date
    ("- [ ] offer ✅ yes, ❌ no relocation", None),
    (f"- [ ] noted {PLUS} 2026-1-5", f"got '2026-1-5' (hint: write the date like {PLUS} 2026-11-27)"),
])
def test_a_date_symbol_without_a_date(line: str, problem: str | None):
    tasks, problems = parse_tasks(line, 1, "journal/a.md")
    assert [str(p).split("YYYY-MM-DD, ", 1)[1] for p in problems] == ([problem] if problem else [])
    assert tasks[0].text == line[6:]  # left in the title, as Tasks leaves it


def test_bad_dates_are_problems_on_the_file_line(tmp_path):
    journal = load(tmp_path, HEAD + "---\n# Notes\n- [ ] send link 📅 2026-13-01\n> - [ ] read [due:: soon]\n")
    assert lines(journal) == [
        (f"{PATH}:7:17: task: expected a date YYYY-MM-DD, got '2026-13-01' "
         "(hint: write the date like 📅 2026-11-27)"),
        (f"{PATH}:8:14: task: expected a date YYYY-MM-DD, got 'soon' (hint: write the date like [due:: 2026-11-27])"),
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


@pytest.mark.parametrize("line", [
    "- [ ] x " + "(due:: " * 8000,  # 56 KB: the line regexes this module replaced took 30 s on it
    "- [ ] x " + "[due:: " * 8000,
    "- [ ] x " + "[" * 28000 + "]" * 28000,
    "- [ ] x " + "📅 1" * 18000,
    "- [ ] x" + " " * 56000 + "2026-11-27",
    "- [ ] x " + "%% <!-- " * 7000,
])
def test_pathological_lines_are_read(line: str):
    """bench/task_lines.py times these at growing sizes: linear, a few milliseconds at 56 KB."""
    tasks, problems = parse_tasks(line, 1, "journal/a.md")
    assert len(tasks) == 1 and tasks[0].text.startswith("x") and len(problems) <= 1


# --- a vault's own Tasks settings ---------------------------------------------------------------

def tasks_settings(vault, settings: dict | str) -> None:
    folder = vault / ".obsidian" / "plugins" / "obsidian-tasks-plugin"
    folder.mkdir(parents=True)
    (folder / "data.json").write_text(settings if isinstance(settings, str) else json.dumps(settings), encoding="utf-8")


SETTINGS = {
    "globalFilter": "#task", "removeGlobalFilter": True, "taskFormat": "tasksPluginEmoji",
    "statusSettings": {
        "coreStatuses": [{"symbol": " ", "name": "Todo", "nextStatusSymbol": "x", "type": "TODO"},
                         {"symbol": "x", "name": "Done", "nextStatusSymbol": " ", "type": "DONE"}],
        "customStatuses": [{"symbol": "p", "name": "Pro", "nextStatusSymbol": "c", "type": "NON_TASK"},
                           {"symbol": "c", "name": "Con", "nextStatusSymbol": "p", "type": "NON_TASK"},
                           {"symbol": "d", "name": "Doing", "nextStatusSymbol": "x", "type": "IN_PROGRESS"},
                           {"symbol": "d", "name": "Second d", "nextStatusSymbol": "x", "type": "DONE"},
                           {"symbol": "w", "name": "Waiting", "nextStatusSymbol": " ", "type": "ON_HOLD"},
                           {"symbol": "-", "name": "Dropped", "nextStatusSymbol": " ", "type": "CANCELLED"}]},
}


def test_the_vault_s_tasks_settings_decide_statuses_and_the_global_filter(tmp_path):
    """The journal sits in a vault (a folder up holds .obsidian/): its Tasks settings count."""
    tasks_settings(tmp_path, SETTINGS)
    journal = load(tmp_path, HEAD + "---\n- [ ] #task call Dana\n- [ ] not a task without the filter\n"
                   "- [p] #task a pro\n- [d] #task doing it\n- [w] #task waiting\n- [x] #task done\n")
    assert journal.problems == []
    assert [(t.text, t.state) for t in journal.debriefs[0].tasks] == [
        ("call Dana", "open"), ("doing it", "open"), ("waiting", "open"), ("done", "done")]


def test_broken_tasks_settings_are_one_problem_and_the_defaults(tmp_path):
    tasks_settings(tmp_path, "{ not json")
    journal = load(tmp_path, HEAD + "---\n- [ ] call Dana\n- [p] pro\n")
    assert [p.field for p in journal.problems] == ["Tasks settings"]
    assert str(journal.problems[0]).startswith(
        ".obsidian/plugins/obsidian-tasks-plugin/data.json:1:1: Tasks settings: expected the Tasks plugin's "
        "settings (JSON), got ")
    assert [t.text for t in journal.debriefs[0].tasks] == ["call Dana", "pro"]


def test_without_the_tasks_plugin_a_vault_has_tasks_defaults(tmp_path):
    (tmp_path / ".obsidian").mkdir()
    journal = load(tmp_path, HEAD + "---\n- [ ] call Dana\n- [p] pro\n- [/] half\n")
    assert [(t.text, t.state) for t in journal.debriefs[0].tasks] == [
        ("call Dana", "open"), ("pro", "open"), ("half", "open")]


# --- the notes without the tasks the checklist shows ------------------------------------------

def test_a_section_of_subsections_of_tasks_goes_with_them_and_nothing_else_does():
    body = "intro\n## A\n### B\n- [ ] x\n\n### C\n- [x] y\n## D\n\n## E\ntext\n```\n# not a heading\n```\n"
    tasks, _ = parse_tasks(body, 5, PATH)
    assert [task.item_lines for task in tasks] == [2, 1]  # the blank line after x is its item's
    assert without_listed_tasks(body, tasks, 5) == "intro\n## D\n\n## E\ntext\n```\n# not a heading\n```\n"


def test_without_tasks_the_notes_are_the_same_text():
    body = "## Follow-ups\n\nnone yet\n"
    assert without_listed_tasks(body, [], 9) is body
