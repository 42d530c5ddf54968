"""Request workflows: open a request, edit its items and photos, move it through its stages.

The same functions serve both kinds (renovation per household, device per person); what
differs lives in forms/<kind>.yaml. Each write is one ``db.session()``, so the request row,
its new event and their change-log rows commit together or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Mapping, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldworker import attachments
from fieldworker.domain.errors import ValidationError
from fieldworker.requests import checks
from fieldworker.requests.definition import KINDS, FieldDef, Transition, Workflow, load
from fieldworker.requests.models import DeviceRepair, Request, RequestEvent, RequestItem, RequestPhoto
from fieldworker.services import installation
from fieldworker.store.engine import Database
from fieldworker.store.models import Household, Person

NUMBER_PREFIX = {"renovation": "GZ", "device": "FJ"}
SOURCES = ("村申报", "需求调查", "直接向县", "专门协会")
PHOTO_PHASES = {"before": "改造前", "after": "改造后", "other": "其他"}


@dataclass(frozen=True)
class Changed:
    """What a write changed, so views reload only what they show, plus warnings to show."""

    request_id: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ItemInput:
    code: str
    quantity: float = 1.0
    unit_cost_yuan: float | str = 0
    detail: str = ""


def workflow_of(kind: str) -> Workflow:
    if kind not in KINDS:
        raise ValidationError("kind", f"申请类型应为 {'/'.join(KINDS)} 之一", "kind")
    return load(kind)


def to_fen(value: Any, *, what: str = "金额") -> int:
    """Parse 元 typed by a person ("1,200.5", 300) into 分, refusing negatives and nonsense."""
    try:
        amount = Decimal(str(value).replace(",", "").replace("，", "").strip() or "0")
    except InvalidOperation:
        raise ValidationError("money", f"{what}应为数字（元）", "amount") from None
    if amount < 0 or amount != amount:  # NaN
        raise ValidationError("money", f"{what}不能为负数", "amount")
    return int((amount * 100).quantize(Decimal("1")))


def _date(value: Any, label: str, name: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError("date", f"{label}应为日期，如 2026-07-01", name) from None


def clean_field(definition: FieldDef, value: Any, *, today: dt.date) -> Any:
    """A transition field typed by the worker → the JSON-ready value stored on the request."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError("field_missing", f"请填写{definition.label}", definition.name)
    if definition.type == "date":
        day = _date(value, definition.label, definition.name)
        if day > today:
            raise ValidationError("date_future", f"{definition.label}不能晚于今天", definition.name)
        return day.isoformat()
    if definition.type == "money":
        return to_fen(value, what=definition.label)
    if definition.type == "choice":
        if str(value) not in definition.choices:
            raise ValidationError("choice", f"{definition.label}应为：{'、'.join(definition.choices)}", definition.name)
        return str(value)
    return str(value).strip()


# ---------------------------------------------------------------- opening a request

def create_request(db: Database, *, kind: str, household_id: str | None = None, person_id: str | None = None,
                   need: str = "", source: str = "村申报", opened_on: dt.date | None = None,
                   today: dt.date | None = None) -> Changed:
    """Register a need: a renovation for a household (optionally naming the disabled member) or a
    device for a person. Warns when the same subject had one within the repeat window."""
    workflow = workflow_of(kind)
    today = today or dt.date.today()
    opened_on = opened_on or today
    if opened_on > today:
        raise ValidationError("date_future", "登记日期不能晚于今天", "opened_on")
    if source not in SOURCES:
        raise ValidationError("source", f"需求来源应为：{'、'.join(SOURCES)}", "source")
    role = installation.require(db).role
    with db.session() as s:
        person = _live(s, Person, person_id, "人员") if person_id else None
        if workflow.subject == "person" and person is None:
            raise ValidationError("person_missing", "辅助器具申请须选择一名残疾人", "person_id")
        if workflow.subject == "household":
            household_id = household_id or (person.household_id if person else None)
            if not household_id:
                raise ValidationError("household_missing", "无障碍改造申请须选择一个家庭户", "household_id")
            _live(s, Household, household_id, "家庭户")
            if person is not None and person.household_id != household_id:
                raise ValidationError("person_household", "所选残疾人不属于该家庭户", "person_id")
            if person is None:
                person = s.scalars(select(Person).where(Person.household_id == household_id, Person.deleted.is_(False))
                                   .order_by(Person.grade)).first()
        else:
            household_id = person.household_id if person else None
        request = Request(kind=kind, household_id=household_id, person_id=person.id if person else None,
                          stage=workflow.initial_stage, source=source, opened_on=opened_on, stage_since=opened_on,
                          need=need.strip(), number=_next_number(s, kind, opened_on.year))
        s.add(request)
        s.flush()
        warnings = _repeat_warnings(s, workflow, request)
        s.add(RequestEvent(request_id=request.id, action="register", from_stage="", to_stage=request.stage,
                           on_date=opened_on, role=role, actor=db.account, note=need.strip()))
        return Changed(request.id, tuple(warnings))


def _live(s: Session, model: type, record_id: str | None, what: str) -> Any:
    record = s.get(model, record_id) if record_id else None
    if record is None or record.deleted:
        raise ValidationError("not_found", f"找不到该{what}（可能已被删除）", "subject")
    return record


def _next_number(s: Session, kind: str, year: int) -> str:
    prefix = f"{NUMBER_PREFIX[kind]}{year}-"
    last = s.scalar(select(func.max(Request.number)).where(Request.number.like(prefix + "%")))
    seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{seq:04d}"


def _repeat_warnings(s: Session, workflow: Workflow, request: Request) -> list[str]:
    if not workflow.repeat_warning_years or not request.household_id:
        return []
    since = request.opened_on - dt.timedelta(days=365 * workflow.repeat_warning_years)
    earlier = s.scalar(select(func.count()).select_from(Request).where(
        Request.kind == workflow.kind, Request.household_id == request.household_id, Request.id != request.id,
        Request.deleted.is_(False), Request.stage == "done", Request.closed_on >= since))
    if earlier:
        return [f"该户{workflow.repeat_warning_years}年内已完成过无障碍改造，按规定一般不重复改造，请核实"]
    return []


def get_request(s: Session, request_id: str) -> Request:
    request = s.get(Request, request_id)
    if request is None or request.deleted:
        raise ValidationError("not_found", "找不到该申请（可能已被删除）", "request_id")
    return request


# ---------------------------------------------------------------- items

def set_items(db: Database, request_id: str, items: Sequence[ItemInput]) -> Changed:
    """Replace a request's items (unchanged items keep their row; removed ones are tombstoned)."""
    with db.session() as s:
        request = get_request(s, request_id)
        workflow = workflow_of(request.kind)
        if not workflow.items_editable(request.stage):
            raise ValidationError("items_locked", f"申请处于“{workflow.stage_label(request.stage)}”阶段，项目和金额不能再修改"
                                  "（如需修改请先退回）", "items")
        cleaned = [_clean_item(workflow, item) for item in items]
        existing = {i.code: i for i in checks.items_of(s, request_id)}
        seen = set()
        for values in cleaned:
            if values["code"] in seen:
                raise ValidationError("item_duplicate", f"“{values['label']}”重复添加，请合并数量", "items")
            seen.add(values["code"])
            row = existing.get(values["code"]) or RequestItem(request_id=request_id)
            for key, value in values.items():
                setattr(row, key, value)
            s.add(row)
        for code, row in existing.items():
            if code not in seen:
                row.deleted = True
        s.flush()
        request.estimated_fen = checks.items_total_fen(checks.items_of(s, request_id))
        warnings: list[str] = []
        person = s.get(Person, request.person_id) if request.person_id else None
        if person is not None and workflow.subject == "person":
            for values in cleaned:
                warnings += checks.category_warnings(workflow, values["code"], person)
        cap = checks.cap_fen(db, workflow)
        if request.estimated_fen + checks.committed_elsewhere_fen(s, workflow, request) > cap:
            warnings.append(f"预算合计 {checks.yuan(request.estimated_fen)} 元已超过补助上限 {checks.yuan(cap)} 元")
        return Changed(request_id, tuple(warnings))


def _clean_item(workflow: Workflow, item: ItemInput) -> dict[str, Any]:
    definition = workflow.items.get(item.code)
    if definition is None:
        raise ValidationError("item_code", f"项目代码“{item.code}”不在{workflow.title}目录中", "items")
    try:
        quantity = float(item.quantity)
    except (TypeError, ValueError):
        raise ValidationError("item_quantity", f"“{definition.label}”的数量应为数字", "items") from None
    if not 0 < quantity <= 10000:
        raise ValidationError("item_quantity", f"“{definition.label}”的数量应大于0", "items")
    return {"code": definition.code, "label": definition.label, "unit": definition.unit, "quantity": quantity,
            "unit_cost_fen": to_fen(item.unit_cost_yuan, what=f"“{definition.label}”的单价"),
            "detail": item.detail.strip()}


# ---------------------------------------------------------------- transitions

def legal_transitions(workflow: Workflow, stage: str, role: str) -> list[Transition]:
    """The actions this installation's role may take from a stage (what the GUI offers)."""
    return [t for t in workflow.transitions_from(stage) if role in t.roles]


def available_actions(db: Database, request_id: str) -> list[Transition]:
    role = installation.require(db).role
    with db.session() as s:
        request = get_request(s, request_id)
        return legal_transitions(workflow_of(request.kind), request.stage, role)


def transition(db: Database, request_id: str, action: str, *, values: Mapping[str, Any] | None = None,
               note: str = "", on_date: dt.date | None = None, today: dt.date | None = None) -> Changed:
    """Move a request along one transition, or refuse with the reason in Chinese."""
    today = today or dt.date.today()
    role = installation.require(db).role
    values = dict(values or {})
    with db.session() as s:
        request = get_request(s, request_id)
        workflow = workflow_of(request.kind)
        try:
            step = workflow.transition(action)
        except KeyError:
            raise ValidationError("action_unknown", f"没有“{action}”这一操作", "action") from None
        current = workflow.stage_label(request.stage)
        if request.stage not in step.sources:
            raise ValidationError("illegal_transition",
                                  f"申请处于“{current}”阶段，不能执行“{step.label}”", "action")
        if role not in step.roles:
            raise ValidationError("role_forbidden", f"“{step.label}”须由{_role_names(step.roles)}办理，本机为"
                                  f"{installation.require(db).role_label}", "action")
        if step.note_required and not note.strip():
            raise ValidationError("note_missing", f"“{step.label}”须填写原因", "note")
        cleaned = {name: clean_field(workflow.fields[name], values.get(name), today=today) for name in step.fields}
        # The step happened on the date its form names (申请日期, 验收日期…), else on the day it is recorded.
        dates = [cleaned[n] for n in step.fields if workflow.fields[n].type == "date"]
        on_date = on_date or (dt.date.fromisoformat(dates[0]) if dates else today)
        if on_date > today:
            raise ValidationError("date_future", "办理日期不能晚于今天", "on_date")
        if on_date < request.stage_since:
            raise ValidationError("date_order", f"办理日期 {on_date.isoformat()} 不能早于上一步的日期 "
                                  f"{request.stage_since.isoformat()}", "on_date")
        context = checks.CheckContext(db, s, workflow, request, cleaned)
        for name in step.checks:
            checks.CHECKS[name](context)
        target = workflow.target_of(step, request.stage)
        data = json.loads(request.data or "{}")
        data.update(cleaned)
        request.data = json.dumps(data, ensure_ascii=False, sort_keys=True)
        if "approved_amount" in cleaned:
            request.approved_fen = cleaned["approved_amount"]
        s.add(RequestEvent(request_id=request.id, action=action, from_stage=request.stage, to_stage=target,
                           on_date=on_date, role=role, actor=db.account, note=note.strip(),
                           data=json.dumps(cleaned, ensure_ascii=False, sort_keys=True)))
        request.stage = target
        request.stage_since = on_date
        request.closed_on = on_date if workflow.is_terminal(target) else None
        if cleaned.get("follow_up_result") == "损坏":  # a broken device goes straight to the repair list
            s.add(DeviceRepair(request_id=request.id, reported_on=on_date, problem=note.strip() or "回访发现损坏"))
        return Changed(request.id, tuple(context.warnings))


def _role_names(roles: Sequence[str]) -> str:
    names = {"village": "村/社区", "township": "乡镇/街道残联", "county": "县/区残联"}
    return "或".join(names[r] for r in roles)


# ---------------------------------------------------------------- photos

def add_photo(db: Database, request_id: str, data: bytes, *, phase: str, caption: str = "") -> Changed:
    """Check, clean and store a photo (copied into the data directory), then attach it."""
    if phase not in PHOTO_PHASES:
        raise ValidationError("photo_phase", "照片类型应为 改造前/改造后/其他", "phase")
    with db.session() as s:
        get_request(s, request_id)
    stored = attachments.store_attachment(db, data)
    with db.session() as s:
        get_request(s, request_id)
        s.add(RequestPhoto(request_id=request_id, ref=stored.ref, phase=phase, caption=caption.strip(),
                           width=stored.width, height=stored.height, size_bytes=stored.size_bytes))
    return Changed(request_id)


def remove_photo(db: Database, photo_id: str) -> Changed:
    with db.session() as s:
        photo = s.get(RequestPhoto, photo_id)
        if photo is None or photo.deleted:
            raise ValidationError("not_found", "找不到该照片", "photo")
        photo.deleted = True  # the file stays: another request or a restore may still use it
        return Changed(photo.request_id)
