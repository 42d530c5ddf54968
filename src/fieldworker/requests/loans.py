"""Shared devices at the village lending point (辅具借用/租赁): inventory, loans, returns, repairs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldworker.domain.errors import ValidationError
from fieldworker.requests.definition import load
from fieldworker.requests.models import DeviceLoan, DeviceRepair, SharedDevice
from fieldworker.requests.service import to_fen
from fieldworker.store.engine import Database
from fieldworker.store.models import Person

CONDITIONS = ("完好", "损坏", "维修中", "报废")
RETURN_CONDITIONS = ("完好", "损坏")
DEFAULT_TERM_DAYS = 90  # lending points seen lend for 1–6 months


@dataclass(frozen=True)
class LoanRow:
    id: str
    device_label: str
    serial: str
    person_name: str
    lent_on: dt.date
    due_on: dt.date
    returned_on: dt.date | None
    return_condition: str
    deposit_fen: int
    overdue: bool


def add_shared_device(db: Database, *, code: str, serial: str, note: str = "") -> str:
    item = load("device").items.get(code)
    if item is None:
        raise ValidationError("device_code", f"辅具代码“{code}”不在目录中", "code")
    if not item.lendable:
        raise ValidationError("device_not_lendable", f"“{item.label}”不是可借用的共享辅具", "code")
    if not serial.strip():
        raise ValidationError("serial_missing", "请填写辅具编号", "serial")
    with db.session() as s:
        if s.scalar(select(SharedDevice.id).where(SharedDevice.serial == serial.strip(), SharedDevice.deleted.is_(False))):
            raise ValidationError("serial_duplicate", f"编号 {serial.strip()} 已登记", "serial")
        device = SharedDevice(code=code, label=item.label, serial=serial.strip(), note=note.strip())
        s.add(device)
        s.flush()
        return device.id


def _open_loan(s: Session, device_id: str) -> DeviceLoan | None:
    return s.scalars(select(DeviceLoan).where(DeviceLoan.shared_device_id == device_id, DeviceLoan.deleted.is_(False),
                                              DeviceLoan.returned_on.is_(None))).first()


def lend(db: Database, *, device_id: str, person_id: str, lent_on: dt.date, due_on: dt.date | None = None,
         deposit_yuan: float | str = 0, note: str = "", today: dt.date | None = None) -> str:
    """Lend a shared device; refused if it is out, broken, or the dates make no sense."""
    today = today or dt.date.today()
    due_on = due_on or lent_on + dt.timedelta(days=DEFAULT_TERM_DAYS)
    if lent_on > today:
        raise ValidationError("date_future", "借出日期不能晚于今天", "lent_on")
    if due_on <= lent_on:
        raise ValidationError("due_before_lent", "应还日期须晚于借出日期", "due_on")
    with db.session() as s:
        device = s.get(SharedDevice, device_id)
        if device is None or device.deleted:
            raise ValidationError("not_found", "找不到该共享辅具", "device_id")
        person = s.get(Person, person_id)
        if person is None or person.deleted:
            raise ValidationError("not_found", "找不到该人员（可能已被删除）", "person_id")
        current = _open_loan(s, device_id)
        if current is not None:
            holder = s.get(Person, current.person_id)
            raise ValidationError("device_out", f"{device.label}（{device.serial}）已借给{holder.name if holder else '他人'}，"
                                  f"应还日期 {current.due_on.isoformat()}，尚未归还", "device_id")
        if device.condition != "完好":
            raise ValidationError("device_unusable", f"{device.label}（{device.serial}）状态为“{device.condition}”，不能借出", "device_id")
        loan = DeviceLoan(shared_device_id=device_id, person_id=person_id, lent_on=lent_on, due_on=due_on,
                          deposit_fen=to_fen(deposit_yuan, what="押金"), note=note.strip())
        s.add(loan)
        s.flush()
        return loan.id


def return_loan(db: Database, loan_id: str, *, returned_on: dt.date, condition: str = "完好",
                problem: str = "", today: dt.date | None = None) -> None:
    """Take a device back; a damaged return marks the device 损坏 and opens a repair."""
    today = today or dt.date.today()
    if condition not in RETURN_CONDITIONS:
        raise ValidationError("condition", f"归还状况应为：{'、'.join(RETURN_CONDITIONS)}", "condition")
    with db.session() as s:
        loan = s.get(DeviceLoan, loan_id)
        if loan is None or loan.deleted:
            raise ValidationError("not_found", "找不到该借用记录", "loan_id")
        if loan.returned_on is not None:
            raise ValidationError("already_returned", f"该辅具已于 {loan.returned_on.isoformat()} 归还", "loan_id")
        if returned_on < loan.lent_on or returned_on > today:
            raise ValidationError("return_date", "归还日期应在借出日期和今天之间", "returned_on")
        loan.returned_on = returned_on
        loan.return_condition = condition
        device = s.get(SharedDevice, loan.shared_device_id)
        if condition == "损坏" and device is not None:
            device.condition = "损坏"
            s.add(DeviceRepair(shared_device_id=device.id, reported_on=returned_on, problem=problem.strip() or "归还时损坏"))


def finish_repair(db: Database, repair_id: str, *, repaired_on: dt.date, result: str, cost_yuan: float | str = 0) -> None:
    if result not in ("已修复", "无法修复"):
        raise ValidationError("repair_result", "维修结果应为 已修复 或 无法修复", "result")
    with db.session() as s:
        repair = s.get(DeviceRepair, repair_id)
        if repair is None or repair.deleted:
            raise ValidationError("not_found", "找不到该维修记录", "repair_id")
        if repair.repaired_on is not None:
            raise ValidationError("repair_done", "该维修已登记完成", "repair_id")
        if repaired_on < repair.reported_on:
            raise ValidationError("repair_date", "维修完成日期不能早于报修日期", "repaired_on")
        repair.repaired_on, repair.result, repair.cost_fen = repaired_on, result, to_fen(cost_yuan, what="维修费用")
        if repair.shared_device_id:
            device = s.get(SharedDevice, repair.shared_device_id)
            if device is not None:
                device.condition = "完好" if result == "已修复" else "报废"


def loans(db: Database, *, open_only: bool = False, today: dt.date | None = None) -> list[LoanRow]:
    today = today or dt.date.today()
    query = (select(DeviceLoan, SharedDevice, Person).join(SharedDevice, SharedDevice.id == DeviceLoan.shared_device_id)
             .join(Person, Person.id == DeviceLoan.person_id).where(DeviceLoan.deleted.is_(False))
             .order_by(DeviceLoan.lent_on.desc()))
    if open_only:
        query = query.where(DeviceLoan.returned_on.is_(None))
    with db.session() as s:
        return [LoanRow(loan.id, device.label, device.serial, person.name, loan.lent_on, loan.due_on, loan.returned_on,
                        loan.return_condition, loan.deposit_fen, loan.returned_on is None and loan.due_on < today)
                for loan, device, person in s.execute(query)]


def shared_devices(db: Database) -> list[dict]:
    with db.session() as s:
        out = []
        for device in s.scalars(select(SharedDevice).where(SharedDevice.deleted.is_(False)).order_by(SharedDevice.serial)):
            loan = _open_loan(s, device.id)
            out.append({"id": device.id, "code": device.code, "label": device.label, "serial": device.serial,
                        "condition": device.condition, "available": loan is None and device.condition == "完好"})
        return out


def open_repairs(db: Database) -> list[DeviceRepair]:
    with db.session() as s:
        return list(s.scalars(select(DeviceRepair).where(DeviceRepair.deleted.is_(False), DeviceRepair.repaired_on.is_(None))
                              .order_by(DeviceRepair.reported_on)))
