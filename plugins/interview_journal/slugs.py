"""Slugs for URLs, and the identity of companies and people.

* A slug is lowercase ASCII words joined by ``-``; accents are folded
  (``Société Générale Tech`` -> ``societe-generale-tech``).
* A name with no ASCII letter or digit gets a short stable hash (``株式会社`` -> ``c-1f0a93b2``).
* Two names are **one company** when they are equal once case, accents, spaces and
  punctuation other than ``+ # & @`` are ignored: ``Acme Inc`` and ``ACME, Inc.`` are one
  company; ``C++ Labs`` and ``C Labs`` are two, and share the slug ``c-labs``: the name
  that sorts first keeps it, the other gets a suffix from a hash of its name. A slug that is
  another page's name (``index``: the list of companies) gets the suffix too.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE",
                       "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "TH",
                       "\u0131": "i"})  # the dotless i of Turkish


def fold(text: str) -> str:
    """Accents and ligatures folded to ASCII where there is an obvious equivalent."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def short_hash(text: str, length: int = 8) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def slugify(text: str) -> str:
    """``Société Générale`` -> ``societe-generale``; never empty, never a path."""
    words = re.findall(r"[a-z0-9]+", fold(text).lower())
    if words:
        return "-".join(words)[:80].strip("-")
    return "c-" + short_hash(unicodedata.normalize("NFC", text.strip()))


@lru_cache(maxsize=65536)  # the same few names come back on every file of a journal
def identity(name: str) -> str:
    """The key under which two spellings of one name are the same company or person."""
    folded = fold(unicodedata.normalize("NFKC", name)).casefold()
    return " ".join(re.findall(r"[\w+#&@]+", folded))


def assign_slugs(names: Iterable[str], taken: Iterable[str] = ()) -> dict[str, str]:
    """identity -> slug for every distinct name, unique and stable whatever the order. A slug
    in ``taken`` (another page's name) goes to no name: each gets the suffix."""
    by_slug: dict[str, list[str]] = {}
    for key in sorted({identity(name) or name for name in names}):
        by_slug.setdefault(slugify(key), []).append(key)
    taken = set(taken)
    result: dict[str, str] = {}
    for slug, keys in by_slug.items():
        first = 0 if slug in taken else 1
        result.update((key, slug) for key in keys[:first])
        for key in keys[first:]:
            result[key] = f"{slug}-{short_hash(key, 6)}"
    return result
