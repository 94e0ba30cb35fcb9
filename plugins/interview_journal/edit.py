"""``interview-journal done``: record a follow-up in its journal file, changing nothing else.

The file is edited as text, at the positions of its YAML nodes: a key is added on a line of its
own, at the indentation of the mapping it joins, with the file's own line ending; a task line
gets ``[x]`` and `` ✅ DATE``. Every other byte stays: comments, key order, quoting, flow style,
blank lines, CRLF, a byte order mark. Two edits change a line instead of adding one, because the
value has nowhere else to go: a person or a take-back answer written as one line of text
(``- Priya Shah`` becomes ``- name: Priya Shah`` with the new key below it), and a flow list item
(``[Priya Shah]`` becomes ``[{name: Priya Shah, thank_you: 2026-11-26}]``).

``plan`` computes the new bytes and checks them (the file must have had no problem, must have
none after, and the item must no longer be outstanding); ``write`` replaces the file atomically
(a temporary file in the same folder, then a rename), and only if it did not change meanwhile.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, tzinfo
from pathlib import Path
from typing import Any

import yaml

from .frontmatter import Debrief
from .load import load_file
from .options import Due
from .rules import FollowUp, person_keys, round_items, task_keys

NEEDS_VALUE = {"prep-background": "background", "prep-format": "format"}
"""Kinds recorded with what you learned (``--value``), not with a date."""


class EditError(Exception):
    """Why an item cannot be recorded in its file; the message is a sentence for the user."""


@dataclass(frozen=True)
class Edit:
    """The planned change of one file."""

    path: Path
    before: bytes
    after: bytes

    def diff(self, display: str) -> str:
        """The change as a unified diff (``--dry-run``)."""
        old = _decode(self.before)[1].splitlines(keepends=True)
        new = _decode(self.after)[1].splitlines(keepends=True)
        return "".join(difflib.unified_diff(old, new, f"a/{display}", f"b/{display}"))


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_SEPARATORS = ("\x85", "\u2028", "\u2029")  # YAML counts them as line breaks; these edits do not


@dataclass
class _File:
    """A journal file's text as lines that keep their own endings, and its front matter's nodes."""

    bom: bool
    lines: list[str]
    eol: str
    root: yaml.MappingNode
    """Marks count lines from the line after the opening ``---`` (file line ``mark.line + 1``)."""
    closing: int
    """Index in ``lines`` of the closing ``---``."""

    @classmethod
    def read(cls, data: bytes) -> _File:
        bom, text = _decode(data)
        lines = [line for line in _LINE.findall(text) if line]
        if not lines or lines[0].rstrip("\r\n").rstrip(" \t") != "---":
            raise EditError("it does not start with a front matter")
        closing = next((n for n, line in enumerate(lines[1:], 1)
                        if line.rstrip("\r\n").rstrip(" \t") in ("---", "...")), None)
        if closing is None:
            raise EditError("its front matter is not closed")
        front = "".join(line.rstrip("\r\n") + "\n" for line in lines[1:closing])
        if any(separator in front for separator in _SEPARATORS):
            raise EditError("its front matter holds a Unicode line separator: edit it by hand")
        root = yaml.compose(front, Loader=yaml.SafeLoader)
        if not isinstance(root, yaml.MappingNode):
            raise EditError("its front matter is not a mapping of fields")
        eol = next((line[len(line.rstrip("\r\n")):] for line in lines if line.endswith(("\n", "\r"))), "\n")
        return cls(bom, lines, eol, root, closing)

    def data(self) -> bytes:
        return (b"\xef\xbb\xbf" if self.bom else b"") + "".join(self.lines).encode("utf-8")

    # --- navigation ---------------------------------------------------------------------

    def child(self, mapping: yaml.Node, key: str) -> tuple[yaml.Node, yaml.Node] | None:
        if not isinstance(mapping, yaml.MappingNode):
            return None
        return next(((k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)

    def line_of(self, mark: Any) -> int:
        """Index in ``lines`` of a mark of the front matter."""
        return mark.line + 1

    # --- edits --------------------------------------------------------------------------

    def set_key(self, mapping: yaml.Node, key: str, value: str) -> None:
        """``key: value`` in ``mapping``: the empty value of an existing key filled, else a new key."""
        found = self.child(mapping, key)
        if found is not None:
            self._fill(found[0], found[1], value)
        elif isinstance(mapping, yaml.MappingNode) and mapping.flow_style:
            self._flow_add(mapping, f"{key}: {value}")
        elif isinstance(mapping, yaml.MappingNode):
            self._block_add(mapping, f"{key}: {value}")
        else:
            raise EditError(f"'{key}' has no mapping to go in")

    def _fill(self, key: yaml.Node, node: yaml.Node, value: str) -> None:
        if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
            raise EditError(f"'{key.value}' already has a value")
        at = self.line_of(key.end_mark)
        line = self.lines[at]
        body, ending = line.rstrip("\r\n"), line[len(line.rstrip("\r\n")):]
        colon = body.index(":", key.end_mark.column)
        rest = body[colon + 1:]
        comment = rest[rest.index("#"):] if "#" in rest else ""
        self.lines[at] = body[:colon + 1] + " " + value + (" " + comment if comment else "") + ending

    def _block_add(self, mapping: yaml.MappingNode, text: str) -> None:
        first_key = mapping.value[0][0]
        indent = " " * first_key.start_mark.column
        last = mapping.value[-1][1]
        self._insert_after(last, indent + text)

    def _insert_after(self, node: yaml.Node, text: str) -> None:
        end = node.end_mark
        at = self.line_of(end) if end.column == 0 else self.line_of(end) + 1  # the line after the value
        at = min(at, self.closing)
        self.lines.insert(at, text + self.eol)
        self.closing += 1

    def _flow_add(self, mapping: yaml.MappingNode, text: str) -> None:
        at = self.line_of(mapping.end_mark)
        line = self.lines[at]
        close = mapping.end_mark.column - 1  # the closing brace
        if line[close:close + 1] != "}":
            raise EditError("a flow mapping spread over lines: edit it by hand")
        separator = ", " if mapping.value else ""
        self.lines[at] = line[:close] + separator + text + line[close:]

    def as_mapping(self, node: yaml.Node, name_key: str, text: str) -> None:
        """A one-line person or answer (``- Priya Shah``) written as a mapping with ``text`` added."""
        if not isinstance(node, yaml.ScalarNode) or node.start_mark.line != node.end_mark.line:
            raise EditError("a value spread over lines: edit it by hand")
        at = self.line_of(node.start_mark)
        line = self.lines[at]
        start, end = node.start_mark.column, node.end_mark.column
        written = line[start:end]
        before = line[:start].rstrip()
        if before.endswith(("[", ",")):  # an item of a flow list: a flow mapping in its place
            self.lines[at] = line[:start] + "{" + f"{name_key}: {written}, {text}" + "}" + line[end:]
            return
        self.lines[at] = line[:start] + f"{name_key}: {written}" + line[end:]
        self.lines.insert(at + 1, " " * start + text + self.eol)
        self.closing += 1

    def add_block(self, key: str, inner: str) -> None:
        """A new top-level ``key:`` with one indented ``inner`` line, after the last field."""
        last = self.root.value[-1][1]
        self._insert_after(last, f"{key}:{self.eol}  {inner}")


def _decode(data: bytes) -> tuple[bool, str]:
    bom = data.startswith(b"\xef\xbb\xbf")
    return bom, data[3 if bom else 0:].decode("utf-8")


def scalar(text: str) -> str:
    """A value as YAML text, quoted only when YAML would read it as something else."""
    dumped = yaml.safe_dump(text, allow_unicode=True, default_flow_style=True, width=10**6).strip()
    return dumped.removesuffix("\n...").removesuffix("...").strip()


def plan(item: FollowUp, path: Path, day: date, value: str | None = None, before: bytes | None = None) -> Edit:
    """The edit that records ``item`` as done on ``day`` (or with ``value``) in its file at ``path``
    (holding ``before``, when it was read already)."""
    before = path.read_bytes() if before is None else before
    found = _File.read(before)
    kind, debrief = item.kind, item.round.debrief
    if kind in NEEDS_VALUE and not value:
        field = NEEDS_VALUE[kind]
        raise EditError(f"{kind} is recorded with what you learned: pass --value TEXT (it becomes '{field}:')")
    stamp = day.isoformat()
    if kind == "task":
        _tick(found, item, stamp)
    elif kind in ("recruiter-call", "recruiter-thank-you"):
        found.set_key(found.root, kind.replace("-", "_"), stamp)
    elif kind == "prep-format":
        found.set_key(found.root, "format", scalar(str(value).strip().lower()))
    elif kind in ("feedback", "check-in"):
        _received(found, stamp)
    elif kind in ("thank-you", "prep-background"):
        key, text = ("thank_you", stamp) if kind == "thank-you" else ("background", scalar(str(value).strip()))
        _in_item(found, "interviewers", _person_index(item, debrief), "name", key, text)
    elif kind == "take-back":
        _in_item(found, "take_back", int(item.id.rsplit(":", 1)[1]) - 1, "answer", "clarified", stamp)
    elif kind == "offer-reply":
        offer = found.child(found.root, "offer")
        if offer is None:
            raise EditError("the file has no offer: mapping")
        found.set_key(offer[1], "replied", stamp)
    else:
        raise EditError(f"{kind} cannot be recorded from the command line")
    return Edit(path, before, found.data())


def _tick(found: _File, item: FollowUp, stamp: str) -> None:
    line_number = _task_line(item)
    at = line_number - 1
    if not 0 <= at < len(found.lines):
        raise EditError("the task's line is gone")
    line = found.lines[at]
    body, ending = line.rstrip("\r\n"), line[len(line.rstrip("\r\n")):]
    match = re.match(r"^(\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+\[)(.)(\])", body)
    if match is None:
        raise EditError(f"line {line_number} is not the task line any more")
    text = body[match.end():].rstrip()
    block = re.search(r"\s\^[A-Za-z0-9-]+$", text)  # a block id stays last, as Obsidian keeps it
    tail = text[block.start():] if block else ""
    text = text[:block.start()] if block else text
    found.lines[at] = match.group(1) + "x" + match.group(3) + text + f" \u2705 {stamp}" + tail + ending


def _task_line(item: FollowUp) -> int:
    key = item.id.split("#task:", 1)[1]
    for task, task_key in zip(item.round.entry.tasks, task_keys(item.round.entry.tasks), strict=True):
        if task_key == key:
            return task.line
    raise EditError("the task is not in the file any more")


def _received(found: _File, stamp: str) -> None:
    feedback = found.child(found.root, "feedback")
    if feedback is None:
        found.add_block("feedback", f"received: {stamp}")
    elif isinstance(feedback[1], yaml.ScalarNode) and feedback[1].tag.endswith(":null"):
        key = feedback[0]
        at = found.line_of(key.start_mark)
        line = found.lines[at]
        body, ending = line.rstrip("\r\n"), line[len(line.rstrip("\r\n")):]
        indent = " " * (key.start_mark.column + 2)
        found.lines[at] = body + ending
        found.lines.insert(at + 1, f"{indent}received: {stamp}{found.eol}")
        found.closing += 1
    else:
        found.set_key(feedback[1], "received", stamp)


def _in_item(found: _File, list_key: str, index: int, name_key: str, key: str, text: str) -> None:
    listed = found.child(found.root, list_key)
    if listed is None or not isinstance(listed[1], yaml.SequenceNode) or index >= len(listed[1].value):
        raise EditError(f"{list_key}[{index}] is not in the file any more")
    node = listed[1].value[index]
    if isinstance(node, yaml.MappingNode):
        found.set_key(node, key, text)
    else:
        found.as_mapping(node, name_key, f"{key}: {text}")


def _person_index(item: FollowUp, debrief: Debrief) -> int:
    key = item.id.split(":", 1)[1] if ":" in item.id.split("#", 1)[1] else ""
    for index, person_key in enumerate(person_keys(debrief)):
        if person_key == key:
            return index
    raise EditError("that interviewer is not in the file any more")


def check(edit: Edit, item: FollowUp, zone: tzinfo, offsets: Due) -> None:
    """Refuse an edit after which the file has a problem or the item is still outstanding."""
    entry = load_file(edit.path, item.round.entry.rel, zone, edit.after).result
    if isinstance(entry, list) or entry.problems:
        problems = entry if isinstance(entry, list) else entry.problems
        raise EditError("the edit would give the file a problem, so nothing was written: "
                        + "; ".join(str(problem) for problem in problems[:3]))
    after = replace(item.round, entry=entry)
    still = [found for found in round_items(after, offsets) if found.id == item.id and found.outstanding]
    if still:
        raise EditError("the edit would not record the item, so nothing was written: please report this")


def handles(items: Iterable[FollowUp], minimum: int = 4) -> dict[str, str]:
    """A short handle for each item (its id -> the shortest prefix, at least ``minimum`` long, of a
    hash of its id that no other of ``items`` shares): what ``todo`` and the site print for ``done``.

    In sorted order a digest shares its longest prefix with a neighbour, so one pass over the
    sorted digests finds each length (n log n, not a comparison of every pair).
    """
    ordered = sorted((digest(item.id), item.id) for item in items)
    result: dict[str, str] = {}
    for index, (hashed, item_id) in enumerate(ordered):
        shared = max((_common(hashed, ordered[other][0]) for other in (index - 1, index + 1)
                      if 0 <= other < len(ordered)), default=0)
        result[item_id] = hashed[:max(minimum, shared + 1)]
    return result


def digest(item_id: str) -> str:
    """The hash of an item's id that its handle is a prefix of."""
    return hashlib.sha1(item_id.encode("utf-8")).hexdigest()


def _common(a: str, b: str) -> int:
    length = 0
    while length < len(a) and length < len(b) and a[length] == b[length]:
        length += 1
    return length


def write(edit: Edit) -> None:
    """Replace the file with the edit's bytes, atomically, if it still holds what was read."""
    if edit.path.read_bytes() != edit.before:
        raise EditError("it changed since it was read: run the command again")
    mode = edit.path.stat().st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(dir=edit.path.parent, prefix=f".{edit.path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(edit.after)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, edit.path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
