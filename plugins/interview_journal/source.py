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

Hostile or unlucky input is answered with problem lines, in time linear in the file's size:
only regular files are read (a FIFO, a device, a socket is a problem, never opened for a
blocking read), at most ``MAX_BYTES`` of them whatever ``stat`` said; values nested deeper
than ``MAX_DEPTH`` are refused, and a front matter nested deeper than ``MAX_COMPOSED_DEPTH`` is
never handed to libyaml's composer (it recurses in C); numbers longer than 40 characters are
refused; a problem finds its key through an index of the mapping, not a scan.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import frontmatter
import yaml

from .problems import Loc, Problem, dotted, shorten

MAX_BYTES = 1024 * 1024
"""Largest journal file we read; a debrief is a few kilobytes."""

MAX_DEPTH = 20
"""Deepest nesting of a front-matter value we read: ``interviewers[0].name`` is 3 levels; a
value deeper than this (a list in a list ... 20 times) is refused with a problem line."""

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
    deep: set[Loc] = field(default_factory=set)
    """Top-level keys whose values nested too deep are already reported."""
    aliases: set[Loc] = field(default_factory=set)
    """Where an alias was met: its node is the anchor's, elsewhere in the file."""
    front_matter: str = ""
    _keys: dict[int, dict[Any, tuple[Any, Any]]] = field(default_factory=dict, repr=False)
    """Each mapping node's first pair per key, made when a problem first looks in that mapping:
    a file with thousands of wrong keys is then still read in linear time."""
    _lines: list[str] | None = field(default=None, repr=False)
    modified: float = 0.0
    """The file's last change (its modification time, seconds since 1970): the calendar's stamps."""

    def where(self, loc: Loc) -> tuple[int, int]:
        """Line and column of the innermost key on ``loc`` that was read: a key of a mapping, the
        start of a list item (an alias item: its list). Nothing below a refused value or an alias."""
        node, at = self.node, (1, 1)
        for end, part in enumerate(loc, 1):
            alias = loc[:end] in self.aliases
            if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
                pair = self._pairs(node).get(part)
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

    def _pairs(self, node: Any) -> dict[Any, tuple[Any, Any]]:
        found = self._keys.get(id(node))
        if found is None:
            found = self._keys[id(node)] = {}
            for pair in node.value:
                if _is_key(pair[0]):
                    found.setdefault(pair[0].value, pair)
        return found

    def front_matter_line(self, line: int) -> str:
        """The text of one line of the file, inside the front matter (while it is constructed)."""
        if self._lines is None:
            self._lines = self.front_matter.split("\n")
        index = line - 2
        return self._lines[index] if 0 <= index < len(self._lines) else ""

    def problem(self, loc: Loc, expected: str, got: str, hint: str = "") -> Problem:
        line, col = self.where(loc)
        return Problem(self.display, line, col, dotted(loc) or "front matter", expected, got, hint)

    def kept(self) -> SourceFile:
        """What the journal keeps of this file once its front matter is validated."""
        path = str(self.path)
        return SourceFile(self.display, self.display if path == self.display else path, self.body.encode("utf-8"),
                          self.modified, self.body_line)


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
    body_line: int = 1
    """The file's line the body starts on (task lines are file lines)."""

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
    found = read_contents(path, display)
    if isinstance(found, Problem):
        return RawFile(path=path, display=display, problems=[found])
    return parse_source(found.data, path, display, found.modified)


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


def _not_regular(mode: int, display: str) -> Problem | None:
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    return Problem(display, 1, 1, "file", "a regular file", kind,
                   "keep only Markdown files in the journal (a link may point at one, never at a device)")


class Contents(NamedTuple):
    """One file as read: its bytes, and its last change (seconds since 1970, the calendar's stamps)."""

    data: bytes
    modified: float


def read_bytes(path: Path, display: str) -> bytes | Problem:
    """The bytes of one journal file (``read_contents``), or the problem that keeps them from being read."""
    found = read_contents(path, display)
    return found if isinstance(found, Problem) else found.data


def read_contents(path: Path, display: str) -> Contents | Problem:
    """The bytes of one journal file and its modification time, or the problem that keeps them
    from being read.

    Only a regular file is opened (a link is followed to what it points at), and never more
    than ``MAX_BYTES`` + 1 bytes are read from it: ``stat`` may be wrong about the size (a file
    that grows, ``/proc``), the read never is. A FIFO is never opened for reading, which would
    wait for a writer forever; the file is opened non-blocking, and checked again once open,
    in case it was replaced in between.
    """
    try:
        status = os.stat(path)
        problem = _not_regular(status.st_mode, display) or _too_big(status.st_size, display)
        if problem is not None:
            return problem
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            status = os.fstat(handle)
            problem = _not_regular(status.st_mode, display)
            if problem is not None:
                return problem
            data = _read_at_most(handle, MAX_BYTES + 1, status.st_size + 1)
        finally:
            os.close(handle)
    except OSError as error:
        return Problem(display, 1, 1, "file", "a readable file", error.strerror or str(error))
    return _too_big(len(data), display) or Contents(data, status.st_mtime)


def _read_at_most(handle: int, limit: int, expected: int) -> bytes:
    """Up to ``limit`` bytes, read in pieces of the size ``stat`` gave (plus one, to see that a
    file grew): a piece of ``limit`` would allocate a mebibyte for every small file."""
    pieces, size = [], 0
    while size < limit:
        piece = os.read(handle, min(max(expected - size, 4096), limit - size))
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    return b"".join(pieces)


def _too_big(size: int, display: str) -> Problem | None:
    if size <= MAX_BYTES:
        return None
    got = f"{size / 1048576:.1f} MiB" if size < 2 * MAX_BYTES else "more"
    return Problem(display, 1, 1, "file", "at most 1 MiB", got,
                   "split the notes into several files or move attachments out of the journal")


def parse_source(data: bytes, path: Path, display: str, modified: float = 0.0) -> RawFile:
    """One file's bytes -> its front matter data, key positions and body. Never raises."""
    src = RawFile(path=path, display=display, modified=modified)
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
    deep = _nested_beyond(fm, MAX_COMPOSED_DEPTH)
    if deep is not None:
        src.problems.append(Problem(src.display, deep[0] + 2, deep[1] + 1, "front matter",
                                    f"values nested at most {MAX_DEPTH} levels deep",
                                    f"more than {MAX_COMPOSED_DEPTH} levels",
                                    "journal files hold plain fields: move deeper data out of the front matter"))
        return
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
    data = _construct(src, node, (), set())
    src.data = data if isinstance(data, dict) else None  # a tag on the whole front matter: refused
    src.front_matter, src._lines = "", None


MAX_COMPOSED_DEPTH = 200
"""Deepest nesting handed to libyaml's composer, which recurses in C for every level: some
libyaml builds stop at 1,000 levels, others overflow the C stack and crash the process (PyYAML
6.0.1's wheels, on 100,000 nested ``[``). Deeper front matter is one problem line."""

_NESTING_MARKS = ("[", "{", "- ", "-\n", ": ", ":\n", "? ")


def _nested_beyond(fm: str, limit: int) -> tuple[int, int] | None:
    """Where the front matter first nests deeper than ``limit`` (line and column in ``fm``), or
    None. Each level needs one of ``_NESTING_MARKS``, so a front matter with fewer of them is
    not counted at all (counting characters is cheap); the others are walked through libyaml's
    events, which its parser makes without recursion."""
    if sum(fm.count(mark) for mark in _NESTING_MARKS) <= limit:
        return None
    loader = _Loader(fm)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > limit:
                    mark = event.start_mark
                    return (mark.line, mark.column) if mark is not None else (0, 0)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # composing reports it, with its place
    finally:
        loader.dispose()
    return None


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
        names = _ALIAS.findall(src.front_matter_line(line)) if src.front_matter else []
        got = f"an alias ({', '.join(dict.fromkeys(names))})" if names else "an alias"
        return _refuse(src, loc, _Mark(line - 2, col - 1), "a plain value", got,
                       "aliases and anchors are not supported: write the value out")
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        return _scalar(src, node, loc)
    if len(loc) >= MAX_DEPTH:
        if loc[:1] in src.deep:  # one line per field, however deep it goes on
            src.refused.add(loc)
            return _SKIP
        src.deep.add(loc[:1])
        return _refuse(src, loc, node.start_mark, f"at most {MAX_DEPTH} levels of lists and fields", "more",
                       "journal files hold plain fields: move deeper data out of the front matter")
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
        if len(text) > _LONGEST_NUMBER:  # Python refuses to read a number of 4,300 digits, and 10:10:... is slow
            return _refuse(src, loc, node.start_mark, f"a number of at most {_LONGEST_NUMBER} characters",
                           f"{len(text)} characters", "quote the value if it is text")
        return yaml.SafeLoader.construct_yaml_int(_CONSTRUCTOR, node)
    return yaml.SafeLoader.construct_yaml_float(_CONSTRUCTOR, node)


_CONSTRUCTOR = yaml.SafeLoader("")

_LONGEST_NUMBER = 40
"""The longest whole number (as written) we read; a round or an interest is one digit."""

_SHARED_TEXT = 48
"""Values up to this length (names, titles, companies, tags, themes, dates) are interned: the
same text in many files is then one string in memory. Longer ones are sentences, rarely repeated."""
