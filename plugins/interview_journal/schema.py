"""The JSON Schema of journal front matter, for editors, generated from the pydantic models.

Nothing here re-describes a field: the schema is pydantic's, with three touches for what the
models accept before validation and a JSON Schema cannot see:

* a person, a ``take_back`` item and a question may be written as a plain string (their name,
  answer or question);
* a list field may be left empty (``tags:``), which YAML reads as null;
* ``kind: company`` may be written in any case.

``journal_schema("any")`` is the one to give an editor: a file with ``kind: company`` is checked
as a company note, any other file as a debrief.
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import models_json_schema

from .frontmatter import CompanyNote, Contact, Debrief, Interviewer, Person, Question, Recruiter, TakeBack

DIALECT = "http://json-schema.org/draft-07/schema#"
"""Draft 7: the dialect editors' YAML tooling understands best; nothing below needs a later one."""

KINDS = ("debrief", "company", "any")
_SHORTHAND = {model.__name__ for model in (Person, Interviewer, Recruiter, Contact, TakeBack, Question)}
_TEXT = {"type": "string", "minLength": 1}


def _any_case(word: str) -> str:
    return "^\\s*" + "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else c for c in word) + "\\s*$"


def journal_schema(kind: str = "any") -> dict[str, Any]:
    """The schema of one kind of file: ``debrief``, ``company`` (note) or ``any``."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    _, generated = models_json_schema([(Debrief, "validation"), (CompanyNote, "validation")],
                                      ref_template="#/$defs/{model}")
    defs: dict[str, Any] = generated["$defs"]
    for name, definition in list(defs.items()):
        _allow_empty_lists(definition)
        if name in _SHORTHAND:
            defs[name] = {"anyOf": [dict(_TEXT, description=f"a {name} written as one line of text"), definition]}
    company_kind = {"type": "string", "pattern": _any_case("company")}
    defs["CompanyNote"]["properties"]["kind"] = company_kind
    defs["Debrief"]["properties"]["kind"] = {"anyOf": [{"type": "string", "pattern": _any_case("debrief")},
                                                       {"type": "null"}]}
    schema: dict[str, Any] = {"$schema": DIALECT}
    if kind == "debrief":
        schema.update({"title": "Interview Journal debrief", "$ref": "#/$defs/Debrief"})
    elif kind == "company":
        schema.update({"title": "Interview Journal company note", "$ref": "#/$defs/CompanyNote"})
    else:
        schema.update({
            "title": "Interview Journal file",
            "description": "A debrief (one interview), or a company note when kind is company.",
            "type": "object",
            "if": {"properties": {"kind": company_kind}, "required": ["kind"]},
            "then": {"$ref": "#/$defs/CompanyNote"},
            "else": {"$ref": "#/$defs/Debrief"},
        })
    schema["$defs"] = defs
    return schema


def _allow_empty_lists(definition: dict[str, Any]) -> None:
    for prop in definition.get("properties", {}).values():
        if prop.get("type") == "array":
            prop["type"] = ["array", "null"]
