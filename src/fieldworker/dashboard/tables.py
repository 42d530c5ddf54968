"""The dashboard as tables: coverage against targets (total and per region) and each gap list.

Shared by the Excel export and the PDF report so both say the same thing.
"""

from __future__ import annotations

import datetime as dt

from fieldworker.dashboard.coverage import TOTAL, Coverage, Figure, coverage, format_rate
from fieldworker.excel.writer import ID, NUMBER, PERCENT, Column, SheetWriter
from fieldworker.jobs import NO_PROGRESS, Progress
from fieldworker.store.engine import Database

FIGURE_HEADERS = ("指标", "目标", "应覆盖", "已覆盖", "覆盖率", "差距", "单位", "是否达标", "依据")
GAP_HEADERS = ("序号", "姓名", "身份证号", "住址", "情况", "区划代码")


def target_text(fig: Figure) -> str:
    return "—" if fig.target is None else f"≥{fig.target * 100:g}%"


def status_text(fig: Figure) -> str:
    if fig.target is None or fig.rate is None:
        return "—"
    return "未达标" if fig.short else "达标"


def figure_row(fig: Figure) -> list:
    return [fig.title, target_text(fig), fig.eligible, fig.covered, format_rate(fig.rate),
            fig.eligible - fig.covered, fig.unit, status_text(fig), fig.source]


def region_title(cov: Coverage, code: str) -> str:
    return "合计" if code == TOTAL else f"{cov.region_names.get(code, code)}（{code}）"


def write_dashboard_sheets(db: Database, wb, *, progress: Progress = NO_PROGRESS,  # type: ignore[no-untyped-def]
                           as_of: dt.date | None = None) -> int:
    cov = coverage(db, as_of=as_of)
    progress.report(0, 1, "计算覆盖率")
    columns = [Column("范围", width=24), Column("指标", width=26), Column("目标", width=8), Column("应覆盖", NUMBER),
               Column("已覆盖", NUMBER), Column("覆盖率", PERCENT), Column("差距", NUMBER), Column("单位", width=6),
               Column("是否达标", width=10), Column("依据", width=60)]
    writer = SheetWriter(wb, "覆盖率", columns, heading=f"覆盖率与目标（截至{cov.as_of:%Y年%m月%d日}）")
    rows = 0
    for code, figures in cov.by_region.items():
        for fig in figures:
            writer.append([region_title(cov, code), fig.title, target_text(fig), fig.eligible, fig.covered,
                           fig.rate, fig.eligible - fig.covered, fig.unit, status_text(fig), fig.source],
                          highlight=[5, 8] if fig.short else [])
            rows += 1
    for fig in cov.total:
        gap_writer = SheetWriter(wb, f"名单-{fig.title}"[:31],
                                 [Column("序号", NUMBER, 6), Column("姓名", width=10), Column("身份证号", ID),
                                  Column("住址", width=24), Column("情况", width=50), Column("区划代码", ID, 15)],
                                 heading=f"应补尽补名单：{fig.title}（{len(fig.gaps)}{fig.unit}）")
        for number, gap in enumerate(fig.gaps, start=1):
            gap_writer.append([number, gap.name, gap.id_number, gap.address, gap.detail, gap.region_code])
            rows += 1
    progress.report(1, 1, "计算覆盖率")
    return rows
