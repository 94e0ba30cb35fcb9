"""Which unknown key is a typo of a known field: one rule, as a function (``check``) and as a
regular expression (the JSON Schema's ``propertyNames``), so that editors and ``check`` flag
the same keys.

A key is *read as* the field's name with ASCII letters in lower case and ``-`` or a space for
``_`` (``Went Well``, ``thank-you``). An unknown key is a near miss of a field when, read so, it

* is that field (``Tags``, ``recruiter-call``), or
* for a field of 4 letters or more, differs from it by one letter added, left out or swapped
  with its neighbour (``intervewers``, ``dates``, ``titel``), or
* for a field of 6 letters or more, by one letter replaced (``recruitor``).

Short fields are not matched by a replaced letter: ``data`` is not ``date``, ``mind`` not
``kind``, ``q`` only ``Q``. Keys that are fields are never near misses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ- ", "abcdefghijklmnopqrstuvwxyz__")
ADD_DROP_SWAP = 4
"""From this length on, a letter added, dropped or swapped is a near miss."""
REPLACE = 6
"""From this length on, a letter replaced is a near miss too."""


def read_as(key: str) -> str:
    return key.translate(_LOWER)


def near_miss(key: str, known: Iterable[str]) -> str | None:
    """The field ``key`` is a near miss of (the first of ``known`` in order), or None."""
    fields = list(known)
    if key in fields:
        return None
    read = read_as(key)
    for name in fields:
        if read == name or _one_edit(read, name):
            return name
    return None


def _one_edit(read: str, name: str) -> bool:
    size = len(name)
    if size < ADD_DROP_SWAP:
        return False
    if len(read) == size + 1:  # one added
        return any(read[:i] + read[i + 1:] == name for i in range(len(read)))
    if len(read) == size - 1:  # one dropped
        return any(name[:i] + name[i + 1:] == read for i in range(size))
    if len(read) != size:
        return False
    differ = [i for i in range(size) if read[i] != name[i]]
    if len(differ) == 2 and differ[1] == differ[0] + 1:  # neighbours swapped
        first, second = differ
        return read[first] == name[second] and read[second] == name[first]
    return len(differ) == 1 and size >= REPLACE


_ANY = "[\\s\\S]"
_END = "(?![\\s\\S])"
"""The end of the key: ``$`` would also match before a last line break in Python."""


def _char(char: str) -> str:
    """A character of a field's name as a key may write it."""
    if char.isascii() and char.isalpha():
        return f"[{char}{char.upper()}]"
    if char == "_":
        return "[_\\- ]"
    return re.escape(char)


def near_miss_pattern(known: Iterable[str]) -> str:
    """A regular expression (ECMA 262 and Python alike) that matches exactly the keys that
    ``near_miss`` finds for ``known``: for a schema's ``propertyNames`` to refuse."""
    fields = list(known)
    alternatives: list[str] = []
    for name in fields:
        chars = [_char(char) for char in name]
        size = len(chars)
        forms = {"".join(chars)}
        if size >= ADD_DROP_SWAP:
            forms.update("".join(chars[:i] + [_ANY] + chars[i:]) for i in range(size + 1))
            forms.update("".join(chars[:i] + chars[i + 1:]) for i in range(size))
            forms.update("".join(chars[:i] + [chars[i + 1], chars[i]] + chars[i + 2:]) for i in range(size - 1))
        if size >= REPLACE:
            forms.update("".join(chars[:i] + [_ANY] + chars[i + 1:]) for i in range(size))
        alternatives.extend(sorted(forms))
    exact = "|".join(re.escape(name) for name in fields)
    return f"^(?!(?:{exact}){_END})(?:{'|'.join(alternatives)}){_END}"
