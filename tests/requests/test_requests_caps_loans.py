"""Subsidy caps (a setting), device catalogue caps and category hints; shared-device loans and repairs."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldworker.domain.errors import ValidationError
from fieldworker.requests import checks, loans, queries, service
from fieldworker.requests.definition import load

from .conftest import TODAY
from .test_requests_workflow import VALUES, drive_to, new_request


def test_cap_is_a_setting_and_the_assessment_total_is_checked_against_it(db, people):
    renovation = load("renovation")
    assert checks.cap_fen(db, renovation) == renovation.cap_default_yuan * 100
    request_id = drive_to(db, "renovation", "applied", people[0])
    changed = service.set_items(db, request_id, [service.ItemInput("R07", 1, 4000), service.ItemInput("R09", 1, 2500)])
    assert any("超过补助上限" in w for w in changed.warnings)  # editing warns …
    with pytest.raises(ValidationError, match="6,500.00 元超过每户补助上限 6,000.00 元"):
        service.transition(db, request_id, "assess", values=VALUES["assess"], today=TODAY)  # … assessing refuses
    checks.set_cap(db, renovation, 6500)
    service.transition(db, request_id, "assess", values=VALUES["assess"], today=TODAY)
    assert queries.request_detail(db, request_id).row.stage == "assessed"


def test_approved_amount_is_checked_against_the_cap(db, people):
    request_id = drive_to(db, "renovation", "assessed", people[0])
    with pytest.raises(ValidationError, match="核定金额 6,000.01 元超过每户补助上限"):
        service.transition(db, request_id, "record_approval",
                           values={**VALUES["record_approval"], "approved_amount": "6000.01"}, today=TODAY)
    service.transition(db, request_id, "record_approval",
                       values={**VALUES["record_approval"], "approved_amount": "6,000"}, today=TODAY)
    assert queries.request_detail(db, request_id).row.approved_fen == 600000


def test_cap_counts_other_live_requests_of_the_same_household(db, people):
    first = drive_to(db, "renovation", "approved", people[0])  # approved 1,500 元
    second = drive_to(db, "renovation", "applied", people[0])
    service.set_items(db, second, [service.ItemInput("R07", 1, 4600)])
    with pytest.raises(ValidationError, match="已占用 1,500.00 元"):
        service.transition(db, second, "assess", values=VALUES["assess"], today=TODAY)
    service.transition(db, first, "cancel", note="重复登记", today=TODAY)  # a cancelled request frees its share
    service.transition(db, second, "assess", values=VALUES["assess"], today=TODAY)


def test_a_device_above_its_catalogue_cap_is_refused(db, people):
    request_id = new_request(db, "device", people[0])
    service.set_items(db, request_id, [service.ItemInput("D0101", 1, 1300)])  # 普通轮椅 cap 1,200
    service.transition(db, request_id, "assess", values={"assessed_on": "2026-05-02", "assessor": "县辅具中心"}, today=TODAY)
    with pytest.raises(ValidationError, match="超过目录补贴标准 1200 元"):
        service.transition(db, request_id, "apply", values={"applied_on": "2026-05-03", "applicant": "王芳"}, today=TODAY)


def test_device_not_matching_the_category_is_suggested_against_not_refused(db, people):
    limb, hearing = people[0], people[1]
    request_id = new_request(db, "device", hearing)
    changed = service.set_items(db, request_id, [service.ItemInput("D0101", 1, 1000)])  # a wheelchair for a 听力 person
    assert any("通常不用于" in w for w in changed.warnings)
    moved = service.transition(db, request_id, "assess", values={"assessed_on": "2026-05-02", "assessor": "x"}, today=TODAY)
    assert moved.warnings and queries.request_detail(db, request_id).row.stage == "assessed"
    fitting = new_request(db, "device", hearing)
    assert service.set_items(db, fitting, [service.ItemInput("D0401", 1, 2000)]).warnings == ()
    assert service.set_items(db, new_request(db, "device", limb), [service.ItemInput("D0101", 1, 1000)]).warnings == ()


def test_bad_items_are_refused(db, people):
    request_id = new_request(db, "renovation", people[0])
    for item, message in ((service.ItemInput("X99", 1, 1), "不在家庭无障碍改造目录中"),
                          (service.ItemInput("R01", 0, 1), "数量应大于0"),
                          (service.ItemInput("R01", 1, "-5"), "不能为负数"),
                          (service.ItemInput("R01", 1, "abc"), "应为数字")):
        with pytest.raises(ValidationError, match=message):
            service.set_items(db, request_id, [item])
    with pytest.raises(ValidationError, match="重复添加"):
        service.set_items(db, request_id, [service.ItemInput("R01", 1, 1), service.ItemInput("R01", 2, 1)])


def test_repeat_renovation_within_five_years_warns(db, people):
    drive_to(db, "renovation", "done", people[0])
    changed = service.create_request(db, kind="renovation", household_id=people[0].household_id, today=TODAY)
    assert any("5年内已完成过无障碍改造" in w for w in changed.warnings)


def _shared(db) -> str:
    return loans.add_shared_device(db, code="D0101", serial="JY-001")


def test_lend_and_return_a_shared_device(db, people):
    device = _shared(db)
    loan = loans.lend(db, device_id=device, person_id=people[0].id, lent_on=dt.date(2026, 6, 1),
                      due_on=dt.date(2026, 6, 20), deposit_yuan="100", today=TODAY)
    assert not loans.shared_devices(db)[0]["available"]
    row = loans.loans(db, open_only=True, today=TODAY)[0]
    assert row.overdue and row.person_name == people[0].name and row.deposit_fen == 10000
    with pytest.raises(ValidationError, match="尚未归还"):
        loans.lend(db, device_id=device, person_id=people[1].id, lent_on=dt.date(2026, 6, 2), today=TODAY)
    loans.return_loan(db, loan, returned_on=dt.date(2026, 6, 25), today=TODAY)
    with pytest.raises(ValidationError, match="已于 2026-06-25 归还"):
        loans.return_loan(db, loan, returned_on=dt.date(2026, 6, 26), today=TODAY)
    assert loans.shared_devices(db)[0]["available"] and loans.loans(db, open_only=True, today=TODAY) == []
    second = loans.lend(db, device_id=device, person_id=people[1].id, lent_on=dt.date(2026, 6, 26), today=TODAY)
    assert loans.loans(db, open_only=True, today=TODAY)[0].due_on == dt.date(2026, 6, 26) + dt.timedelta(days=90)
    assert second != loan


def test_damaged_return_blocks_lending_until_repaired(db, people):
    device = _shared(db)
    loan = loans.lend(db, device_id=device, person_id=people[0].id, lent_on=dt.date(2026, 6, 1), today=TODAY)
    loans.return_loan(db, loan, returned_on=dt.date(2026, 6, 10), condition="损坏", problem="刹车失灵", today=TODAY)
    repair = loans.open_repairs(db)[0]
    assert repair.problem == "刹车失灵" and loans.shared_devices(db)[0]["condition"] == "损坏"
    with pytest.raises(ValidationError, match="不能借出"):
        loans.lend(db, device_id=device, person_id=people[1].id, lent_on=dt.date(2026, 6, 11), today=TODAY)
    loans.finish_repair(db, repair.id, repaired_on=dt.date(2026, 6, 15), result="已修复", cost_yuan=80)
    assert loans.open_repairs(db) == [] and loans.shared_devices(db)[0]["available"]
    loans.lend(db, device_id=device, person_id=people[1].id, lent_on=dt.date(2026, 6, 16), today=TODAY)


def test_loan_input_is_checked(db, people):
    with pytest.raises(ValidationError, match="不是可借用的共享辅具"):
        loans.add_shared_device(db, code="D0401", serial="X")
    device = _shared(db)
    with pytest.raises(ValidationError, match="已登记"):
        loans.add_shared_device(db, code="D0102", serial="JY-001")
    with pytest.raises(ValidationError, match="应还日期须晚于借出日期"):
        loans.lend(db, device_id=device, person_id=people[0].id, lent_on=dt.date(2026, 6, 1),
                   due_on=dt.date(2026, 5, 1), today=TODAY)
    loan = loans.lend(db, device_id=device, person_id=people[0].id, lent_on=dt.date(2026, 6, 1), today=TODAY)
    with pytest.raises(ValidationError, match="归还日期应在借出日期和今天之间"):
        loans.return_loan(db, loan, returned_on=dt.date(2026, 5, 1), today=TODAY)
