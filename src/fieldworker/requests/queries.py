"""Reading requests: the table rows (stage, age, overdue flag), one request's full detail, and
the requests of a household or person."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldworker.domain import codes
from fieldworker.domain.errors import ValidationError
from fieldworker.requests.checks import items_of
from fieldworker.requests.definition import Workflow, load
from fieldworker.requests.models import Request, RequestEvent, RequestPhoto
from fieldworker.store import changelog
from fieldworker.store.engine import Database
from fieldworker.store.models import Household, Person


@dataclass(frozen=True)
class RequestRow:
    id: str
    number: str
    kind: str
    stage: str
    stage_label: str
    subject: str  # household head and address, or person name
    person_name: str
    category: str  # 残疾类别 label of the person concerned
    items: str  # short summary, e.g. "入户坡道、卫生间扶手"
    opened_on: dt.date
    stage_since: dt.date
    age_days: int
    days_in_stage: int
    overdue: bool
    open: bool
    estimated_fen: int
    approved_fen: int | None

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "number": self.number, "kind": self.kind, "stage": self.stage,
                "stage_label": self.stage_label, "subject": self.subject, "person": self.person_name,
                "category": self.category, "items": self.items, "opened_on": self.opened_on.isoformat(),
                "stage_since": self.stage_since.isoformat(), "age_days": self.age_days,
                "days_in_stage": self.days_in_stage, "overdue": self.overdue,
                "estimated_yuan": self.estimated_fen / 100,
                "approved_yuan": None if self.approved_fen is None else self.approved_fen / 100}


def is_overdue(workflow: Workflow, stage: str, stage_since: dt.date, today: dt.date) -> bool:
    limit = workflow.overdue_days.get(stage)
    return limit is not None and (today - stage_since).days > limit


def list_requests(db: Database, kind: str, *, stage: str | None = None, overdue_only: bool = False,
                  open_only: bool = False, text: str = "", today: dt.date | None = None,
                  household_id: str | None = None, person_id: str | None = None) -> list[RequestRow]:
    """Requests of one kind, newest first, with age and overdue flags computed for ``today``."""
    workflow = load(kind)
    if stage is not None and stage not in {s.code for s in workflow.stages}:
        raise ValidationError("stage_unknown", f"没有“{stage}”这一阶段，可选：" +
                              "、".join(f"{s.code}({s.label})" for s in workflow.stages), "stage")
    today = today or dt.date.today()
    query = (select(Request, Household, Person)
             .outerjoin(Household, Household.id == Request.household_id)
             .outerjoin(Person, Person.id == Request.person_id)
             .where(Request.kind == kind, Request.deleted.is_(False))
             .order_by(Request.opened_on.desc(), Request.number.desc()))
    if stage:
        query = query.where(Request.stage == stage)
    if household_id:
        query = query.where(Request.household_id == household_id)
    if person_id:
        query = query.where(Request.person_id == person_id)
    rows = []
    with db.session() as s:
        summaries = _item_summaries(s, kind)
        for request, household, person in s.execute(query):
            row = _row(workflow, request, household, person, summaries.get(request.id, ""), today)
            if overdue_only and not row.overdue:
                continue
            if open_only and not row.open:
                continue
            if text and text not in f"{row.number} {row.subject} {row.person_name} {row.items}":
                continue
            rows.append(row)
    return rows


def _item_summaries(s: Session, kind: str) -> dict[str, str]:
    from fieldworker.requests.models import RequestItem

    out: dict[str, list[str]] = {}
    query = (select(RequestItem.request_id, RequestItem.label).join(Request, Request.id == RequestItem.request_id)
             .where(Request.kind == kind, RequestItem.deleted.is_(False)).order_by(RequestItem.code))
    for request_id, label in s.execute(query):
        out.setdefault(request_id, []).append(label)
    return {k: "、".join(v) for k, v in out.items()}


def _row(workflow: Workflow, request: Request, household: Household | None, person: Person | None,
         items: str, today: dt.date) -> RequestRow:
    if workflow.subject == "household" and household is not None:
        subject = f"{household.head_name}户（{household.address}）" if household.address else f"{household.head_name}户"
    else:
        subject = person.name if person else ""
    terminal = workflow.is_terminal(request.stage)
    end = request.closed_on if terminal and request.closed_on else today
    return RequestRow(
        id=request.id, number=request.number, kind=request.kind, stage=request.stage,
        stage_label=workflow.stage_label(request.stage), subject=subject, person_name=person.name if person else "",
        category=codes.label(codes.DISABILITY_CATEGORY, person.category) if person else "", items=items,
        opened_on=request.opened_on, stage_since=request.stage_since, age_days=(end - request.opened_on).days,
        days_in_stage=(end - request.stage_since).days,
        overdue=not terminal and is_overdue(workflow, request.stage, request.stage_since, today),
        open=not terminal, estimated_fen=request.estimated_fen, approved_fen=request.approved_fen)


@dataclass
class RequestDetail:
    row: RequestRow
    workflow: Workflow
    data: dict[str, Any]
    need: str
    source: str
    household: dict[str, Any]
    person: dict[str, Any]
    items: list[dict[str, Any]]
    events: list[dict[str, Any]]
    photos: list[dict[str, Any]]
    changes: list[dict[str, Any]] = field(default_factory=list)  # field-level change log of the request


def request_detail(db: Database, request_id: str, *, today: dt.date | None = None) -> RequestDetail:
    today = today or dt.date.today()
    with db.session() as s:
        request = s.get(Request, request_id)
        if request is None or request.deleted:
            raise ValidationError("not_found", "找不到该申请（可能已被删除）", "request_id")
        workflow = load(request.kind)
        household = s.get(Household, request.household_id) if request.household_id else None
        person = s.get(Person, request.person_id) if request.person_id else None
        items = items_of(s, request.id)
        row = _row(workflow, request, household, person, "、".join(i.label for i in items), today)
        events = s.scalars(select(RequestEvent).where(RequestEvent.request_id == request.id, RequestEvent.deleted.is_(False))
                           .order_by(RequestEvent.on_date, RequestEvent.at))
        photos = s.scalars(select(RequestPhoto).where(RequestPhoto.request_id == request.id, RequestPhoto.deleted.is_(False))
                           .order_by(RequestPhoto.created_at))
        return RequestDetail(
            row=row, workflow=workflow, data=json.loads(request.data or "{}"), need=request.need, source=request.source,
            household=_household_dict(household), person=_person_dict(person),
            items=[{"id": i.id, "code": i.code, "label": i.label, "unit": i.unit, "quantity": i.quantity,
                    "unit_cost_fen": i.unit_cost_fen, "total_fen": int(round(i.quantity * i.unit_cost_fen)),
                    "detail": i.detail} for i in items],
            events=[_event_dict(workflow, e) for e in events],
            photos=[{"id": p.id, "ref": p.ref, "phase": p.phase, "caption": p.caption, "width": p.width,
                     "height": p.height, "size_bytes": p.size_bytes} for p in photos],
            changes=[{"at": c.at, "op": c.op, "changes": json.loads(c.changes)}
                     for c in changelog.history(s, "requests", request.id)],
        )


def _event_dict(workflow: Workflow, event: RequestEvent) -> dict[str, Any]:
    if event.action == "register":
        label = "登记需求"
    else:
        try:
            label = workflow.transition(event.action).label
        except KeyError:
            label = event.action
    return {"action": event.action, "label": label, "from": workflow.stage_label(event.from_stage) if event.from_stage else "",
            "to": workflow.stage_label(event.to_stage), "on_date": event.on_date, "at": event.at, "role": event.role,
            "actor": event.actor, "note": event.note, "data": json.loads(event.data or "{}")}


def _household_dict(household: Household | None) -> dict[str, Any]:
    if household is None:
        return {}
    return {"id": household.id, "head_name": household.head_name, "address": household.address,
            "phone": household.phone, "members_count": household.members_count, "dibao": household.dibao,
            "hukou": codes.label(codes.HUKOU_TYPE, household.hukou_type),
            "income_per_capita": household.income_per_capita}


def _person_dict(person: Person | None) -> dict[str, Any]:
    if person is None:
        return {}
    return {"id": person.id, "name": person.name, "gender": codes.label(codes.GENDER, person.gender),
            "birth_date": person.birth_date, "id_number": person.id_number, "card_number": person.card_number,
            "category_code": person.category, "category": codes.label(codes.DISABILITY_CATEGORY, person.category),
            "grade": codes.label(codes.DISABILITY_GRADE, person.grade), "phone": person.phone,
            "guardian_name": person.guardian_name, "household_id": person.household_id}


def requests_for(db: Database, *, household_id: str | None = None, person_id: str | None = None,
                 today: dt.date | None = None) -> list[RequestRow]:
    """Every request (both kinds) concerning a household or a person: the link from the roster."""
    if not household_id and not person_id:
        return []
    return [row for kind in ("renovation", "device")
            for row in list_requests(db, kind, household_id=household_id, person_id=person_id, today=today)]
