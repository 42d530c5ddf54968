"""State digest: counts and an order-independent hash of (record id, version) per table.

The sender puts the digest of what it holds for the recipient's scope in the manifest; after
merging, the recipient computes the same digest over its own data restricted to the writes
the sender held (the manifest's ``have`` vector). A difference means silent divergence: the
recipient then asks for a full package.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldworker.exchange.models import WriteMeta
from fieldworker.exchange.scope import in_scope
from fieldworker.store.models import ChangeLog

MASK = (1 << 64) - 1


def state_digest(session: Session, scope: str, regions: dict[tuple[str, str], str | None],
                 have: dict[str, int] | None = None) -> dict[str, dict[str, Any]]:
    versions: dict[tuple[str, str], list] = {}
    query = (select(ChangeLog.table_name, ChangeLog.record_id, ChangeLog.origin_device, ChangeLog.origin_seq,
                    WriteMeta.lamport)
             .join(WriteMeta, (WriteMeta.origin_device == ChangeLog.origin_device)
                   & (WriteMeta.origin_seq == ChangeLog.origin_seq)))
    for table, record, device, seq, lamport in session.execute(query):
        if have is not None and seq > have.get(device, 0):
            continue
        key = (table, record)
        if key not in regions or not in_scope(regions[key], scope):
            continue
        entry = versions.get(key)
        if entry is None:
            versions[key] = [1, (lamport, device)]
        else:
            entry[0] += 1
            entry[1] = max(entry[1], (lamport, device))
    out: dict[str, dict[str, Any]] = {}
    for (table, record), (count, (lamport, device)) in versions.items():
        item = hashlib.sha256(f"{table}|{record}|{count}:{lamport}:{device}".encode()).digest()
        slot = out.setdefault(table, {"count": 0, "hash": 0})
        slot["count"] += 1
        slot["hash"] = (slot["hash"] + int.from_bytes(item[:8], "big")) & MASK
    return {t: {"count": v["count"], "hash": f"{v['hash']:016x}"} for t, v in sorted(out.items())}
