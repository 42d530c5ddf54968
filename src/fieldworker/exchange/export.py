"""Export: one package per peer, with what the peer has not acknowledged yet (or everything).

Position is kept by per-device sequence numbers: a peer's last package (or receipt) says, for
every origin device, the highest sequence it holds (``have``). A record goes into the next
package when one of its writes is above that mark; the package then carries the record's
whole write history, so the recipient can compute the record's state from the write set no
matter what arrived before. Nothing is pruned: unacknowledged changes are simply sent again.

The database changes (Lamport stamps, the package history row) commit only after the file
was written and verified on the target, so a full stick leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldworker import attachments as attachment_store
from fieldworker.domain.errors import ValidationError
from fieldworker.exchange import keys, package
from fieldworker.exchange.atomic import atomic_write_bytes
from fieldworker.exchange.digest import state_digest
from fieldworker.exchange.models import PackageRecord, Peer
from fieldworker.exchange.scope import exchange_scope, in_scope, region_map
from fieldworker.exchange.writes import Write, have_vector, load_writes, stamp_pending
from fieldworker.jobs import NO_PROGRESS, Progress
from fieldworker.services import installation
from fieldworker.store.engine import Database
from fieldworker.store.models import Base, ChangeLog, SYNCED_MODELS, utcnow

ATTACHMENT_COLUMN = re.compile(r"^(ref|.*_ref)$")
ACKS_KEPT = 200


@dataclass(frozen=True)
class ExportResult:
    path: Path
    package_id: str
    peer_device: str
    peer_region: str
    full: bool
    records: int
    writes: int
    attachments: int
    size_bytes: int


def export_for(db: Database, peer_device: str, folder: Path, *, full: bool = False,
               progress: Progress = NO_PROGRESS) -> ExportResult:
    """Write one package for a trusted peer into ``folder``."""
    me = installation.require(db)
    card, signing = keys.signing_key(db)
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError("no_folder", f"目标文件夹不存在：{folder}")
    written: Path | None = None
    try:
        with db.session() as s:
            peer = s.get(Peer, peer_device)
            if peer is None or peer.revoked:
                raise ValidationError("unknown_peer", "对方设备未被信任或已吊销，不能向其导出")
            scope = exchange_scope(me.role, me.region_code, peer.role, peer.region_code)
            full = full or peer.needs_full
            progress.report(0, 4, "正在整理变更…")
            stamp_pending(s)
            regions = region_map(s)
            records = _select_records(s, json.loads(peer.have or "{}"), scope, regions, full)
            progress.report(1, 4, f"正在读取 {len(records)} 条记录的变更…")
            history = load_writes(s, records)
            # Clock order is a causal order: a recipient may apply the writes front to back.
            writes = sorted((w for ws in history.values() for w in ws), key=lambda w: w.order)
            refs = _attachments(s, records)
            blobs = {ref: attachment_store.read_attachment(db, ref) for ref in sorted(refs)
                     if attachment_store.has_attachment(db, ref)}
            package_id = str(uuid.uuid4())
            manifest = _manifest(s, db, me, card, peer, package_id, scope, full, regions, writes, records)
            progress.report(2, 4, "正在加密并签名…")
            data = package.build(manifest, [w.to_wire() for w in writes], blobs, sender_card=card,
                                 signing_key=signing, recipient=keys.peer_card(peer))
            name = f"{me.region_code}-to-{peer.region_code}-{dt.datetime.now():%Y%m%d-%H%M%S}-{package_id[:8]}{package.SUFFIX}"
            progress.report(3, 4, "正在写入U盘并校验…")
            path = folder / name
            atomic_write_bytes(path, data)
            written = path
            s.add(PackageRecord(package_id=package_id, direction="sent", peer_device=peer.device_id,
                                peer_region=peer.region_code, at=utcnow(), file_name=name, full=full,
                                writes=len(writes), summary=json.dumps(manifest["counts"], ensure_ascii=False)))
            peer.needs_full = False
            peer.ask_full = False
            progress.report(4, 4, "完成")
            result = ExportResult(path, package_id, peer.device_id, peer.region_code, full, len(records),
                                  len(writes), len(blobs), len(data))
    except BaseException:
        # The database did not record this package (its stamps rolled back): the file must not stay
        # either, or the recipient would hold writes whose clocks this device no longer agrees on.
        if written is not None:
            written.unlink(missing_ok=True)
        raise
    return result


def export_all(db: Database, folder: Path, *, full: bool = False, progress: Progress = NO_PROGRESS) -> list[ExportResult]:
    """One package for every trusted peer (a township: one per village and one upward)."""
    peers = keys.trusted_peers(db)
    if not peers:
        raise ValidationError("no_peers", "还没有信任任何对方设备：请先导入对方的公钥卡（fieldworker keys trust）")
    return [export_for(db, p.device_id, folder, full=full, progress=progress) for p in peers]


def _select_records(s: Session, peer_have: dict[str, int], scope: str,
                    regions: dict[tuple[str, str], str | None], full: bool) -> list[tuple[str, str]]:
    if full:
        keys_ = {key for key in regions if in_scope(regions[key], scope)}
    else:
        keys_ = set()
        for device, top in have_vector(s).items():
            if top <= peer_have.get(device, 0):
                continue
            keys_.update((t, r) for t, r in s.execute(select(ChangeLog.table_name, ChangeLog.record_id).distinct().where(
                ChangeLog.origin_device == device, ChangeLog.origin_seq > peer_have.get(device, 0))))
        moved_out = _moved_out(s, keys_, scope, regions)
        keys_ = {k for k in keys_ if k in regions and in_scope(regions[k], scope)} | moved_out
    return sorted(k for k in keys_ if k[0] in SYNCED_MODELS)


def _moved_out(s: Session, candidates: set[tuple[str, str]], scope: str,
               regions: dict[tuple[str, str], str | None]) -> set[tuple[str, str]]:
    """Records that left the scope (a person moved to another village) still go to the old holder."""
    outside = [k for k in candidates if k in regions and not in_scope(regions[k], scope)]
    moved = set()
    for key, writes in load_writes(s, outside).items():
        for w in writes:
            old_new = w.changes.get("region_code")
            if old_new and any(isinstance(v, str) and v.startswith(scope) for v in old_new):
                moved.add(key)
                break
    return moved


def _attachments(s: Session, records: list[tuple[str, str]]) -> set[str]:
    refs: set[str] = set()
    by_table: dict[str, list[str]] = {}
    for table, rid in records:
        by_table.setdefault(table, []).append(rid)
    for table_name, ids in by_table.items():
        table = Base.metadata.tables[table_name]
        columns = [c for c in table.c if ATTACHMENT_COLUMN.match(c.name)]
        if not columns:
            continue
        for start in range(0, len(ids), 500):
            for row in s.execute(select(*columns).where(table.c.id.in_(ids[start:start + 500]))):
                refs.update(v for v in row if v)
    return refs


def _manifest(s: Session, db: Database, me: installation.InstallationInfo, card: keys.KeyCard, peer: Peer,
              package_id: str, scope: str, full: bool, regions: dict, writes: list[Write],
              records: list[tuple[str, str]]) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for table, _rid in records:
        counts[table] = counts.get(table, 0) + 1
    acks = list(s.scalars(select(PackageRecord.package_id).where(
        PackageRecord.direction == "received", PackageRecord.peer_device == peer.device_id)
        .order_by(PackageRecord.at.desc()).limit(ACKS_KEPT)))
    return {
        "package_id": package_id,
        "kind": "data",
        "sender": {"device_id": me.device_id, "role": me.role, "region_code": me.region_code,
                   "region_name": me.region_name, "fingerprint": card.fingerprint},
        "recipient": {"device_id": peer.device_id, "role": peer.role, "region_code": peer.region_code,
                      "fingerprint": peer.fingerprint},
        # Informational only: positions are sequence numbers, never clocks.
        "created_at": utcnow().isoformat(timespec="seconds"),
        "scope": scope,
        "full": full,
        "have": have_vector(s),
        "acks": acks,
        "ask_full": bool(peer.ask_full),
        "counts": {"records": counts, "writes": len(writes)},
        "digest": state_digest(s, scope, regions),
    }
