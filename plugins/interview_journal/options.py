"""The plugin's options: one pydantic model that the site and the command line both read.

The plugin hands MkDocs' values for ``interview-journal`` to ``parse_options``; the command line
reads ``mkdocs.yml`` itself (``read_config``: ``!ENV``, ``!relative``, ``INHERIT`` and both forms
of ``plugins:``, the way MkDocs reads them) and hands the same values to the same function. A
wrong option is a ``Problem`` that points at its line in ``mkdocs.yml``, never a traceback::

    mkdocs.yml:14:20: due.thank_you: expected a whole number, got two

Nothing here imports MkDocs: the command line must start fast.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, tzinfo
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, ValidationError, field_validator

from .dates import RANGE_HINT, in_range, zone_from_name
from .frontmatter import ListOf, PlainText, fail
from .problems import Loc, Problem, describe, dotted, explain

PLUGIN = "interview-journal"
CONFIG_FILE = "mkdocs.yml"


class _Strict(BaseModel):
    """Options are typed by YAML already: ``true`` is not a number, ``"3"`` is not a number."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Offset = Annotated[StrictInt, Field(ge=-365, le=365)]
"""Days from the interview: a negative number is a day before it."""


class Due(_Strict):
    """Day offsets of the follow-up rules, counted from the interview's date (see ``rules``)."""

    recruiter_call: Offset = 0
    thank_you: Offset = 1
    feedback: Offset = 3
    check_in: Offset = 7
    prep_background: Offset = -1
    prep_format: Offset = -2
    offer_reply: Offset = 3
    """Days from an offer's ``received`` to its reply, when the offer has no ``deadline``."""


class Candidate(_Strict):
    """Who signs the thank-you drafts and the skills they stress."""

    name: PlainText | None = None
    top_skills: ListOf[PlainText] = Field(default_factory=list)


Keywords = Annotated[ListOf[PlainText], Field(min_length=1)]


class Options(_Strict):
    """Every option of the ``interview-journal`` plugin, with its default."""

    journal_dir: PlainText = "journal"
    section: str = "journal"
    title: PlainText = "Journal"
    """The dashboard's title (and its name in a navigation MkDocs makes): one per journal of a site."""
    today: date | None = None
    timezone: PlainText | None = None
    public: StrictBool = False
    quiet_days: Annotated[StrictInt, Field(ge=0)] = 14
    due: Due = Field(default_factory=Due)
    candidate: Candidate = Field(default_factory=Candidate)
    templates: PlainText | None = None
    themes: dict[PlainText, Keywords] | None = None
    """Feedback themes for the insights page: theme name -> keywords; replaces the default set."""

    @field_validator("section", mode="before")
    @classmethod
    def _section(cls, value: object) -> object:
        if not isinstance(value, str):
            raise fail("a folder of the site, like journal")
        section = value.strip().strip("/")
        if ".." in section.split("/"):
            raise fail("a folder inside the site", "remove the '..'")
        return section

    @field_validator("today", mode="before")
    @classmethod
    def _today(cls, value: object) -> object:
        if isinstance(value, str) and re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", value):
            try:
                value = date.fromisoformat(value.strip())
            except ValueError:
                raise fail("a date YYYY-MM-DD", "that day does not exist") from None
        if type(value) is date and not in_range(value):
            raise fail("a date YYYY-MM-DD", RANGE_HINT)
        if value is None or type(value) is date:
            return value
        raise fail("a date YYYY-MM-DD", "leave the option out to use the day of the build")

    @field_validator("timezone", mode="before")
    @classmethod
    def _timezone(cls, value: object) -> object:
        if value is None:
            return value
        if not isinstance(value, str):
            raise fail("a time zone name like Europe/Berlin", "quote it, or leave it out for the machine's zone")
        try:
            zone_from_name(value.strip())
        except ValueError:
            raise fail("a time zone name like Europe/Berlin", "see the IANA time zone names") from None
        return value.strip()

    @property
    def zone(self) -> tzinfo:
        """The time zone of "today" and of times written without an offset."""
        return zone_from_name(self.timezone)


@dataclass
class Located:
    """Values read from YAML with the position of every key, so a problem can point at it."""

    display: str
    """The file as a user types its path (``mkdocs.yml``)."""
    values: dict[str, Any]
    positions: dict[Loc, tuple[str, int, int]] = field(default_factory=dict)
    """Key path -> (file, line, column), for the file the key was read from (INHERIT: its parent too)."""
    raw: dict[Loc, str] = field(default_factory=dict)
    """Key path -> the text of a plain scalar as written (``14:00``, not 840)."""

    def where(self, loc: Loc) -> tuple[str, int, int]:
        for end in range(len(loc), 0, -1):
            found = self.positions.get(loc[:end])
            if found is not None:
                return found
        return (self.display, 1, 1)


def parse_options(values: Mapping[str, Any] | None, located: Located | None = None,
                  prefix: Loc = ()) -> tuple[Options, list[Problem]]:
    """``interview-journal``'s options -> ``Options`` and the problems of the values that were
    wrong. A wrong value keeps its default and is reported (``located`` at ``prefix`` says where)."""
    data: dict[str, Any] = dict(values or {})
    data.pop("enabled", None)  # MkDocs' own switch for every plugin
    problems: list[Problem] = []
    for _ in range(4):  # each round drops the values reported in the previous one
        try:
            return Options.model_validate(data), sorted(problems)
        except ValidationError as error:
            for item in error.errors():
                loc = tuple(item["loc"])
                problems.append(_problem(loc, item, located, prefix))
                _drop(data, loc)
    return Options(), sorted(problems)


def _drop(data: dict[str, Any], loc: Loc) -> None:
    """Remove the wrong option (one offset or candidate field, else the whole option): its default applies."""
    section = data.get(str(loc[0]))
    if len(loc) > 1 and loc[0] in ("due", "candidate") and isinstance(section, dict):
        data[str(loc[0])] = {key: value for key, value in section.items() if key != loc[1]}
    else:
        data.pop(str(loc[0]), None)


def _problem(loc: Loc, item: Any, located: Located | None, prefix: Loc) -> Problem:
    if len(loc) >= 2 and loc[-1] == "[key]":  # a mapping's key is wrong (a theme's name): point at the mapping
        loc = loc[:-2]
    raw = located.raw.get(prefix + loc) if located is not None else None
    if item["type"] == "extra_forbidden":
        known = _known_names(loc[:-1])
        close = [name for name in known if _similar(str(loc[-1]), name)]
        expected = f"one of the options {', '.join(known)}"
        got = f"'{loc[-1]}'"
        hint = f"did you mean '{close[0]}'?" if close else "remove it, or see docs/configuration.md"
    else:
        expected, got, hint = explain(item, raw)
    path, line, col = located.where(prefix + loc) if located is not None else (CONFIG_FILE, 1, 1)
    return Problem(path, line, col, dotted(loc), expected, got, hint)


def _known_names(loc: Loc) -> list[str]:
    model: type[BaseModel] = Options
    for part in loc:
        annotation = model.model_fields[str(part)].annotation if str(part) in model.model_fields else None
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            model = annotation
    return list(model.model_fields)


def _similar(a: str, b: str) -> bool:
    import difflib

    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75


# --- mkdocs.yml, read as MkDocs reads it ------------------------------------------------------

@dataclass
class Config:
    """What the command line knows of the site: the plugin's options and where they came from."""

    options: Options
    root: Path
    """The folder of ``mkdocs.yml`` (the current folder when there is none): paths are relative to it."""
    problems: list[Problem] = field(default_factory=list)
    found: bool = False
    """True when a ``mkdocs.yml`` was read."""
    site_url: str = ""
    """The site's ``site_url``: where its pages are published (the calendar links to them)."""
    use_directory_urls: bool = True

    @property
    def journal_path(self) -> Path:
        return (self.root / self.options.journal_dir).resolve()

    @property
    def template_dirs(self) -> list[Path]:
        return [(self.root / self.options.templates).resolve()] if self.options.templates else []


def read_config(config_file: Path | None = None, environ: Mapping[str, str] | None = None) -> Config:
    """The plugin's options in ``mkdocs.yml`` (defaults when there is no such file or no plugin)."""
    path = config_file or Path(CONFIG_FILE)
    env = os.environ if environ is None else environ
    if config_file is None and not path.is_file():
        return Config(Options(), Path.cwd())
    located, problems = read_yaml_config(path, env)
    root = path.resolve().parent
    if located is None:
        return Config(Options(), root, problems, found=True)
    given, prefix = plugin_entry(located.values)
    values = given if isinstance(given, Mapping) else None
    options, option_problems = parse_options(values, located, prefix)
    if values is None and given is not None:  # ``- interview-journal: 5``: MkDocs refuses it too
        where = located.where(prefix)
        option_problems.append(Problem(*where, PLUGIN, "the plugin's options, a mapping (journal_dir: ...)",
                                       describe(given), "indent the options under it, or leave it empty"))
    site_url = located.values.get("site_url")
    directory_urls = located.values.get("use_directory_urls", True)
    return Config(options, root, problems + option_problems, found=True,
                  site_url=site_url.strip() if isinstance(site_url, str) else "",
                  use_directory_urls=directory_urls if isinstance(directory_urls, bool) else True)


def plugin_values(config: Mapping[str, Any]) -> tuple[Mapping[str, Any] | None, Loc]:
    """The options of our plugin in a site's config, and their key path (both forms of ``plugins:``)."""
    given, loc = plugin_entry(config)
    return (given if isinstance(given, Mapping) else None), loc


def plugin_entry(config: Mapping[str, Any]) -> tuple[Any, Loc]:
    """What is written under our plugin's name in a site's config (options, or anything else), and
    its key path; ``(None, ())`` when the plugin is not there."""
    plugins = config.get("plugins")
    if isinstance(plugins, Mapping):
        return plugins.get(PLUGIN), ("plugins", PLUGIN)
    if isinstance(plugins, list):
        for index, item in enumerate(plugins):
            if isinstance(item, Mapping) and PLUGIN in item:
                return item[PLUGIN], ("plugins", index, PLUGIN)
    return None, ()


_COMPOSER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml composes without Python recursion (PyYAML's own composer fails on deep nesting)."""

MAX_INHERIT = 10
"""How many ``INHERIT`` files deep a config may go (MkDocs follows them without a limit)."""


def read_yaml_config(path: Path, environ: Mapping[str, str], depth: int = 0) -> tuple[Located | None, list[Problem]]:
    """One ``mkdocs.yml`` and the files it inherits from, merged as MkDocs merges them (mappings
    key by key, anything else replaced), with the position of every key."""
    display = _display(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
        node = yaml.compose(text, Loader=_COMPOSER)
    except OSError as error:
        return None, [Problem(display, 1, 1, "file", "a readable mkdocs.yml", error.strerror or str(error))]
    except UnicodeDecodeError:
        return None, [Problem(display, 1, 1, "file", "UTF-8 text", "other bytes", "save mkdocs.yml as UTF-8")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        reason = getattr(error, "problem", None) or "not YAML"
        return None, [Problem(display, line, col, "mkdocs.yml", "valid YAML", str(reason))]
    located = Located(display, {})
    if node is None:
        return located, []
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(display, 1, 1, "mkdocs.yml", "a mapping of settings", "another value")]
    try:
        values = _Reader(located, path, environ).value(node, ())
    except (RecursionError, ValueError) as error:  # nested 1,000 deep; a number of 5,000 digits
        got = "values nested too deeply" if isinstance(error, RecursionError) else "a number too long to read"
        return None, [Problem(display, 1, 1, "mkdocs.yml", "settings MkDocs can read", got)]
    located.values = values if isinstance(values, dict) else {}
    problems: list[Problem] = []
    parent = located.values.pop("INHERIT", None)
    if isinstance(parent, str):
        if depth >= MAX_INHERIT:
            _, line, col = located.where(("INHERIT",))
            return located, [Problem(display, line, col, "INHERIT", f"at most {MAX_INHERIT} inherited files",
                                     "more", "is a file inheriting from itself?")]
        base, problems = read_yaml_config(path.parent / parent, environ, depth + 1)
        if base is not None:
            located.values = _merge(base, located)
    return located, problems


def _merge(base: Located, child: Located) -> dict[str, Any]:
    """The child's values over the parent's (``mergedeep``'s default, which MkDocs uses): mappings
    merge key by key, any other value of the child replaces the parent's, positions likewise."""
    merged = _merge_values(base.values, child.values)
    own = child.positions

    def replaced(loc: Loc) -> bool:  # the child set something at or above loc that is not a mapping
        return any(loc[:end] in own and not isinstance(_get(child.values, loc[:end]), dict)
                   for end in range(1, len(loc) + 1))

    child.positions = {**{loc: at for loc, at in base.positions.items() if not replaced(loc)}, **own}
    child.raw = {**{loc: text for loc, text in base.raw.items() if not replaced(loc)}, **child.raw}
    return merged


def _get(values: Any, loc: Loc) -> Any:
    for part in loc:
        try:
            values = values[part]
        except (KeyError, IndexError, TypeError):
            return None
    return values


def _merge_values(base: Any, child: Any) -> Any:
    if isinstance(base, dict) and isinstance(child, dict):
        merged = dict(base)
        for key, value in child.items():
            merged[key] = _merge_values(base[key], value) if key in base else value
        return merged
    return child


class _Reader:
    """YAML nodes -> Python values, with MkDocs' tags: ``!ENV`` reads the environment (a list's
    last item is the default, typed as YAML types it), ``!relative`` is the config file's folder
    (``$config_dir``) or ``docs_dir`` (``$docs_dir``), any other tag is read as plain YAML."""

    def __init__(self, located: Located, path: Path, environ: Mapping[str, str]) -> None:
        self.located, self.path, self.environ = located, path, environ
        self.constructor = yaml.SafeLoader("")

    def value(self, node: yaml.Node, loc: Loc) -> Any:
        if node.tag == "!ENV":
            return self._env(node)
        if node.tag == "!relative":
            suffix = str(node.value or "") if isinstance(node, yaml.ScalarNode) else ""
            return str(self.path.resolve().parent / suffix.replace("$config_dir/", "").replace("$config_dir", ""))
        if isinstance(node, yaml.MappingNode):
            mapping: dict[str, Any] = {}
            for key, item in node.value:
                name = str(key.value) if isinstance(key, yaml.ScalarNode) else str(key)
                here = (*loc, name)
                self.located.positions[here] = (self.located.display, key.start_mark.line + 1,
                                                key.start_mark.column + 1)
                mapping[name] = self.value(item, here)
            return mapping
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                here = (*loc, index)
                self.located.positions[here] = (self.located.display, item.start_mark.line + 1,
                                                item.start_mark.column + 1)
                items.append(self.value(item, here))
            return items
        if isinstance(node, yaml.ScalarNode):
            if not node.style:
                self.located.raw[loc] = str(node.value)
            if not node.tag.startswith("tag:yaml.org,2002:"):
                return str(node.value)  # !!python/name:... and the tags of other tools: their text
            try:
                return self.constructor.construct_object(node, deep=True)
            except yaml.YAMLError:
                return str(node.value)
        return None

    def _env(self, node: yaml.Node) -> Any:
        default: Any = None
        if isinstance(node, yaml.SequenceNode):
            names = [str(item.value) for item in node.value[:-1]] if len(node.value) > 1 else \
                [str(item.value) for item in node.value]
            if len(node.value) > 1:
                default = self.constructor.construct_object(node.value[-1], deep=True)
        else:
            names = [str(node.value)]
        for name in names:
            if name in self.environ:
                text = self.environ[name]
                tag = self.constructor.resolve(yaml.ScalarNode, text, (True, False))
                return self.constructor.construct_object(yaml.ScalarNode(tag, text))
        return default


def _display(path: Path) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative
