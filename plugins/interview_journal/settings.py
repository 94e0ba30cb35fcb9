"""The plugin's options as the command line sees them, read from ``mkdocs.yml`` without MkDocs.

The command line must agree with the site, so it reads the same ``journal_dir``, ``timezone``,
``today`` and ``due`` options; it must also start fast, so it does not import MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .rules import Offsets

PLUGIN = "interview-journal"


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold ``!ENV`` and ``!!python/name:`` tags: read them as plain values."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("!", _any_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


@dataclass
class Options:
    """The plugin options that the command line uses, with the plugin's defaults."""

    root: Path = field(default_factory=Path.cwd)
    journal_dir: str = "journal"
    section: str = "journal"
    today: date | str | None = None
    timezone: str | None = None
    public: bool = False
    quiet_days: int = 14
    offsets: Offsets = field(default_factory=Offsets)
    found: bool = False
    """True when the options came from a mkdocs.yml."""

    @property
    def journal_path(self) -> Path:
        return (self.root / self.journal_dir).resolve()


def read_options(config_file: Path | None = None) -> Options:
    """Options of the ``interview-journal`` plugin in ``mkdocs.yml`` (defaults when absent)."""
    path = config_file or Path("mkdocs.yml")
    if not path.is_file():
        return Options()
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as error:
        raise ValueError(f"{path}: cannot read it: {error}") from None
    options = Options(root=path.resolve().parent, found=True)
    for plugin in data.get("plugins") or [] if isinstance(data, dict) else []:
        if isinstance(plugin, dict) and PLUGIN in plugin:
            _apply(options, plugin[PLUGIN] or {})
    return options


def _apply(options: Options, values: dict[str, Any]) -> None:
    for name in ("journal_dir", "section", "today", "timezone", "public", "quiet_days"):
        if name in values and values[name] is not None:
            setattr(options, name, values[name])
    due = values.get("due") or {}
    known = {f.name for f in fields(Offsets)}
    options.offsets = Offsets(**{k: int(v) for k, v in due.items() if k in known})
