"""Benchmark: export and import/merge of a 20k-person package vs raw sqlite3 executemany.

    python bench/bench_exchange.py [--persons 20000]

Each phase runs in its own process so that its peak memory (max RSS) is its own. The
baseline inserts the same household and person rows into the same schema with plain
``sqlite3`` ``executemany`` — no change log, no merge, no crypto — as the floor to compare with.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import random
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

VILLAGE = {"region_code": "330521100201", "name": "城西村", "township_name": "武康街道", "county_name": "德清县"}
TOWNSHIP = {"region_code": "330521100000", "name": "武康街道"}


def _rows(persons: int) -> tuple[list[dict], list[dict]]:
    from fieldworker.services import demo

    return demo.person_records(random.Random(7), region_code=VILLAGE["region_code"], count=persons,
                               reference=dt.date(2026, 7, 1), used_ids=set())


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def setup(folder: Path, persons: int) -> dict:
    from fieldworker.exchange import keys
    from fieldworker.services import installation
    from fieldworker.store import changelog
    from fieldworker.store.engine import Database
    from fieldworker.store.models import Household, Person

    village = Database.open(folder / "village.db")
    installation.initialise(village, role="village", **VILLAGE)
    township = Database.open(folder / "township.db")
    installation.initialise(township, role="township", **TOWNSHIP)
    households, people = _rows(persons)
    with village.session() as s:
        changelog.bulk_insert(s, Household, households)
        changelog.bulk_insert(s, Person, people)
    keys.trust(village, keys.ensure_keys(township))
    keys.trust(township, keys.ensure_keys(village))
    info = {"township_device": township.device_id, "households": len(households), "persons": len(people)}
    village.close()
    township.close()
    return info


def phase_export(folder: Path, township_device: str) -> dict:
    from fieldworker.exchange import export
    from fieldworker.store.engine import Database

    db = Database.open(folder / "village.db")
    start, cpu = time.perf_counter(), time.process_time()
    result = export.export_for(db, township_device, folder)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    db.close()
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_mb": _peak_mb(), "file": str(result.path), "size_mb": result.size_bytes / 2**20,
            "records": result.records, "writes": result.writes}


def phase_import(folder: Path, package: str) -> dict:
    from fieldworker.exchange import merge
    from fieldworker.store.engine import Database

    db = Database.open(folder / "township.db")
    start, cpu = time.perf_counter(), time.process_time()
    report = merge.import_packages(db, [Path(package)])
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    outcome = report.outcomes[0]
    assert outcome.status == "merged", outcome.reason
    db.close()
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_mb": _peak_mb(), "new": outcome.totals.new, "digest_ok": outcome.digest_ok}


def phase_raw(folder: Path, persons: int) -> dict:
    """The same rows with sqlite3.executemany into an empty copy of the schema."""
    from fieldworker.store.engine import Database

    from fieldworker.store.changelog import column_defaults
    from fieldworker.store.models import Household, Person

    Database.open(folder / "raw.db").close()  # schema only
    households, people = _rows(persons)
    households = [{**column_defaults(Household), **r} for r in households]
    people = [{**column_defaults(Person), **r} for r in people]
    conn = sqlite3.connect(folder / "raw.db")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    now = dt.datetime.now().isoformat(sep=" ")
    meta = {"created_at": now, "updated_at": now, "device_id": "bench", "revision": 1, "deleted": 0, "deleted_at": None}
    start, cpu = time.perf_counter(), time.process_time()
    for table, rows in (("households", households), ("persons", people)):
        columns = list(rows[0]) + list(meta) + (["search_text"] if table == "persons" else [])
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        conn.executemany(sql, ([*r.values(), *meta.values(), *([""] if table == "persons" else [])] for r in rows))
    conn.commit()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    conn.close()
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_mb": _peak_mb()}


def _in_process(fn, *args) -> dict:
    with mp.get_context("spawn").Pool(1) as pool:
        return pool.apply(fn, args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=20000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fw-bench-") as tmp:
        folder = Path(tmp)
        info = _in_process(setup, folder, args.persons)
        exported = _in_process(phase_export, folder, info["township_device"])
        imported = _in_process(phase_import, folder, exported["file"])
        raw = _in_process(phase_raw, folder, args.persons)
    rows = info["persons"] + info["households"]
    result = {"persons": info["persons"], "households": info["households"], "export": exported, "import": imported,
              "raw_executemany": raw,
              "ratio_export_to_raw": exported["seconds"] / raw["seconds"],
              "ratio_import_to_raw": imported["seconds"] / raw["seconds"]}
    result["export"].pop("file")
    print(f"{info['persons']} persons + {info['households']} households = {rows} records")
    print(f"export (stamp, read, sign, encrypt, atomic write): {exported['seconds']:.2f} s "
          f"(CPU {exported['cpu_seconds']:.2f} s), "
          f"peak {exported['peak_mb']:.0f} MB, package {exported['size_mb']:.1f} MB")
    print(f"import (verify, backup, merge, digest):             {imported['seconds']:.2f} s "
          f"(CPU {imported['cpu_seconds']:.2f} s), "
          f"peak {imported['peak_mb']:.0f} MB, digest ok: {imported['digest_ok']}")
    print(f"raw sqlite3 executemany of the same rows:           {raw['seconds']:.2f} s "
          f"(CPU {raw['cpu_seconds']:.2f} s), peak {raw['peak_mb']:.0f} MB")
    print(f"ratio export/raw {result['ratio_export_to_raw']:.1f}×, import/raw {result['ratio_import_to_raw']:.1f}×")
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
