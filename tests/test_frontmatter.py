"""The front matter's models: fields, types, choices, people, company notes, and the problem
line each wrong value gives (compared whole).
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from interview_journal.frontmatter import CompanyNote
from interview_journal.load import load_journal
from journal_files import HEAD, PATH, lines, load, only_debrief

pytestmark = pytest.mark.usefixtures("in_tmp")  # problem lines name files from tmp_path

BERLIN = ZoneInfo("Europe/Berlin")
DATE_FORMS = "a date YYYY-MM-DD (or YYYY-MM-DD HH:MM)"


# --- nulls, extra fields and near-misses ---------------------------------------------------

def test_nulls_are_none_or_empty_lists(tmp_path):
    journal = load(tmp_path, HEAD + "recruiter: ~\ninterviewers:\nstage:\ntags: null\nfeedback:\n---\n")
    assert journal.problems == []
    model = only_debrief(journal)
    assert (model.recruiter, model.interviewers, model.stage, model.tags, model.feedback) == (None, [], None, [], None)
    assert "'None'" not in repr(model.model_dump())

def test_unknown_fields_are_kept(tmp_path):
    journal = load(tmp_path, HEAD + "salary_band: ask later\nrecruiter:\n  name: Dana\n  linkedin: dana-r\n---\n")
    assert journal.problems == []
    model = only_debrief(journal)
    assert model.model_extra == {"salary_band": "ask later"}
    assert model.recruiter.model_extra == {"linkedin": "dana-r"}

@pytest.mark.parametrize(("key", "field"), [("interviewer", "interviewers"), ("recruter", "recruiter")])
def test_near_miss_key_is_a_problem_but_the_file_is_kept(tmp_path, key, field):
    journal = load(tmp_path, HEAD + f"{key}: Priya\n---\n")
    assert lines(journal) == [
        (f"{PATH}:5:1: {key}: expected a known field ('{field}'?), got '{key}' "
         f"(hint: rename it to '{field}', or pick a name of your own further from it)")
    ]
    assert only_debrief(journal).model_extra == {key: "Priya"}

# --- wrong values in optional fields: reported, dropped, the file kept ---------------------

def test_a_single_value_where_a_list_is_expected_is_a_list_of_one(tmp_path):
    """Obsidian writes a list of one as a single value (``tags: job-search``)."""
    journal = load(tmp_path, HEAD + "interviewers: Priya\ntags: job-search\nwent_well: rapport\n"
                              "feedback:\n  positives: clear answers\nlog:\n  date: 2026-11-21\n  note: called\n---\n")
    assert journal.problems == []
    model = only_debrief(journal)
    assert ([p.name for p in model.interviewers], model.tags, model.went_well) == (["Priya"], ["job-search"], ["rapport"])
    assert (model.feedback.positives, [entry.note for entry in model.log]) == (["clear answers"], ["called"])


def test_a_single_wrong_value_is_reported_as_that_item(tmp_path):
    journal = load(tmp_path, HEAD + "tags: 2026\n---\n")
    assert lines(journal) == [f"{PATH}:5:1: tags[0]: expected text, got 2026 (hint: quote the value, like '...')"]


@pytest.mark.parametrize(("written", "name"), [
    ('"[[Dana Ruiz]]"', "Dana Ruiz"), ('"[[Dana Ruiz|Dana]]"', "Dana Ruiz"), ('"[[People/Dana Ruiz]]"', "Dana Ruiz"),
    ('"[[Dana Ruiz#Contact]]"', "Dana Ruiz"), ('"[[Dana Ruiz.md|D.]]"', "Dana Ruiz"), ('" [[ Dana Ruiz ]] "', "Dana Ruiz"),
    ('"[[Dana]] and [[Lea]]"', "[[Dana]] and [[Lea]]"), ('"[[ ]]"', "[[ ]]"), ("Dana [[Ruiz]]", "Dana [[Ruiz]]"),
])
def test_wiki_links_are_read_as_names(tmp_path, written: str, name: str):
    journal = load(tmp_path, HEAD.replace("company: Acme", "company: \"[[Acme]]\"") + f"recruiter: {written}\n"
                   f"interviewers:\n  - {written}\n  - name: {written}\n    title: Lead\n---\n")
    assert journal.problems == []
    model = only_debrief(journal)
    assert (model.company, model.recruiter.name, [p.name for p in model.interviewers]) == ("Acme", name, [name, name])


@pytest.mark.parametrize(("field", "problem"), [
    ("recruiter: [[Dana Ruiz]]", "1: recruiter: expected a person: a name, or 'name:' with 'title:' and more on the lines "
                                 "below, got a list"),
    ("interviewers: [[Dana Ruiz]]", "16: interviewers[0]: expected a person: a name, or 'name:' with 'title:' and more "
                                    "on the lines below, got a list"),
    ("stage: [[Screen]]", "1: stage: expected text, not a list or mapping, got a list"),
])
def test_an_unquoted_wiki_link_says_to_quote_it(tmp_path, field: str, problem: str):
    journal = load(tmp_path, HEAD + field + "\n---\n")
    assert lines(journal) == [f'{PATH}:5:{problem} (hint: YAML reads [[Dana Ruiz]] as a list in a list: quote the '
                              'link, like "[[Dana Ruiz]]")']


def test_text_where_a_mapping_is_expected(tmp_path):
    journal = load(tmp_path, HEAD + "feedback: great\n---\n")
    assert lines(journal) == [f"{PATH}:5:1: feedback: expected a mapping of 'key: value' lines, got great"]
    assert only_debrief(journal).feedback is None

def test_unknown_choice_lists_the_choices(tmp_path):
    journal = load(tmp_path, HEAD + "format: zoom\nstage: screen\n---\n")
    assert lines(journal) == [
        f"{PATH}:5:1: format: expected one of phone | video | onsite | panel | take-home | other, got zoom"
    ]
    model = only_debrief(journal)
    assert (model.format, model.stage) == (None, "screen")

@pytest.mark.parametrize(
    ("field", "written", "value"),
    [("format", "Video", "video"), ("format", "TAKE-HOME", "take-home"), ("status", " Done", "done"),
     ("rapport", "Good", "good"), ("outcome", "Rejected", "rejected")],
)
def test_choices_ignore_case(tmp_path, field, written, value):
    journal = load(tmp_path, HEAD + f"{field}: '{written}'\n---\n")
    assert journal.problems == []
    assert getattr(only_debrief(journal), field) == value

@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("round: 0\n", "round: expected a whole number of at least 1, got 0"),
        ("round: -2\n", "round: expected a whole number of at least 1, got -2"),
        ("round: first\n", "round: expected a whole number, got first (hint: write digits only, like 2)"),
        ("round: 2.5\n", "round: expected a whole number, got 2.5 (hint: write digits only, like 2)"),
        ("round: true\n", "round: expected a whole number, got true "
                          "(hint: YAML reads yes/no/on/off as true/false: write the number)"),
        ("interest: yes\n", "interest: expected a whole number, got yes "
                            "(hint: YAML reads yes/no/on/off as true/false: write the number)"),
        ("interest: 7\n", "interest: expected a whole number of at most 5, got 7"),
        ("interest: 0\n", "interest: expected a whole number of at least 1, got 0"),
    ],
)
def test_numbers_out_of_range(tmp_path, fields, expected):
    journal = load(tmp_path, HEAD + fields + "---\n")
    assert lines(journal) == [f"{PATH}:5:1: {expected}"]
    assert (only_debrief(journal).round, only_debrief(journal).interest) == (None, None)

@pytest.mark.parametrize("fields", ["round: true\n", "round: on\n", "interest: yes\n", "interest: True\n"])
def test_booleans_are_never_numbers(tmp_path, fields):
    """pydantic would read true as 1: a round number or an interest that says yes is a problem."""
    journal = load(tmp_path, HEAD + fields + "---\n")
    field, written = fields.strip().split(": ")
    assert lines(journal) == [f"{PATH}:5:1: {field}: expected a whole number, got {written} "
                              "(hint: YAML reads yes/no/on/off as true/false: write the number)"]
    assert (only_debrief(journal).round, only_debrief(journal).interest) == (None, None)

def test_a_quoted_number_is_still_a_number(tmp_path):
    assert only_debrief(load(tmp_path, HEAD + "round: '2'\ninterest: 4\n---\n")).round == 2

@pytest.mark.parametrize("word", ["no", "yes", "on", "off", "True"])
def test_yaml_booleans_where_text_is_expected(tmp_path, word):
    journal = load(tmp_path, HEAD + f"stage: {word}\n---\n")
    assert lines(journal) == [
        f"{PATH}:5:1: stage: expected text, got {word} (hint: YAML reads yes/no/on/off as true/false: quote the value)"
    ]
    assert only_debrief(journal).stage is None

def test_quoted_yes_is_text(tmp_path):
    journal = load(tmp_path, HEAD + "stage: 'yes'\n---\n")
    assert journal.problems == []
    assert only_debrief(journal).stage == "yes"

def test_number_where_text_is_expected(tmp_path):
    journal = load(tmp_path, HEAD + "tags: [remote, 2026]\n---\n")
    assert lines(journal) == [f"{PATH}:5:16: tags[1]: expected text, got 2026 (hint: quote the value, like '...')"]
    assert only_debrief(journal).tags == ["remote"]

def test_private_takes_yaml_booleans(tmp_path):
    journal = load(tmp_path, HEAD + "private: yes\n---\n")
    assert journal.problems == []
    assert only_debrief(journal).private is True

@pytest.mark.parametrize("written", ["false", "False", "FALSE", "!!bool false"])
def test_only_a_plain_false_is_public(tmp_path, written):
    journal = load(tmp_path, HEAD + f"private: {written}\n---\n")
    assert journal.problems == [] and only_debrief(journal).private is False

@pytest.mark.parametrize("written", ["no", "off", "No", "OFF"])
def test_a_false_that_yaml_1_2_reads_as_text_is_private(tmp_path, written):
    """YAML 1.1 (PyYAML, MkDocs) reads no and off as false; YAML 1.2 (many editors) as the text "no"."""
    journal = load(tmp_path, HEAD + f"private: {written}\n---\n")
    assert lines(journal) == [f"{PATH}:5:1: private: expected true or false, got {written} (hint: write false to "
                              "publish the file (YAML 1.2 reads no and off as text); until then it counts as private)"]
    assert only_debrief(journal).private is True

@pytest.mark.parametrize(("fields", "problem"), [
    ("private: 0\n", "5:1: private: expected true or false, got 0"),
    ("private: 'false'\n", "5:1: private: expected true or false, got 'false'"),
    ("private: ''\n", "5:1: private: expected true or false, got an empty text"),
    ("private:\n", "5:1: private: expected true or false, got nothing"),
    ("private: [false]\n", "5:1: private: expected true or false, got a list"),
    ("t: &t true\nprivate: *t\n", "6:1: private: expected a plain value, got an alias (*t)"),
    ("private: !secret false\n", "5:10: private: expected a plain value, got the tag !secret"),
    ("private: false\nprivate: true\n", "6:1: private: expected each key once, got 'private' again (first on line 5)"),
    ("<<: {private: true}\n", "5:1: front matter: expected a plain key, got a complex or merge key"),
    ("? [private]\n: true\n", "5:3: front matter: expected a plain key, got a complex or merge key"),
    ("Private: true\n", "5:1: Private: expected a known field ('private'?), got 'Private'"),
    ("PRIVATE: true\n", "5:1: PRIVATE: expected a known field ('private'?), got 'PRIVATE'"),
    ("privat: true\n", "5:1: privat: expected a known field ('private'?), got 'privat'"),
    ("\uff50\uff52\uff49\uff56\uff41\uff54\uff45: true\n",
     "5:1: \uff50\uff52\uff49\uff56\uff41\uff54\uff45: expected a known field ('private'?), got '\uff50\uff52\uff49\uff56\uff41\uff54\uff45'"),
])
def test_any_private_that_is_not_a_plain_false_is_private(tmp_path, fields, problem):
    """However it is written: the value a YAML reader would see may be true, so the file is private."""
    journal = load(tmp_path, HEAD + fields + "---\n")
    assert [str(p).split(" (hint")[0] for p in journal.problems] == [f"{PATH}:{problem}"]
    assert only_debrief(journal).private is True

def test_a_wrong_private_value_says_the_file_counts_as_private(tmp_path):
    assert lines(load(tmp_path, HEAD + "private: maybe\n---\n")) == [
        f"{PATH}:5:1: private: expected true or false, got maybe "
        "(hint: write true or false: until then the file counts as private)"]

def test_a_company_note_is_private_in_doubt_too(tmp_path):
    journal = load(tmp_path, "---\nkind: company\ncompany: Acme\nprivate: false\nprivate: true\n---\n")
    assert journal.notes[0].model.private is True

# --- required fields ----------------------------------------------------------------------

def test_missing_company_leaves_the_file_out(tmp_path):
    journal = load(tmp_path, "---\nrole: Dev\ndate: 2026-11-20\n---\n")
    assert lines(journal) == [
        f"{PATH}:1:1: company: expected a value (this field is required), got nothing (hint: add 'company: ...')"
    ]
    assert journal.debriefs == []

@pytest.mark.parametrize("field", ["role", "date"])
def test_missing_role_or_date_leaves_the_file_out(tmp_path, field):
    text = HEAD.replace(f"{field}: ", "other: ")
    journal = load(tmp_path, text + "---\n")
    assert lines(journal) == [
        f"{PATH}:1:1: {field}: expected a value (this field is required), got nothing (hint: add '{field}: ...')"
    ]
    assert journal.debriefs == []

def test_empty_company_reads_got_nothing(tmp_path):
    journal = load(tmp_path, "---\ncompany:\nrole: Dev\ndate: 2026-11-20\n---\n")
    assert journal.debriefs == []
    assert len(journal.problems) == 1
    assert journal.problems[0].got == "nothing"

def test_missing_field_of_a_list_item_drops_the_item(tmp_path):
    journal = load(tmp_path, HEAD + "interviewers:\n  - title: CTO\n  - name: Bo\n---\n")
    assert [(p.line, p.col, p.expected) for p in journal.problems] == [(6, 5, "a value (this field is required)")]
    assert [i.name for i in only_debrief(journal).interviewers] == ["Bo"]

def test_missing_field_of_a_list_item_is_named_like_other_fields(tmp_path):
    journal = load(tmp_path, HEAD + "interviewers:\n  - title: CTO\n---\n")
    assert [p.field for p in journal.problems] == ["interviewers[0].name"]

def test_wrong_required_nested_value_is_reported_once(tmp_path):
    journal = load(tmp_path, HEAD + "log:\n  - date: soon\n    note: recruiter called\n---\n")
    assert lines(journal) == [
        (f"{PATH}:6:5: log[0].date: expected {DATE_FORMS}, got soon "
         "(hint: write the date as YYYY-MM-DD, optionally followed by HH:MM)")
    ]
    assert only_debrief(journal).log == []

# --- people ----------------------------------------------------------------------------------

def test_person_shorthand_is_the_name(tmp_path):
    journal = load(tmp_path, HEAD + "recruiter: Dana Ruiz\ncontact: Kim Lee\n---\n")
    assert journal.problems == []
    model = only_debrief(journal)
    assert (model.recruiter.name, model.recruiter.agency) == ("Dana Ruiz", None)
    assert model.contact.name == "Kim Lee"

def test_interviewers_as_plain_names(tmp_path):
    journal = load(tmp_path, HEAD + "interviewers: [Priya Shah, Bo Li]\n---\n")
    assert journal.problems == []
    assert [(i.name, i.title) for i in only_debrief(journal).interviewers] == [("Priya Shah", None), ("Bo Li", None)]

def test_interviewers_mixed_names_and_mappings(tmp_path):
    journal = load(tmp_path, HEAD + "interviewers:\n  - Priya Shah\n  - name: Bo Li\n    title: CTO\n---\n")
    assert journal.problems == []
    assert [(i.name, i.title) for i in only_debrief(journal).interviewers] == [("Priya Shah", None), ("Bo Li", "CTO")]

@pytest.mark.parametrize(
    "address",
    [
        "a@b.example?subject=x",
        "'Name <a@b.example>'",
        "a b@c.example",
        "a@b",
        "mailto:a@b.example",
        '"a@b.example\\nBcc: c@d"',
    ],
)
def test_email_must_be_a_plain_address(tmp_path, address):
    journal = load(tmp_path, HEAD + f"recruiter:\n  name: Dana\n  email: {address}\n---\n")
    assert len(journal.problems) == 1
    problem = journal.problems[0]
    assert (problem.line, problem.col, problem.field) == (7, 3, "recruiter.email")
    assert problem.expected == "a plain e-mail address like name@company.example"
    assert problem.hint == "no names, spaces, '?' or headers"
    assert only_debrief(journal).recruiter.email is None
    assert only_debrief(journal).recruiter.name == "Dana"

def test_plain_email_is_accepted(tmp_path):
    address = "priya.shah+jobs@north-wind.example"
    journal = load(tmp_path, HEAD + f"interviewers:\n  - name: Priya\n    email: {address}\n---\n")
    assert journal.problems == []
    assert only_debrief(journal).interviewers[0].email == address

# --- company notes -------------------------------------------------------------------------

def test_kind_company_loads_a_company_note(tmp_path):
    journal = load(tmp_path, "---\nkind: company\ncompany: Acme\nsource: Referral\napplied: 2026-11-01\n---\nbody\n")
    assert journal.problems == []
    assert journal.debriefs == []
    [note] = journal.notes
    assert isinstance(note.model, CompanyNote)
    assert (note.model.company, note.model.source, note.model.applied) == ("Acme", "referral", date(2026, 11, 1))
    assert note.body == "body\n"
    assert note.tasks == []

@pytest.mark.parametrize("website", ["https://acme.example/jobs", "HTTP://ACME.EXAMPLE"])
def test_website_over_http_is_accepted(tmp_path, website):
    journal = load(tmp_path, f"---\nkind: company\ncompany: Acme\nwebsite: {website}\n---\n")
    assert journal.problems == []
    assert journal.notes[0].model.website == website

@pytest.mark.parametrize(
    "website", ["javascript:alert(1)", "ftp://acme.example", "acme.example", "'https://a.example/\"><x'"]
)
def test_website_must_be_http(tmp_path, website):
    journal = load(tmp_path, f"---\nkind: company\ncompany: Acme\nwebsite: {website}\n---\n")
    assert [(p.line, p.field, p.expected) for p in journal.problems] == [
        (4, "website", "a web address starting with https:// or http://")
    ]
    assert journal.notes[0].model.website is None

def test_unknown_kind_is_a_problem_and_the_debrief_kept(tmp_path):
    journal = load(tmp_path, "---\nkind: interview\ncompany: Acme\nrole: Dev\ndate: 2026-11-20\n---\n")
    assert lines(journal) == [f"{PATH}:2:1: kind: expected one of debrief, got interview"]
    assert only_debrief(journal).kind is None

def test_an_unreadable_private_value_keeps_the_file_private(tmp_path, monkeypatch):

    monkeypatch.chdir(tmp_path)
    path = tmp_path / "journal" / "a.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\ncompany: Acme\nrole: Dev\ndate: 2026-11-20\nprivate: maybe\n---\n", encoding="utf-8")
    journal = load_journal(tmp_path / "journal")
    assert [p.field for p in journal.problems] == ["private"]
    assert journal.debriefs[0].model.private is True
