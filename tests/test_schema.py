"""The JSON Schema (``interview-journal schema``) and ``check`` agree, field by field.

Both run over the same files: the bad-input corpus, the sample journal, and a table of values
for every kind of field (choices in any case, whole numbers written in every way, booleans,
dates and times that do not exist, blank text, single values for lists, people as text, links
to notes, near-miss keys at every level). For each file, the fields ``check`` reports and the
fields the schema refuses are the same set. The schema is given the data ``check`` reads (our
YAML reader's), as an editor's YAML parser would hand it over; what only the YAML reader can
see (aliases, tags, a key written twice) is ``check``'s alone, and a file whose front matter
cannot be read has no data to give.
"""

from __future__ import annotations

import json
import random
import re
from datetime import timezone
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import REPO
from interview_journal.dates import MOMENT_PATTERN, DateFormError, parse_moment
from interview_journal.frontmatter import COMPANY_FIELDS, DEBRIEF_FIELDS, Debrief, Interviewer, Question
from interview_journal.load import load_file
from interview_journal.nearmiss import near_miss, near_miss_pattern
from interview_journal.schema import journal_schema
from interview_journal.source import read_source

CORPUS = Path(__file__).parent / "corpus"
VALIDATOR = jsonschema.Draft7Validator(journal_schema("any"))
SOURCE_LEVEL = {"front matter", "file", "task", "body"}
"""Problem fields that are not a field's value: the YAML itself, the file, the body."""


def _root(field: str) -> str:
    return re.split(r"[.\[]", field, maxsplit=1)[0]


def verdicts(path: Path) -> tuple[set[str], set[str]] | None:
    """The top-level fields ``check`` reports, and those the schema refuses; None when the front
    matter does not read (the schema then has nothing to check)."""
    source = read_source(path, path.name)
    if source.data is None:
        return None
    refused = {_root(str(part)) for loc in source.refused for part in loc[:1]}
    found = load_file(path, path.stem, timezone.utc).result
    problems = found if isinstance(found, list) else found.problems
    by_check = {_root(p.field) for p in problems if p.field not in SOURCE_LEVEL and p not in source.problems}
    by_schema: set[str] = set()
    for error in VALIDATOR.iter_errors(source.data):
        if error.path:
            by_schema.add(str(error.path[0]))
        elif error.validator == "required":
            by_schema.update(set(error.validator_value) - set(error.instance))
        elif "propertyNames" in error.schema_path:  # a top-level key refused: the error is about the key
            by_schema.add(str(error.instance))
        else:
            by_schema.add("front matter")
    return by_check - refused, by_schema - refused


def files_of(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.md"))


@pytest.mark.parametrize("path", files_of(CORPUS) + files_of(REPO / "journal"), ids=lambda p: p.name)
def test_check_and_the_schema_agree_on_the_corpus_and_the_sample(path: Path) -> None:
    found = verdicts(path)
    if found is None:
        pytest.skip("the front matter does not read: nothing for a schema to check")
    by_check, by_schema = found
    assert by_check == by_schema


def test_the_corpus_gives_the_schema_work() -> None:
    """Most of the corpus reaches the schema, and some of it is refused by both."""
    found = [verdicts(path) for path in files_of(CORPUS)]
    read = [pair for pair in found if pair is not None]
    assert len(read) >= 20 and sum(1 for by_check, _ in read if by_check) >= 8


BASE = {"company": "Acme", "role": "Data Engineer", "date": "2026-11-20"}

CASES: list[tuple[str, object, bool]] = [
    # choices: any case, spaces around; the Kelvin sign is not a k
    ("format", "video", True), ("format", "Video", True), ("format", " TAKE-HOME ", True), ("format", "zoom", False),
    ("format", "ta\u212ae-home", False), ("format", 3, False), ("format", None, True), ("format", "", False),
    ("status", "No-Show", True), ("via", "Direct", True), ("rapport", True, False), ("outcome", "OFFER", True),
    ("kind", "Debrief", True), ("kind", " debrief ", True), ("kind", "note", False), ("kind", None, True),
    # whole numbers: never a boolean
    ("round", 1, True), ("round", True, False), ("round", False, False), ("round", "2", True), ("round", " 2 ", True),
    ("round", "+2", True), ("round", "002", True), ("round", 2.0, True), ("round", 2.5, False), ("round", "2.0", False),
    ("round", "1_0", False), ("round", "\u0662", False), ("round", 0, False), ("round", "0", False), ("round", -1, False),
    ("round", "-1", False), ("round", 10**12, True), ("round", [1], False), ("round", "", False),
    ("interest", 4, True), ("interest", "4", True), ("interest", "5", True), ("interest", "6", False),
    ("interest", 6, False), ("interest", True, False), ("interest", "yes", False), ("interest", 0, False),
    # booleans as pydantic reads them
    ("private", True, True), ("private", False, True), ("private", "yes", False), ("private", "Off", False),
    ("private", "1", False), ("private", 1, False), ("private", 0, False), ("private", 2, False),
    ("private", "maybe", False), ("private", " yes", False), ("private", None, False), ("private", "", False),
    # dates and times that exist
    ("date", "2026-11-20 14:00", True), ("date", "2026-02-28", True), ("date", "2026-02-29", False),
    ("date", "2024-02-29", True), ("date", "1900-02-29", False), ("date", "2000-02-29", True),
    ("date", "2026-02-30", False), ("date", "2026-04-31", False), ("date", "2026-13-01", False),
    ("date", "0000-01-01", False), ("date", "2026-11-20 25:00", False), ("date", "2026-11-20 24:00", False),
    ("date", "2026-11-20 23:59:59", True), ("date", "2026-11-20 23:60", False), ("date", "2026-11-20 14:00:60", False),
    ("date", "2026-11-20 9:05", True), ("date", "2026-11-20T14:00Z", True), ("date", "2026-11-20 14:00 +05:30", True),
    ("date", "2026-11-20 14:00+24:00", False), ("date", "2026-11-20 14:00+01:99", False),
    ("date", " 2026-11-20 ", True), ("date", "20.11.2026", False), ("date", "\u0662\u0660\u0662\u0666-11-20", False),
    ("date", "2026-11-20 \u0661\u0664:00", False), ("date", 20261120, False), ("date", "", False),
    ("recruiter_call", "2026-11-21", True), ("recruiter_call", 840, False), ("recruiter_call", "2026-11-31", False),
    # text: not blank, not a number or a boolean, not a list
    ("stage", "phone screen", True), ("stage", "", False), ("stage", "   ", False), ("stage", "\t\n", False),
    ("stage", 2024, False), ("stage", True, False), ("stage", ["a"], False), ("stage", {"a": 1}, False),
    ("role", "  ", False), ("company", "", False), ("company", "[[Acme]]", True), ("company", "[[ ]]", True),
    # lists: empty, a single value, items checked
    ("tags", None, True), ("tags", [], True), ("tags", "job-search", True), ("tags", ["a", " "], False),
    ("tags", 3, False), ("tags", ["a", 3], False), ("went_well", "rapport", True), ("went_well", "", False),
    ("interviewers", "Sam Patel", True), ("interviewers", ["Sam", {"name": "Ann"}], True),
    ("interviewers", {"name": "Ann", "thank_you": "2026-11-21"}, True), ("interviewers", [None], False),
    ("interviewers", [{"title": "CTO"}], False), ("interviewers", [{"name": " "}], False),
    ("interviewers", [{"name": "Ann", "thank_you": "2026-02-30"}], False), ("interviewers", [["Ann"]], False),
    ("take_back", "said X", True), ("take_back", [{"answer": "x", "clarified": "soon"}], False),
    ("questions", ["why us?", {"q": "joins", "answer": "OK"}], True), ("questions", [{"q": "x", "answer": "great"}], False),
    ("questions", 42, False), ("log", {"date": "2026-11-21", "note": "called"}, True), ("log", [{"note": "x"}], False),
    ("feedback", {"received": "2026-11-22", "positives": "clear"}, True), ("feedback", "great", False),
    # people
    ("recruiter", "Dana Ruiz", True), ("recruiter", "[[People/Dana Ruiz|Dana]]", True), ("recruiter", "", False),
    ("recruiter", 3, False), ("recruiter", [["Dana Ruiz"]], False), ("recruiter", None, True),
    ("recruiter", {"name": "Dana", "email": " dana@talent.example "}, True),
    ("recruiter", {"name": "Dana", "email": "Dana <dana@talent.example>"}, False),
    ("recruiter", {"name": "Dana", "email": "dana@localhost"}, False),
    ("contact", {"name": "Kim", "phone": "+1 555 0100"}, True), ("contact", {"name": "Kim", "phone": 15550100}, False),
    # near-miss keys, at every level
    ("Tags", ["a"], False), ("interviewer", "Sam", False), ("recruter", "Dana", False), ("Went Well", ["x"], False),
    ("data", "x", True), ("salary_band", "95-110k", True), ("dates", "x", False),
    ("interviewers", [{"name": "Ann", "thank-you": "2026-11-21"}], False), ("recruiter", {"name": "D", "Email": "x"}, False),
    ("feedback", {"recieved": "2026-11-22"}, False), ("questions", [{"q": "x", "Q": "y"}], False),
    ("interviewers", [{"name": "Ann", "linkedin": "ann-w"}], True),
]


@pytest.mark.parametrize(("field", "value", "accepted"), CASES, ids=[f"{f}={v!r}" for f, v, _ in CASES])
def test_check_and_the_schema_agree_on_each_value(tmp_path: Path, field: str, value: object, accepted: bool) -> None:
    data = {**BASE, field: value}
    path = tmp_path / "a.md"
    path.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n", encoding="utf-8")
    found = verdicts(path)
    assert found is not None
    by_check, by_schema = found
    assert by_check == by_schema
    assert (by_check == set()) is accepted, by_check


def test_a_company_note_is_held_to_its_own_fields(tmp_path: Path) -> None:
    for text, accepted in (("kind: Company\ncompany: Acme\nstatus: Ghosted\n", True),
                           ("kind: company\ncompany: Acme\nstatus: lost\n", False),
                           ("kind: company\ncompany: Acme\nwebsite: HTTPS://acme.example\n", True),
                           ("kind: company\ncompany: Acme\nwebsite: acme.example\n", False),
                           ("kind: company\ncompany: Acme\nWebsite: https://acme.example\n", False),
                           ("kind: company\ncompany: Acme\nstage: screen\n", True)):  # a debrief's field is its own here
        path = tmp_path / "note.md"
        path.write_text("---\n" + text + "---\n", encoding="utf-8")
        by_check, by_schema = verdicts(path) or (None, None)
        assert by_check == by_schema and (by_check == set()) is accepted, text


def test_the_date_pattern_is_parse_moment() -> None:
    """Every day of years that test the leap rules, and times and offsets around their limits."""
    pattern = re.compile(MOMENT_PATTERN)

    def reads(text: str) -> bool:
        try:
            parse_moment(text, timezone.utc)
        except DateFormError:
            return False
        return True

    texts = [f"{year}-{month:02d}-{day:02d}" for year in ("0000", "0001", "0004", "0100", "0400", "1900", "2000",
                                                          "2024", "2026", "2100", "2400", "9999")
             for month in range(14) for day in range(33)]
    texts += [f"2026-11-20{sep}{hour}:{minute}{second}{zone}"
              for sep in ("T", " ") for hour in ("0", "9", "09", "19", "20", "23", "24", "99")
              for minute in ("00", "59", "60", "5") for second in ("", ":59", ":60", ":30.25")
              for zone in ("", "Z", " +01:00", "-0130", "+23:59", "+24:00", "+01:60", "+0199", "+1")]
    assert sum(map(reads, texts)) > 1000
    for text in texts:
        assert reads(text) is bool(pattern.search(text)), text


@pytest.mark.parametrize("model", [Debrief, Interviewer, Question])
def test_the_near_miss_pattern_is_the_near_miss_rule(model) -> None:
    fields = list(model.model_fields)
    pattern = re.compile(near_miss_pattern(fields))
    rng = random.Random(19)
    letters = "abcdeiklnorstuwAEIKRST_- .\u00e9\n"
    for _ in range(20000):
        key = list(rng.choice(fields))
        for _ in range(rng.randint(0, 2)):
            at = rng.randrange(len(key) + 1)
            edit = rng.randrange(4)
            if edit == 0:
                key.insert(at, rng.choice(letters))
            elif key and edit == 1:
                del key[min(at, len(key) - 1)]
            elif len(key) > 1 and edit == 2:
                at = min(at, len(key) - 2)
                key[at], key[at + 1] = key[at + 1], key[at]
            elif key:
                key[min(at, len(key) - 1)] = rng.choice(letters)
        text = "".join(char.upper() if rng.random() < 0.2 else char for char in key)
        assert (near_miss(text, fields) is not None) is bool(pattern.search(text)), text


@pytest.mark.parametrize(("key", "field"), [
    ("Tags", "tags"), ("intervewers", "interviewers"), ("interviewer", "interviewers"), ("recruter", "recruiter"),
    ("recruitor", "recruiter"), ("Went Well", "went_well"), ("recruiter-call", "recruiter_call"), ("dates", "date"),
    ("dtae", "date"), ("Stages", "stage"), ("data", None), ("mind", None), ("via_", None), ("Via", "via"),
    ("salary_band", None), ("tags", None),
])
def test_near_misses(key: str, field: str | None) -> None:
    assert near_miss(key, DEBRIEF_FIELDS_IN_ORDER) == field


DEBRIEF_FIELDS_IN_ORDER = list(Debrief.model_fields)


def test_the_schema_is_json_and_draft_7() -> None:
    schema = journal_schema("any")
    jsonschema.Draft7Validator.check_schema(schema)
    assert json.loads(json.dumps(schema)) == schema
    assert set(schema["$defs"]["Debrief"]["properties"]) == DEBRIEF_FIELDS
    assert set(schema["$defs"]["CompanyNote"]["properties"]) == COMPANY_FIELDS
