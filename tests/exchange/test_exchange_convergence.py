"""Property: villages and a township edit concurrently; packages travel in random order, some twice,
some never until the end. Afterwards every replica agrees on every record it holds, every
conflict is recorded on both sides, and no change is lost."""

from __future__ import annotations

import datetime as dt
import functools
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from fieldworker.exchange import export, merge
from fieldworker.exchange.models import Conflict
from fieldworker.store.changelog import content_fields
from fieldworker.store.engine import Database
from fieldworker.store.models import ChangeLog, Person

from .conftest import VILLAGES, introduce, make_installation

NAMES = ["township", "v1", "v2"]
CODES = {"township": "330521100000", "v1": VILLAGES["城西村"], "v2": VILLAGES["城东村"]}
# Few fields and values, few persons: concurrent edits of the same field happen often.
FIELDS = {"phone": st.sampled_from(["13800000001", "13800000002"]),
          "notes": st.sampled_from(["入户核实", "电话核实"]),
          "grade": st.sampled_from(["1", "2"]),
          "deleted": st.booleans()}


@functools.lru_cache(maxsize=1)
def template() -> Path:
    """Three introduced installations, each village with two persons already known to the township."""
    folder = Path(tempfile.mkdtemp(prefix="fw-converge-"))
    dbs = {name: make_installation(folder, name, "township" if name == "township" else "village", CODES[name])
           for name in NAMES}
    for name in ("v1", "v2"):
        introduce(dbs[name], dbs["township"])
        for i in range(2):
            _add_person(dbs[name], CODES[name], f"{name}-{i}")
    usb = folder / "first-sync"
    usb.mkdir()
    _exchange_everything(dbs, usb)
    shutil.rmtree(usb)
    for db in dbs.values():
        db.close()
    return folder


def _add_person(db: Database, region: str, name: str) -> None:
    with db.session() as s:
        s.add(Person(region_code=region, name=name, gender="1", birth_date=dt.date(1960, 1, 1),
                     id_number=f"{region[:6]}19600101{abs(hash(name)) % 1000:03d}X", category="4", grade="3"))


edits = st.tuples(st.just("edit"), st.sampled_from(NAMES), st.integers(0, 3),
                  st.sampled_from(sorted(FIELDS)).flatmap(lambda f: st.tuples(st.just(f), FIELDS[f])))
adds = st.tuples(st.just("add"), st.sampled_from(["v1", "v2"]), st.integers(0, 99), st.just(("", None)))
exports = st.tuples(st.just("export"), st.sampled_from(["v1", "v2"]), st.booleans(), st.just(("", None)))
# The same field of the same person changed at a village and at the township before they exchange.
clashes = st.tuples(st.just("clash"), st.sampled_from(["v1", "v2"]), st.integers(0, 3),
                    st.sampled_from(sorted(FIELDS)).flatmap(lambda f: st.tuples(st.just(f), FIELDS[f])))
delivers = st.tuples(st.just("deliver"), st.just(""), st.integers(0, 30), st.just(("", None)))
steps = st.lists(st.one_of(edits, clashes, adds, exports, exports, delivers, delivers, delivers), min_size=5, max_size=30)


def _persons(db: Database) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(Person.id).order_by(Person.id)))


def _edit(db: Database, index: int, field: str, value: object) -> None:
    ids = _persons(db)[:4]
    if not ids:
        return
    with db.session() as s:
        setattr(s.get(Person, ids[index % len(ids)]), field, value)


def _clash(village: Database, township: Database, index: int, field: str, value: object) -> None:
    ids = _persons(village)
    if not ids:
        return
    pid = ids[index % len(ids)]
    other = (not value) if isinstance(value, bool) else value + "*"
    for db, new in ((village, value), (township, other)):
        with db.session() as s:
            person = s.get(Person, pid)
            if person is not None:
                setattr(person, field, new)


def _state(db: Database, ids: set[str]) -> dict:
    fields = content_fields(Person)
    with db.session() as s:
        rows = {p.id: {f: getattr(p, f) for f in fields} for p in s.scalars(select(Person).where(Person.id.in_(ids)))}
        conflicts = {(c.kind, c.record_id, c.field) for c in s.scalars(select(Conflict).where(
            Conflict.status == "open", Conflict.record_id.in_(ids)))}
        writes = set(s.execute(select(ChangeLog.origin_device, ChangeLog.origin_seq)
                               .where(ChangeLog.record_id.in_(ids))).all())
    return {"rows": rows, "conflicts": conflicts, "writes": writes}


def _exchange_everything(dbs: dict[str, Database], usb: Path) -> None:
    for name in ("v1", "v2"):
        _deliver(dbs[name], dbs["township"], usb)
    for name in ("v1", "v2"):
        _deliver(dbs["township"], dbs[name], usb)


def _deliver(src: Database, dst: Database, usb: Path) -> None:
    path = export.export_for(src, dst.device_id, usb).path
    outcome = merge.import_packages(dst, [path]).outcomes[0]
    assert outcome.status == "merged", outcome.reason


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=steps)
def test_replicas_converge_whatever_the_delivery_order(steps):
    folder = Path(tempfile.mkdtemp(prefix="fw-example-"))
    try:
        for item in template().glob("*.db"):
            shutil.copy(item, folder / item.name)
        dbs = {name: Database.open(folder / f"{CODES[name]}-{'township' if name == 'township' else 'village'}.db")
               for name in NAMES}
        usb = folder / "usb"
        usb.mkdir()
        pool: list[tuple[Path, str]] = []
        made: set[tuple[str, int]] = set()  # every write made anywhere: none may be lost
        for kind, who, number, (field, value) in steps:
            if kind == "edit":
                _edit(dbs[who], number, field, value)
            elif kind == "clash":
                _clash(dbs[who], dbs["township"], number, field, value)
            elif kind == "add":
                _add_person(dbs[who], CODES[who], f"{who}-new-{number}")
            elif kind == "export":
                src, dst = (dbs[who], dbs["township"]) if number else (dbs["township"], dbs[who])
                pool.append((export.export_for(src, dst.device_id, usb).path, who if not number else "township"))
            elif kind == "deliver" and pool:
                path, receiver = pool[number % len(pool)]  # any package, any order, maybe again
                outcome = merge.import_packages(dbs[receiver], [path]).outcomes[0]
                assert outcome.status == "merged" or outcome.code == "replay", outcome.reason
        for db in dbs.values():
            with db.session() as s:
                made |= set(s.execute(select(ChangeLog.origin_device, ChangeLog.origin_seq)).all())
        for _round in range(2):
            _exchange_everything(dbs, usb)
        township_ids = set(_persons(dbs["township"]))
        for name in ("v1", "v2"):
            village_ids = set(_persons(dbs[name]))
            assert village_ids <= township_ids
            mine = {pid for pid in township_ids
                    if _state(dbs["township"], {pid})["rows"][pid]["region_code"] == CODES[name]}
            assert mine <= village_ids  # a village holds all its records …
            with dbs[name].session() as s:  # … and never another village's
                assert {p.region_code for p in s.scalars(select(Person))} <= {CODES[name]}
            here, there = _state(dbs[name], village_ids), _state(dbs["township"], village_ids)
            assert here["rows"] == there["rows"]
            assert here["conflicts"] == there["conflicts"]
            assert here["writes"] == there["writes"]
            event(f"{name} conflicts: {sorted({kind for kind, _r, _f in there['conflicts']})}")
        with dbs["township"].session() as s:
            held = set(s.execute(select(ChangeLog.origin_device, ChangeLog.origin_seq)).all())
        assert made <= held  # the township ends up with every change made anywhere
        for db in dbs.values():
            db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
