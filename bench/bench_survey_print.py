#!/usr/bin/env python3
"""Batch-print 500 filled survey forms, against bare reportlab drawing the same page count.

    python bench/bench_survey_print.py [--persons 500] [--keep DIR]

Builds a demo village (last year's surveys completed), prints every person's form for that
year into one PDF through ``survey.printing.print_surveys`` (database reads, rule evaluation,
layout from the form definition, drawing with the embedded CJK font), then draws the same
number of pages with bare reportlab calls — the same kinds and numbers of strings, lines and
boxes per page, fixed text, no database and no layout — into a second PDF. Both in this run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from fieldworker.jobs import Progress
from fieldworker.printing.fonts import register_cjk_font
from fieldworker.printing.pages import Box, Line, Text
from fieldworker.services import demo
from fieldworker.store.engine import Database
from fieldworker.survey import printing, queries
from fieldworker.survey.demo import DEMO_YEAR

YEAR = DEMO_YEAR - 1  # the demo completes last year's surveys


def bare_reportlab(out: Path, pages: int, per_page: dict[str, int]) -> float:
    """Draw ``pages`` pages with as many strings, lines and boxes as an average survey page."""
    font = register_cjk_font()
    sample = "R27 动态更新年度内社会救助及住房改善情况（★可多选）最低生活保障 特困人员救助供养"
    start = time.perf_counter()
    c = Canvas(str(out), pageCompression=1)
    for page in range(pages):
        for i in range(per_page["text"]):
            c.setFont(font, 9.5)
            c.drawString(40 + (i % 4) * 120, 800 - (i // 4) * 14 % 760, sample[(i + page) % 20:][:18])
        for i in range(per_page["line"]):
            c.line(40, 790 - i * 12 % 760, 560, 790 - i * 12 % 760)
        for i in range(per_page["box"]):
            c.rect(40 + (i % 8) * 60, 780 - (i // 8) * 14 % 760, 8.5, 8.5)
        c.showPage()
    c.save()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--persons", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="keep the PDFs in this folder")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs of each (the machine may be busy)")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="fw-bench-"))
    folder.mkdir(parents=True, exist_ok=True)

    t0 = time.perf_counter()
    db = Database.open(folder / "bench.db")
    demo.generate(db, persons=args.persons, seed=11)
    setup = time.perf_counter() - t0
    overview = queries.overview(db, YEAR)
    rows = queries.survey_rows(db, YEAR)
    ids = [r.person_id for r in rows][: args.persons]

    # Layout only (database, rules, page objects), to see where the time goes.
    t1 = time.perf_counter()
    counts = {"text": [], "line": [], "box": []}
    page_total = 0
    for pages in printing.forms_pages(db, ids, YEAR):
        for page in pages:
            page_total += 1
            counts["text"].append(sum(isinstance(i, Text) for i in page.items))
            counts["line"].append(sum(isinstance(i, Line) for i in page.items))
            counts["box"].append(sum(isinstance(i, Box) for i in page.items))
    layout_only = time.perf_counter() - t1

    out = folder / "surveys.pdf"
    per_page = {k: round(statistics.mean(v)) for k, v in counts.items()}
    ours_runs, bare_runs = [], []
    for _ in range(args.repeat):  # interleaved, so both see the same machine load
        t2 = time.perf_counter()
        result = printing.print_surveys(db, YEAR, out, person_ids=ids, progress=Progress())
        ours_runs.append(time.perf_counter() - t2)
        bare_runs.append(bare_reportlab(folder / "bare.pdf", result["pages"], per_page))
    ours, bare = min(ours_runs), min(bare_runs)

    print(f"demo village: {args.persons} persons, {overview['done']} surveys completed for {YEAR} "
          f"(setup {setup:.1f} s)")
    print(f"forms printed: {result['forms']}  pages: {result['pages']}  "
          f"({per_page['text']} strings, {per_page['line']} lines, {per_page['box']} boxes per page on average)")
    print(f"fieldworker batch PDF : {ours:6.2f} s  {result['pages'] / ours:7.1f} pages/s  "
          f"{result['forms'] / ours:6.1f} forms/s  ({out.stat().st_size / 1e6:.1f} MB)")
    print(f"  of which layout only: {layout_only:6.2f} s  (database reads, rules, page objects)")
    print(f"bare reportlab        : {bare:6.2f} s  {result['pages'] / bare:7.1f} pages/s  "
          f"({(folder / 'bare.pdf').stat().st_size / 1e6:.1f} MB)")
    print(f"ratio (ours / bare)   : {ours / bare:6.2f}×   (best of {args.repeat}; all runs: ours "
          f"{', '.join(f'{t:.2f}' for t in ours_runs)} s, bare {', '.join(f'{t:.2f}' for t in bare_runs)} s)")
    print(f"files in {folder}")
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
