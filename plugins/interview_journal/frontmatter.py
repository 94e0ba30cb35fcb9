"""The front matter of journal files, as pydantic models: the single source of the schema.

Validation, the location of errors and the JSON Schema for editors all come from these
classes. Dates are validated with the journal's time zone passed as validation context::

    Debrief.model_validate(data, context={"zone": ZoneInfo("Europe/Berlin")})
"""

from __future__ import annotations

import re
from datetime import timezone
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    StrictBool,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .dates import FORMS, MOMENT_PATTERN, DateFormError, Moment, parse_moment


def fail(expected: str, hint: str = "") -> PydanticCustomError:
    """A validation error our problem lines read as ``expected ...`` with ``(hint: ...)``."""
    return PydanticCustomError("journal", "expected {expected}", {"expected": expected, "hint": hint})


def _moment(value: object, info: ValidationInfo) -> Moment:
    zone = (info.context or {}).get("zone", timezone.utc)
    try:
        return parse_moment(value, zone)
    except DateFormError as error:
        hint = error.hint
        if isinstance(value, int) and not isinstance(value, bool):
            hint = "write the date as YYYY-MM-DD"
        raise fail(FORMS, hint) from None


When = Annotated[
    Moment,
    PlainValidator(_moment),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": MOMENT_PATTERN,
            "description": "YYYY-MM-DD, or YYYY-MM-DD HH:MM[:SS], optionally with an offset",
        }
    ),
]


def _text(value: object, links: bool = True) -> str:
    """Text that is not blank, stripped; ``links``: a value that may be a wiki link (``[[Dana Ruiz]]``)."""
    if isinstance(value, bool):
        raise fail("text", "YAML reads yes/no/on/off as true/false: quote the value")
    if isinstance(value, (int, float)):
        raise fail("text", "quote the value, like '...'")
    if not isinstance(value, str):
        raise fail("text" if not isinstance(value, (list, dict)) else "text, not a list or mapping",
                   _UNQUOTED_LINK if links and _unquoted_link(value) else "write a single line of text")
    text = value.strip()
    if not text:
        raise fail("text", "leave the field out when there is nothing to say")
    return text


TEXT_SCHEMA = {"type": "string", "pattern": "\\S"}
"""Text that is not blank (what ``_text`` keeps after stripping it)."""
Text = Annotated[str, PlainValidator(_text), WithJsonSchema(TEXT_SCHEMA)]
PlainText = Annotated[str, PlainValidator(lambda value: _text(value, links=False)), WithJsonSchema(TEXT_SCHEMA)]
"""Text where a wiki link makes no sense (an option of ``mkdocs.yml``)."""

_WIKI_LINK = re.compile(r"\[\[([^\[\]|#^]+)(?:#[^\[\]|]*)?(?:\|[^\[\]]*)?\]\]")
_UNQUOTED_LINK = 'YAML reads [[Dana Ruiz]] as a list in a list: quote the link, like "[[Dana Ruiz]]"'


def _unquoted_link(value: object) -> bool:
    """``[[Dana Ruiz]]`` unquoted, which YAML reads as ``[["Dana Ruiz"]]``."""
    while isinstance(value, list) and len(value) == 1:
        value = value[0]
    return isinstance(value, str)


def _name(value: object) -> str:
    """A name, or an Obsidian wiki link to the note of that name: ``[[Dana Ruiz]]`` and
    ``[[People/Dana Ruiz|Dana]]`` are ``Dana Ruiz``."""
    text = _text(value)
    link = _WIKI_LINK.fullmatch(text)
    if link is None:
        return text
    target = link.group(1).strip().rsplit("/", 1)[-1].strip()
    target = target[:-3].strip() if target.lower().endswith(".md") else target
    return target or text


Name = Annotated[str, PlainValidator(_name), WithJsonSchema(TEXT_SCHEMA)]
"""A person's or a company's name: text, where an Obsidian wiki link stands for its note's name."""

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%'*+/=^_`{|}~-]+@" + _LABEL + r"(?:\." + _LABEL + r")+$")


def _email(value: object) -> str:
    text = _text(value)
    if not _EMAIL.match(text):
        raise fail("a plain e-mail address like name@company.example", "no names, spaces, '?' or headers")
    return text


Email = Annotated[str, PlainValidator(_email),
                  WithJsonSchema({"type": "string", "pattern": "^\\s*" + _EMAIL.pattern[1:-1] + "\\s*$"})]


_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)


def _url(value: object) -> str:
    text = _text(value)
    if not _URL.match(text):
        raise fail("a web address starting with https:// or http://")
    return text


Url = Annotated[str, PlainValidator(_url),
                WithJsonSchema({"type": "string", "pattern": "^\\s*[Hh][Tt][Tt][Pp][Ss]?://[^\\s<>\"']+\\s*$"})]


def _lower(value: object) -> object:
    """A choice in any case: ``Video`` is ``video`` (ASCII letters only: the Kelvin sign's lower
    case is a ``k``, but no editor's schema would read it so)."""
    return value.strip().lower() if isinstance(value, str) and value.isascii() else value


def _whole_number(value: object) -> object:
    """A whole number: ``4``, ``4.0`` or the text ``"4"``; never ``true``, which YAML would
    otherwise make a 1 (``round: yes``)."""
    if isinstance(value, bool):
        raise fail("a whole number", "YAML reads yes/no/on/off as true/false: write the number")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _WHOLE.fullmatch(value):
        return int(value)
    if isinstance(value, (str, float)):
        raise fail("a whole number", "write digits only, like 2")
    return value


_WHOLE = re.compile(r"[ \t]*[+-]?[0-9]+[ \t]*")


def _numbers(low: int, high: int | None) -> dict[str, Any]:
    """The JSON Schema of a whole number from ``low`` (1 or more) to ``high`` (a digit), or the
    same written as text: what ``_whole_number`` and the bounds accept."""
    digits = f"[{low}-{high}]" if high is not None else f"[{low}-9][0-9]*"
    bounds = {"minimum": low, **({"maximum": high} if high is not None else {})}
    return {"anyOf": [{"type": "integer", **bounds}, {"type": "string", "pattern": f"^[ \\t]*\\+?0*{digits}[ \\t]*$"}]}


Round = Annotated[int, BeforeValidator(_whole_number), Field(ge=1), WithJsonSchema(_numbers(1, None))]
Interest = Annotated[int, BeforeValidator(_whole_number), Field(ge=1, le=5), WithJsonSchema(_numbers(1, 5))]


def _list(value: object) -> object:
    if value is None:
        return []
    if not isinstance(value, list):
        return [value]  # tags: job-search, as Obsidian allows
    return value


T = TypeVar("T")

ListOf = Annotated[list[T], BeforeValidator(_list)]
"""A list field: ``~`` or an empty key is an empty list; a single value (``tags: job-search``,
as Obsidian writes a list of one) is a list of that one item.
Fields give it ``Field(default_factory=list)``: absent is empty."""

# Choice fields: the value in any case and with spaces around it, read as the lowercase word.
Format = Annotated[Literal["phone", "video", "onsite", "panel", "take-home", "other"], BeforeValidator(_lower)]
Status = Annotated[Literal["scheduled", "done", "cancelled", "no-show"], BeforeValidator(_lower)]
Via = Annotated[Literal["recruiter", "direct"], BeforeValidator(_lower)]
Rapport = Annotated[Literal["good", "mixed", "poor"], BeforeValidator(_lower)]
Outcome = Annotated[Literal["pending", "advanced", "offer", "rejected", "withdrawn"], BeforeValidator(_lower)]
Answer = Annotated[Literal["good", "ok", "poor"], BeforeValidator(_lower)]
JobSource = Annotated[Literal["recruiter", "referral", "direct", "job-board", "other"], BeforeValidator(_lower)]
CompanyStatus = Annotated[
    Literal["active", "offer", "accepted", "declined", "rejected", "withdrawn", "ghosted"], BeforeValidator(_lower)
]


class JournalModel(BaseModel):
    """Fields a user adds of their own are kept (``extra="allow"``), never an error.

    A loaded journal is read, never changed (``frozen``). That lets models share one copy of
    pydantic's record of which fields the file set (a set per model otherwise: a sixth of the
    memory a large journal takes), and one empty mapping of fields of the user's own.
    """

    model_config = ConfigDict(extra="allow", frozen=True, validate_default=False)

    def model_post_init(self, context: Any, /) -> None:
        fields_set = self.__pydantic_fields_set__
        shared = _FIELDS_SETS.setdefault(frozenset(fields_set), fields_set)
        object.__setattr__(self, "__pydantic_fields_set__", shared)
        if not self.__pydantic_extra__:
            object.__setattr__(self, "__pydantic_extra__", _NO_EXTRA)


_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
"""One set per combination of fields in use (a few hundred at most), shared by the models
that set those fields. Nothing may change it: pydantic only would, when assigning to a field,
which ``frozen`` forbids (``model_copy`` copies it first)."""

_NO_EXTRA: dict[str, Any] = {}
"""The fields of the user's own of every model that has none; never changed, like the above."""


class _Named(JournalModel):
    """A value written as a plain string is its ``name`` (``recruiter: Dana Ruiz``)."""

    @model_validator(mode="before")
    @classmethod
    def _name_only(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"name": value}
        if value is not None and not isinstance(value, dict):
            raise fail("a person: a name, or 'name:' with 'title:' and more on the lines below",
                       _UNQUOTED_LINK if _unquoted_link(value) else "")
        return value


class Person(_Named):
    name: Name
    title: Text | None = None
    email: Email | None = None
    phone: Text | None = None


class Interviewer(Person):
    background: Text | None = None
    looking_for: Text | None = None
    thank_you: When | None = None


class Recruiter(Person):
    agency: Text | None = None


class Contact(Person):
    pass


class TakeBack(JournalModel):
    answer: Text
    correction: Text | None = None
    clarified: When | None = None

    @model_validator(mode="before")
    @classmethod
    def _answer_only(cls, value: Any) -> Any:
        return {"answer": value} if isinstance(value, str) else value


class Feedback(JournalModel):
    received: When | None = None
    positives: ListOf[Text] = Field(default_factory=list)
    negatives: ListOf[Text] = Field(default_factory=list)
    next_steps: Text | None = None


class Question(JournalModel):
    q: Text
    answer: Answer | None = None
    theme: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _question_only(cls, value: Any) -> Any:
        return {"q": value} if isinstance(value, str) else value


class Offer(JournalModel):
    """An offer, on the round that brought it. Keys of the user's own (salary, start date ...)
    are kept, and never shown on a public site."""

    received: When | None = None
    deadline: When | None = None
    """When you must answer: the day the ``offer-reply`` follow-up is due."""
    replied: When | None = None


class LogEntry(JournalModel):
    date: When
    note: Text


class Debrief(JournalModel):
    """One interview (a round of a process): the file's front matter."""

    kind: Annotated[Literal["debrief"], BeforeValidator(_lower)] | None = None
    company: Name
    role: Text
    date: When
    round: Round | None = None
    stage: Text | None = None
    format: Format | None = None
    status: Status | None = None
    via: Via | None = None
    recruiter: Recruiter | None = None
    contact: Contact | None = None
    interviewers: ListOf[Interviewer] = Field(default_factory=list)
    recruiter_call: When | None = None
    recruiter_thank_you: When | None = None
    rapport: Rapport | None = None
    went_well: ListOf[Text] = Field(default_factory=list)
    went_poorly: ListOf[Text] = Field(default_factory=list)
    take_back: ListOf[TakeBack] = Field(default_factory=list)
    feedback: Feedback | None = None
    outcome: Outcome | None = None
    offer: Offer | None = None
    interest: Interest | None = None
    pitch: Text | None = None
    questions: ListOf[Question] = Field(default_factory=list)
    log: ListOf[LogEntry] = Field(default_factory=list)
    tags: ListOf[Text] = Field(default_factory=list)
    private: StrictBool = False


class CompanyNote(JournalModel):
    """A file with ``kind: company``: facts about the company and its search."""

    kind: Annotated[Literal["company"], BeforeValidator(_lower)]
    company: Name
    website: Url | None = None
    applied: When | None = None
    source: JobSource | None = None
    recruiter: Recruiter | None = None
    contact: Contact | None = None
    status: CompanyStatus | None = None
    log: ListOf[LogEntry] = Field(default_factory=list)
    tags: ListOf[Text] = Field(default_factory=list)
    private: StrictBool = False


DEBRIEF_FIELDS = frozenset(Debrief.model_fields)
COMPANY_FIELDS = frozenset(CompanyNote.model_fields)

