"""Demo requests: renovations and device requests at every stage, with photos, loans and repairs.

Called by ``services.demo.generate`` through ``DEMO_STEP_MODULES``. Everything goes through the
same service functions the GUI uses, so demo data obey every rule (caps, photos, roles).
Dates are counted back from today so that ages and overdue flags look like a real village's.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from typing import Any, Callable

from PIL import Image, ImageDraw
from sqlalchemy import select

from fieldworker.requests import loans, service
from fieldworker.requests.definition import load
from fieldworker.store.engine import Database
from fieldworker.store.models import Person

WORKERS = ("张丽", "王建国", "李敏")
CONTRACTORS = ("德清县安居无障碍工程队", "武康便民装修服务部")
ASSESSORS = ("县残联辅具中心 陈工", "县康复中心 周医生")

# How many requests end in each stage (renovation, device); a few extra make overdue cases.
RENOVATION_PLAN = {"found": 2, "applied": 2, "assessed": 2, "approved": 3, "building": 2, "accepted": 1, "done": 3,
                   "cancelled": 1}
DEVICE_PLAN = {"registered": 3, "assessed": 2, "applied": 2, "approved": 2, "issued": 3, "followed_up": 4,
               "cancelled": 1}
RENOVATION_PATH = ("apply", "assess", "record_approval", "start_works", "accept", "complete")
DEVICE_PATH = ("assess", "apply", "record_approval", "issue", "follow_up")


def demo_photo(rng: random.Random, *, after: bool) -> bytes:
    """A small drawn picture of a doorway: a step before, a ramp with a handrail after."""
    image = Image.new("RGB", (640, 480), (214, 206, 190))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 330, 640, 480), fill=(150, 150, 150))
    draw.rectangle((230, 90, 410, 330), fill=(120, 80, 50))
    if after:
        draw.polygon([(150, 330), (230, 300), (410, 300), (490, 330)], fill=(190, 190, 190))
        draw.line((140, 270, 230, 240), fill=(60, 60, 60), width=8)
    else:
        draw.rectangle((220, 300, 420, 330), fill=(170, 160, 150))
    draw.ellipse((rng.randrange(20, 120), 20, rng.randrange(140, 200), 80), fill=(250, 240, 200))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def _values(kind: str, action: str, rng: random.Random, day: dt.date, subject: str, estimate: float) -> dict[str, Any]:
    iso = day.isoformat()
    table: dict[str, Callable[[], dict[str, Any]]] = {
        "apply": lambda: {"applied_on": iso, "applicant": subject},
        "assess": lambda: ({"assessed_on": iso, "assessor": rng.choice(ASSESSORS if kind == "device" else WORKERS),
                            "consent": "同意"} if kind == "renovation"
                           else {"assessed_on": iso, "assessor": rng.choice(ASSESSORS)}),
        "record_approval": lambda: {"approval_ref": f"德残联〔{day.year}〕{rng.randrange(3, 60)}号",
                                    "approved_amount": f"{estimate:.2f}", "approved_on": iso},
        "start_works": lambda: {"contractor": rng.choice(CONTRACTORS), "works_started_on": iso},
        "accept": lambda: {"accepted_on": iso, "satisfaction": rng.choice(("满意", "满意", "较满意"))},
        "complete": lambda: {"completed_on": iso},
        "issue": lambda: {"issued_on": iso, "receiver": subject},
        "follow_up": lambda: {"followed_up_on": iso, "follow_up_result": rng.choice(("使用中", "使用中", "不适合", "损坏")),
                              "follow_up_method": rng.choice(("入户", "电话"))},
    }
    if kind == "device" and action == "apply":
        return {"applied_on": iso, "applicant": subject}
    return table[action]()


def _walk(db: Database, rng: random.Random, request_id: str, kind: str, path: tuple[str, ...], steps: int,
          start: dt.date, today: dt.date, subject: str, gaps: list[int]) -> None:
    day = start
    detail_estimate = _estimate(db, request_id)
    for index, action in enumerate(path[:steps]):
        day = min(today, day + dt.timedelta(days=gaps[index]))
        if kind == "renovation" and action == "assess":
            service.add_photo(db, request_id, demo_photo(rng, after=False), phase="before", caption="入户门口台阶")
        if kind == "renovation" and action == "accept":
            service.add_photo(db, request_id, demo_photo(rng, after=True), phase="after", caption="坡道和扶手已安装")
        note = "按评估方案完成" if action in ("accept", "complete") else ""
        service.transition(db, request_id, action, values=_values(kind, action, rng, day, subject, detail_estimate),
                           note=note, today=today)


def _estimate(db: Database, request_id: str) -> float:
    from fieldworker.requests.models import Request

    with db.session() as s:
        return (s.get(Request, request_id).estimated_fen or 0) / 100  # type: ignore[union-attr]


def _items(kind: str, rng: random.Random, person: Person) -> list[service.ItemInput]:
    workflow = load(kind)
    suited = [i for i in workflow.items.values() if person.category in i.categories] or list(workflow.items.values())
    chosen = rng.sample(suited, k=min(len(suited), rng.choice((1, 2, 3) if kind == "renovation" else (1, 1, 2))))
    if kind == "device" and sum(i.cap_yuan or 0 for i in chosen) > workflow.cap_default_yuan:
        chosen = chosen[:1]
    items = []
    for item in chosen:
        if kind == "renovation":
            cost = rng.choice((300, 450, 600, 800, 1200))
            qty = rng.choice((1, 1, 2)) if item.unit not in ("米", "平方米") else rng.choice((3, 4.5, 6))
            cost = cost / qty if item.unit in ("米", "平方米") else cost
        else:
            cost = item.cap_yuan or 300
            qty = 1
        items.append(service.ItemInput(item.code, qty, round(cost, 2), detail="按入户测量" if kind == "renovation" else ""))
    return items


def _make(db: Database, rng: random.Random, kind: str, plan: dict[str, int], persons: list[Person],
          today: dt.date) -> None:
    path = RENOVATION_PATH if kind == "renovation" else DEVICE_PATH
    workflow = load(kind)
    main_stages = [s.code for s in workflow.stages if not s.terminal] + [workflow.stages[-2].code]
    used_households: set[str] = set()
    for stage, count in plan.items():
        for n in range(count):
            person = next(p for p in persons if kind == "device" or p.household_id not in used_households)
            persons.remove(person)
            used_households.add(person.household_id or "")
            steps = len(path) if stage == "cancelled" else main_stages.index(stage)
            if stage == "cancelled":
                steps = rng.randrange(1, 3)
            # Older requests went further; the first of the 'approved' ones is left waiting too long.
            gaps = [rng.randrange(5, 25) for _ in path]
            overdue_extra = 75 if n == 0 and stage in ("approved", "issued") else 0
            start = today - dt.timedelta(days=sum(gaps[:steps]) + rng.randrange(3, 20) + overdue_extra)
            subject = person.name
            created = service.create_request(
                db, kind=kind, household_id=person.household_id if kind == "renovation" else None,
                person_id=person.id, opened_on=start, today=today,
                source=rng.choice(("村申报", "村申报", "需求调查")),
                need="进出门有台阶，轮椅无法通行" if kind == "renovation" else "需要辅具以便日常生活")
            rid = created.request_id
            service.set_items(db, rid, _items(kind, rng, person))
            _walk(db, rng, rid, kind, path, steps, start, today, subject, gaps)
            if stage == "cancelled":
                service.transition(db, rid, "cancel", note="本人放弃申请", today=today)
            elif n == 1 and stage in ("found", "registered"):
                # One request was sent back once: it shows a 退回 in its history.
                service.transition(db, rid, path[0], values=_values(kind, path[0], rng, start, subject, 0), today=today)
                service.transition(db, rid, "return", note="申请材料不全，需补充户口簿复印件", today=today)


def _loans(db: Database, rng: random.Random, persons: list[Person], today: dt.date) -> None:
    lendable = [i for i in load("device").items.values() if i.lendable]
    device_ids = [loans.add_shared_device(db, code=item.code, serial=f"JY-{n + 1:03d}")
                  for n, item in enumerate(rng.sample(lendable, k=min(5, len(lendable))))]
    for n, device_id in enumerate(device_ids[:3]):
        person = persons.pop()
        lent = today - dt.timedelta(days=rng.randrange(20, 120))
        loan_id = loans.lend(db, device_id=device_id, person_id=person.id, lent_on=lent,
                             due_on=lent + dt.timedelta(days=60 + 30 * n), deposit_yuan=rng.choice((0, 100)), today=today)
        if n == 0:
            loans.return_loan(db, loan_id, returned_on=min(today, lent + dt.timedelta(days=30)), condition="完好", today=today)


def demo_step(db: Database, rng: random.Random, person_ids: list[str]) -> None:
    today = dt.date.today()
    with db.session() as s:
        persons = list(s.scalars(select(Person).where(Person.id.in_(person_ids), Person.deleted.is_(False),
                                                      Person.status == "1", Person.household_id.is_not(None))
                                 .order_by(Person.id_number)))
        s.expunge_all()
    rng.shuffle(persons)
    severe_limb = [p for p in persons if p.grade in "12"]
    others = [p for p in persons if p.grade not in "12"]
    pool = severe_limb + others
    if len(pool) < sum(RENOVATION_PLAN.values()) + sum(DEVICE_PLAN.values()) + 3:
        return  # a very small demo village gets no requests rather than a half-filled set
    _make(db, rng, "renovation", RENOVATION_PLAN, pool, today)
    _make(db, rng, "device", DEVICE_PLAN, pool, today)
    _loans(db, rng, pool, today)
