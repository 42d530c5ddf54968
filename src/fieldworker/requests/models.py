"""Tables of the request workflows: requests, their items, events, photos; shared devices and repairs.

Every table is synced (``SyncedMixin``), so each stage change, item edit or loan travels to the
township through the change log like any other edit. Money is stored in 分 (integers): floats
would drift and SQLite has no decimal type.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldworker.store.models import Base, SyncedMixin, register_synced, utcnow


class Request(SyncedMixin, Base):
    """One renovation (per household) or device (per person) request, from need to closure."""

    __tablename__ = "requests"
    kind: Mapped[str] = mapped_column(String(16))  # renovation | device
    number: Mapped[str] = mapped_column(String(32), default="")  # 编号 shown on paper, e.g. GZ2026-0003
    household_id: Mapped[str | None] = mapped_column(ForeignKey("households.id"), nullable=True, index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"), nullable=True, index=True)
    stage: Mapped[str] = mapped_column(String(24))
    source: Mapped[str] = mapped_column(String(16), default="村申报")  # 村申报 / 需求调查 / 直接向县 / 专门协会
    opened_on: Mapped[dt.date] = mapped_column(Date)
    stage_since: Mapped[dt.date] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    need: Mapped[str] = mapped_column(Text, default="")  # what the person or family asked for
    estimated_fen: Mapped[int] = mapped_column(Integer, default=0)  # sum of item costs
    approved_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    data: Mapped[str] = mapped_column(Text, default="{}")  # JSON: transition fields (dates, signers, refs)
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_requests_kind_stage", "kind", "stage"),)


class RequestItem(SyncedMixin, Base):
    """A renovation item or a device in a request: code from the YAML list, quantity and cost."""

    __tablename__ = "request_items"
    request_id: Mapped[str] = mapped_column(ForeignKey("requests.id"), index=True)
    code: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(String(64))  # copied so paper stays readable if the list changes
    unit: Mapped[str] = mapped_column(String(8), default="")
    quantity: Mapped[float] = mapped_column(Float, default=1.0)
    unit_cost_fen: Mapped[int] = mapped_column(Integer, default=0)
    detail: Mapped[str] = mapped_column(Text, default="")  # measurements, model, side…


class RequestEvent(SyncedMixin, Base):
    """One step in a request's life: who did what, when, from which stage to which, and why."""

    __tablename__ = "request_events"
    request_id: Mapped[str] = mapped_column(ForeignKey("requests.id"), index=True)
    action: Mapped[str] = mapped_column(String(24))
    from_stage: Mapped[str] = mapped_column(String(24), default="")
    to_stage: Mapped[str] = mapped_column(String(24))
    on_date: Mapped[dt.date] = mapped_column(Date)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    role: Mapped[str] = mapped_column(String(16), default="")
    actor: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[str] = mapped_column(Text, default="{}")


class RequestPhoto(SyncedMixin, Base):
    """A photo of a request (改造前/改造后/其他); the bytes live in the attachment store under ``ref``."""

    __tablename__ = "request_photos"
    request_id: Mapped[str] = mapped_column(ForeignKey("requests.id"), index=True)
    ref: Mapped[str] = mapped_column(String(80))
    phase: Mapped[str] = mapped_column(String(8))  # before | after | other
    caption: Mapped[str] = mapped_column(String(200), default="")
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)


class SharedDevice(SyncedMixin, Base):
    """A device kept at the village lending point (辅具借用点) to lend out and take back."""

    __tablename__ = "shared_devices"
    code: Mapped[str] = mapped_column(String(16))  # device code from forms/device.yaml
    label: Mapped[str] = mapped_column(String(64))
    serial: Mapped[str] = mapped_column(String(32))  # 编号 painted on the device
    condition: Mapped[str] = mapped_column(String(8), default="完好")  # 完好 / 损坏 / 维修中 / 报废
    note: Mapped[str] = mapped_column(Text, default="")


class DeviceLoan(SyncedMixin, Base):
    """One loan of a shared device: to whom, when, due, returned in which condition, deposit."""

    __tablename__ = "device_loans"
    # Not ``device_id``: SyncedMixin uses that name for the computer that made the last edit.
    shared_device_id: Mapped[str] = mapped_column(ForeignKey("shared_devices.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    lent_on: Mapped[dt.date] = mapped_column(Date)
    due_on: Mapped[dt.date] = mapped_column(Date)
    returned_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    return_condition: Mapped[str] = mapped_column(String(8), default="")
    deposit_fen: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")


class DeviceRepair(SyncedMixin, Base):
    """A repair of a shared device or of a device issued through a request."""

    __tablename__ = "device_repairs"
    shared_device_id: Mapped[str | None] = mapped_column(ForeignKey("shared_devices.id"), nullable=True, index=True)
    request_id: Mapped[str | None] = mapped_column(ForeignKey("requests.id"), nullable=True, index=True)
    reported_on: Mapped[dt.date] = mapped_column(Date)
    problem: Mapped[str] = mapped_column(Text)
    repaired_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    result: Mapped[str] = mapped_column(String(16), default="")  # 已修复 / 无法修复
    cost_fen: Mapped[int] = mapped_column(Integer, default=0)


for _model in (Request, RequestItem, RequestEvent, RequestPhoto, SharedDevice, DeviceLoan, DeviceRepair):
    register_synced(_model)
