"""The write graph: a record's state is a pure function of the set of writes known for it.

Every change-log row is a *write*, named by ``(origin_device, origin_seq)``. Each write gets a
Lamport clock and the list of writes it saw last on the same record (its *parents*); local
writes are stamped lazily, before an export or a merge, in local order (sound: the clock only
grows, and anything a write saw was stamped before it left this device).

* Field value = the ``new`` value of the write with the greatest (lamport, device) touching it:
  causally later writes always have a greater clock, concurrent ones get a deterministic winner.
* Conflict on a field = two or more writes touching it, none of them an ancestor of another
  (the field's *heads*), with different values. A resolution is a write whose parents are all heads.
* Deletion vs edit: the record is deleted and some edit is not an ancestor of the deleting write.

Because state and conflicts depend only on the write set, replicas that received the same
writes agree, whatever the order or number of times packages arrived.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, func, insert, inspect, select, tuple_
from sqlalchemy.orm import Session

from fieldworker.exchange.models import WriteMeta
from fieldworker.store.changelog import content_fields
from fieldworker.store.models import ChangeLog, SyncedMixin

WriteId = tuple[str, int]
CHUNK = 500
# Fields never reported as conflicts: they only accompany another field.
QUIET_FIELDS = frozenset({"deleted_at"})


@dataclass
class Write:
    table: str
    record_id: str
    device: str
    seq: int
    lamport: int
    parents: list[WriteId]
    op: str
    at: str
    account: str
    revision: int
    changes: dict[str, list[Any]]

    @property
    def id(self) -> WriteId:
        return (self.device, self.seq)

    @property
    def order(self) -> tuple[int, str, int]:
        return (self.lamport, self.device, self.seq)

    def to_wire(self) -> dict[str, Any]:
        return {"t": self.table, "r": self.record_id, "d": self.device, "s": self.seq, "l": self.lamport,
                "p": [list(p) for p in self.parents], "o": self.op, "a": self.at, "u": self.account,
                "v": self.revision, "c": self.changes}

    @classmethod
    def from_wire(cls, w: dict[str, Any]) -> "Write":
        return cls(str(w["t"]), str(w["r"]), str(w["d"]), int(w["s"]), int(w["l"]),
                   [(str(d), int(s)) for d, s in w.get("p", [])], str(w["o"]), str(w.get("a", "")),
                   str(w.get("u", "")), int(w.get("v", 0)), dict(w["c"]))


def chunks(items: list, size: int = CHUNK) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


# ------------------------------------------------------------------ stamping

def clock(session: Session) -> int:
    return session.scalar(select(func.max(WriteMeta.lamport))) or 0


def stamp_pending(session: Session) -> int:
    """Give every change-log row without causal metadata its Lamport clock and parents."""
    pending = session.execute(
        select(ChangeLog.origin_device, ChangeLog.origin_seq, ChangeLog.table_name, ChangeLog.record_id)
        .outerjoin(WriteMeta, (WriteMeta.origin_device == ChangeLog.origin_device)
                   & (WriteMeta.origin_seq == ChangeLog.origin_seq))
        .where(WriteMeta.origin_seq.is_(None)).order_by(ChangeLog.seq)).all()
    if not pending:
        return 0
    records = sorted({(t, r) for _d, _s, t, r in pending})
    heads = {key: _heads(writes) for key, writes in load_writes(session, records).items()}
    now = clock(session)
    rows = []
    for device, seq, table, record in pending:
        now += 1
        parents = sorted(heads.get((table, record), set()))
        rows.append({"origin_device": device, "origin_seq": seq, "lamport": now,
                     "parents": json.dumps(parents)})
        heads[(table, record)] = {(device, seq)}
    for part in chunks(rows, 5000):
        session.connection().execute(insert(WriteMeta.__table__), part)
    return len(rows)


def _heads(writes: list[Write]) -> set[WriteId]:
    ids = {w.id for w in writes}
    for w in writes:
        ids.difference_update(w.parents)
    return ids


# ------------------------------------------------------------------ loading

def _query():
    return (select(ChangeLog.table_name, ChangeLog.record_id, ChangeLog.origin_device, ChangeLog.origin_seq,
                   WriteMeta.lamport, WriteMeta.parents, ChangeLog.op, ChangeLog.at, ChangeLog.account,
                   ChangeLog.revision, ChangeLog.changes)
            .join(WriteMeta, (WriteMeta.origin_device == ChangeLog.origin_device)
                  & (WriteMeta.origin_seq == ChangeLog.origin_seq)))


def _row_to_write(row: Any) -> Write:
    table, record, device, seq, lamport, parents, op, at, account, revision, changes = tuple(row)[:11]
    at = at.isoformat() if isinstance(at, dt.datetime) else str(at)
    return Write(table, record, device, seq, lamport, [(d, s) for d, s in json.loads(parents)], op, at, account,
                 revision, json.loads(changes))


def load_writes(session: Session, records: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[Write]]:
    """Every stamped write known for the given (table, record id) pairs, in local order."""
    by_table: dict[str, list[str]] = {}
    for table, record in set(records):
        by_table.setdefault(table, []).append(record)
    out: dict[tuple[str, str], list[Write]] = {}
    rows = []
    for table, ids in by_table.items():
        for part in chunks(sorted(ids)):
            # (table_name, record_id) is the change log's index: both columns keep this a lookup.
            rows.extend(session.execute(_query().add_columns(ChangeLog.seq).where(
                ChangeLog.table_name == table, ChangeLog.record_id.in_(part))))
    rows.sort(key=lambda row: row[-1])  # the seq column added last: local order
    for row in rows:
        out.setdefault((row.table_name, row.record_id), []).append(_row_to_write(row))
    return out


def known_ids(session: Session, ids: list[WriteId]) -> set[WriteId]:
    found: set[WriteId] = set()
    for part in chunks(ids):
        found.update((d, q) for d, q in session.execute(select(ChangeLog.origin_device, ChangeLog.origin_seq).where(
            tuple_(ChangeLog.origin_device, ChangeLog.origin_seq).in_(part))))
    return found


def have_vector(session: Session) -> dict[str, int]:
    """{origin device: highest origin_seq held here} — what this device has, for acknowledgements."""
    return {d: int(s) for d, s in session.execute(
        select(ChangeLog.origin_device, func.max(ChangeLog.origin_seq)).group_by(ChangeLog.origin_device))}


# ------------------------------------------------------------------ state and conflicts

@dataclass
class ConflictFound:
    kind: str  # field | deletion
    field: str
    candidates: list[dict[str, Any]]
    winner: Any


@dataclass
class RecordState:
    values: dict[str, Any]  # JSON values of content fields
    last: Write  # the write with the greatest clock
    first: Write
    count: int
    conflicts: list[ConflictFound]

    @property
    def version(self) -> str:
        return f"{self.count}:{self.last.lamport}:{self.last.device}"


def compute_state(writes: list[Write], *, with_conflicts: bool = True) -> RecordState:
    ordered = sorted(writes, key=lambda w: w.order)
    values: dict[str, Any] = {}
    source: dict[str, Write] = {}
    for w in ordered:
        for name, (_old, new) in w.changes.items():
            values[name] = new
            source[name] = w
    conflicts = _conflicts(ordered, values, source) if with_conflicts and len(ordered) > 1 else []
    return RecordState(values, ordered[-1], ordered[0], len(ordered), conflicts)


def _ancestors(writes: list[Write]) -> dict[WriteId, set[WriteId]]:
    by_id = {w.id: w for w in writes}
    memo: dict[WriteId, set[WriteId]] = {}
    for w in writes:  # ordered by clock: parents (smaller clocks) are done first
        acc: set[WriteId] = set()
        for p in w.parents:
            if p in by_id:
                acc.add(p)
                acc |= memo.get(p, set())
        memo[w.id] = acc
    return memo


def _candidate(w: Write, value: Any) -> dict[str, Any]:
    return {"value": value, "device": w.device, "seq": w.seq, "lamport": w.lamport, "at": w.at, "op": w.op}


def _conflicts(ordered: list[Write], values: dict[str, Any], source: dict[str, Write]) -> list[ConflictFound]:
    linear = all(ordered[i].id in ordered[i + 1].parents for i in range(len(ordered) - 1))
    if linear:
        return []
    anc = _ancestors(ordered)
    found = []
    touching: dict[str, list[Write]] = {}
    for w in ordered:
        for name in w.changes:
            if name not in QUIET_FIELDS:
                touching.setdefault(name, []).append(w)
    for name, ws in touching.items():
        if len(ws) < 2:
            continue
        heads = [w for w in ws if not any(w.id in anc[x.id] for x in ws if x is not w)]
        distinct = {json.dumps(w.changes[name][1], sort_keys=True) for w in heads}
        if len(distinct) > 1:
            found.append(ConflictFound("field", name, [_candidate(w, w.changes[name][1]) for w in heads],
                                       values.get(name)))
    if values.get("deleted") and "deleted" in source:
        deleter = source["deleted"]
        lost = [w for w in ordered if w is not deleter and "deleted" not in w.changes
                and w.id not in anc[deleter.id] and deleter.id not in anc[w.id] and w.op != "insert"]
        if lost:
            found.append(ConflictFound("deletion", "deleted",
                                       [_candidate(deleter, True)] + [_candidate(w, w.changes) for w in lost], True))
    return found


# ------------------------------------------------------------------ values ↔ columns

def converters(model: type[SyncedMixin]) -> dict[str, Callable[[Any], Any]]:
    """JSON value → Python value for each content column (dates travel as ISO text)."""
    out: dict[str, Callable[[Any], Any]] = {}
    for column in inspect(model).columns:
        kind = column.type
        if isinstance(kind, DateTime):
            out[column.key] = lambda v: None if v is None else dt.datetime.fromisoformat(v)
        elif isinstance(kind, Date):
            out[column.key] = lambda v: None if v is None else dt.date.fromisoformat(v)
        elif isinstance(kind, Boolean):
            out[column.key] = lambda v: None if v is None else bool(v)
        elif isinstance(kind, Integer):
            out[column.key] = lambda v: None if v is None else int(v)
        elif isinstance(kind, Float):
            out[column.key] = lambda v: None if v is None else float(v)
        else:
            out[column.key] = lambda v: v
    return out


def row_values(model: type[SyncedMixin], state: RecordState, convert: dict[str, Callable[[Any], Any]]) -> dict[str, Any]:
    """Content columns of the merged record as Python values (missing fields left out)."""
    return {name: convert[name](state.values[name]) for name in content_fields(model) if name in state.values}
