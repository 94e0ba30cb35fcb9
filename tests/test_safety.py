"""Safety: every front-matter value is escaped wherever it lands; links are http(s) or mailto only.

A debrief and a company note carry a script, an ``on*`` handler, a ``javascript:`` link and a
Markdown link in every text field; the built site (every HTML file, the search index) must
carry them only as text. The other tests of built pages share one build (``out``) of all
their files, each test's under its own names and companies.
"""

from __future__ import annotations

import json
import random
import re
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest

from conftest import REPO, SharedJournal, build_once, debrief, soup
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


# --- no traceback for any input --------------------------------------------------------------

def mutations(text: bytes, rng: random.Random, count: int) -> list[bytes]:
    """Cut, duplicated, shuffled and corrupted versions of a real file."""
    found = []
    lines = text.split(b"\n")
    for _ in range(count):
        choice = rng.randrange(5)
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
        else:
            at = rng.randrange(len(lines))
            found.append(b"\n".join(lines[:at] + [lines[at].replace(b": ", b": [", 1)] + lines[at + 1:]))
    return found


def test_no_traceback_for_hundreds_of_damaged_sample_files(tmp_path: Path) -> None:
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
    loaded = load_journal(journal, ZoneInfo("Europe/Berlin"))
    pages = list(build_site(prepare(loaded, Options(), date(2026, 11, 25))))
    assert count >= 400
    assert loaded.problems, "the damage went unnoticed"
    assert pages
    assert all(str(problem).count(":") >= 3 for problem in loaded.problems)


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
