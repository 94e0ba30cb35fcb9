"""Where one ``mkdocs build`` spends its CPU time: each plugin's events and MkDocs' two page phases.

    python bench/breakdown.py bench/out/1000/ours/mkdocs.yml
    python bench/breakdown.py bench/out/1000/plain/mkdocs.yml

For development only: it wraps MkDocs internals (``PluginCollection.run_event`` and the build's
``_populate_page``/``_build_page``), which a MkDocs release may rename. The phases include the
events that run inside them: ``build pages`` includes ``page_context`` and ``post_page``.
"""

from __future__ import annotations

import argparse
import collections
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))  # this checkout's plugin

from mkdocs import plugins
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config

SPENT: collections.Counter[str] = collections.Counter()


def _timed_run_event(self: plugins.PluginCollection, name: str, item: Any = None, **kwargs: Any) -> Any:
    """``PluginCollection.run_event`` of MkDocs 1.6, timing each handler."""
    for method in self.events[name]:
        self._current_plugin = self._event_origins.get(method, "<unknown>")
        start = time.process_time()
        result = method(**kwargs) if item is None else method(item, **kwargs)
        SPENT[f"{name} ({self._current_plugin})"] += time.process_time() - start
        if item is not None and result is not None:
            item = result
    self._current_plugin = None
    return item


def _timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[label] += time.process_time() - start
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("config", type=Path, help="the project's mkdocs.yml")
    args = parser.parse_args()
    plugins.PluginCollection.run_event = _timed_run_event  # type: ignore[method-assign]
    mkdocs_build._populate_page = _timed("populate pages (Markdown)", mkdocs_build._populate_page)
    mkdocs_build._build_page = _timed("build pages (theme, write)", mkdocs_build._build_page)
    with tempfile.TemporaryDirectory() as site:
        config = load_config(str(args.config), site_dir=site)
        start = time.process_time()
        mkdocs_build.build(config)
        total = time.process_time() - start
    print(f"{'CPU (s)':>8}  part of the build")
    for label, spent in SPENT.most_common():
        if spent >= 0.005:
            print(f"{spent:8.2f}  {label}")
    print(f"{total:8.2f}  whole build; peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
