"""Per-peer freshness for the township: last package received and sent, unacknowledged packages,
open conflicts in the peer's area; and the package history."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from fieldworker.exchange import keys
from fieldworker.exchange.models import Conflict, PackageRecord, Peer
from fieldworker.exchange.scope import prefix
from fieldworker.store.engine import Database
from fieldworker.store.models import Person


@dataclass(frozen=True)
class PeerStatus:
    device_id: str
    role: str
    region_code: str
    region_name: str
    fingerprint: str
    revoked: bool
    last_received: str
    last_sent: str
    unacknowledged: int
    open_conflicts: int
    needs_full: bool
    persons: int  # live persons of the peer's area held here

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def peer_status(db: Database) -> list[PeerStatus]:
    out = []
    with db.session() as s:
        for peer in s.scalars(select(Peer).order_by(Peer.region_code)):
            def last(direction: str) -> str:
                at = s.scalar(select(func.max(PackageRecord.at)).where(
                    PackageRecord.peer_device == peer.device_id, PackageRecord.direction == direction))
                return at.isoformat(sep=" ", timespec="minutes") if at else ""
            unacked = s.scalar(select(func.count()).select_from(PackageRecord).where(
                PackageRecord.peer_device == peer.device_id, PackageRecord.direction == "sent",
                PackageRecord.acknowledged_at.is_(None))) or 0
            area = prefix(peer.role, peer.region_code)
            conflicts = s.scalar(select(func.count()).select_from(Conflict).where(
                Conflict.status == "open", Conflict.region_code.startswith(area))) or 0
            persons = s.scalar(select(func.count()).select_from(Person).where(
                Person.region_code.startswith(area), Person.deleted.is_(False))) or 0
            out.append(PeerStatus(peer.device_id, peer.role, peer.region_code, peer.region_name,
                                  keys.show_fingerprint(peer.fingerprint), peer.revoked, last("received"),
                                  last("sent"), unacked, conflicts, peer.needs_full, persons))
    return out


def history(db: Database, limit: int = 500) -> list[dict[str, Any]]:
    with db.session() as s:
        names = {p.device_id: p.region_name for p in s.scalars(select(Peer))}
        rows = s.scalars(select(PackageRecord).order_by(PackageRecord.at.desc()).limit(limit))
        return [{"package_id": r.package_id, "direction": r.direction, "peer_region": r.peer_region,
                 "peer_name": names.get(r.peer_device, ""), "at": r.at.isoformat(sep=" ", timespec="seconds"),
                 "file_name": r.file_name, "full": r.full, "writes": r.writes, "summary": json.loads(r.summary or "{}"),
                 "acknowledged": r.acknowledged_at is not None if r.direction == "sent" else None}
                for r in rows]
