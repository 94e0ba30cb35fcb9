"""The JSON Schema of journal front matter, for editors, generated from the pydantic models.

It accepts exactly what ``check`` accepts, field by field (``tests/test_schema.py`` runs both
over the same files). Nothing here re-describes a field: the schema is pydantic's (with the
patterns the field types give: non-blank text, dates that exist, whole numbers also written as
text), with the touches for what the models accept before validation, which a JSON Schema
cannot see:

* a choice (``format: Video``) in any case, with spaces around it;
* ``true``/``false`` also as pydantic reads them (``"yes"``, ``"off"``, ``0``, ``1``);
* a person, a ``take_back`` item and a question written as a plain string (their name, answer
  or question);
* a list field left empty (``tags:``, which YAML reads as null), or holding a single value
  (``tags: job-search``);
* a key that is a near miss of a field (``nearmiss``) refused, at every level.

``journal_schema("any")`` is the one to give an editor: a file with ``kind: company`` is checked
as a company note, any other file as a debrief. What a schema cannot see, ``check`` still
refuses: YAML aliases and anchors, tags (``!!binary``) and a key written twice; and an editor
whose YAML is 1.2 reads ``yes`` and ``14:00`` as text where ``check`` (YAML 1.1) reads a
boolean and a number.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from . import frontmatter
from .frontmatter import CompanyNote, Contact, Debrief, Interviewer, Person, Question, Recruiter, TakeBack
from .nearmiss import near_miss_pattern

DIALECT = "http://json-schema.org/draft-07/schema#"
"""Draft 7: the dialect editors' YAML tooling understands best; nothing below needs a later one."""

KINDS = ("debrief", "company", "any")
_SHORTHAND = {model.__name__ for model in (Person, Interviewer, Recruiter, Contact, TakeBack, Question)}
def _any_case(word: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isascii() and c.isalpha() else _escape(c) for c in word)


def _escape(char: str) -> str:
    return "\\" + char if char in "\\^$.|?*+()[]{}" else char  # "-" is not special here (ECMA's u mode refuses \\-)


def _choice(words: list[str]) -> dict[str, Any]:
    """One of ``words`` in any case, with spaces around it (``frontmatter._lower``)."""
    return {"anyOf": [{"type": "string", "enum": words},
                      {"type": "string", "pattern": "^\\s*(?:" + "|".join(_any_case(w) for w in words) + ")\\s*$"}]}


def journal_schema(kind: str = "any") -> dict[str, Any]:
    """The schema of one kind of file: ``debrief``, ``company`` (note) or ``any``."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    _, generated = models_json_schema([(Debrief, "validation"), (CompanyNote, "validation")],
                                      ref_template="#/$defs/{model}")
    defs: dict[str, Any] = generated["$defs"]
    for name, definition in list(defs.items()):
        model: type[BaseModel] = getattr(frontmatter, name)
        for prop in definition.get("properties", {}).values():
            _loosen(prop)
        definition["propertyNames"] = {"not": {"pattern": near_miss_pattern(model.model_fields)}}
        if name in _SHORTHAND:
            text = dict(frontmatter.TEXT_SCHEMA, description=f"the {name.lower()} written as one line of text")
            defs[name] = {"anyOf": [text, definition]}
    company_kind = {"type": "string", "pattern": "^\\s*" + _any_case("company") + "\\s*$"}
    defs["CompanyNote"]["properties"]["kind"] = company_kind
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


def _loosen(prop: dict[str, Any]) -> None:
    """One property's schema, made to accept what the model accepts before validating it."""
    if prop.get("type") == "array":  # frontmatter.ListOf: null is empty, a single value is a list of one
        items = prop["items"]
        _loosen(items)
        prop.pop("type")
        prop["anyOf"] = [{"type": "array", "items": items}, {"type": "null"}, items]
        prop.pop("items")
        return
    for index, option in enumerate(prop.get("anyOf", [])):
        words = _words(option)
        if words is not None:
            prop["anyOf"][index] = _choice(words)
        elif option.get("type") != "boolean":  # a boolean is true or false, nothing else (``private``)
            _loosen(option)
    words = _words(prop)
    if words is not None:
        for key in ("enum", "const", "type"):
            prop.pop(key, None)
        prop.update(_choice(words))


def _words(option: dict[str, Any]) -> list[str] | None:
    """The words of a choice (a ``Literal`` of text: ``enum``, or ``const`` for one word)."""
    words = option.get("enum", [option["const"]] if "const" in option else None)
    return words if words and all(isinstance(word, str) for word in words) else None
