"""The journal: files grouped by company, one company note each, company slugs."""

from __future__ import annotations

from datetime import timezone
from zoneinfo import ZoneInfo

import pytest

from interview_journal.load import load_journal
from journal_files import lines, load, write

pytestmark = pytest.mark.usefixtures("in_tmp")  # problem lines name files from tmp_path

BERLIN = ZoneInfo("Europe/Berlin")
DATE_FORMS = "a date YYYY-MM-DD (or YYYY-MM-DD HH:MM)"


# --- company identity and slugs ------------------------------------------------------------

def test_spellings_of_one_company_are_one_company(tmp_path):
    write(tmp_path, "---\ncompany: Acme Inc\nrole: Dev\ndate: 2026-11-20\n---\n", "a.md")
    write(tmp_path, "---\ncompany: ACME, Inc.\nrole: Dev\ndate: 2026-11-21\n---\n", "b.md")
    write(tmp_path, "---\ncompany: acme inc\nrole: Dev\ndate: 2026-11-22\n---\n", "c.md")
    write(tmp_path, "---\ncompany: Acme Inc\nrole: Ops\ndate: 2026-11-23\n---\n", "d.md")
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert list(journal.companies) == ["acme inc"]
    company = journal.companies["acme inc"]
    assert (company.slug, company.name) == ("acme-inc", "Acme Inc")
    assert [entry.rel for entry in company.debriefs] == ["a", "b", "c", "d"]

def test_company_note_names_the_company(tmp_path):
    write(tmp_path, "---\ncompany: acme inc\nrole: Dev\ndate: 2026-11-20\n---\n", "a.md")
    write(tmp_path, "---\nkind: company\ncompany: ACME, Inc.\n---\n", "acme.md")
    journal = load_journal(tmp_path / "journal", timezone.utc)
    company = journal.companies["acme inc"]
    assert company.name == "ACME, Inc."
    assert company.note is journal.notes[0]
    assert [entry.rel for entry in company.debriefs] == ["a"]

def test_second_company_note_is_a_problem(tmp_path):
    write(tmp_path, "---\nkind: company\ncompany: Acme\n---\n", "a.md")
    write(tmp_path, "---\nkind: company\ncompany: ACME\n---\n", "b.md")
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert lines(journal) == [
        ("journal/b.md:3:1: company: expected one company note for Acme, got a second one (first: journal/a.md) "
         "(hint: merge the two notes)")
    ]

@pytest.mark.parametrize("files", [("C++ Labs", "C Labs"), ("C Labs", "C++ Labs")])
def test_clashing_company_slugs_in_a_journal(tmp_path, files):
    for name, company in zip(("a.md", "b.md"), files, strict=True):
        write(tmp_path, f"---\ncompany: {company}\nrole: Dev\ndate: 2026-11-20\n---\n", name)
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert {c.name: c.slug for c in journal.companies.values()} == {"C Labs": "c-labs", "C++ Labs": "c-labs-7e5116"}

def test_cjk_company_in_a_journal(tmp_path):
    journal = load(tmp_path, "---\ncompany: 株式会社\nrole: Dev\ndate: 2026-11-20\n---\n")
    assert [c.slug for c in journal.companies.values()] == ["c-a8bb7f5d"]

def test_second_company_note_points_at_its_company_key_wherever_it_is(tmp_path):
    # the key's position is read from the file again when the problem is found (after loading)
    write(tmp_path, "---\nkind: company\ncompany: Acme\n---\n", "a.md")
    write(tmp_path, "---\nkind: company\nwebsite: https://acme.example\n# ours\n  \ncompany:   ACME\n---\n", "b.md")
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert [(problem.path, problem.line, problem.col) for problem in journal.problems] == [("journal/b.md", 6, 1)]


# --- a journal without some of its files ---------------------------------------------------

def test_without_leaves_out_files_their_problems_and_empty_companies(tmp_path):
    from interview_journal.journal import without

    write(tmp_path, "---\ncompany: Acme\nrole: Dev\ndate: 2026-11-20\nformat: zoom\n---\n", "acme/a.md")
    write(tmp_path, "---\ncompany: Acme\nrole: Dev\ndate: 2026-11-21\n---\n", "acme/b.md")
    write(tmp_path, "---\ncompany: Beta\nrole: Dev\ndate: 2026-11-22\n---\n", "beta/c.md")
    write(tmp_path, "---\nkind: company\ncompany: Gamma\n---\n", "gamma/company.md")
    journal = load_journal(tmp_path / "journal", timezone.utc)
    assert len(journal.problems) == 1  # format: zoom, in acme/a.md
    kept = without(journal, {"acme/a.md", "beta/c.md"})
    assert [entry.path for entry in kept.debriefs] == ["acme/b.md"]
    assert {key: [e.path for e in c.debriefs] for key, c in kept.companies.items()} == {"acme": ["acme/b.md"],
                                                                                          "gamma": []}
    assert kept.problems == [] and kept.notes == journal.notes
    assert kept.companies["acme"].slug == journal.companies["acme"].slug
    assert without(journal, set()) is journal
