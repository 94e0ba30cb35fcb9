"""Problems found in journal files, and their one-line format.

Every problem a user sees reads ``path:line:col: field: expected ..., got ...`` and, when
we know how to fix it, ``(hint: ...)`` at the end of the same line.
"""

from __future__ import annotations

from dataclasses import dataclass


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
        return text


def shorten(value: str, limit: int = 60) -> str:
    """A value as it can be quoted in a one-line message."""
    text = " ".join(value.split())
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return text
