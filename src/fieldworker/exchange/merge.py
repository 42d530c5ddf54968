"""Import: verify every package → (preview) → backup → merge each package in one transaction.

Merging adds the package's unknown writes to the change log *with their remote origin*
(``session.info["replaying"]`` switches the local logging hook off), recomputes the state of
every touched record from its whole write set (``writes.compute_state``), stores it, and
records conflicts. Known writes are skipped, so importing the same content twice, or packages
in any order, ends in the same state.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Iterable

from sqlalchemy import DateTime, insert, select, text, update
from sqlalchemy.orm import Session

from fieldworker import attachments as attachment_store
from fieldworker.exchange import conflicts as conflict_store
from fieldworker.exchange import package
from fieldworker.exchange.atomic import PART_SUFFIX
from fieldworker.exchange.digest import state_digest
from fieldworker.exchange.models import PackageRecord, Peer
from fieldworker.exchange.scope import in_scope, prefix, region_map, synced_tables_in_order
from fieldworker.exchange.writes import (
    Write, chunks, compute_state, converters, known_ids, load_writes, row_values, stamp_pending,
)
from fieldworker.jobs import NO_PROGRESS, Progress
from fieldworker.services import installation
from fieldworker.store.changelog import content_fields
from fieldworker.store.engine import Database
from fieldworker.store.models import ChangeLog, SYNCED_MODELS, utcnow
from fieldworker.exchange.models import WriteMeta


@dataclass
class Counts:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    conflicts: int = 0
    rejected: int = 0

    def add(self, other: "Counts") -> None:
        for name in ("new", "changed", "unchanged", "conflicts", "rejected"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class PackageOutcome:
    path: Path
    status: str  # merged | preview | rejected | skipped (a folder's package for another device)
    reason: str = ""
    code: str = ""
    package_id: str = ""
    sender_region: str = ""
    sender_name: str = ""
    by_region: dict[str, Counts] = field(default_factory=dict)
    new_writes: int = 0
    duplicates: int = 0
    digest_ok: bool | None = None

    @property
    def totals(self) -> Counts:
        total = Counts()
        for counts in self.by_region.values():
            total.add(counts)
        return total


@dataclass
class ImportReport:
    outcomes: list[PackageOutcome]
    backup: Path | None = None

    @property
    def rejected(self) -> list[PackageOutcome]:
        return [o for o in self.outcomes if o.status == "rejected"]


class _DryRun(Exception):
    """Raised at the end of a preview so its transaction rolls back."""


def package_files(paths: Iterable[Path]) -> list[tuple[Path, bool]]:
    """(file, named explicitly): given files, and every ``*.fwpkg`` in given folders (never ``.part`` leftovers)."""
    out: list[tuple[Path, bool]] = []
    for path in map(Path, paths):
        if path.is_dir():
            out.extend((p, False) for p in sorted(path.rglob(f"*{package.SUFFIX}"))
                       if not p.name.startswith(".") and not p.name.endswith(PART_SUFFIX))
        else:
            out.append((path, True))
    return out


def preview(db: Database, paths: Iterable[Path], *, progress: Progress = NO_PROGRESS) -> ImportReport:
    """What an import would do (new, changed, conflicting, rejected records per village); changes nothing."""
    return import_packages(db, paths, dry_run=True, progress=progress)


def import_packages(db: Database, paths: Iterable[Path], *, dry_run: bool = False,
                    progress: Progress = NO_PROGRESS) -> ImportReport:
    files = package_files(paths)
    outcomes: list[PackageOutcome] = []
    verified: list[tuple[package.VerifiedPackage, PackageOutcome]] = []
    for index, (path, explicit) in enumerate(files):
        progress.report(index, len(files) * 2, f"正在校验 {path.name}…")
        try:
            pkg = package.read(db, path)
        except package.PackageRejected as exc:
            # A township's stick holds packages for many villages and old ones already imported:
            # found in a folder, those are skipped, not errors.
            status = "skipped" if exc.code in ("wrong_recipient", "replay") and not explicit else "rejected"
            outcomes.append(PackageOutcome(path, status, exc.message, exc.code))
            continue
        sender = pkg.manifest["sender"]
        outcome = PackageOutcome(path, "preview" if dry_run else "merged", package_id=pkg.package_id,
                                 sender_region=sender.get("region_code", ""), sender_name=sender.get("region_name", ""))
        outcomes.append(outcome)
        verified.append((pkg, outcome))
    report = ImportReport(outcomes)
    if verified and not dry_run:
        report.backup = db.timestamped_backup("before-import")
    for index, (pkg, outcome) in enumerate(verified):
        progress.report(len(files) + index, len(files) * 2, f"正在合并 {pkg.path.name}…")
        try:
            with db.session() as s:
                merge_package(s, db, pkg, outcome, dry_run=dry_run)
                if dry_run:
                    raise _DryRun()
        except _DryRun:
            pass
        except package.PackageRejected as exc:
            outcome.status, outcome.reason, outcome.code = "rejected", exc.message, exc.code
    progress.report(len(files) * 2, len(files) * 2, "完成")
    return report


def merge_package(s: Session, db: Database, pkg: package.VerifiedPackage, outcome: PackageOutcome, *,
                  dry_run: bool = False) -> None:
    """Merge one verified package inside the caller's transaction."""
    if s.get(PackageRecord, pkg.package_id) is not None:
        raise package.PackageRejected("replay", "该数据包已导入过，未重复导入")
    s.info["replaying"] = True
    # Parent rows may arrive after children within a package; check keys at commit instead.
    s.execute(text("PRAGMA defer_foreign_keys=ON"))
    stamp_pending(s)
    me = installation.require(db)
    my_scope = prefix(me.role, me.region_code)
    incoming: dict[tuple[str, str], list[Write]] = {}
    seen: set[tuple[str, int]] = set()
    rejected_unknown = 0
    parsed = [Write.from_wire(w) for w in pkg.writes]
    known = known_ids(s, [w.id for w in parsed])
    for w in parsed:
        if w.table not in SYNCED_MODELS:
            rejected_unknown += 1
            continue
        if w.id in known or w.id in seen:
            continue
        seen.add(w.id)
        incoming.setdefault((w.table, w.record_id), []).append(w)
    if rejected_unknown:
        outcome.by_region.setdefault("", Counts()).rejected += rejected_unknown
    local = load_writes(s, incoming)
    existing = _existing_rows(s, incoming)
    with_conflicts = conflict_store.records_with_conflicts(s, list(incoming))
    accepted: list[Write] = []
    touched: list[tuple[str, str]] = []
    results: list[tuple[tuple[str, str], str, int]] = []  # key, status, newly opened conflicts
    for table in synced_tables_in_order():
        model = SYNCED_MODELS[table]
        convert = converters(model)
        new_rows: list[dict[str, Any]] = []
        for key in sorted(k for k in incoming if k[0] == table):
            new_writes = incoming[key]
            state = compute_state(local.get(key, []) + new_writes)
            region = str(state.values.get("region_code") or (existing.get(key) or {}).get("region_code") or "")
            # A village keeps only its own region's records (and records it already holds).
            if me.role == "village" and "region_code" in model.__table__.c and key not in existing \
                    and not in_scope(region, my_scope):
                results.append((key, "rejected", 0))
                continue
            status = _apply(s, model, key, state, existing.get(key), convert, new_rows)
            if status == "rejected":
                results.append((key, status, 0))
                continue
            opened = 0
            if state.conflicts or key in with_conflicts:
                opened = conflict_store.record_conflicts(s, table, key[1], state.conflicts, region)
            results.append((key, status, opened))
            accepted.extend(new_writes)
            touched.append(key)
        for part in chunks(new_rows, 2000):
            s.connection().execute(insert(model.__table__), part)
    regions = region_map(s)
    for key, status, opened in results:
        counts = outcome.by_region.setdefault(regions.get(key) or "", Counts())
        setattr(counts, status, getattr(counts, status) + 1)
        counts.conflicts += opened
    _append_log(s, accepted)
    outcome.new_writes = len(accepted)
    outcome.duplicates = conflict_store.refresh_duplicates(s, [rid for t, rid in touched if t == "persons"])
    if not dry_run:
        _store_attachments(db, pkg.attachments)
    _update_peer(s, pkg, outcome, regions)


def _existing_rows(s: Session, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    by_table: dict[str, list[str]] = {}
    for table, rid in keys:
        by_table.setdefault(table, []).append(rid)
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for table, ids in by_table.items():
        t = SYNCED_MODELS[table].__table__
        for part in chunks(ids):
            for row in s.execute(select(t).where(t.c.id.in_(part))).mappings():
                out[(table, row["id"])] = dict(row)
    return out


def _parse_time(text_value: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text_value)
    except ValueError:
        return utcnow()


def _apply(s: Session, model: type, key: tuple[str, str], state: Any, current: dict[str, Any] | None,
           convert: dict, new_rows: list[dict[str, Any]]) -> str:
    """Store the merged state: new records are collected in ``new_rows`` for one executemany."""
    values = row_values(model, state, convert)
    table = model.__table__
    # An insert logged before the ORM applied column defaults carries None for them.
    for name, value in list(values.items()):
        column = table.c[name]
        if value is None and not column.nullable:
            default = column.default
            if current is not None:
                values[name] = current[name]
            elif default is not None and default.is_scalar:
                values[name] = default.arg
            elif isinstance(column.type, DateTime):
                values[name] = _parse_time(state.first.at)  # same on every replica, unlike "now"
    if model.derived_fields:
        # A plain namespace is enough for refresh_derived and avoids ORM instrumentation per record.
        probe = SimpleNamespace(**{name: values.get(name, (current or {}).get(name)) for name in content_fields(model)})
        model.refresh_derived(probe)
        values.update({name: getattr(probe, name) for name in model.derived_fields})
    meta = {"updated_at": _parse_time(state.last.at), "device_id": state.last.device, "revision": state.count}
    if current is None:
        required = [c.key for c in table.columns if not c.nullable and c.key not in values
                    and c.key not in model.meta_fields and c.default is None]
        if required:
            return "rejected"  # history without its insert: cannot build the record
        row = {c.key: None for c in table.columns}
        row.update(values, id=key[1], created_at=_parse_time(state.first.at), **meta)
        new_rows.append(row)
        return "new"
    changed = {k: v for k, v in values.items() if current.get(k) != v}
    if not changed:
        if current.get("revision") != state.count:
            s.execute(update(table).where(table.c.id == key[1]).values(revision=state.count))
        return "unchanged"
    s.execute(update(table).where(table.c.id == key[1]).values(**meta, **changed))
    return "changed"


def _append_log(s: Session, writes: list[Write]) -> None:
    if not writes:
        return
    writes = sorted(writes, key=lambda w: w.order)
    logs = [{"origin_device": w.device, "origin_seq": w.seq, "account": w.account, "at": _parse_time(w.at),
             "table_name": w.table, "record_id": w.record_id, "op": w.op, "revision": w.revision,
             "changes": json.dumps(w.changes, ensure_ascii=False)} for w in writes]
    metas = [{"origin_device": w.device, "origin_seq": w.seq, "lamport": w.lamport,
              "parents": json.dumps([list(p) for p in w.parents])} for w in writes]
    for part in chunks(logs, 5000):
        s.connection().execute(insert(ChangeLog.__table__), part)  # Core: no primary keys fetched back
    for part in chunks(metas, 5000):
        # OR REPLACE: metadata left behind by a damaged change log is simply renewed.
        s.connection().execute(insert(WriteMeta.__table__).prefix_with("OR REPLACE"), part)


def _store_attachments(db: Database, blobs: dict[str, bytes]) -> None:
    for ref, data in blobs.items():
        # Content-addressed and checked against its reference (a mismatch refuses the package);
        # written before commit, which is harmless if the merge rolls back.
        attachment_store.import_attachment(db, ref, data)


def _update_peer(s: Session, pkg: package.VerifiedPackage, outcome: PackageOutcome,
                 regions: dict[tuple[str, str], str | None]) -> None:
    manifest = pkg.manifest
    peer = s.get(Peer, pkg.sender_device)
    if peer is None:  # verified just before; vanished only if someone revoked it meanwhile
        raise package.PackageRejected("unknown_sender", "发送方已不再被信任")
    if pkg.rotated_sender:
        peer.fingerprint, peer.card = pkg.sender_card.fingerprint, pkg.sender_card.to_json()
    have = json.loads(peer.have or "{}")
    for device, seq in manifest.get("have", {}).items():
        have[device] = max(int(seq), int(have.get(device, 0)))
    peer.have = json.dumps(have, sort_keys=True)
    peer.last_received_at = utcnow()
    if manifest.get("ask_full"):
        peer.needs_full = True
    acks = list(manifest.get("acks", []))
    for part in chunks(acks):
        for record in s.scalars(select(PackageRecord).where(PackageRecord.package_id.in_(part),
                                                            PackageRecord.direction == "sent",
                                                            PackageRecord.acknowledged_at.is_(None))):
            record.acknowledged_at = utcnow()
    s.flush()
    scope = str(manifest.get("scope", ""))
    theirs = manifest.get("digest")
    if theirs is not None:
        ours = state_digest(s, scope, regions, have={k: int(v) for k, v in manifest.get("have", {}).items()})
        outcome.digest_ok = ours == theirs
        if not outcome.digest_ok:
            peer.ask_full = True
    s.add(PackageRecord(package_id=pkg.package_id, direction="received", peer_device=peer.device_id,
                        peer_region=peer.region_code, at=utcnow(), file_name=pkg.path.name,
                        full=bool(manifest.get("full")), writes=outcome.new_writes,
                        summary=json.dumps({r: c.as_dict() for r, c in outcome.by_region.items()}, ensure_ascii=False)))
