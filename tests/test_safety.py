"""Safety: every front-matter value is escaped wherever it lands; links are http(s) or mailto only.

A debrief and a company note carry a script, an ``on*`` handler, a ``javascript:`` link and a
Markdown link in every text field; the built site (every HTML file, the search index) must
carry them only as text. The other tests of built pages share one build (``out``) of all
their files, each test's under its own names and companies.
"""

from __future__ import annotations

import json
import os
import random
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest

from conftest import REPO, SharedJournal, build_once, debrief, soup, time_limit
from interview_journal.load import load_journal
from interview_journal.options import Options
from interview_journal.pages.build import build_site
from interview_journal.pages.site import prepare


def payload(field: str) -> str:
    return (f'<script>alert("{field}")</script> <img src=x onerror=alert("{field}")> '
            f'"><svg onload=alert(1)> [{field}](javascript:alert("{field}")) {{{{ 7*7 }}}}')


def person(prefix: str, **more: object) -> dict:
    return {"name": payload(f"{prefix}.name"), "title": payload(f"{prefix}.title"),
            "phone": payload(f"{prefix}.phone"), **more}


def hostile_debrief(date_: str, round_: int, status: str | None = None, **extra: object) -> dict:
    fields = {
        "company": payload("company"), "role": payload("role"), "date": date_, "round": round_,
        "stage": payload("stage"),
        "recruiter": person("recruiter", agency=payload("recruiter.agency"), email="dana@agency.example"),
        "contact": person("contact"),
        "interviewers": [person("interviewer", background=payload("background"),
                                looking_for=payload("looking_for"), email="priya@acme.example")],
        "went_well": [payload("went_well")], "went_poorly": [payload("went_poorly")],
        "take_back": [{"answer": payload("take_back.answer"), "correction": payload("take_back.correction")}],
        "feedback": {"positives": [payload("positives")], "negatives": [payload("negatives")],
                     "next_steps": payload("next_steps")},
        "pitch": payload("pitch"),
        "questions": [{"q": payload("q"), "theme": payload("theme"), "answer": "poor"}, payload("question")],
        "log": [{"date": date_, "note": payload("log.note")}],
        "tags": [payload("tag")],
        payload("own-key"): payload("own-value"),
        **extra,
    }
    if status:
        fields["status"] = status
    return fields


def frontmatter(fields: dict, body: str = "") -> str:
    import yaml

    return "---\n" + yaml.safe_dump(fields, sort_keys=False, allow_unicode=True) + "---\n" + body


HOSTILE = {
    "acme/round-1.md": frontmatter(hostile_debrief("2026-11-20", 1)),
    "acme/round-2.md": frontmatter(hostile_debrief("2026-12-02 10:00", 2, status="scheduled")),
    "acme/company.md": frontmatter({"kind": "company", "company": payload("company"), "website": "https://acme.example/",
                                    "applied": "2026-11-01", "recruiter": person("note.recruiter"),
                                    "log": [{"date": "2026-11-02", "note": payload("note.log")}],
                                    "tags": [payload("note.tag")]}),
    "bad/links.md": frontmatter({"company": "Bad Links", "role": "Engineer", "date": "2026-11-20",
                                 "interviewers": [{"name": "Eve", "email": 'eve@x.example?bcc=<script>alert("email")</script>'}]}),
    "bad/company.md": frontmatter({"kind": "company", "company": "Bad Links", "website": 'javascript:alert("website")'}),
}

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "srcset", "data", "poster")


def html_files(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_once(tmp_path_factory, HOSTILE, strict=False,
                      candidate={"name": payload("candidate"), "top_skills": [payload("skill")]})


SHARED = SharedJournal()
"""The files of the tests below that read ``out``."""


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_once(tmp_path_factory, SHARED.files)


def test_no_script_of_ours_carries_a_value(hostile_site: Path) -> None:
    for path in html_files(hostile_site):
        for script in soup(path).find_all("script"):
            assert "alert(" not in script.get_text(), f"{path}: a value became a script"


def test_no_element_gets_an_event_handler(hostile_site: Path) -> None:
    for path in html_files(hostile_site):
        for tag in soup(path).find_all(True):
            handlers = [name for name in tag.attrs if name.lower().startswith("on")]
            assert not handlers, f"{path}: <{tag.name} {handlers}>"
            assert not (tag.name in ("img", "svg") and tag.get("src") == "x"), f"{path}: an injected image"


def test_links_are_http_mailto_tel_or_the_site_itself(hostile_site: Path) -> None:
    seen = 0
    for path in html_files(hostile_site):
        for tag in soup(path).find_all(True):
            for name in URL_ATTRIBUTES:
                value = tag.get(name)
                if isinstance(value, str):
                    seen += 1
                    scheme = value.strip().lower().split(":", 1)[0] if ":" in value.split("/", 1)[0] else ""
                    assert scheme in ("", "http", "https", "mailto", "tel"), f"{path}: {name}={value!r}"
                    assert scheme != "tel" or re.fullmatch(r"tel:\+?[0-9]+", value), f"{path}: {name}={value!r}"
    assert seen > 100


def test_values_arrive_as_text_not_lost(hostile_site: Path) -> None:
    page = soup(next(p for p in html_files(hostile_site) if "round-1" in p.as_posix()))
    text = page.get_text()
    for field in ("role", "stage", "interviewer.name", "recruiter.agency", "went_well", "positives", "log.note"):
        assert f'<script>alert("{field}")</script>' in text, field


def test_bad_addresses_become_problems_not_links(hostile_site: Path) -> None:
    board = soup(hostile_site / "journal" / "index.html")
    problems = board.get_text()
    assert "website: expected a web address" in problems
    assert "email: expected a plain e-mail address" in problems
    for path in html_files(hostile_site):
        for link in soup(path).find_all("a", href=True):
            parts = urlsplit(link["href"])
            assert parts.scheme in ("", "http", "https", "mailto", "tel"), link["href"]
            if parts.scheme == "mailto":  # a plain address; only a subject and a body may follow
                assert parts.path in ("", "dana@agency.example", "priya@acme.example"), link["href"]
                assert set(parse_qs(parts.query)) <= {"subject", "body"}, link["href"]


def test_titles_are_safe_where_the_theme_prints_them_raw(hostile_site: Path) -> None:
    for path in html_files(hostile_site):
        page = soup(path)
        assert page.title is None or "<" not in page.title.get_text().replace("\u2039", "")
        for item in page.select(".md-nav__link, .md-header__topic, .md-content h1"):
            assert item.find(["script", "img"]) is None, f"{path}: {item}"


def test_search_index_holds_values_only_as_escaped_text(hostile_site: Path) -> None:
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for key in ("title", "text"):
            value = doc.get(key, "")
            assert "<script" not in value and "<img" not in value and "<svg" not in value, f"{doc['location']}: {key}"


SHARED.add({"tasks.md": debrief(company="Tasks", body="- [ ] " + payload("task") + " 📅 2026-11-27\n")})


def test_task_lines_are_escaped_where_we_list_them(out: Path) -> None:
    """The body is the user's own Markdown; the task's words, listed on our pages, are escaped."""
    page = soup(out / "journal" / "followups" / "index.html")
    item = page.find(attrs={"data-kind": "task", "data-company": "tasks"})
    assert '<script>alert("task")</script>' in item.get_text()
    assert item.find(["script", "img", "svg"]) is None and item.find("a", href=lambda h: h and "javascript" in h) is None


SHARED.add({"a.md": debrief(company="../../../escaped", role="../x"), "b.md": debrief(company="/etc/passwd")})


def test_slugs_never_leave_the_site_folder(out: Path) -> None:
    tmp_path = out.parent  # the project: mkdocs.yml, docs/, journal/ and the site
    written = {p.resolve() for p in tmp_path.rglob("*") if p.is_file()}
    outside = [p for p in written if out.resolve() not in p.parents and (tmp_path / "journal").resolve() not in p.parents
               and (tmp_path / "docs").resolve() not in p.parents and p.name != "mkdocs.yml"]
    assert outside == []
    assert (out / "journal" / "companies" / "escaped" / "index.html").is_file()
    assert (out / "journal" / "companies" / "etc-passwd" / "index.html").is_file()


SHARED.add({"acme/r1.md": "---\ncompany: Acme\nrole: Data Engineer\ndate: 2026-11-20\nrecruiter: ~\nstage:\n"
                          "interviewers:\n  - name: Priya Shah\n    title:\n    email: ~\nfeedback:\nlog:\n---\n"})


def test_nulls_never_read_none_on_a_page(out: Path) -> None:
    for path in html_files(out):
        main = soup(path).find("article") or soup(path)
        assert "None" not in main.get_text(), path


# --- no traceback, no hang, linear time: hostile and unlucky input -------------------------------

FILE_LIMIT = 20.0
"""Seconds one file may take to load: a guard, far above what any file takes (the largest below
take about a second on a slow machine). Quadratic time (aliases, near-miss keys, a backtracking
regex) took minutes for them; a FIFO or /dev/zero, forever."""


HEAD = "---\ncompany: Hostile\nrole: Data Engineer\ndate: 2026-11-20\n"

HOSTILE_FILES: dict[str, Callable[[int], str]] = {
    # each: scale -> the text of one file; at scale 1 a file up to the size limit (1 MiB)
    "alias-keys": lambda n: HEAD + "a: &a x\n" + "".join(f"k{i}: *a\n" for i in range(60000 // n)) + "---\n",
    "alias-list": lambda n: HEAD + "a: &a [x]\nb: [" + ", ".join(["*a"] * (100000 // n)) + "]\n---\n",
    "near-miss-keys": lambda n: HEAD + "".join(f"rolee{i}: x\ninterviewer{i}: x\n" for i in range(20000 // n)) + "---\n",
    "due-backtracking": lambda n: HEAD + "---\n- [ ] " + "(due:: " * (20000 // n) + "\n",
    "done-backtracking": lambda n: HEAD + "---\n- [x] " + "[completion:: " * (12000 // n) + "\n",
    "nested-990": lambda n: HEAD + "mine: " + "[" * 990 + "]" * 990 + "\n---\n",
    "nested-600-and-a-bad-field": lambda n: HEAD + "mine: " + "[" * 600 + "]" * 600 + "\nformat: zoom\n---\n",
    "nested-mappings": lambda n: HEAD + "mine:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 900)) + "---\n",
    "flow-nesting-bomb": lambda n: HEAD + "mine: " + "[" * (300000 // n) + "\n---\n",
    "dash-nesting-bomb": lambda n: HEAD + "mine:\n" + "- " * (300000 // n) + "x\n---\n",
    "mapping-nesting-bomb": lambda n: HEAD + "mine: " + "{a: " * (200000 // n) + "\n---\n",
    "duplicate-keys": lambda n: HEAD + "private: false\n" * (30000 // n) + "---\n",
    "tags": lambda n: HEAD + "".join(f"k{i}: !t{i} x\n" for i in range(20000 // n)) + "---\n",
    "merge-keys": lambda n: HEAD + "".join(f"<<: {{k{i}: x}}\n" for i in range(20000 // n)) + "---\n",
    "complex-keys": lambda n: HEAD + "".join(f"? [k{i}]\n: x\n" for i in range(20000 // n)) + "---\n",
    "anchors": lambda n: HEAD + "".join(f"k{i}: &a{i} x\n" for i in range(40000 // n)) + "---\n",
    "long-numbers": lambda n: HEAD + "round: " + "9" * 5000 + "\nmine: " + "1:2" * (50000 // n) + "\n---\n",
    "many-bad-list-items": lambda n: HEAD + "interviewers:\n" + "  - name: Sam\n    email: no\n" * (20000 // n) + "---\n",
    "many-bad-tasks": lambda n: HEAD + "---\n" + "- [ ] thing 📅 2026-13-45\n" * (30000 // n),
    "one-long-line": lambda n: HEAD + "stage: " + "x" * (900000 // n) + "\n---\n",
    "unclosed": lambda n: HEAD + "x: y\n" * (200000 // n),
    "only-dashes": lambda n: "---\n" * (200000 // n),
    "calendar-ends": lambda n: ("---\ncompany: Hostile\nrole: Data Engineer\ndate: 9999-12-31\ninterviewers:\n"
                                "  - name: Sam\n    thank_you: 0001-01-01 00:30\n---\n- [ ] x 📅 9999-12-31\n"),
    "calendar-ends-kept": lambda n: (HEAD + "status: scheduled\nrecruiter: Dana\ninterviewers:\n  - name: Sam\n"
                                     "    thank_you: 0001-01-01 00:30\n---\n- [ ] x [due:: 0001-01-01]\n"),
    "control-characters": lambda n: HEAD + 'stage: "\\0\\x1b[31m\\u202e"\nmine: "\\ud800"\n---\n\x00\x1b\x7f\n',
    "private-spellings": lambda n: HEAD + "t: &t true\nprivate: *t\nPrivate: true\n<<: {private: true}\n---\n",
}


def test_the_hostile_files_reach_the_size_limit_and_no_further() -> None:
    from interview_journal.source import MAX_BYTES

    sizes = {name: len(make(1).encode("utf-8")) for name, make in HOSTILE_FILES.items()}
    assert max(sizes.values()) <= MAX_BYTES and max(sizes.values()) > MAX_BYTES / 2


PROBLEM_LINE = re.compile(r"^\S.*:\d+:\d+: \S.*: expected .+, got .+$", re.DOTALL)


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_each_hostile_file_is_answered_with_problem_lines_in_time(tmp_path: Path, name: str) -> None:
    journal = tmp_path / "journal"
    journal.mkdir()
    (journal / f"{name}.md").write_text(HOSTILE_FILES[name](1), encoding="utf-8", errors="surrogatepass")
    with time_limit(FILE_LIMIT, f"loading {name}.md"):
        loaded = _deep_stack(300, lambda: load_journal(journal, ZoneInfo("Europe/Berlin")))
    assert all(PROBLEM_LINE.match(str(problem)) for problem in loaded.problems), loaded.problems[:3]
    assert not [problem for problem in loaded.problems if "an error of Interview Journal" in problem.got]
    assert loaded.problems or name in ("anchors", "one-long-line", "due-backtracking", "done-backtracking")
    assert all(entry.model.private for entry in loaded.debriefs) or name != "private-spellings"


def _deep_stack(depth: int, call: Callable[[], object]) -> Any:
    """``call()`` with ``depth`` more frames on the stack, as inside a MkDocs build."""
    return call() if depth == 0 else _deep_stack(depth - 1, call)


def _special_files(journal: Path) -> None:
    """A FIFO (reading it would wait forever) and a link to /dev/zero (it never ends)."""
    if hasattr(os, "mkfifo"):
        os.mkfifo(journal / "pipe.md")
    if Path("/dev/zero").exists():
        (journal / "zero.md").symlink_to("/dev/zero")


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every hostile file (smaller: the command line and a build print every problem line), the
    special files, and one good debrief, in a project of their own."""
    from conftest import make_project, write_files

    root = make_project(tmp_path_factory.mktemp("hostile"), {"good/a.md": debrief(company="Good Co", interviewers=["Sam"])})
    write_files(root / "journal", {f"hostile/{name}.md": make(100) for name, make in HOSTILE_FILES.items()})
    _special_files(root / "journal")
    return root


@pytest.mark.parametrize("command", [["check"], ["todo"], ["todo", "--json"], ["export", "ics"], ["export", "csv"]])
def test_the_command_line_answers_hostile_files_in_time(hostile_project: Path, monkeypatch: pytest.MonkeyPatch,
                                                        command: list[str]) -> None:
    from click.testing import CliRunner

    from interview_journal.cli import main

    monkeypatch.chdir(hostile_project)
    with time_limit(FILE_LIMIT * 3, " ".join(command)):
        result = CliRunner().invoke(main, command)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == (1 if command == ["check"] else 0)
    if command == ["check"]:
        lines = result.stdout.splitlines()
        assert len(lines) > 500 and all(PROBLEM_LINE.match(line) for line in lines)
        assert "an error of Interview Journal" not in result.stdout
        assert {line.split(":")[0] for line in lines} >= {"journal/pipe.md", "journal/zero.md"}
    else:
        assert "problems in the journal" in result.stderr


def test_a_build_answers_hostile_files_in_time(hostile_project: Path) -> None:
    from mkdocs.exceptions import Abort

    from conftest import build_clean

    with time_limit(FILE_LIMIT * 6, "a build"):
        out = build_clean(hostile_project, strict=False)
    board = soup(out / "journal" / "index.html")
    assert len(board.select(".ij-problems li")) > 500
    assert (out / "journal" / "good" / "a" / "index.html").is_file()
    with time_limit(FILE_LIMIT * 6, "a strict build"), pytest.raises(Abort):
        build_clean(hostile_project, strict=True)


def mutations(text: bytes, rng: random.Random, count: int) -> list[bytes]:
    """Cut, duplicated, shuffled and corrupted versions of a real file."""
    found = []
    lines = text.split(b"\n")
    for _ in range(count):
        choice = rng.randrange(6)
        if choice == 0:
            found.append(text[: rng.randrange(len(text) + 1)])
        elif choice == 1:
            at = rng.randrange(len(text) + 1)
            found.append(text[:at] + bytes([rng.randrange(256)]) + text[at:])
        elif choice == 2:
            copy = lines[:]
            i, j = rng.randrange(len(copy)), rng.randrange(len(copy))
            copy[i], copy[j] = copy[j], copy[i]
            found.append(b"\n".join(copy))
        elif choice == 3:
            at = rng.randrange(len(lines))
            found.append(b"\n".join(lines[:at] + [rng.choice([b"\t", b"  ", b"- ", b": ", b"&a", b"*a", b"!!", b"|", b">", b"---", b"\x00"]) + lines[at]] + lines[at + 1:]))
        elif choice == 4:
            at = rng.randrange(len(lines))
            found.append(b"\n".join(lines[:at] + [lines[at].replace(b": ", b": [", 1)] + lines[at + 1:]))
        else:  # a value replaced by one a reader would not expect
            at = rng.randrange(len(lines))
            key, sep, _ = lines[at].partition(b": ")
            value = rng.choice([b"*a", b"!secret x", b"true", b"on", b"0", b"9999-12-31", b"0001-01-01 00:30",
                                b"[" * 40, b"{<<: x}", b"1" * 50, b"~", b"''", b"- [ ] (due:: (due:: (due::"])
            found.append(b"\n".join(lines[:at] + [key + b": " + value if sep else value] + lines[at + 1:]))
    return found


def test_no_traceback_for_hundreds_of_damaged_sample_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from interview_journal.cli import main

    rng = random.Random(20261125)
    samples = sorted((REPO / "journal").rglob("*.md"))
    journal = tmp_path / "journal"
    count = 0
    for sample in samples:
        for n, data in enumerate(mutations(sample.read_bytes(), rng, 25)):
            target = journal / sample.parent.name / f"{sample.stem}-{n}.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            count += 1
    with time_limit(FILE_LIMIT * 3, "loading the damaged files"):
        loaded = load_journal(journal, ZoneInfo("Europe/Berlin"))
        pages = list(build_site(prepare(loaded, Options(), date(2026, 11, 25))))
    assert count >= 400
    assert loaded.problems, "the damage went unnoticed"
    assert pages
    assert all(PROBLEM_LINE.match(str(problem)) for problem in loaded.problems)
    assert not [problem for problem in loaded.problems if "an error of Interview Journal" in problem.got]
    monkeypatch.chdir(tmp_path)
    for command in (["check"], ["todo", "--json"], ["export", "ics"], ["export", "csv"]):
        with time_limit(FILE_LIMIT * 3, " ".join(command)):
            result = CliRunner().invoke(main, [*command, "--today", "2026-11-25"] if command[0] != "check" else command)
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


ODD_NAMES = ["what?.md", "a#b.md", "sp ace.md", "100%.md", "Société/Entretien été.md"]
SHARED.add({name: debrief(company=f"C{n}") for n, name in enumerate(ODD_NAMES)})


def test_links_to_debriefs_with_odd_file_names_reach_them(out: Path) -> None:
    from urllib.parse import unquote, urljoin

    names = ODD_NAMES
    page = soup(out / "journal" / "followups" / "index.html")
    ours = ", ".join(f"[data-kind][data-company='c{n}'] a[href]" for n in range(len(names)))
    targets = {a["href"] for a in page.select(ours)}
    assert len(targets) == len(names)
    for href in targets:
        parts = urlsplit(href)
        assert (parts.query, parts.fragment) == ("", ""), href
        path = unquote(urljoin("/journal/followups/", parts.path)).lstrip("/")
        assert (out / path / "index.html").is_file(), href
