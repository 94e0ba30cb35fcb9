"""Reading one journal file: bytes -> front matter data, the positions of its keys, and the body.

The front matter is split with a python-frontmatter handler and parsed with a strict YAML
reader of our own that

* keeps the line and column of every key (so a problem points at the key in the file),
* refuses aliases, duplicate keys and non-standard tags (``!!python/...``, ``!!binary``),
* keeps timestamps as the text the user wrote (we parse dates ourselves, with clear errors),
* remembers the source text of every scalar (``14:00`` is reported as ``14:00``, not 840).

Line endings (CRLF, CR), a UTF-8 byte order mark and trailing spaces after ``---`` are
accepted. A front matter that is opened but never closed is a problem: the file is never
published as body text.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from .problems import Loc, Problem, dotted, shorten

MAX_BYTES = 1024 * 1024
"""Largest journal file we read; a debrief is a few kilobytes."""

try:  # libyaml scans and parses much faster; the construction below is ours either way
    _Base: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Base = yaml.SafeLoader

_TAG = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP, _MERGE = _TAG + "str", _TAG + "seq", _TAG + "map", _TAG + "merge"
_NULL, _BOOL, _INT, _TIMESTAMP = _TAG + "null", _TAG + "bool", _TAG + "int", _TAG + "timestamp"


class _Loader(_Base):
    """The safe loader, with the tag of each node resolved by a shorter path.

    Even libyaml calls back into Python for every node to pick its tag; PyYAML's resolver also
    handles path resolvers and resolvers for any first character, which the safe loader never
    has. Skipping them takes a sixth off composing a front matter. The tags are the same: the
    implicit resolvers of the safe loader for a plain scalar, else ``str``, ``seq`` or ``map``.
    """

    _implicit = _Base.yaml_implicit_resolvers  # type: ignore[attr-defined]  # a class attribute of every loader

    def descend_resolver(self, parent: Any, index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self._implicit.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


_ALIAS = re.compile(r"(?<![\w&*])\*[^\s,\[\]{}]+")
_SCALAR_TAGS = {_TAG + name for name in ("str", "null", "bool", "int", "float", "timestamp")}


@dataclass
class RawFile:
    """What one file holds, before validation."""

    path: Path
    display: str
    data: dict[str, Any] | None = None
    body: str = ""
    body_line: int = 1
    node: Any = None
    """The front matter's YAML nodes, kept while the file is validated: where a key is written
    is looked up in them only when a problem needs it (most files have none)."""
    raw: dict[Loc, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    refused: set[Loc] = field(default_factory=set)
    """Keys whose value was refused while reading (already reported)."""
    aliased: set[Loc] = field(default_factory=set)
    """Top-level keys whose aliases are already reported."""
    aliases: set[Loc] = field(default_factory=set)
    """Where an alias was met: its node is the anchor's, elsewhere in the file."""
    front_matter: str = ""
    modified: float = 0.0
    """The file's last change (its modification time, seconds since 1970): the calendar's stamps."""

    def where(self, loc: Loc) -> tuple[int, int]:
        """Line and column of the innermost key on ``loc`` that was read: a key of a mapping, the
        start of a list item (an alias item: its list). Nothing below a refused value or an alias."""
        node, at = self.node, (1, 1)
        for end, part in enumerate(loc, 1):
            alias = loc[:end] in self.aliases
            if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
                pair = next((pair for pair in node.value if _is_key(pair[0]) and pair[0].value == part), None)
                if pair is None:
                    break
                at, node = _position(pair[0]), pair[1]
            elif isinstance(node, yaml.SequenceNode) and node.tag == _SEQ and isinstance(part, int) \
                    and 0 <= part < len(node.value):
                node = node.value[part]
                if not alias:  # an alias item's node marks the anchor, not the alias: keep the list's
                    at = _position(node)
            else:
                break
            if alias:
                break
        return at

    def problem(self, loc: Loc, expected: str, got: str, hint: str = "") -> Problem:
        line, col = self.where(loc)
        return Problem(self.display, line, col, dotted(loc) or "front matter", expected, got, hint)

    def kept(self) -> SourceFile:
        """What the journal keeps of this file once its front matter is validated."""
        path = str(self.path)
        return SourceFile(self.display, self.display if path == self.display else path, self.body.encode("utf-8"),
                          self.modified)


@dataclass(frozen=True, slots=True, eq=False)
class SourceFile:
    """A validated file as the journal keeps it: where it is, and its body.

    The front matter's values live in the model; the positions of its keys are not kept (they
    were a tenth of a large journal's memory), but for a company note's ``company`` key, which a
    problem found after loading (a second note for one company) points at. The body is kept as UTF-8:
    one emoji (a 📅 due date) would otherwise make Python store every character in 4 bytes.
    """

    display: str
    _path: str
    _body: bytes
    modified: float = 0.0
    """The file's modification time when it was read (seconds since 1970)."""

    @property
    def path(self) -> Path:
        return Path(self._path)

    @property
    def body(self) -> str:
        return self._body.decode("utf-8")


def _is_key(node: Any) -> bool:
    """A key we read: plain text, not a list or mapping, not a merge (``<<``)."""
    return isinstance(node, yaml.ScalarNode) and node.tag != _MERGE


def _position(node: Any) -> tuple[int, int]:
    """The file's line and column of a node of the front matter (which starts on line 2)."""
    return (node.start_mark.line + 2, node.start_mark.column + 1)


@dataclass(frozen=True)
class _Mark:
    line: int
    column: int


_TAG_HINT = "remove the tag: journal files hold plain text, numbers, dates, lists and fields"

_SKIP = object()
"""A value we refused (alias, tag, duplicate key): reported, and left out of the data."""


def _refuse(src: RawFile, loc: Loc, mark: Any, expected: str, got: str, hint: str) -> object:
    src.refused.add(loc)
    src.problems.append(
        Problem(src.display, mark.line + 2, mark.column + 1, dotted(loc) or "front matter", expected, got, hint)
    )
    return _SKIP


class JournalYAMLHandler(frontmatter.YAMLHandler):
    """python-frontmatter's YAML handler, made strict and line-preserving.

    The boundary is exactly ``---`` (closing ``...`` is accepted, as MkDocs does), so the
    front matter text keeps its lines and a key's line in the block maps to the file.
    """

    FM_BOUNDARY = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)

    def detect(self, text: str) -> bool:
        return re.match(r"---[ \t]*(\n|$)", text) is not None

    def split(self, text: str) -> tuple[str, str]:
        opening = re.match(r"---[ \t]*\n?", text)
        assert opening is not None
        closing = self.FM_BOUNDARY.search(text, opening.end())
        if closing is None:
            raise ValueError("unclosed")
        body = text[closing.end() :]
        return text[opening.end() : closing.start()], body[1:] if body.startswith("\n") else body

    def load(self, fm: str, **kwargs: object) -> Any:
        return compose(fm)


def compose(text: str) -> Any:
    """YAML text -> a node tree (libyaml), or None for an empty document."""
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def read_source(path: Path, display: str) -> RawFile:
    """Read one file. Problems are collected on the result, never raised."""
    src = RawFile(path=path, display=display)
    try:
        status = path.stat()
        size, src.modified = status.st_size, status.st_mtime
        if size > MAX_BYTES:
            src.problems.append(
                Problem(display, 1, 1, "file", "at most 1 MiB", f"{size / 1048576:.1f} MiB",
                        "split the notes into several files or move attachments out of the journal")
            )
            return src
        data = path.read_bytes()
    except OSError as error:
        src.problems.append(Problem(display, 1, 1, "file", "a readable file", error.strerror or str(error)))
        return src
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        line_start = before.rfind(b"\n") + 1
        col = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        src.problems.append(
            Problem(display, before.count(b"\n") + 1, col, "file", "UTF-8 text", f"the byte 0x{data[error.start]:02x}",
                    "save the file as UTF-8 in your editor")
        )
        return src
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parse_text(src, text)
    return src


def parse_text(src: RawFile, text: str) -> None:
    handler = JournalYAMLHandler()
    if not handler.detect(text):
        first = text.split("\n", 1)[0]
        other = _other_front_matter(first)
        if other is not None:
            src.problems.append(Problem(src.display, 1, 1, "front matter", "YAML front matter between '---' lines",
                                        other, "only YAML front matter is read: write the fields as 'key: value' "
                                        "lines between a first line --- and a closing ---"))
            return
        src.problems.append(
            Problem(src.display, 1, 1, "front matter", "a first line '---' opening the front matter",
                    repr(shorten(first)) if first.strip() else "an empty line",
                    "start the file with --- and the fields company, role and date")
        )
        return
    try:
        fm, body = handler.split(text)
    except ValueError:
        src.problems.append(
            Problem(src.display, 1, 1, "front matter", "a closing '---' line", "none until the end of the file",
                    "add a line with --- after the last field")
        )
        return
    src.body = body
    src.body_line = fm.count("\n") + 3
    try:
        node = handler.load(fm)
    except yaml.YAMLError as error:
        src.problems.append(_syntax_problem(src, error, fm))
        return
    if node is None:
        src.problems.append(
            Problem(src.display, 2, 1, "front matter", "fields like 'company: ...'", "an empty front matter",
                    "add company, role and date")
        )
        return
    if not isinstance(node, yaml.MappingNode):
        kind = "a list" if isinstance(node, yaml.SequenceNode) else f"the value {shorten(str(node.value))!r}"
        src.problems.append(
            Problem(src.display, node.start_mark.line + 2, node.start_mark.column + 1, "front matter",
                    "fields written as 'key: value' lines", kind, "write one field per line, like 'company: Acme'")
        )
        return
    src.front_matter = fm  # for the names of refused aliases, while constructing only
    src.node = node
    src.data = _construct(src, node, (), set())
    src.front_matter = ""


def _other_front_matter(first: str) -> str | None:
    """What another front-matter format's first line says it is (Hugo, Zola, Jekyll and Front
    Matter CMS write these), or None."""
    line = first.strip()
    if line == "+++":
        return "TOML front matter ('+++')"
    if line == ";;;":
        return "JSON front matter (';;;')"
    if line.startswith("{"):
        return "a JSON object"
    return None


_YAMLISH = re.compile(r"^(?:[\w][\w -]*:(?:\s|$)|- |\s|#|$)")
_TASK = re.compile(r"^\s*[-*+] \[[ xX-]\]")


def _syntax_problem(src: RawFile, error: yaml.YAMLError, fm: str) -> Problem:
    lines = fm.split("\n")
    for index, line in enumerate(lines):
        if _TASK.match(line) or not _YAMLISH.match(line):
            start = index
            while start > 0 and lines[start - 1].startswith("#"):  # a Markdown heading reads as a comment
                start -= 1
            if start > 0 and not lines[start - 1].strip():
                number = start + 2
                return Problem(src.display, 1, 1, "front matter", "a closing '---' line after the fields",
                               f"Markdown text on line {number}",
                               f"add a line with --- before line {number}, where the fields end")
            break
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    number = mark.line + 2 if mark is not None else 2
    col = mark.column + 1 if mark is not None else 1
    reason = getattr(error, "problem", None) or str(error).split("\n")[0]
    hint = "check the indentation, and quote values that contain ': ' or start with a special character"
    if re.search(r"^ *\t", fm, re.MULTILINE):
        hint = "indent with spaces, not tabs"
        at = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
        if mark is not None and at[mark.column:mark.column + 1] == "\t":
            reason = "a tab"
    return Problem(src.display, number, col, "front matter", "valid YAML", shorten(str(reason)), hint)


def _tag_text(tag: str) -> str:
    """``tag:yaml.org,2002:binary`` -> ``the tag !!binary``."""
    return f"the tag {tag.replace(_TAG, '!!')}"


def _construct(src: RawFile, node: Any, loc: Loc, seen: set[int]) -> Any:
    if id(node) in seen:
        src.aliases.add(loc)
        if loc[:1] in src.aliased:  # one line per field, however many aliases it holds (alias bombs)
            src.refused.add(loc)
            return _SKIP
        src.aliased.add(loc[:1])
        line, col = src.where(loc)
        names = _ALIAS.findall(src.front_matter.split("\n")[line - 2]) if src.front_matter else []
        got = f"an alias ({', '.join(dict.fromkeys(names))})" if names else "an alias"
        return _refuse(src, loc, _Mark(line - 2, col - 1), "a plain value", got,
                       "aliases and anchors are not supported: write the value out")
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        return _scalar(src, node, loc)
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ:
            return _refuse(src, loc, node.start_mark, "a plain value", _tag_text(node.tag), _TAG_HINT)
        items = []
        for index, item in enumerate(node.value):
            value = _construct(src, item, (*loc, index), seen)
            if value is not _SKIP:
                items.append(value)
        return items
    if node.tag != _MAP:
        return _refuse(src, loc, node.start_mark, "a plain value", _tag_text(node.tag), _TAG_HINT)
    mapping: dict[str, Any] = {}
    first_lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not _is_key(key_node):
            _refuse(src, loc, key_node.start_mark, "a plain key", "a complex or merge key",
                    "write keys as plain words followed by ':'")
            continue
        key = str(key_node.value)
        key_loc = (*loc, key)
        if key in first_lines:
            _refuse(src, key_loc, key_node.start_mark, "each key once",
                    f"'{key}' again (first on line {first_lines[key]})", "remove one of the two lines")
            continue
        first_lines[key] = key_node.start_mark.line + 2
        value = _construct(src, value_node, key_loc, seen)
        if value is not _SKIP:
            mapping[key] = value
    return mapping


def _scalar(src: RawFile, node: Any, loc: Loc) -> Any:
    tag, text = node.tag, node.value
    if tag not in _SCALAR_TAGS:
        return _refuse(src, loc, node.start_mark, "a plain value", _tag_text(tag), _TAG_HINT)
    if not node.style:  # plain (unquoted): remember what the user typed
        src.raw[loc] = text
    if tag == _STR or tag == _TIMESTAMP:
        return sys.intern(text) if len(text) <= _SHARED_TEXT else text
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return text.lower() in ("true", "yes", "on", "y")
    if tag == _INT:
        return yaml.SafeLoader.construct_yaml_int(_CONSTRUCTOR, node)
    return yaml.SafeLoader.construct_yaml_float(_CONSTRUCTOR, node)


_CONSTRUCTOR = yaml.SafeLoader("")

_SHARED_TEXT = 48
"""Values up to this length (names, titles, companies, tags, themes, dates) are interned: the
same text in many files is then one string in memory. Longer ones are sentences, rarely repeated."""
