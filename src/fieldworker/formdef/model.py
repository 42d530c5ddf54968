"""Typed form definitions: what the loader produces and both renderers (Qt, PDF) consume."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from fieldworker.formdef.expr import Expression

# Question types and what an answer of each looks like once cleaned.
QUESTION_TYPES = {
    "single": "one code (text)",
    "multiple": "a list of codes",
    "yesno": "code 1 (是) or 2 (否)",
    "integer": "a whole number",
    "decimal": "a number",
    "date": "an ISO date YYYY-MM-DD",
    "text": "free text",
}
CHOICE_TYPES = frozenset({"single", "multiple", "yesno"})
YES, NO = "1", "2"

CHECK_SEVERITIES = {"block": "阻止完成", "warn": "提示"}


@dataclass(frozen=True)
class Choice:
    code: str
    label: str
    exclusive: bool = False  # "无/未参加/未得到": cannot be combined with another code
    unconfirmed: bool = False  # the label is our reconstruction, not seen on the printed form
    line: int = 0


@dataclass(frozen=True)
class Question:
    id: str
    label: str
    type: str
    number: str = ""
    required: bool = True
    relevant: Expression | None = None
    constraint: Expression | None = None
    constraint_message: str = ""
    choices: tuple[Choice, ...] = ()
    hint: str = ""
    prefill: Expression | None = None
    carry_over: bool = True
    minimum: float | None = None
    maximum: float | None = None
    unconfirmed: bool = False
    section_id: str = ""
    line: int = 0

    @property
    def is_choice(self) -> bool:
        return self.type in CHOICE_TYPES

    def choice(self, code: str) -> Choice | None:
        return next((c for c in self.choices if c.code == code), None)

    @property
    def display_number(self) -> str:
        return self.number or self.id

    @property
    def title(self) -> str:
        """"R9 是否就业" — or just the label when the number is the label itself (调查状态)."""
        return self.label if self.display_number == self.label else f"{self.display_number} {self.label}"


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    questions: tuple[Question, ...]
    relevant: Expression | None = None
    line: int = 0


@dataclass(frozen=True)
class Check:
    """A cross-question logical check (逻辑校验): it fails when ``fails_if`` is true."""

    id: str
    fails_if: Expression
    message: str
    severity: str = "block"
    questions: tuple[str, ...] = ()  # where the message is shown
    line: int = 0


@dataclass(frozen=True)
class PersonUpdate:
    """On completion, ``person.<field> = value`` when ``when`` holds (through the change log)."""

    field: str
    value: Expression
    when: Expression | None = None
    line: int = 0


@dataclass(frozen=True)
class FormDefinition:
    id: str
    version: int
    title: str
    sections: tuple[Section, ...]
    checks: tuple[Check, ...] = ()
    person_updates: tuple[PersonUpdate, ...] = ()
    table_number: str = ""
    authority: str = ""
    notes: str = ""
    source: str = ""
    _by_id: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)
    # Derived facts computed once per loaded form (e.g. the order relevance is evaluated in).
    derived: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for question in self.questions():
            self._by_id[question.id] = question

    def questions(self) -> Iterator[Question]:
        for section in self.sections:
            yield from section.questions

    def question(self, question_id: str) -> Question:
        return self._by_id[question_id]

    def has_question(self, question_id: str) -> bool:
        return question_id in self._by_id

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    @property
    def key(self) -> str:
        return f"{self.id}-{self.version}"
