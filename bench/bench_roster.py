#!/usr/bin/env python3
"""Roster benchmark at county scale (not a test): prints figures for the notes.

  QT_QPA_PLATFORM=offscreen python bench/bench_roster.py [--persons 100000]

Measures, in one run: building the database; time to show the main window vs a bare
PySide6 window; search-as-you-type latency (filter + first screenful of rows), median and
p95; peak memory (max RSS).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fieldworker.services import demo, installation  # noqa: E402
from fieldworker.store import changelog  # noqa: E402
from fieldworker.store.models import Household, Person  # noqa: E402
from fieldworker.store.engine import Database  # noqa: E402

# Prefixes a worker types, one key at a time: pinyin initials, a name, digits of an ID.
TYPED = ["z", "zh", "zha", "zhan", "w", "wa", "wan", "l", "li", "李", "王", "张", "3", "33", "3305", "19520",
         "1952031", "x", "xm", "chen", "cj"]
VISIBLE_ROWS = 30


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(path: Path, persons: int) -> float:
    """Households and persons only (the feature areas' demo records are not part of this measure)."""
    start = time.perf_counter()
    db = Database.open(path)
    installation.initialise(db, role="county", **demo.DEMO_REGION)
    households, people = demo.person_records(random.Random(42), region_code=demo.DEMO_REGION["region_code"],
                                             count=persons, reference=dt.date(2026, 7, 1), used_ids=set())
    with db.session() as s:
        changelog.bulk_insert(s, Household, households)
        changelog.bulk_insert(s, Person, people)
    db.close()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--build-only", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_only:
        print(f"{build(Path(args.build_only), args.persons):.3f}")
        return 0

    from PySide6.QtWidgets import QMainWindow

    from fieldworker.ui.app import create_application
    from fieldworker.ui.main_window import MainWindow

    app = create_application()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "county.db"
        # Built in a child process, so the peak memory below is the application's own.
        built = float(subprocess.run([sys.executable, __file__, "--persons", str(args.persons), "--build-only",
                                      str(path)], check=True, capture_output=True, text=True).stdout.split()[-1])
        size_mb = path.stat().st_size / 1e6

        start = time.perf_counter()
        bare = QMainWindow()
        bare.resize(1200, 760)
        bare.show()
        app.processEvents()
        bare.grab()  # the first paint is part of showing a window
        bare_s = time.perf_counter() - start
        bare.close()

        start = time.perf_counter()
        db = Database.open(path)
        window = MainWindow(db)
        window.show()
        app.processEvents()
        window.grab()
        main_s = time.perf_counter() - start

        tab = window.tab("roster")
        latencies = []
        for text in TYPED:
            start = time.perf_counter()
            tab.search.setText(text)
            tab.apply_filter()  # what the debounce timer calls
            model = tab.persons_model
            for row in range(min(VISIBLE_ROWS, model.rowCount())):
                model.data(model.index(row, 0))
            app.processEvents()
            latencies.append((time.perf_counter() - start) * 1000)
        tab.search.setText("")
        start = time.perf_counter()
        tab.apply_filter()
        clear_ms = (time.perf_counter() - start) * 1000
        window.close()
        db.close()

    latencies.sort()
    p95 = latencies[max(0, int(round(0.95 * len(latencies))) - 1)]
    print(f"persons: {args.persons}   database: {size_mb:.1f} MB, built in {built:.1f} s")
    print(f"show window: main {main_s * 1000:.0f} ms vs bare PySide6 {bare_s * 1000:.0f} ms "
          f"(ratio {main_s / bare_s:.1f}x)")
    print(f"search-as-you-type ({len(latencies)} keystrokes): median {statistics.median(latencies):.0f} ms, "
          f"p95 {p95:.0f} ms, max {latencies[-1]:.0f} ms; clearing the search (all rows) {clear_ms:.0f} ms")
    print(f"peak memory (max RSS): {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
