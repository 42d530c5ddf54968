"""Exchange tables. All are local bookkeeping except ``ExchangeFlag``, which is synced."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fieldworker.store.models import Base, SyncedMixin, register_synced, utcnow


class DeviceKey(Base):
    """This installation's key pairs. The newest active one signs; retired ones still open old packages."""

    __tablename__ = "exchange_device_keys"
    fingerprint: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    sign_private: Mapped[bytes] = mapped_column(LargeBinary)
    enc_private: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | retired
    card: Mapped[str] = mapped_column(Text)  # the signed public key card (JSON)


class Peer(Base):
    """A trusted (or revoked) other installation, and what it is known to hold."""

    __tablename__ = "exchange_peers"
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    region_code: Mapped[str] = mapped_column(String(12))
    region_name: Mapped[str] = mapped_column(String(64), default="")
    fingerprint: Mapped[str] = mapped_column(String(32))
    card: Mapped[str] = mapped_column(Text)
    trusted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    # {origin_device: highest origin_seq the peer holds}, from its last package or receipt.
    have: Mapped[str] = mapped_column(Text, default="{}")
    last_received_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    # The peer's state digest disagreed with ours: send it a full package next time.
    needs_full: Mapped[bool] = mapped_column(Boolean, default=False)
    # We found divergence: ask the peer for a full package in our next package.
    ask_full: Mapped[bool] = mapped_column(Boolean, default=False)


class PackageRecord(Base):
    """History of packages sent and received (ids make replays recognisable)."""

    __tablename__ = "exchange_packages"
    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    direction: Mapped[str] = mapped_column(String(8))  # sent | received
    peer_device: Mapped[str] = mapped_column(String(36), index=True)
    peer_region: Mapped[str] = mapped_column(String(12), default="")
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    file_name: Mapped[str] = mapped_column(String(255), default="")
    full: Mapped[bool] = mapped_column(Boolean, default=False)
    writes: Mapped[int] = mapped_column(Integer, default=0)
    summary: Mapped[str] = mapped_column(Text, default="{}")  # JSON counts
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class WriteMeta(Base):
    """Causal metadata of one change-log row: a Lamport clock and its parent writes on the record."""

    __tablename__ = "exchange_writes"
    origin_device: Mapped[str] = mapped_column(String(36), primary_key=True)
    origin_seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    lamport: Mapped[int] = mapped_column(Integer, index=True)
    parents: Mapped[str] = mapped_column(Text, default="[]")  # JSON [[device, seq], …]


class Conflict(Base):
    """A field changed concurrently on two devices (or a deletion vs an edit, or a duplicate 身份证号)."""

    __tablename__ = "exchange_conflicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))  # field | deletion | duplicate
    table_name: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(64))
    region_code: Mapped[str] = mapped_column(String(12), default="")
    candidates: Mapped[str] = mapped_column(Text)  # JSON [{value, device, seq, lamport}]
    winner: Mapped[str] = mapped_column(Text)  # JSON value currently in the record
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | resolved
    detected_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)

    __table_args__ = (
        UniqueConstraint("kind", "table_name", "record_id", "field", name="uq_exchange_conflict"),
        Index("ix_exchange_conflicts_status", "status"),
        Index("ix_exchange_conflicts_record", "record_id"),
    )


class ExchangeFlag(SyncedMixin, Base):
    """A township's 有问题/退回 mark on a record, travelling down to the village until fixed."""

    __tablename__ = "exchange_flags"
    target_table: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[str] = mapped_column(String(36), index=True)
    region_code: Mapped[str] = mapped_column(String(12), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # problem (有问题) | returned (退回)
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | fixed
    reply: Mapped[str] = mapped_column(Text, default="")


register_synced(ExchangeFlag)
