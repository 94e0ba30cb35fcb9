"""``mkdocs serve --dirty`` kept right: what a dirty build must redo (no MkDocs import here).

Without ``--dirty``, MkDocs empties the site folder and renders, indexes and writes every page
after each saved file. With it, MkDocs leaves the folder and skips every page whose file says
it is not modified (``File.is_modified``), and the rest of the site is left as it was: MkDocs
itself warns that the navigation and other links may then be wrong. The plugin makes a dirty
build right, so that the served site is the one a clean build makes:

* our pages say whether they changed (``reuse.Reuse.pages``), so MkDocs rebuilds only those;
* anything else that could change what the kept pages show makes it a full build, the site
  folder emptied first (``Inputs``: ``mkdocs.yml``, a file of ``docs_dir`` or the theme (its
  templates in ``custom_dir`` too), of a ``watch:`` folder or a hook, the navigation, the build
  date; a plugin or theme this was not tested with makes every build full);
* the pages of the navigation, and the home page, are built every time (the other pages show
  their titles; MkDocs reads a title only when it builds the page);
* when the journal's set of pages changes, the other pages of ``docs_dir`` and ours whose notes
  have links are built again (a link resolves, or not, against the site's files);
* the outputs of pages that are gone are deleted (``stale_outputs``);
* the search index, which the search plugins get wrong in a dirty build (``search_index``).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KNOWN_PLUGINS = frozenset({
    "mkdocs.contrib.search",  # MkDocs' own search
    "properdocs.contrib.search",
    "material.plugins.search.plugin",  # Material's
    "interview_journal.plugin",
})
"""The modules of the plugins a dirty build is known to be right with (``tests/test_serve.py``).
Any other plugin may show one page's data on another (a blog's index, an RSS feed, tags): with
it, every build is full."""
KNOWN_THEMES = frozenset({"material", "mkdocs", "readthedocs"})
"""The themes a dirty build is known to be right with: they show other pages through the
navigation only (a theme that lists every page would show stale titles)."""


@dataclass(frozen=True)
class Inputs:
    """What the pages MkDocs writes depend on besides the journal: when one changes, the build is full."""

    config: str
    """The digest of ``mkdocs.yml``."""
    sources: tuple[tuple[str, int, int], ...]
    """Every file of ``docs_dir`` and of the theme, and those of ``watched_state``: its path,
    modification time (ns) and size."""
    nav: tuple[Any, ...]
    """The navigation: titles and URLs (``nav_signature``)."""
    build_date: str
    """MkDocs' build date (``SOURCE_DATE_EPOCH``, or today): in the sitemap and on the home page."""


def file_digest(path: str | os.PathLike[str] | None) -> str:
    """The digest of a file's bytes ("" when there is none)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest() if path else ""
    except OSError:
        return ""


def sources_state(sources: Iterable[tuple[str, str]]) -> tuple[tuple[str, int, int], ...]:
    """``(src_uri, path)`` pairs -> their path, modification time (ns) and size (-1 when gone)."""
    found = []
    for uri, path in sources:
        try:
            status = os.stat(path)
            found.append((uri, status.st_mtime_ns, status.st_size))
        except OSError:
            found.append((uri, -1, -1))
    return tuple(sorted(found))


def watched_state(paths: Iterable[str]) -> tuple[tuple[str, int, int], ...]:
    """Every file under these files and folders (the theme's ``custom_dir``, ``mkdocs.yml``'s
    ``watch:``, the hooks): they are not files of the site, yet change what its pages show."""
    found: list[tuple[str, str]] = []
    for top in paths:
        if os.path.isdir(top):
            for folder, _, names in os.walk(top):
                found += [(os.path.join(folder, name), os.path.join(folder, name)) for name in names]
        else:
            found.append((top, top))
    return sources_state(found)


def nav_signature(items: Iterable[Any]) -> tuple[Any, ...]:
    """A navigation (MkDocs' ``Navigation.items``: sections, pages, links) as titles and URLs."""
    return tuple((type(item).__name__, getattr(item, "title", None), getattr(item, "url", None),
                  nav_signature(getattr(item, "children", None) or ())) for item in items)


def unknown(modules: Iterable[str], theme: str | None) -> list[str]:
    """The plugins (by module) and the theme a dirty build is not known to be right with."""
    found = sorted({module for module in modules if module not in KNOWN_PLUGINS})
    if theme not in KNOWN_THEMES:
        found.append(f"the theme '{theme}'")
    return found


def may_link(markdown: str) -> bool:
    """Whether Markdown may hold a link or image to another file of the site (cheap, and
    ``True`` when in doubt): ``[x](path)``, ``[x]: path``, ``src=`` or ``href=``."""
    lowered = markdown.lower()
    return "](" in markdown or "]:" in markdown or "href" in lowered or "src" in lowered


def stale_outputs(last: Mapping[str, str], now: Mapping[str, str]) -> list[str]:
    """The outputs (``src_uri`` -> output file) of the last build that this build does not make."""
    kept = set(now.values())
    return sorted(path for path in last.values() if path not in kept)


def remove_outputs(paths: Iterable[str], site_dir: str) -> None:
    """Delete these files of the site folder, and the folders left empty (not the site folder)."""
    top = os.path.abspath(site_dir)
    for path in paths:
        try:
            os.remove(path)
        except OSError:
            continue
        folder = os.path.dirname(os.path.abspath(path))
        while folder.startswith(top + os.sep):
            try:
                os.rmdir(folder)  # only when empty
            except OSError:
                break
            folder = os.path.dirname(folder)


@dataclass
class LastBuild:
    """What a dirty build needs to know of the build before it."""

    inputs: Inputs
    outputs: dict[str, str]
    """Our files: ``src_uri`` -> the output file."""
    urls: dict[str, str]
    """Our files: ``src_uri`` -> URL (a link in a note resolves against them)."""
    attachments: dict[str, tuple[int, int]]
    """Our attachments: ``src_uri`` -> modification time (ns) and size of the journal's file."""


def changed_input(last: Inputs, now: Inputs) -> str | None:
    """What changed between two builds' inputs, in words (None: nothing)."""
    for name, words in (("config", "mkdocs.yml"), ("sources", "a file of docs_dir or the theme"),
                        ("nav", "the navigation"), ("build_date", "the build date")):
        if getattr(last, name) != getattr(now, name):
            return words
    return None


# --------------------------------------------------------------------------- the search index

@dataclass(frozen=True)
class SearchIndex:
    """The search index of a build: the entries of each page, and the file as the plugin wrote it."""

    by_page: dict[str, list[dict[str, Any]]]
    """Page URL -> its entries, as a clean build has them."""
    written: list[dict[str, Any]]
    """The entries of the file as the search plugin wrote it (Material's starts from them next time)."""


def _page_of(entry: Mapping[str, Any]) -> str:
    return str(entry.get("location", "")).split("#", 1)[0]


def _last_runs(entries: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Page URL -> its last run of consecutive entries."""
    runs: dict[str, list[dict[str, Any]]] = {}
    previous = None
    for entry in entries:
        url = _page_of(entry)
        if url != previous:
            runs[url] = []
            previous = url
        runs[url].append(entry)
    return runs


_STYLES: tuple[dict[str, Any], ...] = (
    {"separators": (",", ":"), "default": str},  # Material's generate_search_index
    {"sort_keys": True, "separators": (",", ":"), "default": str},  # MkDocs' SearchIndex.generate_search_index
)


def search_index(written: str, pages: Sequence[tuple[str, bool]],
                 last: SearchIndex | None) -> tuple[str, SearchIndex] | None:
    """The search index of a clean build, from the one the search plugin wrote in a dirty build.

    ``pages``: every page in the site's order, by URL, and whether MkDocs built it this time;
    ``last``: this function's result for the last build (None for the first).

    In a dirty build the search plugin sees only the pages built: MkDocs' own writes their
    entries alone; Material's writes them after its last index, without the entries of the
    first page built (``generate_search_index``: it expects one page). Either way, a built
    page's entries are its last run of entries in the file. Those are checked against both
    rules, the other pages' entries come from ``last``, all in the site's order, and the
    file is written again in the plugin's own form (the same JSON, byte for byte). None when
    the file follows neither rule or form: then it cannot be made right.
    """
    try:
        data = json.loads(written)
    except ValueError:
        return None
    if not isinstance(data, dict) or set(data) != {"config", "docs"} or not isinstance(data["docs"], list):
        return None  # a prebuilt index ("index") depends on every page: not something to patch
    docs: list[dict[str, Any]] = data["docs"]
    if not all(isinstance(entry, dict) for entry in docs):
        return None
    style = next((style for style in _STYLES if json.dumps(data, **style) == written), None)
    if style is None:
        return None
    runs = _last_runs(docs)
    fresh = {url: runs.get(url, []) for url, built in pages if built}
    new = [entry for url, built in pages if built for entry in fresh[url]]
    before = last.written if last is not None else []
    first = new[0]["location"] if new else None
    materials = ([entry for entry in before if not str(entry.get("location", "")).startswith(first)] + new
                 if first is not None else before)
    if docs != new and docs != materials:
        return None
    kept = last.by_page if last is not None else {}
    by_page = {url: fresh[url] if built else kept.get(url, []) for url, built in pages}
    data["docs"] = [entry for url, _ in pages for entry in by_page[url]]
    return json.dumps(data, **style), SearchIndex(by_page, docs)
