"""Deterministic synthetic journals for the benchmark: N debriefs over N/5 companies.

Everything comes from one ``random.Random(seed)``, so the same N and seed always give the same
bytes. The files look like the sample journal: recruiters and direct processes, interviewers
with thank-you dates, take-back answers, feedback, questions, a log now and then, task lines
in the body and a company note per company. Names and addresses are fictional (``.example``).
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

import yaml

TODAY = date(2026, 11, 25)

_ADJ = ("Amber", "Brisk", "Cobalt", "Drift", "Ember", "Fable", "Granite", "Harbor", "Indigo", "Juniper", "Kestrel",
        "Lumen", "Maple", "Northwind", "Onyx", "Pinecrest", "Quill", "Riverbend", "Saffron", "Tidal", "Umber",
        "Vesper", "Willow", "Yarrow", "Zephyr")
_NOUN = ("Analytics", "Robotics", "Ledger", "Health", "Freight", "Labs", "Systems", "Works", "Data", "Cloud",
         "Payments", "Energy", "Studio", "Logistics", "Security", "Bio", "Mobility", "Foods", "Media", "Networks")
_SUFFIX = ("", " Inc", " GmbH", " Ltd", " & Co", " Group", " Technologies", " AG")
_FIRST = ("Alex", "Bea", "Chidi", "Dana", "Elif", "Farah", "Goran", "Hana", "Ines", "Jonas", "Kofi", "Lena", "Mateo",
          "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tomás", "Uma", "Viktor", "Wen", "Yusuf", "Zoë")
_LAST = ("Asante", "Berg", "Castillo", "Dubois", "Eriksen", "Fischer", "García", "Haddad", "Ivanova", "Jansen",
         "Kowalski", "López", "Müller", "Nwosu", "Okafor", "Park", "Quinn", "Ramírez", "Sato", "Tanaka", "Ueda",
         "Volkov", "Wang", "Yilmaz", "Zhou")
_TITLES = ("Engineering Manager", "Staff Engineer", "Senior Engineer", "Director of Engineering", "Product Manager",
           "Head of Data", "CTO", "HR Business Partner", "Principal Engineer", "Team Lead")
_AGENCIES = ("Harbourline Search", "Northbridge Talent", "Clearpath Recruiting", "Summit & Vale")
_ROLES = ("Backend Engineer", "Data Platform Engineer", "Senior Software Engineer", "Staff Engineer",
          "Site Reliability Engineer", "Machine Learning Engineer", "Engineering Manager")
_STAGES = ("phone screen", "hiring manager screen", "technical interview", "system design", "onsite",
           "panel", "final with CTO", "take-home review")
_FORMATS = ("phone", "video", "onsite", "panel", "take-home", "other")
_THEMES = ("system design", "debugging", "motivation", "postgres", "leadership", "testing", "culture", "python")
_WORDS = ("pipeline", "replication", "latency", "the team", "on-call", "roadmap", "customers", "a migration",
          "incident", "the schema", "backlog", "the queue", "a dashboard", "Kafka", "Postgres", "the API",
          "budget", "hiring", "mentoring", "the release", "tests", "observability", "the monolith", "costs")
_VERBS = ("talked about", "asked about", "explained", "sketched", "pushed back on", "dug into", "joked about",
          "spent ten minutes on", "came back to", "walked through")


def _sentence(rng: random.Random) -> str:
    subject = rng.choice(("They", "The interviewer", "We", "I", "The manager", "Everyone"))
    return (f"{subject} {rng.choice(_VERBS)} {rng.choice(_WORDS)} and {rng.choice(_WORDS)}"
            f"{rng.choice(('.', ', which went fine.', ', which I had not prepared.', '.'))}")


def _paragraphs(rng: random.Random, count: int) -> str:
    return "\n\n".join(" ".join(_sentence(rng) for _ in range(rng.randint(3, 6))) for _ in range(count))


def _person(rng: random.Random, domain: str) -> dict[str, str]:
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    return {"name": f"{first} {last}", "title": rng.choice(_TITLES),
            "email": f"{first.lower()}.{last.lower()}@{domain}".encode("ascii", "ignore").decode()}


def _day(value: date) -> str:
    return value.isoformat()


def _company_name(index: int) -> str:
    a, rest = index % len(_ADJ), index // len(_ADJ)
    b, rest = rest % len(_NOUN), rest // len(_NOUN)
    suffix = _SUFFIX[rest % len(_SUFFIX)]
    generation = rest // len(_SUFFIX)
    return f"{_ADJ[a]} {_NOUN[b]}{suffix}" + (f" {generation + 1}" if generation else "")


def _slug(text: str) -> str:
    words = "".join(ch if ch.isalnum() else " " for ch in text.lower()).split()
    return "-".join(words).encode("ascii", "ignore").decode() or "x"


def _front(data: dict[str, object], body: str) -> str:
    head = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
    return f"---\n{head}---\n{body}\n"


def generate(n: int, seed: int = 1) -> dict[str, str]:
    """``{relative path: file text}`` of a journal with ``n`` debriefs over ``max(1, n // 5)`` companies."""
    rng = random.Random(seed)
    m = max(1, n // 5)
    files: dict[str, str] = {}
    counts = [n // m + (1 if index < n % m else 0) for index in range(m)]
    for index in range(m):
        name = _company_name(index)
        folder = _slug(name)
        domain = folder.replace("-", "") + ".example"
        via_recruiter = rng.random() < 0.6
        recruiter = {**_person(rng, "agency.example"), "agency": rng.choice(_AGENCIES)} if via_recruiter else None
        contact = _person(rng, domain) if not via_recruiter else None
        applied = TODAY - timedelta(days=rng.randint(20, 330))
        note: dict[str, object] = {"kind": "company", "company": name, "website": f"https://{domain}",
                                   "applied": _day(applied), "source": "recruiter" if via_recruiter else "job-board"}
        if recruiter:
            note["recruiter"] = dict(recruiter)
        if contact:
            note["contact"] = dict(contact)
        note["status"] = rng.choice(("active",) * 6 + ("rejected", "ghosted", "offer"))
        note["log"] = [{"date": _day(applied + timedelta(days=rng.randint(0, 15))), "note": _sentence(rng)}
                       for _ in range(rng.randint(0, 3))]
        note["tags"] = rng.sample(("fintech", "data", "platform", "remote", "startup", "health"), 2)
        files[f"{folder}/company.md"] = _front(note, _paragraphs(rng, rng.randint(1, 3)))
        roles = rng.sample(_ROLES, 1 if rng.random() < 0.8 else 2)
        day = applied + timedelta(days=rng.randint(3, 14))
        interviewers_pool = [_person(rng, domain) for _ in range(5)]
        for number in range(counts[index]):
            role = roles[number % len(roles)]
            stage = _STAGES[min(number, len(_STAGES) - 1)] if rng.random() < 0.85 else None
            hour = rng.choice((9, 10, 11, 13, 14, 15, 16))
            moment = datetime(day.year, day.month, day.day, hour, rng.choice((0, 30)))
            done = day <= TODAY
            data: dict[str, object] = {"company": name, "role": role, "date": moment.strftime("%Y-%m-%d %H:%M")}
            if stage:
                data["stage"] = stage
            data["format"] = rng.choice(_FORMATS)
            if rng.random() < 0.05:
                data["status"] = "cancelled"
            if recruiter and rng.random() < 0.5:
                data["recruiter"] = dict(recruiter)
            people = []
            for person in rng.sample(interviewers_pool, rng.randint(1, 3)):
                person = dict(person)
                if rng.random() < 0.7:
                    person["background"] = _sentence(rng)
                    person["looking_for"] = f"{rng.choice(_WORDS)}, {rng.choice(_WORDS)}"
                if done and rng.random() < 0.7:
                    person["thank_you"] = _day(day + timedelta(days=rng.randint(0, 2)))
                people.append(person)
            data["interviewers"] = people
            if done:
                if recruiter and rng.random() < 0.7:
                    data["recruiter_call"] = _day(day)
                if recruiter and rng.random() < 0.3:
                    data["recruiter_thank_you"] = _day(day + timedelta(days=1))
                data["rapport"] = rng.choice(("good", "mixed", "poor"))
                data["went_well"] = [_sentence(rng) for _ in range(rng.randint(1, 3))]
                data["went_poorly"] = [_sentence(rng) for _ in range(rng.randint(0, 2))]
                if rng.random() < 0.4:
                    take_back = []
                    for _ in range(rng.randint(1, 2)):
                        item: dict[str, object] = {"answer": _sentence(rng), "correction": _sentence(rng)}
                        if rng.random() < 0.5:
                            item["clarified"] = _day(day + timedelta(days=1))
                        take_back.append(item)
                    data["take_back"] = take_back
                if rng.random() < 0.6:
                    data["feedback"] = {"received": _day(day + timedelta(days=rng.randint(2, 6))),
                                        "positives": [_sentence(rng)], "negatives": [_sentence(rng)],
                                        "next_steps": _sentence(rng)}
                data["outcome"] = rng.choice(("advanced",) * 5 + ("pending", "rejected", "offer"))
                data["interest"] = rng.randint(1, 5)
            data["questions"] = [{"q": _sentence(rng), "answer": rng.choice(("good", "ok", "poor")),
                                  "theme": rng.choice(_THEMES)} for _ in range(rng.randint(2, 5))]
            if rng.random() < 0.2:
                data["log"] = [{"date": _day(day - timedelta(days=1)), "note": _sentence(rng)}]
            data["tags"] = rng.sample(_THEMES, 2)
            tasks = []
            for _ in range(rng.randint(1, 3)):
                mark = rng.choice((" ", " ", "x", "-"))
                due = f" 📅 {_day(day + timedelta(days=rng.randint(1, 14)))}" if rng.random() < 0.5 else ""
                tasks.append(f"- [{mark}] {rng.choice(_VERBS)} {rng.choice(_WORDS)}{due}")
            body = _paragraphs(rng, rng.randint(2, 4)) + "\n\n## To do\n\n" + "\n".join(tasks)
            stem = f"{day.isoformat()}-{_slug(stage or 'interview')}"
            path = f"{folder}/{stem}.md"
            suffix = 2
            while path in files:
                path = f"{folder}/{stem}-{suffix}.md"
                suffix += 1
            files[path] = _front(data, body)
            day += timedelta(days=rng.randint(4, 16))
    return files


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
