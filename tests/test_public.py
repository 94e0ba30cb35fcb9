"""``public: true``: the sample journal built for publishing leaks nothing private, anywhere.

The secrets are collected from the journal itself (every address, phone number, log note,
take-back answer, feedback remark, offer detail and private file), then every file of the built site is read
(HTML, search index, sitemap, calendar, anything else) and searched for them.
"""

from __future__ import annotations

import gzip
import html
import json
import shutil
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from conftest import REPO, build
from interview_journal.load import load_journal


def secrets() -> dict[str, str]:
    """What must not be published: text -> where it comes from."""
    journal = load_journal(REPO / "journal", ZoneInfo("Europe/Berlin"))
    found: dict[str, str] = {}

    def person(p: object, where: str) -> None:
        for key in ("email", "phone"):
            value = getattr(p, key, None)
            if value:
                found[value] = f"{where}.{key}"

    public_text = []
    for entry in [*journal.debriefs, *journal.notes]:
        model, where = entry.model, entry.rel
        for p in [getattr(model, "recruiter", None), getattr(model, "contact", None), *getattr(model, "interviewers", [])]:
            if p is not None:
                person(p, where)
        for log in model.log:
            found[log.note] = f"{where}: log"
        for item in getattr(model, "take_back", []):
            found[item.answer] = f"{where}: take_back.answer"
            if item.correction:
                found[item.correction] = f"{where}: take_back.correction"
        feedback = getattr(model, "feedback", None)
        if feedback is not None:
            for text in [*feedback.positives, *feedback.negatives, *([feedback.next_steps] if feedback.next_steps else [])]:
                found[text] = f"{where}: feedback"
        offer = getattr(model, "offer", None)
        if offer is not None:
            for key, value in (offer.model_extra or {}).items():
                found[f"{value}"] = f"{where}: offer.{key}"
        if model.private:
            for line in entry.body.splitlines():
                if len(line.strip(" -#*>")) >= 20:
                    found[line.strip(" -#*>")] = f"{where}: body of a private file"
            for text in [*getattr(model, "went_well", []), *getattr(model, "went_poorly", [])]:
                found[text] = f"{where}: private file"
        else:
            public_text.append(entry.body)
    # a remark the user also wrote in a published body is theirs to publish
    return {text: where for text, where in found.items() if not any(text in body for body in public_text)}


def site_texts(site_dir: Path) -> dict[str, str]:
    """Every file of the site as the text a reader (or a crawler) gets from it."""
    texts = {}
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # images and fonts
        if path.suffix == ".json":
            text = json.dumps(json.loads(text), ensure_ascii=False)
        texts[path.relative_to(site_dir).as_posix()] = html.unescape(text).replace("\\n", "\n")
    return texts


def sample_site(root: Path, public: bool) -> Path:
    """The sample journal and config, built with hand-written docs of one page: ours quote
    example addresses on purpose."""
    shutil.copytree(REPO / "journal", root / "journal")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# My job search\n", encoding="utf-8")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "interview-journal" in plugin:
            plugin["interview-journal"]["public"] = public
    config["nav"] = [{"Home": "index.md"}, *[item for item in config["nav"] if isinstance(item, dict) and "Journal" in item]]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return build(root, strict=True)


@pytest.fixture(scope="module")
def public_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_site(tmp_path_factory.mktemp("public"), public=True)


def test_the_sample_has_secrets_of_every_kind() -> None:
    kinds = {where.rsplit(".", 1)[-1] if "." in where.split(":")[0] else where.split(": ")[-1] for where in secrets().values()}
    assert {"email", "phone", "log", "take_back.answer", "feedback", "body of a private file"} <= kinds


def test_nothing_private_anywhere_in_the_public_site(public_site: Path) -> None:
    texts = site_texts(public_site)
    assert "search/search_index.json" in texts and "sitemap.xml" in texts
    leaks = [f"{name}: {where}: {secret!r}" for secret, where in secrets().items()
             for name, text in texts.items() if secret in text]
    assert leaks == []


def test_no_address_of_any_shape(public_site: Path) -> None:
    import re

    address = re.compile(r"[\w.+-]+@[\w-]+\.example\b|mailto:[^\"'\s>]*@")
    found = {name: address.findall(text) for name, text in site_texts(public_site).items()}
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_the_private_file_has_no_page(public_site: Path) -> None:
    assert not (public_site / "journal" / "quillon-health" / "2026-11-12-final-with-cto").exists()


def test_the_same_journal_shows_everything_on_a_private_site(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The leak test can fail: without ``public`` the secrets are there."""
    texts = "\n".join(site_texts(sample_site(tmp_path_factory.mktemp("private"), public=False)).values())
    shown = [secret for secret in secrets() if secret in texts]
    assert len(shown) >= 0.8 * len(secrets())


def test_the_public_switch_documented_in_publishing_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``public: !ENV [JOURNAL_PUBLIC, false]``: public in CI, private on the user's machine; the CLI reads it too."""
    from click.testing import CliRunner

    from conftest import debrief, write_files
    from interview_journal.cli import main

    write_files(tmp_path, {
        "mkdocs.yml": """
            site_name: Mine
            theme: {name: material, font: false}
            plugins:
              - search
              - interview-journal:
                  public: !ENV [JOURNAL_PUBLIC, false]
                  today: 2026-11-25
            """,
        "docs/index.md": "# Home\n",
        "journal/a.md": debrief(recruiter={"name": "Dana Ruiz", "email": "dana@agency.example"}),
    })
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JOURNAL_PUBLIC", "true")
    public = "\n".join(site_texts(build(tmp_path)).values())
    monkeypatch.delenv("JOURNAL_PUBLIC")
    private = "\n".join(site_texts(build(tmp_path)).values())
    assert "dana@agency.example" not in public
    assert "dana@agency.example" in private
    assert CliRunner().invoke(main, ["todo"]).exit_code == 0


# --- the public view itself ----------------------------------------------------------------

def _view(tmp_path: Path, files: dict[str, str]):
    from conftest import write_files
    from interview_journal.public import public_view

    write_files(tmp_path / "journal", files)
    journal = load_journal(tmp_path / "journal", ZoneInfo("Europe/Berlin"))
    return journal, public_view(journal)


def test_the_view_leaves_out_private_files_and_files_with_problems(tmp_path: Path) -> None:
    from conftest import debrief

    journal, view = _view(tmp_path, {
        "a.md": debrief(company="Open"),
        "b.md": debrief(company="Secret", private=True),
        "c.md": debrief(company="Broken", format="zoom"),  # a problem: left out, whatever else it holds
    })
    assert sorted(e.model.company for e in journal.debriefs) == ["Broken", "Open", "Secret"]
    assert [e.model.company for e in view.debriefs] == ["Open"]
    assert list(view.companies) == ["open"]


def test_the_view_holds_no_private_field_and_the_follow_ups_still_know_what_is_done(tmp_path: Path) -> None:
    from conftest import debrief
    from interview_journal.options import Due
    from interview_journal.process import build_processes
    from interview_journal.rules import all_items

    _, view = _view(tmp_path, {
        "a.md": debrief(date="2026-11-20", recruiter={"name": "Dana", "email": "dana@tb.example", "phone": "+1 555"},
                        interviewers=[{"name": "Priya", "email": "p@acme.example", "background": "ran a bank team",
                                       "looking_for": "SQL depth"}],
                        take_back=[{"answer": "said no Kafka", "correction": "two years", "clarified": "2026-11-21"}],
                        feedback={"received": "2026-11-22", "positives": ["clear"], "negatives": ["slow"],
                                  "next_steps": "onsite"},
                        went_well=["the demo"], went_poorly=["froze"], interest=2, rapport="poor", pitch="I build",
                        questions=[{"q": "joins", "answer": "poor"}], log=[{"date": "2026-11-23", "note": "call"}],
                        mine="my own field", offer={"received": "2026-11-23", "deadline": "2026-12-04",
                                                    "salary": "123k base", "perks": ["gym budget"]}),
        "b.md": debrief(date="2026-12-02", status="scheduled", recruiter={"name": "Dana"},
                        interviewers=[{"name": "Sam", "background": "a staff engineer"}]),
    })
    text = repr([entry.model for entry in view.debriefs])
    for secret in ("dana@tb.example", "+1 555", "p@acme.example", "ran a bank team", "SQL depth", "said no Kafka",
                   "two years", "'clear'", "'slow'", "onsite", "the demo", "froze", "I build", "'poor'",
                   "'call'", "my own field", "a staff engineer", "123k base", "gym budget"):
        assert secret not in text, secret
    items = {item.kind: item for item in all_items(build_processes(view, date(2026, 11, 25)), Due())}
    assert items["take-back"].done and items["take-back"].title == "Ask Dana to clarify an answer"
    assert items["feedback"].done  # received stays
    assert items["prep-background"].done  # told, though what was told is left out
    assert (items["offer-reply"].due, items["offer-reply"].outstanding) == (date(2026, 12, 4), True)  # dates stay


def test_a_public_site_publishes_only_the_attachments_its_notes_link_to(tmp_path: Path) -> None:
    from conftest import debrief, write_files

    files = {
        "acme/a.md": debrief(body="![board](board.png) [take-home](<take home.pdf>) ![up](../shared/logo.svg \"t\")\n"
                                  '[ref]: notes%20v2.txt\n<img src="inline.jpg"> [web](https://x.example/a.png)\n'),
        "secret/b.md": debrief(company="Secret", private=True, body="![offer](offer.png)\n"),
    }
    write_files(tmp_path / "journal", files)
    for name in ("acme/board.png", "acme/take home.pdf", "shared/logo.svg", "acme/notes v2.txt", "acme/inline.jpg",
                 "acme/unlinked.png", "secret/offer.png"):
        (tmp_path / "journal" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "journal" / name).write_bytes(b"x")
    _, view = _view(tmp_path, {})
    assert view.attachments == ["acme/board.png", "acme/inline.jpg", "acme/notes v2.txt", "acme/take home.pdf",
                                "shared/logo.svg"]


# --- private however it is written ---------------------------------------------------------------

HOSTILE_PRIVATE = {
    "alias": "t: &t true\nprivate: *t\n",
    "tag": "private: !secret true\n",
    "merge": "<<: {private: true}\n",
    "twice": "private: false\nprivate: true\n",
    "case": "Private: true\n",
    "quoted": "private: 'no'\n",
    "zero": "private: 0\n",
    "no": "private: no\n",
}


@pytest.fixture(scope="module")
def hostile_public_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import build_once, debrief

    files = {f"{name}.md": f"---\ncompany: Co {name}\nrole: Dev\ndate: 2026-11-20\n{fields}---\nSecret of {name}.\n"
             for name, fields in HOSTILE_PRIVATE.items()}
    files["open.md"] = debrief(company="Open Co", interest=2, rapport="poor", body="Shown.\n")
    return build_once(tmp_path_factory, files, strict=False, public=True)


@pytest.mark.parametrize("name", sorted(HOSTILE_PRIVATE))
def test_a_private_written_any_other_way_publishes_nothing(hostile_public_site: Path, name: str) -> None:
    texts = site_texts(hostile_public_site)
    assert [page for page, text in texts.items() if f"Secret of {name}" in text or f"Co {name}" in text] == []
    assert not (hostile_public_site / "journal" / name).exists()


def test_a_public_page_shows_neither_interest_nor_rapport(hostile_public_site: Path) -> None:
    from conftest import soup

    page = soup(hostile_public_site / "journal" / "open" / "index.html")
    assert "Shown." in page.get_text()
    labels = [dt.get_text(strip=True) for dt in page.select("dl.ij-summary dt")]
    assert "Interest" not in labels and "Rapport" not in labels
    assert "2 / 5" not in page.get_text()


def test_a_public_site_has_no_page_for_a_file_left_out(hostile_public_site: Path) -> None:
    """A private site shows a left-out file's problems where its page would be; a public one nothing."""
    assert sorted(p.name for p in (hostile_public_site / "journal").iterdir() if p.is_dir()) == [
        "assets", "companies", "followups", "insights", "open", "people", "questions"]
