"""Slugs and the identity of names."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from interview_journal.slugs import assign_slugs, identity, slugify

pytestmark = pytest.mark.usefixtures("in_tmp")  # problem lines name files from tmp_path

BERLIN = ZoneInfo("Europe/Berlin")
DATE_FORMS = "a date YYYY-MM-DD (or YYYY-MM-DD HH:MM)"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Société Générale Tech", "societe-generale-tech"),
        ("Société Générale", "societe-generale"),
        ("Ærø Straße", "aero-strasse"),
        ("  Northwind   Analytics ", "northwind-analytics"),
        ("../../etc/passwd", "etc-passwd"),
        ("株式会社", "c-a8bb7f5d"),
    ],
)
def test_slugify(name, slug):
    assert slugify(name) == slug

def test_name_without_ascii_letters_gets_a_stable_hash_slug():
    first = slugify("日本電気")
    assert first == slugify("日本電気")
    assert first.startswith("c-") and len(first) == 10
    assert all(char in "0123456789abcdef" for char in first[2:])
    assert first != slugify("株式会社")

def test_identity_ignores_case_accents_and_punctuation_but_not_plus():
    assert identity("Acme Inc") == identity("ACME, Inc.") == identity("acme  inc") == "acme inc"
    assert identity("Société Générale") == identity("Societe Generale")
    assert identity("C++ Labs") != identity("C Labs")

@pytest.mark.parametrize("names", [["C++ Labs", "C Labs"], ["C Labs", "C++ Labs"]])
def test_assign_slugs_tells_clashing_names_apart_whatever_the_order(names):
    assert assign_slugs(names) == {"c labs": "c-labs", "c++ labs": "c-labs-7e5116"}

def test_a_taken_slug_goes_to_no_name():
    slugs = assign_slugs(["Index", "INDEX Ltd", "Acme"], taken=["index"])
    assert slugs["index"].startswith("index-") and len(slugs["index"]) == len("index-") + 6
    assert slugs["index ltd"] == "index-ltd" and slugs["acme"] == "acme"


def test_a_company_named_index_keeps_the_companies_page_its_own(tmp_path):
    from interview_journal.load import load_journal
    from journal_files import write

    write(tmp_path, "---\ncompany: Index\nrole: Dev\ndate: 2026-11-20\n---\n", "index-co/a.md")
    company = load_journal(tmp_path / "journal", BERLIN).companies["index"]
    assert company.slug != "index" and company.slug.startswith("index-")
