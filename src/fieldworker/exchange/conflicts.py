"""The 冲突 list: concurrent edits, deletion vs edit, and the same 身份证号 in two records.

Field and deletion conflicts are derived from the write graph (``writes.compute_state``) and
kept here so a person can see and resolve them. A resolution is an ordinary synced write
whose parents are all competing writes, so it settles the conflict on every replica it reaches.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from fieldworker.domain.errors import ValidationError
from fieldworker.exchange.models import Conflict
from fieldworker.exchange.writes import ConflictFound, chunks, compute_state, converters, load_writes, stamp_pending
from fieldworker.store.changelog import OriginSequence, to_json_value
from fieldworker.store.engine import Database
from fieldworker.store.models import ChangeLog, Person, SYNCED_MODELS, utcnow

KIND_LABELS = {"field": "同一字段被两处修改", "deletion": "一处删除、另一处修改", "duplicate": "身份证号重复"}


@dataclass(frozen=True)
class ConflictView:
    id: int
    kind: str
    table_name: str
    record_id: str
    field: str
    region_code: str
    candidates: list[dict[str, Any]]
    winner: Any
    status: str
    detected_at: str

    def as_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "kind_label": KIND_LABELS.get(self.kind, self.kind)}


def record_label(db: Database, table: str, record_id: str) -> str:
    """What a person recognises a record by: a person's name, a household's head, else a short id."""
    with db.session() as s:
        row = s.execute(select(SYNCED_MODELS[table].__table__).where(
            SYNCED_MODELS[table].__table__.c.id == record_id)).mappings().first()
    if row is None:
        return record_id[:8]
    for key in ("name", "head_name", "label", "number"):
        if row.get(key):
            return str(row[key])
    return record_id[:8]


def record_conflicts(s: Session, table: str, record_id: str, found: list[ConflictFound], region: str) -> int:
    """Store the conflicts now present on a record and settle the ones that are gone; returns newly opened."""
    current = {(c.kind, c.field): c for c in s.scalars(select(Conflict).where(
        Conflict.table_name == table, Conflict.record_id == record_id, Conflict.kind.in_(("field", "deletion"))))}
    opened = 0
    for item in found:
        existing = current.pop((item.kind, item.field), None)
        candidates = json.dumps(item.candidates, ensure_ascii=False, sort_keys=True, default=str)
        winner = json.dumps(item.winner, ensure_ascii=False, default=str)
        if existing is None:
            s.add(Conflict(kind=item.kind, table_name=table, record_id=record_id, field=item.field,
                           region_code=region, candidates=candidates, winner=winner, status="open",
                           detected_at=utcnow()))
            opened += 1
        else:
            if existing.status != "open":
                opened += 1
            existing.candidates, existing.winner, existing.status, existing.resolved_at = candidates, winner, "open", None
    for stale in current.values():
        if stale.status == "open":
            stale.status, stale.resolved_at = "resolved", utcnow()
    s.flush()
    return opened


def records_with_conflicts(s: Session, keys: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """Which of these records already have a field or deletion conflict (open or settled)."""
    found: set[tuple[str, str]] = set()
    ids = sorted({rid for _t, rid in keys})
    for part in chunks(ids):
        found.update((t, r) for t, r in s.execute(select(Conflict.table_name, Conflict.record_id).where(
            Conflict.record_id.in_(part), Conflict.kind.in_(("field", "deletion")))))
    return found


def refresh_duplicates(s: Session, person_ids: list[str]) -> int:
    """Open a 身份证号 conflict when two live records share a number; returns how many are open for these persons."""
    numbers: set[str] = set()
    for part in chunks(person_ids):
        numbers.update(s.scalars(select(Person.id_number).where(Person.id.in_(part))))
    numbers.discard("")
    open_count = 0
    for part in chunks(sorted(numbers)):
        rows = s.execute(select(Person.id_number, Person.id, Person.region_code, Person.name)
                         .where(Person.id_number.in_(part), Person.deleted.is_(False))).all()
        groups: dict[str, list] = {}
        for number, pid, region, name in rows:
            groups.setdefault(number, []).append({"value": pid, "region_code": region, "name": name})
        existing = {c.record_id: c for c in s.scalars(select(Conflict).where(
            Conflict.kind == "duplicate", Conflict.record_id.in_(part)))}
        for number in part:
            members = sorted(groups.get(number, []), key=lambda m: m["value"])
            conflict = existing.get(number)
            if len(members) > 1:
                open_count += 1
                data = json.dumps(members, ensure_ascii=False, sort_keys=True)
                if conflict is None:
                    s.add(Conflict(kind="duplicate", table_name="persons", record_id=number, field="id_number",
                                   region_code=members[0]["region_code"], candidates=data,
                                   winner=json.dumps(members[0]["value"]), status="open", detected_at=utcnow()))
                else:
                    conflict.candidates, conflict.status, conflict.resolved_at = data, "open", None
            elif conflict is not None and conflict.status == "open":
                conflict.status, conflict.resolved_at = "resolved", utcnow()
    s.flush()
    return open_count


def list_conflicts(db: Database, *, status: str | None = "open") -> list[ConflictView]:
    with db.session() as s:
        query = select(Conflict).order_by(Conflict.region_code, Conflict.table_name, Conflict.record_id, Conflict.field)
        if status:
            query = query.where(Conflict.status == status)
        return [ConflictView(c.id, c.kind, c.table_name, c.record_id, c.field, c.region_code,
                             json.loads(c.candidates), json.loads(c.winner), c.status,
                             c.detected_at.isoformat(timespec="seconds")) for c in s.scalars(query)]


def open_count(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Conflict).where(Conflict.status == "open")) or 0


def _get(s: Session, conflict_id: int) -> Conflict:
    conflict = s.get(Conflict, conflict_id)
    if conflict is None:
        raise ValidationError("no_conflict", f"找不到冲突 {conflict_id}")
    if conflict.status != "open":
        raise ValidationError("conflict_closed", "此冲突已经处理过了")
    return conflict


def resolve(db: Database, conflict_id: int, value: Any) -> None:
    """Settle a field or deletion conflict with the chosen value (JSON form, as in the candidates).

    For a deletion conflict ``True`` keeps the record deleted, ``False`` restores it.
    """
    with db.session() as s:
        conflict = _get(s, conflict_id)
        if conflict.kind == "duplicate":
            raise ValidationError("use_keep", "身份证号重复请用“保留其中一条”处理")
        _resolution_write(s, db.device_id, db.account, conflict.table_name, conflict.record_id, conflict.field, value)
        conflict.status, conflict.resolved_at = "resolved", utcnow()


def keep_one(db: Database, conflict_id: int, keep_person_id: str) -> list[str]:
    """Settle a duplicate 身份证号: keep one record, soft-delete the others (restorable). Returns deleted ids."""
    with db.session() as s:
        conflict = _get(s, conflict_id)
        if conflict.kind != "duplicate":
            raise ValidationError("not_duplicate", "这不是身份证号重复")
        ids = [m["value"] for m in json.loads(conflict.candidates)]
        if keep_person_id not in ids:
            raise ValidationError("not_member", "所选记录不在此重复组中")
        dropped = [pid for pid in ids if pid != keep_person_id]
        for pid in dropped:
            person = s.get(Person, pid)
            if person is not None and not person.deleted:
                person.notes = (person.notes + "\n" if person.notes else "") + f"与 {keep_person_id} 身份证号重复，已合并"
                person.deleted = True
        conflict.status, conflict.resolved_at = "resolved", utcnow()
    return dropped


def _resolution_write(s: Session, device: str, account: str, table: str, record_id: str, name: str,
                      value: Any) -> None:
    """A write touching ``name`` whose parents are every current head, applied locally and logged."""
    model = SYNCED_MODELS[table]
    s.info["replaying"] = True
    stamp_pending(s)
    row = s.execute(select(model.__table__).where(model.__table__.c.id == record_id)).mappings().one()
    convert = converters(model)
    now = utcnow()
    changes = {name: [to_json_value(row[name]), value]}
    values = {name: convert[name](value)}
    if name == "deleted":
        changes["deleted_at"] = [to_json_value(row["deleted_at"]), to_json_value(now) if value else None]
        values["deleted_at"] = now if value else None
    revision = (row["revision"] or 0) + 1
    if model.derived_fields:
        probe = model()
        for key in row.keys():
            if hasattr(probe, key) and key not in ("id",):
                setattr(probe, key, values.get(key, row[key]))
        probe.refresh_derived()
        values.update({key: getattr(probe, key) for key in model.derived_fields})
    s.execute(update(model.__table__).where(model.__table__.c.id == record_id)
              .values(**values, revision=revision, updated_at=now, device_id=device))
    s.execute(insert(ChangeLog).values(
        origin_device=device, origin_seq=OriginSequence(s, device).take(), account=account, at=now,
        table_name=table, record_id=record_id, op="resolve", revision=revision,
        changes=json.dumps(changes, ensure_ascii=False)))
    stamp_pending(s)
    state = compute_state(load_writes(s, [(table, record_id)])[(table, record_id)])
    record_conflicts(s, table, record_id, state.conflicts, str(row.get("region_code") or ""))
