"""``interview-journal done``: each kind recorded in its file, and nothing else changed.

Files are compared byte for byte before and after: comments, key order, quoting, flow style,
blank lines, CRLF and a byte order mark must survive.
"""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, write_files
from interview_journal import cli
from interview_journal.cli import main

pytestmark = pytest.mark.usefixtures("in_tmp")

TODAY = "2026-11-25"


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    """``todo`` and ``done`` agree on the day, whatever the clock says."""
    monkeypatch.setenv("INTERVIEW_JOURNAL_TODAY", TODAY)
HEAD = "---\ncompany: Acme\nrole: Dev\ndate: 2026-11-20\n"


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def todo() -> list[dict]:
    code, out, _ = run("todo", "--json", "--today", TODAY)
    assert code == 0
    return json.loads(out)


def done(*args: str) -> tuple[int, str, str]:
    return run("done", "--date", "2026-11-26", *args)


def one_file(tmp_path: Path, text: str | bytes, name: str = "acme/a.md") -> Path:
    path = tmp_path / "journal" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def item_of(kind: str) -> dict:
    (found,) = [record for record in todo() if record["kind"] == kind]
    return found


# --- each kind, exact bytes -------------------------------------------------------------------

@pytest.mark.parametrize(("before", "kind", "after"), [
    (HEAD + "recruiter: Dana\n---\nNotes.\n", "recruiter-call",
     HEAD + "recruiter: Dana\nrecruiter_call: 2026-11-26\n---\nNotes.\n"),
    (HEAD + "recruiter: Dana\n---\n", "recruiter-thank-you",
     HEAD + "recruiter: Dana\nrecruiter_thank_you: 2026-11-26\n---\n"),
    (HEAD + "interviewers:\n  - name: Priya Shah\n    title: EM\n---\n", "thank-you",
     HEAD + "interviewers:\n  - name: Priya Shah\n    title: EM\n    thank_you: 2026-11-26\n---\n"),
    (HEAD + "interviewers:\n  - Priya Shah\n---\n", "thank-you",  # a name only: it becomes a mapping
     HEAD + "interviewers:\n  - name: Priya Shah\n    thank_you: 2026-11-26\n---\n"),
    (HEAD + "interviewers: [Priya Shah]\n---\n", "thank-you",  # a flow list keeps its style
     HEAD + "interviewers: [{name: Priya Shah, thank_you: 2026-11-26}]\n---\n"),
    (HEAD + "interviewers:\n  - {name: Priya Shah, title: EM}\n---\n", "thank-you",
     HEAD + "interviewers:\n  - {name: Priya Shah, title: EM, thank_you: 2026-11-26}\n---\n"),
    (HEAD + "interviewers:\n  - name: Priya Shah\n    thank_you:   # not yet\n---\n", "thank-you",
     HEAD + "interviewers:\n  - name: Priya Shah\n    thank_you: 2026-11-26 # not yet\n---\n"),
    (HEAD + "recruiter: Dana\ntake_back:\n  - said no Kafka\n---\n", "take-back",
     HEAD + "recruiter: Dana\ntake_back:\n  - answer: said no Kafka\n    clarified: 2026-11-26\n---\n"),
    (HEAD + "recruiter: Dana\ntake_back:\n  - answer: said no Kafka\n    correction: I did\n---\n", "take-back",
     HEAD + "recruiter: Dana\ntake_back:\n  - answer: said no Kafka\n    correction: I did\n"
            "    clarified: 2026-11-26\n---\n"),
    (HEAD + "recruiter: Dana\n---\n", "feedback",
     HEAD + "recruiter: Dana\nfeedback:\n  received: 2026-11-26\n---\n"),
    (HEAD + "recruiter: Dana\nfeedback:\n  positives: [clear]\n# more below\n---\n", "feedback",
     HEAD + "recruiter: Dana\nfeedback:\n  positives: [clear]\n  received: 2026-11-26\n# more below\n---\n"),
    (HEAD + "recruiter: Dana\nfeedback:\n---\n", "feedback",
     HEAD + "recruiter: Dana\nfeedback:\n  received: 2026-11-26\n---\n"),
    (HEAD + "contact: Kim Lee\n---\n", "check-in",
     HEAD + "contact: Kim Lee\nfeedback:\n  received: 2026-11-26\n---\n"),
    (HEAD + "offer:\n  received: 2026-11-24\n  base: 90k\n---\n", "offer-reply",
     HEAD + "offer:\n  received: 2026-11-24\n  base: 90k\n  replied: 2026-11-26\n---\n"),
    (HEAD + "---\n- [ ] send the link 📅 2026-11-27\n", "task",
     HEAD + "---\n- [x] send the link 📅 2026-11-27 \u2705 2026-11-26\n"),
    (HEAD + "---\n  * [ ] nested and blocked ^abc123\n", "task",
     HEAD + "---\n  * [x] nested and blocked \u2705 2026-11-26 ^abc123\n"),
])
def test_each_kind_adds_its_line_and_nothing_else(tmp_path: Path, before: str, kind: str, after: str) -> None:
    path = one_file(tmp_path, before)
    code, out, err = done(item_of(kind)["handle"])
    assert code == 0, err
    assert path.read_text(encoding="utf-8") == after
    assert "Recorded:" in out
    assert kind not in [record["kind"] for record in todo()]
    assert run("check")[0] == 0


@pytest.mark.parametrize(("kind", "value", "line"), [
    ("prep-format", "Panel", "format: panel\n"),
    ("prep-background", "ran a bank team: 8 years", "    background: 'ran a bank team: 8 years'\n"),
])
def test_preparation_is_recorded_with_what_you_learned(tmp_path: Path, kind: str, value: str, line: str) -> None:
    before = HEAD.replace("2026-11-20", "2026-12-02") + "recruiter: Dana\ninterviewers:\n  - name: Rafa\n---\n"
    path = one_file(tmp_path, before)
    handle = item_of(kind)["handle"]
    code, _, err = done(handle)
    assert code == 2 and "--value" in err and path.read_text(encoding="utf-8") == before  # usage: nothing written
    assert done(handle, "--value", value)[0] == 0
    added = [line for line in difflib.ndiff(before.splitlines(True), path.read_text().splitlines(True))
             if line.startswith(("+ ", "- "))]
    assert added == ["+ " + line]


# --- the bytes of odd but valid files -----------------------------------------------------------

def test_crlf_a_bom_comments_and_quoting_are_kept(tmp_path: Path) -> None:
    text = ("---\r\ncompany: 'Acme'   # quoted on purpose\r\nrole: \"Dev\"\r\ndate: 2026-11-20\r\n\r\n"
            "recruiter: {name: Dana}\r\ninterviewers:\r\n  # the panel\r\n  - name: Priya\r\n---\r\n"
            "Notes\r\n- [ ] ping Dana\r\n")
    path = one_file(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"))
    for kind in ("thank-you", "recruiter-call", "task"):
        assert done(item_of(kind)["handle"])[0] == 0
    expected = text.replace("  - name: Priya\r\n", "  - name: Priya\r\n    thank_you: 2026-11-26\r\n")
    expected = expected.replace("    thank_you: 2026-11-26\r\n---", "    thank_you: 2026-11-26\r\nrecruiter_call: 2026-11-26\r\n---")
    expected = expected.replace("- [ ] ping Dana", "- [x] ping Dana \u2705 2026-11-26")
    assert path.read_bytes() == b"\xef\xbb\xbf" + expected.encode("utf-8")


@pytest.mark.parametrize("name", ["ok-bom.md", "ok-crlf.md", "ok-cr-only.md", "ok-nulls.md", "ok-content-handler-keys.md"])
def test_the_corpus_odd_but_valid_files_change_only_by_added_lines(tmp_path: Path, name: str) -> None:
    source = REPO / "tests" / "corpus" / name
    path = one_file(tmp_path, source.read_bytes(), "c/" + name)
    records = todo()
    if not records:
        pytest.skip(f"{name} has nothing outstanding")
    before = path.read_bytes()
    for record in records:
        code, _, err = done(record["handle"], "--value", "video")
        assert code == 0, (record, err)
    after = path.read_bytes()
    old, new = before.decode("utf-8-sig").splitlines(True), after.decode("utf-8-sig").splitlines(True)
    removed = [line for line in difflib.ndiff(old, new) if line.startswith("- ")]
    assert all("[ ]" in line for line in removed)  # only task lines change, the rest is added
    assert todo() == [] and run("check")[0] == 0


# --- choosing, refusing ---------------------------------------------------------------------------

@pytest.fixture
def two_rounds(tmp_path: Path) -> tuple[Path, Path]:
    a = one_file(tmp_path, HEAD + "interviewers: [Priya Shah, Tom Lee]\n---\n", "acme/a.md")
    b = one_file(tmp_path, HEAD.replace("Acme", "Beta") + "interviewers: [Priya Shah]\n---\n", "beta/b.md")
    return a, b


def test_words_that_match_several_items_change_nothing_and_list_them(two_rounds: tuple[Path, Path]) -> None:
    before = [path.read_bytes() for path in two_rounds]
    code, _, err = done("thank", "priya")
    assert code == 1 and "2 outstanding items match" in err and err.count("Priya Shah") == 2
    assert [path.read_bytes() for path in two_rounds] == before
    code, _, err = done("nobody")
    assert code == 1 and "No outstanding item matches" in err


def test_words_that_match_one_item_record_it(two_rounds: tuple[Path, Path]) -> None:
    assert done("priya", "beta")[0] == 0
    assert "thank_you: 2026-11-26" in two_rounds[1].read_text()
    assert "thank_you" not in two_rounds[0].read_text()


def test_several_handles_in_one_file(two_rounds: tuple[Path, Path]) -> None:
    handles = [r["handle"] for r in todo() if r["path"] == "acme/a.md" and r["kind"] == "thank-you"]
    assert len(handles) == 2 and done(*handles)[0] == 0
    assert two_rounds[0].read_text().count("thank_you: 2026-11-26") == 2


def test_the_full_id_works_too(two_rounds: tuple[Path, Path]) -> None:
    record = next(r for r in todo() if r["path"] == "beta/b.md")
    assert done(record["id"])[0] == 0


def test_dry_run_prints_the_diff_and_writes_nothing(two_rounds: tuple[Path, Path]) -> None:
    before = two_rounds[1].read_bytes()
    code, out, _ = run("done", "--dry-run", "--date", "2026-11-26", "priya", "beta")
    assert code == 0 and two_rounds[1].read_bytes() == before
    assert "--- a/journal/beta/b.md" in out and "+interviewers: [{name: Priya Shah, thank_you: 2026-11-26}]" in out


def test_no_selector_outside_a_terminal_is_a_usage_error(two_rounds: tuple[Path, Path]) -> None:
    assert done()[0] == 2


def test_no_selector_in_a_terminal_offers_a_numbered_list(two_rounds: tuple[Path, Path], monkeypatch) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    code, out, _ = run("done", "--date", "2026-11-26", input="1\n")
    assert code == 0 and "  1  " in out and "Recorded:" in out


def test_a_file_with_problems_is_not_edited(tmp_path: Path) -> None:
    path = one_file(tmp_path, HEAD + "interviewers: [Priya]\nformat: zoom\n---\n")
    before = path.read_bytes()
    code, _, err = done(item_of("thank-you")["handle"])
    assert code == 1 and "has problems" in err and path.read_bytes() == before


def test_a_file_changed_meanwhile_is_not_overwritten(tmp_path: Path, monkeypatch) -> None:
    from interview_journal import edit

    path = one_file(tmp_path, HEAD + "interviewers: [Priya]\n---\n")
    planned = edit.plan

    def and_then_someone_saves(*args, **kwargs):
        result = planned(*args, **kwargs)
        path.write_text(HEAD + "interviewers: [Priya]\n# my edit\n---\n", encoding="utf-8")
        return result

    monkeypatch.setattr(edit, "plan", and_then_someone_saves)
    code, _, err = done(item_of("thank-you")["handle"])
    assert code == 1 and "changed since it was read" in err
    assert path.read_text(encoding="utf-8").endswith("# my edit\n---\n")


def test_the_write_keeps_the_file_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = one_file(tmp_path, HEAD + "interviewers: [Priya]\n---\n")
    path.chmod(0o640)
    assert done(item_of("thank-you")["handle"])[0] == 0
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in path.parent.iterdir()) == ["a.md"]


# --- the sample journal, and the site ----------------------------------------------------------

def test_every_outstanding_kind_of_the_sample_can_be_recorded(tmp_path: Path) -> None:
    shutil.copytree(REPO / "journal", tmp_path / "journal")
    write_files(tmp_path, {"mkdocs.yml": (REPO / "mkdocs.yml").read_text(encoding="utf-8")})
    before = {p: p.read_bytes() for p in (tmp_path / "journal").rglob("*.md")}
    records = todo()
    assert {"thank-you", "take-back", "recruiter-call", "feedback", "check-in", "task", "prep-format",
            "prep-background", "recruiter-thank-you", "offer-reply"} <= {r["kind"] for r in records}
    for record in records:
        code, _, err = done(record["handle"], "--value", "video")
        assert code == 0, (record["title"], err)
    assert todo() == [] and run("check")[0] == 0
    for path, old in before.items():
        changed = [line for line in difflib.ndiff(old.decode().splitlines(True), path.read_text().splitlines(True))
                   if line.startswith("- ")]
        assert all("[" in line and "]" in line for line in changed), (path, changed)  # only task lines


def test_handles_are_short_unique_and_the_same_on_the_site(tmp_path: Path) -> None:
    from interview_journal.edit import handles

    class Item:  # handles read only the id
        def __init__(self, item_id: str) -> None:
            self.id = item_id

    found = handles([Item(f"a/{n}.md#task:x") for n in range(5000)])  # type: ignore[misc]
    assert len(set(found.values())) == 5000 and min(map(len, found.values())) == 4
    assert all(len(code) <= 8 for code in found.values())
    assert all(code == digest[:len(code)] for code, digest in zip(found.values(), map(_digest, found), strict=True))


def _digest(item_id: str) -> str:
    import hashlib

    return hashlib.sha1(item_id.encode("utf-8")).hexdigest()


def test_the_site_shows_the_command_beside_each_outstanding_item(tmp_path: Path) -> None:
    from conftest import build, make_project, soup

    make_project(tmp_path, {"acme/a.md": HEAD + "interviewers: [Priya]\n---\n- [ ] send it\n"})
    out = build(tmp_path)
    wanted = {r["id"]: r["handle"] for r in todo()}
    for page in ("journal/followups/index.html", "journal/acme/a/index.html", "journal/companies/acme/index.html"):
        items = soup(out / page).select(".ij-item[data-id]:not([data-done])")
        assert items, page
        for item in items:
            command = f"interview-journal done {wanted[item['data-id']]}"
            assert item.select_one(".ij-done-command code").get_text() == command
            assert item.select_one("button.ij-copy")["data-copy"] == command


def test_a_public_site_shows_no_command(tmp_path: Path) -> None:
    from conftest import build, make_project, soup

    make_project(tmp_path, {"acme/a.md": HEAD + "interviewers: [Priya]\n---\n"}, {"public": True})
    out = build(tmp_path)
    assert soup(out / "journal/followups/index.html").select(".ij-item")
    assert soup(out / "journal/followups/index.html").select(".ij-done-command") == []


def test_a_wrong_date_names_the_option_and_what_it_is(tmp_path: Path) -> None:
    one_file(tmp_path, HEAD + "interviewers: [Sam Patel]\n---\n")
    code, _, err = run("done", "--date", "2026-13-01", "sam")
    assert code == 2
    assert "--date: the day it was done must be a date YYYY-MM-DD, got '2026-13-01'" in err
