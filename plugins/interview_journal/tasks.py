"""Task lines in a debrief's body, as Obsidian Tasks and Dataview write them.

``- [ ] send the portfolio link 📅 2026-11-27`` and ``- [ ] read the blog [due:: 2026-11-26]``
are outstanding with a due date; ``- [x]`` is done (``✅ 2026-11-21`` or
``[completion:: 2026-11-21]`` says when) and ``- [-]`` is cancelled. Lines inside fenced
code blocks are not tasks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import RANGE_HINT, in_range
from .problems import Problem, shorten

_TASK = re.compile(r"^\s{0,12}(?:[-*+]|\d+[.)])\s+\[(?P<mark>[ xX-])\]\s+(?P<text>.*\S)\s*$")
# A field's value is at most 100 characters ({0,100}): unbounded, a line of many "(due:: " without
# a closing bracket took time quadratic in its length (each one scanned to the end of the line).
_DUE = re.compile(r"(?:📅|🗓️?)\s*(?P<a>\S+)|[\[(]due::\s*(?P<b>[^\])]{0,100})[\])]")
_DONE = re.compile(r"✅\s*(?P<a>\S+)|[\[(]completion::\s*(?P<b>[^\])]{0,100})[\])]")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


@dataclass(frozen=True, slots=True)
class Task:
    text: str
    """The line's words, without its date markers."""
    line: int
    """Line in the file."""
    state: str
    """``open``, ``done`` or ``cancelled``."""
    due: date | None = None
    done_on: date | None = None


def parse_tasks(body: str, first_line: int, display: str) -> tuple[list[Task], list[Problem]]:
    tasks: list[Task] = []
    problems: list[Problem] = []
    fence: str | None = None
    for offset, line in enumerate(body.split("\n")):
        fenced = _FENCE.match(line)
        if fenced:
            marker = fenced.group(1)
            if fence is None:
                fence = marker[0] * len(marker)
            elif marker.startswith(fence):
                fence = None
            continue
        if fence is not None:
            continue
        match = _TASK.match(line)
        if not match:
            continue
        number = first_line + offset
        text = match["text"]
        due, due_problem = _marker_date(_DUE, text, display, number, line)
        done_on, done_problem = _marker_date(_DONE, text, display, number, line)
        problems.extend(p for p in (due_problem, done_problem) if p)
        words = " ".join(_DONE.sub("", _DUE.sub("", text)).split()) or text
        mark = match["mark"]
        state = "open" if mark == " " else ("cancelled" if mark == "-" else "done")
        tasks.append(Task(text=words, line=number, state=state, due=due, done_on=done_on))
    return tasks, problems


def _marker_date(pattern: re.Pattern[str], text: str, display: str, number: int,
                 line: str) -> tuple[date | None, Problem | None]:
    match = pattern.search(text)
    if not match:
        return None, None
    value = (match["a"] or match["b"] or "").strip()
    hint = "write the date like 📅 2026-11-27 or [due:: 2026-11-27]"
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(value)
        day = date.fromisoformat(value)
        if in_range(day):
            return day, None
        hint = RANGE_HINT
    except ValueError:
        pass
    col = line.find(match.group(0)) + 1
    got = repr(shorten(value or "nothing"))
    return None, Problem(display, number, max(col, 1), "task", "a date YYYY-MM-DD", got, hint)
