#!/usr/bin/env python3
"""Timings of the request workflows on a large village: writes, the table query, batch printing.

  python bench/requests_bench.py [--persons 500] [--requests 300] [--forms 100]

A village has 30–500 persons and tens of requests a year; a township merges 10–40 villages.
Prints one line per measurement (seconds) and a JSON summary at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=500)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--forms", type=int, default=100)
    args = parser.parse_args()

    from sqlalchemy import select

    from fieldworker.requests import print_forms, queries, service
    from fieldworker.requests.demo import demo_photo
    from fieldworker.services import demo
    from fieldworker.store.engine import Database
    from fieldworker.store.models import Person

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "bench.db")
        demo.generate(db, persons=args.persons, seed=11)
        with db.session() as s:
            persons = list(s.scalars(select(Person).where(Person.household_id.is_not(None))))
        rng = random.Random(1)
        today = dt.date.today()
        start = today - dt.timedelta(days=60)
        photo = demo_photo(rng, after=False)
        t0 = time.perf_counter()
        ids = []
        for n in range(args.requests):
            person = persons[n % len(persons)]
            rid = service.create_request(db, kind="renovation", household_id=person.household_id, person_id=person.id,
                                         opened_on=start, today=today).request_id
            service.set_items(db, rid, [service.ItemInput("R01", 1, 200), service.ItemInput("R06", 2, 100)])
            service.add_photo(db, rid, photo, phase="before")
            for action, values in (("apply", {"applied_on": start, "applicant": person.name}),
                                   ("assess", {"assessed_on": start, "assessor": "李敏", "consent": "同意"})):
                service.transition(db, rid, action, values=values, today=today)
            ids.append(rid)
        results["create_and_2_steps_per_request"] = (time.perf_counter() - t0) / args.requests
        t0 = time.perf_counter()
        rows = queries.list_requests(db, "renovation")
        results["list_requests"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        queries.request_detail(db, ids[0])
        results["request_detail"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        out = print_forms.write_forms(db, ids[: args.forms], "assessment", Path(tmp) / "batch.pdf")
        results[f"batch_pdf_{args.forms}_assessment_forms"] = time.perf_counter() - t0
        size_mb = out.stat().st_size / 1e6
        db.close()
    for name, seconds in results.items():
        print(f"{name:40s} {seconds:8.3f} s")
    print(json.dumps({"persons": args.persons, "requests": len(rows), "pdf_mb": round(size_mb, 2),
                      **{k: round(v, 4) for k, v in results.items()}}, ensure_ascii=False))


if __name__ == "__main__":
    main()
