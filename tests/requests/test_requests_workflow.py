"""Every transition of both workflows, legal and illegal, through the real service and database."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from fieldworker.domain.errors import ValidationError
from fieldworker.requests import queries, service
from fieldworker.requests.definition import load
from fieldworker.requests.models import DeviceRepair, Request, RequestEvent
from fieldworker.store.models import ChangeLog

from .conftest import TODAY, jpeg

OPENED = dt.date(2026, 5, 1)
# Valid input for each action; each step's date is a day after the one before.
VALUES = {
    "apply": {"applied_on": "2026-05-02", "applicant": "王芳"},
    "assess": {"assessed_on": "2026-05-03", "assessor": "李敏", "consent": "同意"},
    "approve": {"approval_ref": "德残联〔2026〕7号", "approved_amount": "1500", "approved_on": "2026-05-04"},
    "record_approval": {"approval_ref": "德残联〔2026〕7号", "approved_amount": "1500", "approved_on": "2026-05-04"},
    "start_works": {"contractor": "安居工程队", "works_started_on": "2026-05-05"},
    "accept": {"accepted_on": "2026-05-06", "satisfaction": "满意"},
    "complete": {"completed_on": "2026-05-07"},
    "issue": {"issued_on": "2026-05-05", "receiver": "王芳"},
    "follow_up": {"followed_up_on": "2026-05-06", "follow_up_result": "使用中", "follow_up_method": "电话"},
}
DEVICE_VALUES = {**VALUES, "assess": {"assessed_on": "2026-05-02", "assessor": "县辅具中心"},
                 "apply": {"applied_on": "2026-05-03", "applicant": "王芳"}}
PATHS = {"renovation": ("apply", "assess", "record_approval", "start_works", "accept", "complete"),
         "device": ("assess", "apply", "record_approval", "issue", "follow_up")}
ITEMS = {"renovation": [service.ItemInput("R01", 1, 1200), service.ItemInput("R06", 2, 150)],
         "device": [service.ItemInput("D0101", 1, 1000)]}


def values_for(kind: str, action: str) -> dict:
    return dict((DEVICE_VALUES if kind == "device" else VALUES)[action])


def new_request(db, kind: str, person) -> str:
    return service.create_request(db, kind=kind, person_id=person.id, household_id=person.household_id,
                                  opened_on=OPENED, today=TODAY).request_id


def drive_to(db, kind: str, stage: str, person) -> str:
    """A request walked along the main path until it reaches ``stage`` (with items and photos as needed)."""
    request_id = new_request(db, kind, person)
    service.set_items(db, request_id, ITEMS[kind])
    service.add_photo(db, request_id, jpeg(color="blue"), phase="before") if kind == "renovation" else None
    if stage == "cancelled":
        service.transition(db, request_id, "cancel", note="本人放弃", today=TODAY)
        return request_id
    for action in PATHS[kind]:
        if current_stage(db, request_id) == stage:
            break
        if action == "accept":
            service.add_photo(db, request_id, jpeg(color="green"), phase="after")
        service.transition(db, request_id, action, values=values_for(kind, action), today=TODAY)
    assert current_stage(db, request_id) == stage
    return request_id


def current_stage(db, request_id: str) -> str:
    with db.session() as s:
        return s.get(Request, request_id).stage


def cases() -> list[tuple[str, str, str]]:
    return [(kind, stage.code, t.action) for kind in ("renovation", "device") for stage in load(kind).stages
            for t in load(kind).transitions]


@pytest.mark.parametrize("kind,stage,action", cases())
def test_each_action_from_each_stage_is_done_or_refused_as_the_definition_says(db, people, kind, stage, action):
    workflow = load(kind)
    step = workflow.transition(action)
    request_id = drive_to(db, kind, stage, people[0])
    legal_here = stage in step.sources
    allowed_for_village = "village" in step.roles
    with db.session() as s:
        events_before = len(s.scalars(select(RequestEvent).where(RequestEvent.request_id == request_id)).all())
    if action == "accept":
        service.add_photo(db, request_id, jpeg(color="green"), phase="after")
    kwargs = {"values": {k: v.replace("2026-05-0", "2026-05-2") for k, v in values_for(kind, action).items()}
              if step.fields else {}, "note": "原因：材料不全" if step.note_required else "", "today": TODAY}
    if not legal_here:
        with pytest.raises(ValidationError) as refused:
            service.transition(db, request_id, action, **kwargs)
        assert refused.value.code == "illegal_transition"
        assert workflow.stage_label(stage) in refused.value.message and step.label in refused.value.message
        assert current_stage(db, request_id) == stage
    elif not allowed_for_village:
        with pytest.raises(ValidationError) as refused:
            service.transition(db, request_id, action, **kwargs)
        assert refused.value.code == "role_forbidden"
        db.set_setting("role", "township")  # the township may do it
        service.transition(db, request_id, action, **kwargs)
        assert current_stage(db, request_id) == workflow.target_of(step, stage)
    else:
        service.transition(db, request_id, action, **kwargs)
        assert current_stage(db, request_id) == workflow.target_of(step, stage)
    with db.session() as s:
        events = s.scalars(select(RequestEvent).where(RequestEvent.request_id == request_id)
                           .order_by(RequestEvent.on_date, RequestEvent.at)).all()
    assert len(events) == events_before + (1 if legal_here else 0)
    if legal_here:
        assert events[-1].action == action and events[-1].from_stage == stage


def test_a_transition_writes_event_and_request_change_in_the_change_log(db, people):
    request_id = new_request(db, "renovation", people[0])
    service.transition(db, request_id, "apply", values=VALUES["apply"], today=TODAY)
    with db.session() as s:
        request = s.get(Request, request_id)
        logs = s.scalars(select(ChangeLog).where(ChangeLog.record_id == request_id).order_by(ChangeLog.seq)).all()
        event = s.scalars(select(RequestEvent).where(RequestEvent.action == "apply")).one()
        event_log = s.scalars(select(ChangeLog).where(ChangeLog.record_id == event.id)).one()
    assert request.stage == "applied" and request.stage_since == dt.date(2026, 5, 2)
    assert json.loads(logs[-1].changes)["stage"] == ["found", "applied"]
    assert json.loads(event_log.changes)["to_stage"] == [None, "applied"]
    assert json.loads(request.data)["applicant"] == "王芳"


def test_return_goes_back_one_stage_and_needs_a_reason(db, people):
    request_id = drive_to(db, "renovation", "assessed", people[0])
    with pytest.raises(ValidationError, match="须填写原因"):
        service.transition(db, request_id, "return", today=TODAY)
    service.transition(db, request_id, "return", note="预算需重新核实", today=TODAY)
    assert current_stage(db, request_id) == "applied"
    detail = queries.request_detail(db, request_id, today=TODAY)
    assert detail.events[-1]["label"] == "退回上一步" and detail.events[-1]["note"] == "预算需重新核实"
    assert [e["to"] for e in detail.events] == ["需求登记", "已申请", "已评估", "已申请"]


def test_cancel_is_terminal_and_records_the_reason(db, people):
    request_id = drive_to(db, "device", "approved", people[0])
    service.transition(db, request_id, "cancel", note="已自行购买", today=TODAY)
    row = queries.request_detail(db, request_id, today=TODAY).row
    assert row.stage == "cancelled" and not row.open and not row.overdue
    with pytest.raises(ValidationError, match="已撤销"):
        service.transition(db, request_id, "issue", values=DEVICE_VALUES["issue"], today=TODAY)


def test_missing_or_wrong_fields_are_refused_with_their_label(db, people):
    request_id = new_request(db, "renovation", people[0])
    with pytest.raises(ValidationError, match="请填写申请人"):
        service.transition(db, request_id, "apply", values={"applied_on": "2026-05-02"}, today=TODAY)
    with pytest.raises(ValidationError, match="申请日期应为日期"):
        service.transition(db, request_id, "apply", values={"applied_on": "五月", "applicant": "王芳"}, today=TODAY)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        service.transition(db, request_id, "apply", values={"applied_on": "2026-08-01", "applicant": "王芳"}, today=TODAY)
    with pytest.raises(ValidationError, match="不能早于上一步"):
        service.transition(db, request_id, "apply", values={"applied_on": "2026-04-01", "applicant": "王芳"}, today=TODAY)
    assert current_stage(db, request_id) == "found"


def test_assessment_needs_items_before_photo_and_consent(db, people):
    request_id = drive_to(db, "renovation", "applied", people[0])
    service.set_items(db, request_id, [])
    with pytest.raises(ValidationError, match="请先添加改造项目"):
        service.transition(db, request_id, "assess", values=VALUES["assess"], today=TODAY)
    service.set_items(db, request_id, ITEMS["renovation"])
    photo = queries.request_detail(db, request_id).photos[0]
    service.remove_photo(db, photo["id"])
    with pytest.raises(ValidationError, match="改造前照片"):
        service.transition(db, request_id, "assess", values=VALUES["assess"], today=TODAY)
    service.add_photo(db, request_id, jpeg(), phase="before")
    with pytest.raises(ValidationError, match="不同意"):
        service.transition(db, request_id, "assess", values={**VALUES["assess"], "consent": "不同意"}, today=TODAY)
    service.transition(db, request_id, "assess", values=VALUES["assess"], today=TODAY)
    assert current_stage(db, request_id) == "assessed"


def test_items_are_locked_once_approved_and_editable_again_after_a_return(db, people):
    request_id = drive_to(db, "renovation", "approved", people[0])
    with pytest.raises(ValidationError, match="不能再修改"):
        service.set_items(db, request_id, [service.ItemInput("R01", 1, 100)])
    service.transition(db, request_id, "return", note="方案调整", today=TODAY)
    service.set_items(db, request_id, [service.ItemInput("R01", 1, 100)])
    assert queries.request_detail(db, request_id).row.estimated_fen == 10000


def test_device_follow_up_reporting_broken_opens_a_repair(db, people):
    request_id = drive_to(db, "device", "issued", people[0])
    service.transition(db, request_id, "follow_up", values={**DEVICE_VALUES["follow_up"], "follow_up_result": "损坏"},
                       note="轮子脱落", today=TODAY)
    with db.session() as s:
        repair = s.scalars(select(DeviceRepair).where(DeviceRepair.request_id == request_id)).one()
    assert repair.problem == "轮子脱落" and repair.repaired_on is None


def test_a_request_needs_its_subject(db, people):
    with pytest.raises(ValidationError, match="须选择一名残疾人"):
        service.create_request(db, kind="device", today=TODAY)
    with pytest.raises(ValidationError, match="须选择一个家庭户"):
        service.create_request(db, kind="renovation", today=TODAY)
    other = next(p for p in people if p.household_id != people[0].household_id)
    with pytest.raises(ValidationError, match="不属于该家庭户"):
        service.create_request(db, kind="renovation", household_id=people[0].household_id, person_id=other.id, today=TODAY)


def test_numbers_count_up_per_kind_and_year(db, people):
    first = new_request(db, "renovation", people[0])
    second = new_request(db, "renovation", people[1])
    device = new_request(db, "device", people[0])
    rows = {r.id: r.number for kind in ("renovation", "device") for r in queries.list_requests(db, kind, today=TODAY)}
    assert (rows[first], rows[second], rows[device]) == ("GZ2026-0001", "GZ2026-0002", "FJ2026-0001")


def test_overdue_flag_and_age(db, people):
    request_id = drive_to(db, "renovation", "approved", people[0])  # approved on 2026-05-04
    limit = load("renovation").overdue_days["approved"]
    on_time = dt.date(2026, 5, 4) + dt.timedelta(days=limit)
    assert not queries.list_requests(db, "renovation", today=on_time)[0].overdue
    late = queries.list_requests(db, "renovation", today=on_time + dt.timedelta(days=1))
    assert late[0].id == request_id and late[0].overdue and late[0].age_days == (on_time + dt.timedelta(days=1) - OPENED).days
    assert [r.id for r in queries.list_requests(db, "renovation", overdue_only=True, today=on_time)] == []
    assert queries.list_requests(db, "renovation", stage="found", today=TODAY) == []


def test_requests_for_household_and_person_link_both_kinds(db, people):
    renovation = new_request(db, "renovation", people[0])
    device = new_request(db, "device", people[0])
    new_request(db, "device", next(p for p in people if p.household_id != people[0].household_id))
    assert {r.id for r in queries.requests_for(db, person_id=people[0].id)} == {renovation, device}
    assert {r.id for r in queries.requests_for(db, household_id=people[0].household_id)} == {renovation, device}
