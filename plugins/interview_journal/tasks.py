"""Task lines in a debrief's body, read as Obsidian and its Tasks plugin read them.

**Which lines are tasks.** The body is parsed as CommonMark (markdown-it-py, block rules only),
so a task is a list item whose paragraph starts with a checkbox (``[ ]``, ``[x]``, ``[/]``...),
at any depth of lists, blockquotes and callouts (``> - [ ] ...``). Nothing in code (fenced,
indented, a fence nested in a list), in an HTML block, in an HTML comment (``<!-- ... -->``) or
in an Obsidian comment (``%% ... %%``) is a task. The checkbox's symbol is a status as Obsidian
Tasks defines them (``Statuses``): todo, in progress and on hold are outstanding, done and
cancelled are not, a non-task status is not a task; a symbol Tasks does not know counts as todo.

**Fields.** Everything Tasks and Dataview write on a task line is read and taken out of the
title: the dates (due ``📅``/``📆``/``🗓``, scheduled ``⏳``/``⌛``, start ``🛫``, created (U+2795,
the heavy plus), done ``✅``, cancelled ``❌``, each may carry the variation selector U+FE0F), priorities
(``🔺⏫🔼🔽⏬``), recurrence ``🔁``, on completion ``🏁``, id ``🆔``, depends on ``⛔``, a block id
(``^abc123``) and every Dataview field (``[due:: 2026-11-27]``, ``(priority:: high)``). As in
Tasks, the emoji fields other than dates are read at the end of the line (in any order, tags
between them kept in the title); dates and Dataview fields are read wherever they are, as
Dataview reads them. A date that is not ``YYYY-MM-DD`` is a problem at its line and column.

Everything here is linear in the size of the body: markdown-it's block rules, one pass for
comments, one for Dataview fields (brackets matched with a stack) and a bounded number of passes
(Tasks' own limit of 21) over the end of each line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from .dates import RANGE_HINT, in_range
from .problems import Problem, shorten

if TYPE_CHECKING:  # imported when a body is parsed, not when the command line starts
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@dataclass(frozen=True, slots=True)
class Task:
    text: str
    """The task's words, without its fields (Obsidian's and Tasks' comments left out too)."""
    line: int
    """The file line of the checkbox."""
    state: str
    """``open``, ``done`` or ``cancelled``."""
    due: date | None = None
    """``📅``: the deadline."""
    done_on: date | None = None
    """``✅`` or ``[completion:: ]``: the day it was done."""
    scheduled: date | None = None
    """``⏳``: the day you plan to do it."""
    start: date | None = None
    """``🛫``: the day it can start."""
    id: str = ""
    """The task's own name, when it has one: Tasks' ``🆔``, else its block id (``^abc123``)."""
    index: int = 1
    """Its place among the file's tasks, from 1."""
    item_lines: int = 0
    """The file lines its list item takes from ``line``, when the item is the task's one line and
    nothing more: a debrief's page then leaves it out of the notes (it is on the checklist). 0
    for an item that holds more (a second line, a nested list): the notes keep it whole."""


# --- statuses ---------------------------------------------------------------------------------

STATUS_TYPES = ("todo", "in_progress", "on_hold", "done", "cancelled", "non_task")
"""Obsidian Tasks' status types, lowercase."""

_STATE = {"todo": "open", "in_progress": "open", "on_hold": "open", "done": "done", "cancelled": "cancelled"}


@dataclass(frozen=True)
class Statuses:
    """What each checkbox symbol means, and which lines Tasks takes for tasks at all.

    The default is Obsidian Tasks' own: ``[ ]`` todo, ``[x]`` done (``[X]`` too, as in GitHub
    and several themes), ``[/]`` in progress, ``[-]`` cancelled, and any other symbol todo (as
    Tasks treats a symbol it does not know). ``types`` adds or overrides symbols (a vault's own
    statuses, ``load.vault_statuses``); ``global_filter``, when set, keeps only the lines that
    contain it, as the Tasks setting of that name does (``remove_global_filter`` then takes it
    out of the title).
    """

    types: Mapping[str, str] = field(default_factory=dict)
    global_filter: str = ""
    remove_global_filter: bool = False

    def type_of(self, symbol: str) -> str:
        return self.types.get(symbol) or _DEFAULT_TYPES.get(symbol, "todo")


_DEFAULT_TYPES = {" ": "todo", "x": "done", "X": "done", "/": "in_progress", "-": "cancelled"}
DEFAULT_STATUSES = Statuses()


# --- the body -----------------------------------------------------------------------------------

MAX_NESTING = 200
"""markdown-it's nesting limit (tokens: a list level is two): about 100 levels of lists and quotes."""

_CHECKBOX = re.compile(r"(?:[-*+]|[0-9][.)])[ \t]+\[[^\n]\]")
"""A list marker and a box on one line: a body without one has no task, and is not parsed."""


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
    return parser.disable(["inline", "text_join"])  # the block structure is all we need


def parse_tasks(body: str, first_line: int, display: str,
                statuses: Statuses = DEFAULT_STATUSES) -> tuple[list[Task], list[Problem]]:
    """Every task of ``body`` (which starts on the file's line ``first_line``), and the problems
    in their fields."""
    if not _CHECKBOX.search(body):
        return [], []
    tokens = _parser().parse(body)
    lines = body.split("\n")
    opaque = _opaque_rows(tokens)
    hidden = _comments(lines, opaque)
    tasks: list[Task] = []
    problems: list[Problem] = []
    for at, token in enumerate(tokens):
        if token.type != "list_item_open" or at + 2 >= len(tokens) or tokens[at + 1].type != "paragraph_open":
            continue
        inline = tokens[at + 2]
        if inline.map is None or token.map is None or inline.map[0] != token.map[0]:
            continue  # the box is on the item's own line, as Obsidian reads it
        row = inline.map[0]
        found = _checkbox(lines[row], inline.content.split("\n", 1)[0])
        if found is None:
            continue
        column, symbol = found
        if (row, column) in hidden:
            continue
        kind = statuses.type_of(symbol)
        if kind == "non_task":
            continue
        visible = hidden.blank(row, lines[row])
        text = visible[column + 3:]
        if statuses.global_filter and statuses.global_filter not in text:
            continue
        number = first_line + row
        fields = read_fields(text, column + 3, display, number)
        problems.extend(fields.problems)
        words = fields.text
        if statuses.global_filter and statuses.remove_global_filter:
            words = " ".join(word for word in words.split(" ") if word != statuses.global_filter)
        words = words or " ".join(text.split())
        if not words:
            continue
        tasks.append(Task(text=words, line=number, state=_STATE[kind], due=fields.dates.get("due"),
                          done_on=fields.dates.get("done"), scheduled=fields.dates.get("scheduled"),
                          start=fields.dates.get("start"), id=fields.id, index=len(tasks) + 1,
                          item_lines=_own_lines(tokens, at)))
    deepest = next((token for token in tokens if token.level >= MAX_NESTING - 2 and token.map is not None), None)
    if deepest is not None and deepest.map is not None:
        row = deepest.map[0]
        problems.append(Problem(display, first_line + row, 1, "body", f"at most {MAX_NESTING // 2} levels of lists "
                                "and quotes", "more", "the rest of the notes is not read for tasks: indent less"))
    return tasks, problems


def _own_lines(tokens: list[Token], at: int) -> int:
    """The lines of the list item opened at ``tokens[at]`` when it holds one paragraph of one
    line (blank lines after it included), else 0."""
    item, inline = tokens[at], tokens[at + 2]
    simple = (at + 4 < len(tokens) and tokens[at + 4].type == "list_item_close"
              and inline.map is not None and inline.map[1] - inline.map[0] == 1)
    return item.map[1] - item.map[0] if simple and item.map is not None else 0


def without_listed_tasks(body: str, tasks: list[Task], first_line: int) -> str:
    """The notes without the task lines the checklist shows (``Task.item_lines``), and without a
    heading whose section held nothing else (``## Follow-ups`` over tasks only). ``body`` starts
    on the file's line ``first_line``; its lines are the file's (comments blanked, not removed)."""
    lines = body.split("\n")
    removed = [False] * len(lines)
    for task in tasks:
        start = task.line - first_line
        for row in range(max(start, 0), min(start + task.item_lines, len(lines))):
            removed[row] = True
    if not any(removed):
        return body
    kept = [None if gone else line for line, gone in zip(lines, removed, strict=True)]
    _drop_emptied_headings(kept, removed)
    return "\n".join(line for line in kept if line is not None)


_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]|$)")


def _drop_emptied_headings(lines: list[str | None], removed: list[bool]) -> None:
    """Drop (make None) each ATX heading whose section, up to the next heading of its level or
    above, lost lines and holds only blank lines now. From the last heading up, so that a section
    whose subsections all went goes too. Each line is in at most six sections: linear."""
    levels = [(row, len(match.group(1))) for row, line in enumerate(lines)
              if line is not None and (match := _HEADING.match(line))]
    for index in range(len(levels) - 1, -1, -1):
        row, level = levels[index]
        end = next((other for other, deeper in levels[index + 1:] if deeper <= level), len(lines))
        section = range(row + 1, end)
        if any(removed[at] for at in section) and all(not (lines[at] or "").strip() for at in section):
            lines[row] = None
            for at in section:
                lines[at] = None


def _checkbox(line: str, first: str) -> tuple[int, str] | None:
    """Where the paragraph's first line starts in the file's line, and its checkbox's symbol:
    ``[?]`` followed by a space, a tab or the end of the line."""
    if len(first) < 3 or first[0] != "[" or first[2] != "]" or (len(first) > 3 and first[3] not in " \t"):
        return None
    column = len(line.rstrip()) - len(first.rstrip())
    if column < 0 or not line.startswith(first.rstrip(), column):
        column = line.find(first[:3])
    return column, first[1]


def _opaque_rows(tokens: list[Token]) -> set[int]:
    """The body's lines in code and HTML blocks: no comment starts or ends there."""
    rows: set[int] = set()
    for token in tokens:
        if token.type in ("fence", "code_block", "html_block") and token.map is not None:
            rows.update(range(*token.map))
    return rows


class _Hidden:
    """The parts of the body's lines inside comments: ``(row, start, end)`` pieces of each row."""

    def __init__(self) -> None:
        self.pieces: dict[int, list[tuple[int, int]]] = {}

    def add(self, row: int, start: int, end: int) -> None:
        if end > start:
            self.pieces.setdefault(row, []).append((start, end))

    def __contains__(self, place: tuple[int, int]) -> bool:
        row, column = place
        return any(start <= column < end for start, end in self.pieces.get(row, ()))

    def blank(self, row: int, line: str) -> str:
        """The line with its commented parts as spaces: columns stay the file's."""
        parts, done = [], 0
        for start, end in self.pieces.get(row, ()):  # in order, never overlapping
            parts += [line[done:start], " " * (end - start)]
            done = end
        return "".join(parts) + line[done:]


_COMMENT_OR_CODE = re.compile(r"`+|%%|<!--")
_OBSIDIAN_COMMENT_OR_CODE = re.compile(r"`+|%%")
_CLOSE = {"%%": "%%", "<!--": "-->"}


def without_obsidian_comments(body: str) -> str:
    """The body without its ``%% ... %%`` comments (outside code), which Obsidian never shows:
    the notes as the site renders them."""
    if "%%" not in body:
        return body
    lines = body.split("\n")
    hidden = _comments(lines, _opaque_rows(_parser().parse(body)), _OBSIDIAN_COMMENT_OR_CODE)
    return "\n".join(hidden.blank(row, line).rstrip() if row in hidden.pieces else line
                     for row, line in enumerate(lines))


def _comments(lines: list[str], opaque: set[int], markers: re.Pattern[str] = _COMMENT_OR_CODE) -> _Hidden:
    """Obsidian comments (``%% ... %%``) and HTML comments (``<!-- ... -->``), which may span
    lines, outside code blocks and code spans (a code span is read within its line)."""
    hidden = _Hidden()
    closing: str | None = None
    for row, line in enumerate(lines):
        if row in opaque:
            if closing is not None:
                hidden.add(row, 0, len(line))
            continue
        position = 0
        if closing is not None:
            end = line.find(closing)
            if end < 0:
                hidden.add(row, 0, len(line))
                continue
            position = end + len(closing)
            hidden.add(row, 0, position)
            closing = None
        spans = _code_span_ends(line)
        while True:
            match = markers.search(line, position)
            if match is None:
                break
            if match.group().startswith("`"):
                position = spans.get(match.start(), match.end())
                continue
            start, closing = match.start(), _CLOSE[match.group()]
            end = line.find(closing, match.end())
            if end < 0:
                hidden.add(row, start, len(line))
                break
            position = end + len(closing)
            hidden.add(row, start, position)
            closing = None
    return hidden


_TICKS = re.compile(r"`+")


def _code_span_ends(line: str) -> dict[int, int]:
    """Start of each code span of the line -> its end: a run of backticks is closed by the next
    run of the same length, as CommonMark reads them (linear: each run's next run of the same
    length is found in one pass from the right)."""
    runs = [(match.start(), match.end()) for match in _TICKS.finditer(line)]
    following: list[int | None] = [None] * len(runs)
    last: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        following[index] = last.get(length)
        last[length] = index
    ends: dict[int, int] = {}
    index = 0
    while index < len(runs):
        closer = following[index]
        if closer is None:
            index += 1
        else:
            ends[runs[index][0]] = runs[closer][1]
            index = closer + 1
    return ends


# --- the fields of one line ---------------------------------------------------------------------

_VS16 = "\ufe0f"
_DATE_SYMBOLS = {"📅": "due", "📆": "due", "🗓": "due", "⏳": "scheduled", "⌛": "scheduled", "🛫": "start",
                 "\u2795": "created", "✅": "done", "❌": "cancelled"}  # U+2795: the heavy plus
_ONLY_DATES = frozenset(("due", "scheduled", "start"))
"""Their symbols mean a date; those of created, done and cancelled also stand for plus, yes and
no: after them, only something that starts like a date is taken for a wrong one."""
_DATAVIEW_DATES = {"due": "due", "scheduled": "scheduled", "start": "start", "created": "created",
                   "completion": "done", "cancelled": "cancelled"}
_PRIORITIES = frozenset("🔺⏫🔼🔽⏬")
_A_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATAVIEW_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_DATE_FIELD = re.compile("([" + "".join(_DATE_SYMBOLS) + "])" + _VS16 + "? *")
_ID = re.compile(r"[a-zA-Z0-9_-]+")
_IDS = re.compile(r"[a-zA-Z0-9_-]+(?: *, *[a-zA-Z0-9_-]+ *)*")
_BLOCK_ID = re.compile(r"\^[a-zA-Z0-9-]+")
_RUNS = 21
"""Passes over the end of a line, as Tasks makes at most (its ``maxRuns`` of 20, and one more)."""


@dataclass
class Fields:
    """What one task line says besides its words."""

    text: str = ""
    dates: dict[str, date] = field(default_factory=dict)
    id: str = ""
    problems: list[Problem] = field(default_factory=list)


def read_fields(text: str, offset: int, display: str, number: int) -> Fields:
    """The fields of a task's text (what follows its checkbox, which is at column ``offset``
    of file line ``number``), and its words without them."""
    result = Fields()
    chars = list(text)

    def cut(start: int, end: int) -> None:
        chars[start:end] = " " * (end - start)

    def bad(start: int, value: str, example: str) -> None:
        if result.problems:
            return  # one line per task is enough to find it
        hint = RANGE_HINT if _out_of_range(value) else f"write the date like {example}"
        result.problems.append(Problem(display, number, offset + start + 1, "task", "a date YYYY-MM-DD",
                                       repr(shorten(value)) if value else "nothing", hint))

    for start, end, key, value in _dataview_fields(text):
        cut(start, end)
        name = _DATAVIEW_DATES.get(key.lower())
        if name is not None:
            match = _DATAVIEW_DATE.fullmatch(value.removeprefix("[[").removesuffix("]]"))
            day = _day(match.group(1)) if match else None
            if day is None:
                bad(start, value, f"[{key}:: 2026-11-27]")
            else:
                result.dates.setdefault(name, day)
        elif key.lower() == "id" and _ID.fullmatch(value):
            result.id = result.id or value
    for match in _DATE_FIELD.finditer(text):
        if chars[match.start()] == " ":
            continue  # inside a Dataview field
        name, after = _DATE_SYMBOLS[match.group(1)], match.end()
        value = text[after:after + 10]
        if _A_DATE.fullmatch(value) and not text[after + 10:after + 11].isdigit():
            day = _day(value)
            if day is None:
                bad(match.start(), value, f"{match.group(1)} 2026-11-27")
            else:
                result.dates.setdefault(name, day)
            cut(match.start(), after + 10)
        elif name in _ONLY_DATES or text[after:after + 1].isdigit():  # meant as a date, but not one:
            space = text.find(" ", after)  # reported, and left in the title (as Tasks leaves it)
            bad(match.start(), text[after:space if space >= 0 else len(text)], f"{match.group(1)} 2026-11-27")
    rest = "".join(chars).rstrip()
    block = _BLOCK_ID.fullmatch(rest[rest.rfind(" ") + 1:]) if " " in rest else None
    block_id = ""
    if block is not None:
        block_id = block.group()[1:]
        rest = rest[:rest.rfind(" ")].rstrip()
    rest, tags, task_id = _strip_end(rest)
    result.id = result.id or task_id or block_id
    result.text = " ".join((rest + " " + tags).split())
    return result


def _day(value: str) -> date | None:
    """The day ``YYYY-MM-DD`` names, when it is one a journal may name (``dates.in_range``)."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return day if in_range(day) else None


def _out_of_range(value: str) -> bool:
    """Whether ``value`` starts with a real day that a journal may not name (``0001-01-01``)."""
    try:
        return not in_range(date.fromisoformat(value[:10]))
    except ValueError:
        return False


def _dataview_fields(text: str) -> list[tuple[int, int, str, str]]:
    """``[key:: value]`` and ``(key:: value)`` anywhere in ``text``: start, end, key, value.

    Brackets are matched with one stack per kind (a value may hold links, ``[[...]]``); a field
    inside another is part of its value. One pass over the text and one over the pairs."""
    pairs: list[tuple[int, int]] = []
    stacks: dict[str, list[int]] = {"[": [], "(": []}
    for index, char in enumerate(text):
        if char in "[(":
            stacks[char].append(index)
        elif char in "])":
            stack = stacks["[" if char == "]" else "("]
            if stack:
                pairs.append((stack.pop(), index))
    pairs.sort()
    found = []
    taken = 0
    for start, end in pairs:
        if start < taken:
            continue
        colon = start + 1
        while colon < end and text[colon] not in "[]():":
            colon += 1
        key = text[start + 1:colon].strip()
        if key and text.startswith("::", colon) and colon + 2 <= end:
            after = end + 1
            while after < len(text) and text[after] == " ":
                after += 1
            close = after + 1 if text[after:after + 1] == "," else end + 1  # Tasks' workaround for a rendering issue
            found.append((start, close, key, text[colon + 2:end].strip()))
            taken = close
    return found


_RECURRENCE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789, !")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
_IDS_CHARS = _ID_CHARS | frozenset(" ,")
_NOT_TAG = frozenset(' !@#$%^&*(),.?":{}|<>')


def _strip_end(text: str) -> tuple[str, str, str]:
    """Tasks' fields at the end of ``text``, taken off in any order as Tasks does: the words left,
    the tags met between the fields (kept, in their order), and the ``🆔`` id."""
    tags: list[str] = []
    task_id = ""
    end = len(text)
    for _ in range(_RUNS):
        matched = False
        for kind in ("priority", "recurrence", "completion", "tag", "id", "depends"):
            while end and text[end - 1] in " \t":
                end -= 1
            start = _field_before(text, end, kind)
            if start is None:
                continue
            if kind == "tag":
                tags.insert(0, text[start:end].strip())
            elif kind == "id" and not task_id:
                task_id = text[start:end].lstrip("🆔" + _VS16 + " ")
            end, matched = start, True
        if not matched:
            break
    return text[:end], " ".join(tags), task_id


def _field_before(text: str, end: int, kind: str) -> int | None:
    """Where a field of ``kind`` that ends at ``end`` starts, or None (each check reads back from
    ``end`` over the characters its value may hold, once)."""
    if end == 0:
        return None
    if kind == "priority":
        at = end - 1 if text[end - 1] == _VS16 else end
        return at - 1 if at > 0 and text[at - 1] in _PRIORITIES else None
    if kind == "tag":
        start = end
        while start and text[start - 1] not in _NOT_TAG and not text[start - 1].isspace():
            start -= 1
        if start == end or start == 0 or text[start - 1] != "#":
            return None
        start -= 1
        return start if start == 0 or text[start - 1].isspace() else None
    symbol, allowed = {"recurrence": ("🔁", _RECURRENCE), "completion": ("🏁", _LETTERS),
                       "id": ("🆔", _ID_CHARS), "depends": ("⛔", _IDS_CHARS)}[kind]
    start = end
    while start and text[start - 1] in allowed:
        start -= 1
    value = text[start:end]
    while start and text[start - 1] == " ":
        start -= 1
    if start and text[start - 1] == _VS16:
        start -= 1
    if not start or text[start - 1] != symbol or not value.strip():
        return None
    value = value.strip()
    if (kind == "id" and not _ID.fullmatch(value)) or (kind == "depends" and not _IDS.fullmatch(value)):
        return None
    return start - 1
