"""ORM models. Every synced table carries the same replication metadata (``SyncedMixin``)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from fieldworker.domain.pinyin import search_key


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class SyncedMixin:
    """Metadata every exchanged record needs to be merged safely on another device.

    ``revision`` counts local edits of the record; ``device_id`` names the device that made
    the last one; ``deleted`` is a tombstone, so a deletion travels like any other change.
    """

    # Columns computed from others; kept out of the change log and out of sync payloads.
    derived_fields: frozenset[str] = frozenset()
    # Columns that describe the record's replication state rather than its content.
    meta_fields = frozenset({"id", "created_at", "updated_at", "device_id", "revision"})

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    device_id: Mapped[str] = mapped_column(String(36), default="")
    revision: Mapped[int] = mapped_column(Integer, default=0)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)

    def refresh_derived(self) -> None:
        """Recompute derived columns; called before every flush."""


class Setting(Base):
    """Per-installation settings (not synced): role, region, device id, preferences."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Region(SyncedMixin, Base):
    __tablename__ = "regions"
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    level: Mapped[str] = mapped_column(String(16), default="village")
    township_name: Mapped[str] = mapped_column(String(64), default="")
    county_name: Mapped[str] = mapped_column(String(64), default="")


class Household(SyncedMixin, Base):
    __tablename__ = "households"
    region_code: Mapped[str] = mapped_column(String(12), index=True)
    head_name: Mapped[str] = mapped_column(String(64))
    head_id_number: Mapped[str] = mapped_column(String(18), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    hukou_type: Mapped[str] = mapped_column(String(1), default="1")
    members_count: Mapped[int] = mapped_column(Integer, default=1)
    phone: Mapped[str] = mapped_column(String(32), default="")
    income_per_capita: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 元/年
    dibao: Mapped[bool] = mapped_column(Boolean, default=False)
    tekun: Mapped[bool] = mapped_column(Boolean, default=False)
    housing_status: Mapped[str] = mapped_column(String(1), default="1")
    notes: Mapped[str] = mapped_column(Text, default="")

    members: Mapped[list["Person"]] = relationship(back_populates="household")


class Person(SyncedMixin, Base):
    __tablename__ = "persons"
    derived_fields = frozenset({"search_text"})

    region_code: Mapped[str] = mapped_column(String(12), index=True)
    household_id: Mapped[str | None] = mapped_column(ForeignKey("households.id"), nullable=True, index=True)
    name: Mapped[str] = mapped_column(String(64))
    gender: Mapped[str] = mapped_column(String(1))
    ethnicity: Mapped[str] = mapped_column(String(2), default="01")
    birth_date: Mapped[dt.date] = mapped_column(Date)
    id_number: Mapped[str] = mapped_column(String(18), index=True)
    card_number: Mapped[str] = mapped_column(String(20), default="")
    category: Mapped[str] = mapped_column(String(1))
    sub_categories: Mapped[str] = mapped_column(String(16), default="")  # "1,4" for 多重残疾
    grade: Mapped[str] = mapped_column(String(1))
    relation_to_head: Mapped[str] = mapped_column(String(2), default="02")
    phone: Mapped[str] = mapped_column(String(32), default="")
    guardian_name: Mapped[str] = mapped_column(String(64), default="")
    guardian_phone: Mapped[str] = mapped_column(String(32), default="")
    status: Mapped[str] = mapped_column(String(1), default="1")
    status_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    living_subsidy: Mapped[bool] = mapped_column(Boolean, default=False)  # 困难残疾人生活补贴
    care_subsidy: Mapped[bool] = mapped_column(Boolean, default=False)  # 重度残疾人护理补贴
    dibao: Mapped[bool] = mapped_column(Boolean, default=False)
    pension_insurance: Mapped[str] = mapped_column(String(1), default="3")
    medical_insurance: Mapped[str] = mapped_column(String(1), default="2")
    family_doctor: Mapped[bool] = mapped_column(Boolean, default=False)
    education_status: Mapped[str] = mapped_column(String(1), default="6")
    employment_status: Mapped[str] = mapped_column(String(1), default="9")
    notes: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")

    household: Mapped[Household | None] = relationship(back_populates="members")

    __table_args__ = (Index("ix_persons_status_category", "status", "category"),)

    def refresh_derived(self) -> None:
        self.search_text = " ".join(filter(None, [search_key(self.name), self.id_number, self.card_number]))
        if not self.search_text.startswith(" "):
            self.search_text = " " + self.search_text


class ChangeLog(Base):
    """Append-only log of every change to a synced record, written in the same transaction.

    ``origin_device``/``origin_seq`` identify a change globally and are monotonic per device,
    so a peer can say "I have everything from device D up to sequence N" without trusting
    any clock. ``seq`` is only the local order of arrival.
    """

    __tablename__ = "change_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin_device: Mapped[str] = mapped_column(String(36))
    origin_seq: Mapped[int] = mapped_column(Integer)
    account: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    table_name: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(16))  # insert | update | delete | restore
    revision: Mapped[int] = mapped_column(Integer)
    changes: Mapped[str] = mapped_column(Text)  # JSON {field: [old, new]}

    __table_args__ = (
        UniqueConstraint("origin_device", "origin_seq", name="uq_change_origin"),
        Index("ix_change_log_record", "table_name", "record_id"),
    )


SYNCED_MODELS: dict[str, type[SyncedMixin]] = {m.__tablename__: m for m in (Region, Household, Person)}


def register_synced(model: type[SyncedMixin]) -> type[SyncedMixin]:
    """Later feature modules (survey, requests…) register their synced tables here."""
    SYNCED_MODELS[model.__tablename__] = model
    return model
