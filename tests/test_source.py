"""Reading journal files: bytes -> front matter, positions, source text and problems.

Every input is written inline. Problem lines are compared whole, with the path as the code
computes it (relative to the current folder, which each test sets to ``tmp_path``).
"""

from __future__ import annotations

import os
from datetime import date, timezone
from pathlib import Path

import pytest

from conftest import time_limit
from interview_journal.load import load_journal
from interview_journal.problems import Problem
from interview_journal.source import MAX_BYTES, MAX_DEPTH, read_bytes, read_source
from journal_files import HEAD, PATH, load, write


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)






def read(tmp_path: Path, content: str | bytes):
    return read_source(write(tmp_path, content), PATH)


def lines(journal) -> list[str]:
    return [str(problem) for problem in journal.problems]


# --- the one-line problem format -------------------------------------------------------------


def test_problem_line_without_hint():
    problem = Problem("journal/a.md", 4, 1, "date", "a date", "soon")
    assert str(problem) == "journal/a.md:4:1: date: expected a date, got soon"


def test_problem_line_with_hint():
    problem = Problem("journal/a.md", 4, 7, "date", "a date", "soon", "write YYYY-MM-DD")
    assert str(problem) == "journal/a.md:4:7: date: expected a date, got soon (hint: write YYYY-MM-DD)"


# --- encodings and line endings ----------------------------------------------------------------


def test_utf8_byte_order_mark_is_accepted(tmp_path):
    journal = load(tmp_path, b"\xef\xbb\xbf" + HEAD.encode() + b"---\nbody\n")
    assert journal.problems == []
    assert journal.debriefs[0].model.company == "Acme"
    assert journal.debriefs[0].body == "body\n"


def test_byte_order_mark_does_not_shift_key_positions(tmp_path):
    src = read(tmp_path, b"\xef\xbb\xbf" + HEAD.encode() + b"---\n")
    assert src.where(("company",)) == (2, 1)


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_other_line_endings_keep_line_numbers(tmp_path, newline):
    text = (HEAD + "round: 0\n---\nbody\n").replace("\n", newline)
    journal = load(tmp_path, text)
    assert lines(journal) == [f"{PATH}:5:1: round: expected a whole number of at least 1, got 0"]
    assert journal.debriefs[0].body == "body\n"


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_other_line_endings_keep_task_lines(tmp_path, newline):
    text = (HEAD + "---\nnotes\n- [ ] bad 📅 soon\n").replace("\n", newline)
    journal = load(tmp_path, text)
    assert [problem.line for problem in journal.problems] == [7]


def test_latin1_byte_is_one_problem_at_the_byte(tmp_path):
    journal = load(tmp_path, HEAD.encode() + b"stage: caf\xe9\n---\n")
    assert lines(journal) == [
        f"{PATH}:5:11: file: expected UTF-8 text, got the byte 0xe9 (hint: save the file as UTF-8 in your editor)"
    ]
    assert journal.debriefs == []


def test_latin1_byte_after_byte_order_mark_is_located(tmp_path):
    journal = load(tmp_path, b"\xef\xbb\xbf---\ncompany: Acme\xe9\nrole: Dev\ndate: 2026-11-20\n---\n")
    assert lines(journal) == [
        f"{PATH}:2:14: file: expected UTF-8 text, got the byte 0xe9 (hint: save the file as UTF-8 in your editor)"
    ]


def test_latin1_byte_in_cr_only_file_is_located(tmp_path):
    journal = load(tmp_path, HEAD.replace("\n", "\r").encode() + b"stage: caf\xe9\r---\r")
    assert [(problem.line, problem.col) for problem in journal.problems] == [(5, 11)]


# --- the front matter fence ----------------------------------------------------------------


def test_trailing_spaces_after_fences_and_dot_closing_are_accepted(tmp_path):
    journal = load(tmp_path, "---  \ncompany: Acme\nrole: Dev\ndate: 2026-11-20\n... \nbody\n")
    assert journal.problems == []
    assert journal.debriefs[0].body == "body\n"


def test_body_starts_after_the_closing_line(tmp_path):
    src = read(tmp_path, HEAD + "---\n\n# Notes\n")
    assert src.body == "\n# Notes\n"
    assert src.body_line == 6


def test_unclosed_front_matter_before_a_later_rule_names_the_markdown_line(tmp_path):
    journal = load(tmp_path, HEAD + "\nSome notes about the call.\n\n---\n\nmore notes\n")
    assert lines(journal) == [
        (f"{PATH}:1:1: front matter: expected a closing '---' line after the fields, got Markdown text on line 6 "
         "(hint: add a line with --- before line 6, where the fields end)")
    ]
    assert journal.debriefs == []


def test_unclosed_front_matter_before_a_task_line_names_it(tmp_path):
    journal = load(tmp_path, HEAD + "\n- [ ] call Dana\n---\n")
    assert [(p.line, p.got) for p in journal.problems] == [(1, "Markdown text on line 6")]
    assert journal.debriefs == []


def test_unclosed_front_matter_before_heading_and_prose_names_the_markdown(tmp_path):
    journal = load(tmp_path, HEAD + "\n## Notes\nSome prose.\n\n---\n")
    assert len(journal.problems) == 1
    problem = journal.problems[0]
    assert (problem.line, problem.expected) == (1, "a closing '---' line after the fields")
    assert problem.got.startswith("Markdown text on line ")


def test_unclosed_front_matter_is_never_published(tmp_path):
    journal = load(tmp_path, HEAD + "\nSome notes.\n\n---\n\nsecret\n")
    assert (journal.debriefs, journal.notes, journal.companies) == ([], [], {})
    assert [p.line for p in journal.problems] == [1]


def test_front_matter_never_closed(tmp_path):
    journal = load(tmp_path, HEAD + "stage: screen\n")
    assert lines(journal) == [
        (f"{PATH}:1:1: front matter: expected a closing '---' line, got none until the end of the file "
         "(hint: add a line with --- after the last field)")
    ]
    assert journal.debriefs == []


@pytest.mark.parametrize(
    ("text", "got"),
    [
        ("# Interview with Acme\n", "'# Interview with Acme'"),
        ("\n---\ncompany: Acme\n---\n", "an empty line"),
        ("", "an empty line"),
        ("----\n", "'----'"),
    ],
    ids=["heading", "blank-first-line", "empty-file", "four-dashes"],
)
def test_no_front_matter(tmp_path, text, got):
    journal = load(tmp_path, text)
    assert lines(journal) == [
        (f"{PATH}:1:1: front matter: expected a first line '---' opening the front matter, got {got} "
         "(hint: start the file with --- and the fields company, role and date)")
    ]
    assert journal.debriefs == []


def test_empty_front_matter(tmp_path):
    journal = load(tmp_path, "---\n---\nbody\n")
    assert lines(journal) == [
        (f"{PATH}:2:1: front matter: expected fields like 'company: ...', got an empty front matter "
         "(hint: add company, role and date)")
    ]
    assert journal.debriefs == []


@pytest.mark.parametrize(
    ("text", "got", "line"),
    [
        ("---\n- company: Acme\n- role: Dev\n---\n", "a list", 2),
        ("---\njust a sentence\n---\n", "the value 'just a sentence'", 2),
        ("---\n\n42\n---\n", "the value '42'", 3),
    ],
    ids=["list", "scalar", "number"],
)
def test_front_matter_that_is_not_a_mapping(tmp_path, text, got, line):
    journal = load(tmp_path, text)
    assert lines(journal) == [
        (f"{PATH}:{line}:1: front matter: expected fields written as 'key: value' lines, got {got} "
         "(hint: write one field per line, like 'company: Acme')")
    ]
    assert journal.debriefs == []


# --- YAML syntax ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "line"),
    [
        ("\tstage: screen\n", 5),
        ("recruiter:\n  name: Dana\n\tagency: Talent Bridge\n", 7),
        ("recruiter:\n\tname: Dana\n", 6),
        ("interviewers:\n\t- name: Priya\n", 6),
    ],
    ids=["top-level", "after-spaces", "nested-key", "nested-item"],
)
def test_tab_indentation_hint_mentions_tabs(tmp_path, fields, line):
    journal = load(tmp_path, HEAD + fields + "---\n")
    assert len(journal.problems) == 1
    problem = journal.problems[0]
    assert (problem.line, problem.field, problem.expected) == (line, "front matter", "valid YAML")
    assert problem.hint == "indent with spaces, not tabs"
    assert journal.debriefs == []


def test_syntax_error_has_a_located_problem(tmp_path):
    journal = load(tmp_path, HEAD + "stage: [screen\n---\n")
    assert len(journal.problems) == 1
    problem = journal.problems[0]
    assert (problem.path, problem.field, problem.expected) == (PATH, "front matter", "valid YAML")
    assert problem.line >= 5
    assert "quote values" in problem.hint
    assert journal.debriefs == []


def test_duplicate_key_names_the_first_line_and_keeps_the_first_value(tmp_path):
    journal = load(tmp_path, HEAD + "stage: screen\ncompany: Other\n---\n")
    assert lines(journal) == [
        (f"{PATH}:6:1: company: expected each key once, got 'company' again (first on line 2) "
         "(hint: remove one of the two lines)")
    ]
    assert journal.debriefs[0].model.company == "Acme"


def test_duplicate_nested_key_is_located_in_its_list_item(tmp_path):
    journal = load(
        tmp_path,
        HEAD + "interviewers:\n  - name: Priya\n  - name: Bo\n"
        "    thank_you: 2026-11-21\n    thank_you: 2026-11-22\n---\n",
    )
    assert lines(journal) == [
        (f"{PATH}:9:5: interviewers[1].thank_you: expected each key once, got 'thank_you' again (first on line 8) "
         "(hint: remove one of the two lines)")
    ]
    assert journal.debriefs[0].model.interviewers[1].thank_you == date(2026, 11, 21)


# --- aliases, anchors and tags -------------------------------------------------------------------


def test_alias_of_a_list_is_refused_and_not_expanded(tmp_path):
    src = read(tmp_path, HEAD + "a: &a [x, y]\nb: *a\n---\n")
    assert [(p.field, p.expected, p.got) for p in src.problems] == [("b", "a plain value", "an alias (*a)")]
    assert src.problems[0].hint == "aliases and anchors are not supported: write the value out"
    assert "b" not in src.data


def test_alias_of_a_scalar_is_refused(tmp_path):
    journal = load(tmp_path, HEAD + "stage: &s screen\npitch: *s\n---\n")
    assert [(p.field, p.got) for p in journal.problems] == [("pitch", "an alias (*s)")]
    assert journal.debriefs[0].model.pitch is None


def test_alias_problem_points_at_the_alias_line(tmp_path):
    src = read(tmp_path, HEAD + "a: &a [x, y]\nb: *a\n---\n")
    assert [(p.line, p.col) for p in src.problems] == [(6, 1)]  # the key that holds the alias


def test_alias_bomb_finishes_at_once_and_is_reported(tmp_path):
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    journal = load(tmp_path, HEAD + "\n".join(levels) + "\n---\n")
    assert [(p.field, p.got) for p in journal.problems] == [(f"a{n}[0]", f"an alias (*a{n - 1})") for n in range(1, 10)]
    extra = journal.debriefs[0].model.model_extra
    assert [extra[f"a{n}"] for n in range(1, 10)] == [[]] * 9


def test_merge_key_is_refused(tmp_path):
    journal = load(tmp_path, HEAD + "<<: {stage: screen}\n---\n")
    assert lines(journal) == [
        (f"{PATH}:5:1: front matter: expected a plain key, got a complex or merge key "
         "(hint: write keys as plain words followed by ':')")
    ]
    assert journal.debriefs[0].model.stage is None


@pytest.mark.parametrize(
    ("value", "got"),
    [
        ("!!binary aGVsbG8=", "the tag !!binary"),
        ("!!python/name:os.system", "the tag !!python/name:os.system"),
        ("!custom thing", "the tag !custom"),
    ],
    ids=["binary", "python-name", "local-tag"],
)
def test_scalar_tag_is_refused_and_the_rest_kept(tmp_path, value, got):
    journal = load(tmp_path, HEAD + f"x: {value}\nstage: screen\n---\n")
    assert lines(journal) == [
        (f"{PATH}:5:4: x: expected a plain value, got {got} "
         "(hint: remove the tag: journal files hold plain text, numbers, dates, lists and fields)")
    ]
    model = journal.debriefs[0].model
    assert model.stage == "screen"
    assert "x" not in model.model_extra


def test_python_object_tag_is_refused_and_the_rest_kept(tmp_path):
    journal = load(tmp_path, HEAD + 'x: !!python/object/apply:os.system ["echo"]\nstage: screen\n---\n')
    assert [(p.line, p.col, p.field, p.expected) for p in journal.problems] == [(5, 4, "x", "a plain value")]
    model = journal.debriefs[0].model
    assert model.stage == "screen"
    assert "x" not in model.model_extra


def test_python_object_tag_is_named_as_written(tmp_path):
    journal = load(tmp_path, HEAD + 'x: !!python/object/apply:os.system ["echo"]\n---\n')
    assert [p.got for p in journal.problems] == ["the tag !!python/object/apply:os.system"]


def test_standard_tags_are_accepted(tmp_path):
    journal = load(tmp_path, HEAD + "stage: !!str 2\nrecruiter: !!map {name: Dana}\n---\n")
    assert journal.problems == []
    assert journal.debriefs[0].model.stage == "2"
    assert journal.debriefs[0].model.recruiter.name == "Dana"


@pytest.mark.parametrize("key", ["content", "handler", "metadata"])
def test_python_frontmatter_attribute_names_are_plain_extra_fields(tmp_path, key):
    journal = load(tmp_path, HEAD + f"{key}: my own value\n---\nbody\n")
    assert journal.problems == []
    entry = journal.debriefs[0]
    assert entry.model.model_extra == {key: "my own value"}
    assert entry.body == "body\n"


# --- size ---------------------------------------------------------------------------------


def test_file_over_one_mebibyte_is_one_problem_and_not_read(tmp_path):
    head = (HEAD + "stage: \xff [\n---\n").encode("latin-1")
    src = read(tmp_path, head + b"x" * (MAX_BYTES + 1 - len(head)))
    assert [str(p) for p in src.problems] == [
        (f"{PATH}:1:1: file: expected at most 1 MiB, got 1.0 MiB "
         "(hint: split the notes into several files or move attachments out of the journal)")
    ]
    assert src.data is None


def test_file_of_exactly_one_mebibyte_is_read(tmp_path):
    head = (HEAD + "---\n").encode()
    journal = load(tmp_path, head + b"x" * (MAX_BYTES - len(head)))
    assert journal.problems == []
    assert len(journal.debriefs) == 1


# --- only regular files, bounded reads ------------------------------------------------------

needs_posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev/zero are POSIX")


@needs_posix
def test_a_named_pipe_is_a_problem_and_never_waited_for(tmp_path):
    (tmp_path / "journal" / "acme").mkdir(parents=True)
    os.mkfifo(tmp_path / "journal" / "acme" / "pipe.md")  # reading it would wait for a writer forever
    write(tmp_path, HEAD + "---\n")
    with time_limit(20, "reading a FIFO"):
        journal = load_journal(tmp_path / "journal", timezone.utc)
    assert lines(journal) == ["journal/acme/pipe.md:1:1: file: expected a regular file, got a named pipe (FIFO) "
                              "(hint: keep only Markdown files in the journal (a link may point at one, never at a device))"]
    assert len(journal.debriefs) == 1


@needs_posix
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_link_to_an_endless_device_is_a_problem_not_a_read(tmp_path):
    (tmp_path / "journal").mkdir()
    (tmp_path / "journal" / "zero.md").symlink_to("/dev/zero")  # stat says 0 bytes; reading never ends
    with time_limit(20, "reading /dev/zero"):
        journal = load_journal(tmp_path / "journal", timezone.utc)
    assert lines(journal) == [
        "journal/zero.md:1:1: file: expected a regular file, got a device "
        "(hint: keep only Markdown files in the journal (a link may point at one, never at a device))"]


def test_a_link_to_a_debrief_is_read(tmp_path):
    target = write(tmp_path, HEAD + "---\n", "elsewhere.md")
    (tmp_path / "journal" / "acme").mkdir(parents=True)
    (tmp_path / "journal" / "acme" / "a.md").symlink_to(target)
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert journal.problems == [] and {entry.rel for entry in journal.debriefs} == {"acme/a", "elsewhere"}


def test_no_more_than_the_limit_is_read_whatever_stat_says(tmp_path, monkeypatch):
    path = write(tmp_path, HEAD + "---\n" + "x" * (MAX_BYTES + 10))
    real_stat = os.stat

    def lying_stat(target, *args, **kwargs):  # a file that grew after stat, or a /proc file of size 0
        found = real_stat(target, *args, **kwargs)
        return os.stat_result((*found[:6], 100, *found[7:])) if str(target) == str(path) else found

    monkeypatch.setattr(os, "stat", lying_stat)
    assert read_bytes(path, PATH) == Problem(PATH, 1, 1, "file", "at most 1 MiB", "1.0 MiB",
                                             "split the notes into several files or move attachments out of the journal")


# --- nesting, numbers -----------------------------------------------------------------------

def _deep_stack(depth: int, call):
    """``call()`` with ``depth`` frames of Python already on the stack, as inside a MkDocs build."""
    return call() if depth == 0 else _deep_stack(depth - 1, call)


@pytest.mark.parametrize("nested, extra", [(MAX_DEPTH, ""), (150, "format: zoom\n")])
def test_deep_nesting_is_one_problem_not_a_recursion_error(tmp_path, nested, extra):
    write(tmp_path, HEAD + "mine: " + "[" * nested + "1" + "]" * nested + "\n" + extra + "---\n")
    journal = _deep_stack(700, lambda: load_journal(tmp_path / "journal", timezone.utc))
    field = "mine" + "[0]" * (MAX_DEPTH - 1)
    assert [(p.line, p.field, p.expected) for p in journal.problems][:1] == [
        (5, field, f"at most {MAX_DEPTH} levels of lists and fields")]
    assert len(journal.problems) == (2 if extra else 1)  # the other field's problem too
    assert [entry.model.company for entry in journal.debriefs] == ["Acme"]  # kept, without what is too deep


@pytest.mark.parametrize("nested, extra", [(990, ""), (600, "format: zoom\n")])
def test_nesting_as_deep_as_in_the_issue_is_one_problem_line(tmp_path, nested, extra):
    """990 deep, or 600 deep with a bad field, raised RecursionError inside a build."""
    write(tmp_path, HEAD + "mine: " + "[" * nested + "1" + "]" * nested + "\n" + extra + "---\n")
    journal = _deep_stack(700, lambda: load_journal(tmp_path / "journal", timezone.utc))
    assert [(p.line, p.field, p.got) for p in journal.problems] == [(5, "front matter", "more than 200 levels")]


def test_nesting_up_to_the_limit_is_read(tmp_path):
    nested = MAX_DEPTH - 1
    journal = load(tmp_path, HEAD + "mine: " + "[" * nested + "1" + "]" * nested + "\n---\n")
    assert journal.problems == []
    value = journal.debriefs[0].model.model_extra["mine"]
    for _ in range(nested):
        value = value[0]
    assert value == 1


@pytest.mark.parametrize(("nesting", "at"), [("[" * 500 + "]" * 500, (5, 206)), ("\n" + "- " * 100000 + "x", (6, 399)),
                                            ("{a: " * 300 + "}" * 300, (5, 803))])
def test_nesting_too_deep_to_compose_is_one_problem_line(tmp_path, nesting, at):
    """libyaml's composer recurses in C: some builds stop at 1,000 levels, others (PyYAML 6.0.1)
    crash the process on 100,000. More than 200 levels are counted from libyaml's events first."""
    journal = _deep_stack(700, lambda: load(tmp_path, HEAD + "mine: " + nesting + "\n---\n"))
    assert [(p.line, p.col, p.field, p.expected, p.got) for p in journal.problems] == [
        (*at, "front matter", f"values nested at most {MAX_DEPTH} levels deep", "more than 200 levels")]
    assert journal.debriefs == []


def test_a_long_flat_front_matter_is_not_counted_as_nesting(tmp_path):
    journal = load(tmp_path, HEAD + "tags: [" + ", ".join(f"t{i}" for i in range(300)) + "]\n"
                   + "".join(f"k{i}: [a, b]\n" for i in range(300)) + "---\n")
    assert journal.problems == [] and len(journal.debriefs[0].model.tags) == 300


@pytest.mark.parametrize("value", ["1" * 5000, "0x" + "f" * 5000, "1:2" * 20000])
def test_a_number_too_long_to_read_is_a_problem(tmp_path, value):
    """Python refuses to read a number of more than 4,300 digits, and a long base-60 number
    (``1:21:2...``) would take quadratic time."""
    journal = load(tmp_path, HEAD + f"round: {value}\n---\n")
    assert lines(journal) == [f"{PATH}:5:8: round: expected a number of at most 40 characters, "
                              f"got {len(value)} characters (hint: quote the value if it is text)"]
    assert journal.debriefs[0].model.round is None


def test_a_tag_on_the_whole_front_matter_is_refused(tmp_path):
    journal = load(tmp_path, "---\n!mine\ncompany: Acme\nrole: Dev\ndate: 2026-11-20\n---\n")
    assert lines(journal) == [f"{PATH}:2:1: front matter: expected a plain value, got the tag !mine "
                              "(hint: remove the tag: journal files hold plain text, numbers, dates, lists and fields)"]
    assert journal.debriefs == []


# --- positions and source text ------------------------------------------------------------


def test_key_positions_count_the_opening_line(tmp_path):
    src = read(tmp_path, HEAD + "recruiter:\n  name: Dana\n---\n")
    assert src.where(("company",)) == (2, 1)
    assert src.where(("date",)) == (4, 1)
    assert src.where(("recruiter", "name")) == (6, 3)


def test_positions_are_found_in_the_nodes_of_what_was_read(tmp_path):
    src = read(tmp_path, HEAD + "tags: [a, &t b, *t, d]\ninterviewers:\n- name: Sam\n  title: CTO\n"
                               "- Dana\nfeedback: !custom\n  positives: [x]\nround: 1\nround: 2\n---\n")
    assert src.where(("tags", 1)) == (5, 11)
    assert src.where(("tags", 2)) == (5, 1)  # an alias item: its list, not its anchor
    assert src.where(("interviewers", 0, "title")) == (8, 3)
    assert src.where(("interviewers", 1)) == (9, 3)
    assert src.where(("interviewers", 1, "name")) == (9, 3)  # a key not written: the innermost known
    assert src.where(("interviewers", 5)) == (6, 1)
    assert src.where(("feedback", "positives")) == (10, 1)  # nothing below a refused value
    assert src.where(("round",)) == (12, 1)  # the first of two
    assert src.where(("nowhere",)) == (1, 1)


def test_problem_in_a_nested_list_item_is_on_its_key_line(tmp_path):
    journal = load(
        tmp_path,
        HEAD + "interviewers:\n  - name: Priya\n  - name: Bo\n    title: CTO\n    thank_you: soon\n---\n",
    )
    assert lines(journal) == [
        (f"{PATH}:9:5: interviewers[1].thank_you: expected a date YYYY-MM-DD (or YYYY-MM-DD HH:MM), got soon "
         "(hint: write the date as YYYY-MM-DD, optionally followed by HH:MM)")
    ]
    assert [i.name for i in journal.debriefs[0].model.interviewers] == ["Priya", "Bo"]


def test_unquoted_time_keeps_its_source_text(tmp_path):
    src = read(tmp_path, HEAD + "recruiter_call: 14:00\n---\n")
    assert src.data["recruiter_call"] == 840
    assert src.raw[("recruiter_call",)] == "14:00"


def test_quoted_value_has_no_source_text(tmp_path):
    src = read(tmp_path, HEAD + "stage: '14:00'\n---\n")
    assert src.data["stage"] == "14:00"
    assert ("stage",) not in src.raw


def test_unquoted_time_as_date_reports_the_source_text(tmp_path):
    journal = load(tmp_path, "---\ncompany: Acme\nrole: Dev\ndate: 14:00\n---\n")
    assert lines(journal) == [
        (f"{PATH}:4:1: date: expected a date YYYY-MM-DD (or YYYY-MM-DD HH:MM), got 14:00 "
         "(hint: YAML reads 14:00 as a number: quote the value, like '2026-11-20 14:00')")
    ]
    assert journal.debriefs == []


def test_timestamps_stay_text_until_validated(tmp_path):
    src = read(tmp_path, HEAD + "recruiter_call: 2026-11-20 14:00:00\n---\n")
    assert src.data["date"] == "2026-11-20"
    assert src.data["recruiter_call"] == "2026-11-20 14:00:00"


# --- a whole journal ---------------------------------------------------------------------


def test_every_problem_of_every_file_is_collected(tmp_path):
    write(tmp_path, HEAD + "round: 0\ninterest: 9\n---\n", "acme/a.md")
    write(tmp_path, "no front matter\n", "beta/b.md")
    write(tmp_path, HEAD.encode() + b"stage: \xff\n---\n", "gamma/c.md")
    write(tmp_path, HEAD + "---\n", "gamma/ok.md")
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert [(p.path, p.line, p.field) for p in journal.problems] == [
        ("journal/acme/a.md", 5, "round"),
        ("journal/acme/a.md", 6, "interest"),
        ("journal/beta/b.md", 1, "front matter"),
        ("journal/gamma/c.md", 5, "file"),
    ]
    assert [entry.rel for entry in journal.debriefs] == ["acme/a", "gamma/ok"]
    assert journal.files_with_problems == ["journal/acme/a.md", "journal/beta/b.md", "journal/gamma/c.md"]


def test_hidden_files_and_other_extensions_are_skipped(tmp_path):
    write(tmp_path, "broken", ".hidden.md")
    write(tmp_path, "broken", ".git/x.md")
    write(tmp_path, "broken", "notes.txt")
    write(tmp_path, HEAD + "---\n", "acme/Round.MD")
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert journal.problems == []
    assert [entry.rel for entry in journal.debriefs] == ["acme/Round"]


def test_missing_journal_folder_is_a_problem(tmp_path):
    journal = load_journal(tmp_path / "nowhere", timezone.utc)
    assert lines(journal) == [
        ("nowhere:1:1: journal_dir: expected a folder of debriefs, got no such folder "
         "(hint: create it, or set journal_dir in mkdocs.yml / pass --journal)")
    ]
