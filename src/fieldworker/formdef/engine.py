"""Evaluate answers against a form: relevance (skip logic), constraints, required items, checks.

Pure functions over plain values; the Qt form and the survey service both call ``evaluate``
after every change, so what the screen shows and what completion accepts are one rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

from fieldworker.formdef.expr import ExprError, truthy
from fieldworker.formdef.references import relevance_order
from fieldworker.formdef.model import Check, FormDefinition, Question

Answers = dict[str, Any]


class AnswerError(ValueError):
    """An answer that does not fit its question's type (message in Chinese)."""


@dataclass(frozen=True)
class CheckResult:
    check: Check

    @property
    def blocking(self) -> bool:
        return self.check.severity == "block"

    @property
    def message(self) -> str:
        return self.check.message


@dataclass
class Evaluation:
    relevant: dict[str, bool]
    errors: dict[str, str] = field(default_factory=dict)
    failed_checks: list[CheckResult] = field(default_factory=list)
    answered: int = 0
    required_total: int = 0
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def blocking_checks(self) -> list[CheckResult]:
        return [c for c in self.failed_checks if c.blocking]

    @property
    def warnings(self) -> list[CheckResult]:
        return [c for c in self.failed_checks if not c.blocking]

    @property
    def can_complete(self) -> bool:
        return not self.errors and not self.blocking_checks

    def problems(self, form: FormDefinition) -> list[str]:
        """Everything that blocks completion, as Chinese sentences naming the item."""
        out = [f"{form.question(qid).title}：{msg}"
               for qid, msg in self.errors.items()]
        return out + [f"逻辑校验：{c.message}" for c in self.blocking_checks]


# ---------------------------------------------------------------- cleaning single answers

def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def clean_value(question: Question, raw: Any) -> Any:
    """Normalise an answer to its stored form, or raise ``AnswerError``. Empty → ``None``."""
    if is_empty(raw):
        return None
    kind = question.type
    if kind in ("single", "yesno"):
        code = _code(raw)
        if question.choice(code) is None:
            raise AnswerError(f"没有代码为“{code}”的选项")
        return code
    if kind == "multiple":
        items = raw if isinstance(raw, (list, tuple, set)) else str(raw).replace("，", ",").split(",")
        codes = {_code(c) for c in items if str(c).strip()}
        unknown = sorted(c for c in codes if question.choice(c) is None)
        if unknown:
            raise AnswerError(f"没有代码为“{'、'.join(unknown)}”的选项")
        return [c.code for c in question.choices if c.code in codes] or None
    if kind == "integer":
        try:
            number = int(str(raw).strip())
        except ValueError:
            raise AnswerError("应填写整数") from None
        return number
    if kind == "decimal":
        try:
            value = float(str(raw).strip())
        except ValueError:
            raise AnswerError("应填写数字") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise AnswerError("应填写数字")
        return value
    if kind == "date":
        if isinstance(raw, dt.date):
            return raw.isoformat()
        try:
            return dt.date.fromisoformat(str(raw).strip()).isoformat()
        except ValueError:
            raise AnswerError("日期格式应为 年-月-日，如 2026-07-01") from None
    return str(raw).strip() or None


def _code(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return str(raw).strip()


def clean_answers(form: FormDefinition, raw: Mapping[str, Any]) -> tuple[Answers, dict[str, str]]:
    """Clean every known answer; unknown ids are dropped. Returns (answers, type errors)."""
    answers: Answers = {}
    errors: dict[str, str] = {}
    for question in form.questions():
        if question.id not in raw:
            continue
        try:
            value = clean_value(question, raw[question.id])
        except AnswerError as exc:
            errors[question.id] = str(exc)
            continue
        if value is not None:
            answers[question.id] = value
    return answers, errors


# ---------------------------------------------------------------- the whole form

def evaluate(form: FormDefinition, raw_answers: Mapping[str, Any], facts: Mapping[str, Any]) -> Evaluation:
    answers, type_errors = clean_answers(form, raw_answers)
    values: dict[str, Any] = dict(facts)
    for question in form.questions():
        values[question.id] = None
    relevant: dict[str, bool] = {}
    section_of = {q.id: s for s in form.sections for q in s.questions}
    # In dependency order: an item hidden by skip logic counts as unanswered for later rules.
    for qid in relevance_order(form):
        question = form.question(qid)
        section = section_of[qid]
        shown = _truth(section.relevant, values) and _truth(question.relevant, values)
        relevant[qid] = shown
        values[qid] = answers.get(qid) if shown else None
    result = Evaluation(relevant=relevant, values=values)
    for question in form.questions():
        if not relevant[question.id]:
            continue
        message = type_errors.get(question.id) or _question_error(question, values)
        if message:
            result.errors[question.id] = message
        if question.required:
            result.required_total += 1
            if values[question.id] is not None:
                result.answered += 1
    for check in form.checks:
        if _truth(check.fails_if, values, default=False):
            result.failed_checks.append(CheckResult(check))
    return result


def _truth(expr: Any, values: Mapping[str, Any], *, current: Any = None, default: bool = True) -> bool:
    if expr is None:
        return default
    try:
        return truthy(expr.evaluate(values, current))
    except ExprError:
        return default  # the loader validated names; a runtime type clash must not lock the form


def _question_error(question: Question, values: Mapping[str, Any]) -> str:
    value = values[question.id]
    if value is None:
        return "此项必填" if question.required else ""
    if question.type == "multiple":
        exclusive = [c for c in question.choices if c.exclusive and c.code in value]
        if exclusive and len(value) > 1:
            return f"“{exclusive[0].label}”不能与其他选项同时选择"
    if question.type in ("integer", "decimal"):
        if question.minimum is not None and value < question.minimum:
            return f"不能小于{_fmt(question.minimum)}"
        if question.maximum is not None and value > question.maximum:
            return f"不能大于{_fmt(question.maximum)}"
    if question.constraint is not None:
        try:
            ok = truthy(question.constraint.evaluate(values, value))
        except ExprError:
            ok = True
        if not ok:
            return question.constraint_message
    return ""


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


# ---------------------------------------------------------------- starting values

def prefill(form: FormDefinition, facts: Mapping[str, Any]) -> Answers:
    """Answers known from the person record before anyone asks."""
    out: Answers = {}
    for question in form.questions():
        if question.prefill is None:
            continue
        try:
            value = clean_value(question, question.prefill.evaluate(facts))
        except (ExprError, AnswerError):
            continue
        if value is not None:
            out[question.id] = value
    return out


def carry_over(form: FormDefinition, previous: Mapping[str, Any]) -> Answers:
    """Last year's answers that still fit this year's form (same id, type accepts the value)."""
    out: Answers = {}
    for question in form.questions():
        if not question.carry_over or question.id not in previous:
            continue
        try:
            value = clean_value(question, previous[question.id])
        except AnswerError:
            continue
        if value is not None:
            out[question.id] = value
    return out


def relevant_answers(form: FormDefinition, evaluation: Evaluation) -> Answers:
    """Only the answers of items that are shown: what a completed snapshot stores."""
    return {q.id: evaluation.values[q.id] for q in form.questions()
            if evaluation.relevant[q.id] and evaluation.values[q.id] is not None}


def format_answer(question: Question, value: Any) -> str:
    if value is None:
        return ""
    if question.is_choice:
        codes = value if isinstance(value, list) else [value]
        return "、".join(f"{c}.{question.choice(c).label}" if question.choice(c) else c for c in codes)
    if isinstance(value, float):
        return _fmt(value)
    return str(value)
