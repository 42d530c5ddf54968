"""Writes the change log in the same transaction as the change itself.

Every ORM flush passes through ``_record_changes``: new, edited and soft-deleted synced
records get their metadata stamped (revision, device, time) and one ``ChangeLog`` row with
the old→new value of each changed field. Hard deletes of synced records are refused: a
deletion is a tombstone so that it can travel to other devices and be undone.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy import event, func, insert, inspect, select
from sqlalchemy.orm import Session

from fieldworker.store.models import ChangeLog, SyncedMixin, new_id, utcnow


@dataclass(frozen=True)
class Actor:
    device_id: str
    account: str = ""


class HardDeleteRefused(RuntimeError):
    pass


def set_actor(session: Session, actor: Actor) -> None:
    session.info["actor"] = actor


def to_json_value(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def content_fields(model: type[SyncedMixin]) -> list[str]:
    """Columns that carry the record's content (what a change log row and a sync payload hold)."""
    skip = model.meta_fields | model.derived_fields
    return [c.key for c in inspect(model).column_attrs if c.key not in skip]


class OriginSequence:
    """Hands out this device's monotonic change numbers, reading the high-water mark once per flush."""

    def __init__(self, session: Session, device_id: str) -> None:
        current = session.execute(
            select(func.max(ChangeLog.origin_seq)).where(ChangeLog.origin_device == device_id)
        ).scalar()
        self._next = (current or 0) + 1

    def take(self) -> int:
        value = self._next
        self._next += 1
        return value


def _actor(session: Session) -> Actor:
    actor = session.info.get("actor")
    if actor is None:
        raise RuntimeError("session has no actor: open sessions through Database.session()")
    return actor


@event.listens_for(Session, "before_flush")
def _record_changes(session: Session, _flush_context: Any, _instances: Any) -> None:
    if session.info.get("replaying"):
        return  # sync import writes its own log rows with the remote origin
    synced_new = [o for o in session.new if isinstance(o, SyncedMixin)]
    synced_dirty = [o for o in session.dirty if isinstance(o, SyncedMixin) and session.is_modified(o)]
    hard_deleted = [o for o in session.deleted if isinstance(o, SyncedMixin)]
    if hard_deleted:
        raise HardDeleteRefused(f"synced records are soft-deleted, not removed: {hard_deleted[0]!r}")
    if not synced_new and not synced_dirty:
        return
    actor = _actor(session)
    sequence = OriginSequence(session, actor.device_id)
    now = utcnow()
    rows = []
    for obj in synced_new:
        obj.refresh_derived()
        if obj.id is None:
            obj.id = new_id()
        obj.created_at = obj.created_at or now
        changes = {f: [None, to_json_value(getattr(obj, f))] for f in content_fields(type(obj))}
        rows.append(_stamp(obj, actor, now, "insert", changes, sequence))
    for obj in synced_dirty:
        obj.refresh_derived()
        changes = _diff(obj)
        if not changes:
            continue
        op = "update"
        if "deleted" in changes:
            op = "delete" if obj.deleted else "restore"
            obj.deleted_at = now if obj.deleted else None
            changes["deleted_at"] = [None, None] if not obj.deleted else [None, to_json_value(now)]
        rows.append(_stamp(obj, actor, now, op, changes, sequence))
    if rows:
        session.execute(insert(ChangeLog), rows)


def _stamp(obj: SyncedMixin, actor: Actor, now: dt.datetime, op: str, changes: dict, sequence: OriginSequence) -> dict:
    obj.revision = (obj.revision or 0) + 1
    obj.updated_at = now
    obj.device_id = actor.device_id
    return {
        "origin_device": actor.device_id,
        "origin_seq": sequence.take(),
        "account": actor.account,
        "at": now,
        "table_name": obj.__tablename__,
        "record_id": obj.id,
        "op": op,
        "revision": obj.revision,
        "changes": json.dumps(changes, ensure_ascii=False),
    }


def _diff(obj: SyncedMixin) -> dict[str, list]:
    state = inspect(obj)
    changes = {}
    for key in content_fields(type(obj)):
        hist = state.attrs[key].history
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if old != new:
            changes[key] = [to_json_value(old), to_json_value(new)]
    return changes


def bulk_insert(session: Session, model: type[SyncedMixin], records: Iterable[dict]) -> int:
    """Insert many new records with metadata and change log rows, bypassing per-object ORM cost.

    Used by demo data, imports and benchmarks; produces exactly what ``session.add`` would.
    """
    actor = _actor(session)
    sequence = OriginSequence(session, actor.device_id)
    now = utcnow()
    fields = content_fields(model)
    defaults = column_defaults(model)
    rows, logs = [], []
    probe = model()
    for record in records:
        row = {**defaults, **record}
        if model.derived_fields:
            for f in fields:
                setattr(probe, f, row.get(f))
            probe.refresh_derived()
            for f in model.derived_fields:
                row[f] = getattr(probe, f)
        row.setdefault("id", new_id())
        row.update(created_at=now, updated_at=now, device_id=actor.device_id, revision=1, deleted=False)
        rows.append(row)
        logs.append({
            "origin_device": actor.device_id, "origin_seq": sequence.take(), "account": actor.account,
            "at": now, "table_name": model.__tablename__, "record_id": row["id"], "op": "insert", "revision": 1,
            "changes": json.dumps({f: [None, to_json_value(row.get(f))] for f in fields}, ensure_ascii=False),
        })
    if rows:
        session.execute(insert(model), rows)
        session.execute(insert(ChangeLog), logs)
    return len(rows)


def column_defaults(model: type[SyncedMixin]) -> dict[str, Any]:
    out = {}
    for column in inspect(model).columns:
        default = column.default
        if column.key in content_fields(model) and default is not None and default.is_scalar:
            out[column.key] = default.arg
        elif column.key in content_fields(model) and column.nullable:
            out[column.key] = None
    return out


def history(session: Session, table_name: str, record_id: str) -> list[ChangeLog]:
    return list(session.scalars(
        select(ChangeLog).where(ChangeLog.table_name == table_name, ChangeLog.record_id == record_id)
        .order_by(ChangeLog.seq)
    ))
