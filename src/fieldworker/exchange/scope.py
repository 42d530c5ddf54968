"""Which records belong to which region: packages carry only the recipient's part of the data.

A record's region is its ``region_code`` column; a record without one takes the region of the
record its first foreign key points to (a request → its person or household; a request item →
its request). Records that lead to no region (e.g. a township's shared device pool) are
regional reference data and travel everywhere within the exchange.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldworker.domain.errors import ValidationError
from fieldworker.store.models import Base, SYNCED_MODELS

PREFIX_LENGTH = {"village": 12, "township": 9, "county": 6}


def prefix(role: str, region_code: str) -> str:
    """The code prefix an installation speaks for: village 12 digits, township 9, county 6."""
    return region_code[:PREFIX_LENGTH.get(role, 12)]


def exchange_scope(my_role: str, my_code: str, peer_role: str, peer_code: str) -> str:
    """The region prefix of a package between two installations (the narrower of the two)."""
    mine, theirs = prefix(my_role, my_code), prefix(peer_role, peer_code)
    if theirs.startswith(mine):
        return theirs
    if mine.startswith(theirs):
        return mine
    raise ValidationError("out_of_area", f"对方区划 {peer_code} 与本机 {my_code} 不是上下级关系，不能交换数据")


def in_scope(region: str | None, scope: str) -> bool:
    return region is None or region.startswith(scope)


def synced_tables_in_order() -> list[str]:
    """Synced tables parents first, so inserts satisfy foreign keys."""
    return [t.name for t in Base.metadata.sorted_tables if t.name in SYNCED_MODELS]


def region_map(session: Session) -> dict[tuple[str, str], str | None]:
    """(table, record id) → region code, or None for records with no region."""
    regions: dict[tuple[str, str], str | None] = {}
    for name in synced_tables_in_order():
        table = Base.metadata.tables[name]
        if "region_code" in table.c:
            for rid, code in session.execute(select(table.c.id, table.c.region_code)):
                regions[(name, rid)] = code
            continue
        if name == "regions":
            for rid, code in session.execute(select(table.c.id, table.c.code)):
                regions[(name, rid)] = code
            continue
        links = [(fk.parent.name, fk.column.table.name) for fk in table.foreign_keys
                 if fk.column.table.name in SYNCED_MODELS]
        if not links:
            for (rid,) in session.execute(select(table.c.id)):
                regions[(name, rid)] = None
            continue
        columns = [table.c[col] for col, _target in links]
        for rid, *targets in session.execute(select(table.c.id, *columns)):
            region = None
            for (_col, target_table), target in zip(links, targets):
                if target is not None:
                    region = regions.get((target_table, target))
                    if region is not None:
                        break
            regions[(name, rid)] = region
    return regions
