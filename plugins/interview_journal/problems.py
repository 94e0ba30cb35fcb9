"""Problems found in journal files, and their one-line format.

Every problem a user sees reads ``path:line:col: field: expected ..., got ...`` and, when
we know how to fix it, ``(hint: ...)`` at the end of the same line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

Loc = tuple[str | int, ...]
"""Where a value sits in a file's YAML: ``("interviewers", 0, "thank_you")``."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, located at the key that holds it."""

    path: str
    line: int
    col: int
    field: str
    expected: str
    got: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.field}: expected {self.expected}, got {self.got}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text.translate(_CONTROLS)


_CONTROLS = {code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0))}
"""Control characters (a newline in a file name, an escape sequence in a value) written as
``\\x1b``: a problem line stays one line, and cannot drive the terminal it is printed in."""


def shorten(value: str, limit: int = 60) -> str:
    """A value as it can be quoted in a one-line message."""
    text = " ".join(value.split())
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return text


def dotted(loc: Loc) -> str:
    """``('interviewers', 0, 'thank_you')`` -> ``interviewers[0].thank_you``."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def describe(value: object) -> str:
    """A value as a problem line quotes what it got."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return repr(shorten(value)) if value.strip() else "an empty text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, date):  # a YAML date of mkdocs.yml
        return value.isoformat()
    return type(value).__name__


_EXPECTED = {
    "int_parsing": "a whole number",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "bool_parsing": "true or false",
    "bool_type": "true or false",
    "model_type": "a mapping of 'key: value' lines",
    "model_attributes_type": "a mapping of 'key: value' lines",
    "dict_type": "a mapping of 'key: value' lines",
    "list_type": "a list",
    "missing": "a value (this field is required)",
}


def explain(item: Any, raw: str | None) -> tuple[str, str, str]:
    """One of pydantic's errors -> what was expected, what was got, and a hint (maybe "").

    ``raw`` is the text the user wrote for a plain YAML value: ``14:00`` is quoted as written,
    not as the number 840 that YAML made of it.
    """
    kind = item["type"]
    ctx = item.get("ctx") or {}
    hint = ""
    if kind == "journal":  # our own validators' errors (model.fail)
        expected, hint = ctx["expected"], ctx.get("hint", "")
    elif kind == "literal_error":
        expected = "one of " + " | ".join(part.strip("' ") for part in ctx["expected"].replace(" or ", ", ").split(","))
    elif kind == "greater_than_equal":
        expected = f"a whole number of at least {ctx['ge']}"
    elif kind == "less_than_equal":
        expected = f"a whole number of at most {ctx['le']}"
    elif kind == "too_short" and ctx.get("min_length") == 1:
        expected = "at least one item"
    else:
        expected = _EXPECTED.get(kind, item["msg"].removeprefix("Input should be "))
    value = item.get("input")
    got = "nothing" if kind == "missing" else (raw if raw else describe(value))
    if raw is not None and isinstance(value, bool):
        hint = hint or "YAML reads yes/no/on/off as true/false: quote the value"
    elif raw and ":" in raw and isinstance(value, int):
        hint = "YAML reads 14:00 as a number: quote the value, like '2026-11-20 14:00'"
    return expected, got, hint
