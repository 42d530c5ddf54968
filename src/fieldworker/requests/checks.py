"""The named checks a transition may require (``checks:`` in forms/*.yaml) and the subsidy caps.

A check either refuses the transition (raises ``ValidationError`` with the reason in Chinese)
or adds a warning the worker sees but may proceed past ("suggest, don't force").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldworker.domain.errors import ValidationError
from fieldworker.requests.definition import Workflow
from fieldworker.requests.models import Request, RequestItem, RequestPhoto
from fieldworker.store.engine import Database
from fieldworker.store.models import Person


def yuan(fen: int | None) -> str:
    """Money for people: 1234.5 元 → "1,234.50"."""
    return "" if fen is None else f"{fen / 100:,.2f}"


def cap_fen(db: Database, workflow: Workflow) -> int:
    """The subsidy cap (per household for renovations, per person for devices), from the settings."""
    value = db.get_setting(workflow.cap_setting, workflow.cap_default_yuan)
    return int(round(float(value) * 100))  # type: ignore[arg-type]


def set_cap(db: Database, workflow: Workflow, yuan_value: float) -> None:
    if yuan_value <= 0:
        raise ValidationError("cap_invalid", "补助上限应为正数", "cap")
    db.set_setting(workflow.cap_setting, yuan_value)


@dataclass
class CheckContext:
    db: Database
    session: Session
    workflow: Workflow
    request: Request
    values: dict[str, Any]  # the transition's cleaned field values
    warnings: list[str] = field(default_factory=list)


def items_of(session: Session, request_id: str) -> list[RequestItem]:
    return list(session.scalars(select(RequestItem).where(
        RequestItem.request_id == request_id, RequestItem.deleted.is_(False)).order_by(RequestItem.code)))


def items_total_fen(items: list[RequestItem]) -> int:
    return sum(int(round(i.quantity * i.unit_cost_fen)) for i in items)


def committed_elsewhere_fen(session: Session, workflow: Workflow, request: Request) -> int:
    """What the same household (renovation) or person (device) already has from other live requests
    within the repeat window: the approved amount where known, else the estimate."""
    subject = Request.household_id if workflow.subject == "household" else Request.person_id
    subject_id = request.household_id if workflow.subject == "household" else request.person_id
    query = select(func.coalesce(func.sum(func.coalesce(Request.approved_fen, Request.estimated_fen)), 0)).where(
        Request.kind == workflow.kind, subject == subject_id, Request.id != request.id,
        Request.deleted.is_(False), Request.stage != "cancelled")
    if workflow.repeat_warning_years:
        since = request.opened_on - dt.timedelta(days=365 * workflow.repeat_warning_years)
        query = query.where(Request.opened_on >= since)
    return int(session.scalar(query) or 0)


def _has_items(ctx: CheckContext) -> None:
    if not items_of(ctx.session, ctx.request.id):
        what = "改造项目" if ctx.workflow.kind == "renovation" else "辅助器具"
        raise ValidationError("no_items", f"请先添加{what}（至少一项）", "items")


def _refuse_over_cap(ctx: CheckContext, amount_fen: int, what: str) -> None:
    cap = cap_fen(ctx.db, ctx.workflow)
    used = committed_elsewhere_fen(ctx.session, ctx.workflow, ctx.request)
    who = "每户" if ctx.workflow.subject == "household" else "每人"
    if used + amount_fen > cap:
        extra = f"（该{'户' if who == '每户' else '人'}其他申请已占用 {yuan(used)} 元）" if used else ""
        raise ValidationError("over_cap", f"{what} {yuan(amount_fen)} 元超过{who}补助上限 {yuan(cap)} 元{extra}", "items")


def _within_cap(ctx: CheckContext) -> None:
    items = items_of(ctx.session, ctx.request.id)
    _refuse_over_cap(ctx, items_total_fen(items), "预算合计")
    for item in items:  # a device's own catalogue cap, per unit
        definition = ctx.workflow.items.get(item.code)
        if definition and definition.cap_yuan is not None and item.unit_cost_fen > definition.cap_yuan * 100:
            raise ValidationError("item_over_cap", f"“{item.label}”单价 {yuan(item.unit_cost_fen)} 元超过目录补贴标准 "
                                  f"{definition.cap_yuan} 元", "items")


def _amount_within_cap(ctx: CheckContext) -> None:
    amount = ctx.values.get("approved_amount")
    if amount is not None:
        _refuse_over_cap(ctx, int(amount), "核定金额")


def _photo_check(phase: str, label: str) -> Callable[[CheckContext], None]:
    def check(ctx: CheckContext) -> None:
        count = ctx.session.scalar(select(func.count()).select_from(RequestPhoto).where(
            RequestPhoto.request_id == ctx.request.id, RequestPhoto.phase == phase, RequestPhoto.deleted.is_(False)))
        if not count:
            raise ValidationError(f"no_{phase}_photo", f"请先添加{label}照片", "photos")
    return check


def _consent_given(ctx: CheckContext) -> None:
    if ctx.values.get("consent") != "同意":
        raise ValidationError("no_consent", "残疾人及户主不同意改造方案，不能提交评估（可撤销或退回）", "consent")


def _category_match_warning(ctx: CheckContext) -> None:
    person = ctx.session.get(Person, ctx.request.person_id) if ctx.request.person_id else None
    if person is None:
        return
    for item in items_of(ctx.session, ctx.request.id):
        ctx.warnings.extend(category_warnings(ctx.workflow, item.code, person))


def category_warnings(workflow: Workflow, code: str, person: Person) -> list[str]:
    """A hint when a device is not usual for the person's disability category (never a refusal)."""
    definition = workflow.items.get(code)
    if definition is None or not definition.categories:
        return []
    categories = {person.category, *filter(None, person.sub_categories.split(","))}
    if categories & set(definition.categories):
        return []
    return [f"“{definition.label}”通常不用于该人员的残疾类别，请确认适配评估结果"]


CHECKS: dict[str, Callable[[CheckContext], None]] = {
    "has_items": _has_items,
    "within_cap": _within_cap,
    "amount_within_cap": _amount_within_cap,
    "has_before_photo": _photo_check("before", "改造前"),
    "has_after_photo": _photo_check("after", "改造后"),
    "consent_given": _consent_given,
    "category_match_warning": _category_match_warning,
}
