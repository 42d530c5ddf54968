"""The dashboard on paper: a bar chart of coverage against targets, the figures table, gap lists."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, TableStyle

from fieldworker.dashboard import extras
from fieldworker.dashboard.coverage import TOTAL, Coverage, Figure, coverage, format_rate
from fieldworker.dashboard.tables import region_title, status_text, target_text
from fieldworker.jobs import NO_PROGRESS, Progress
from fieldworker.printing.fonts import register_cjk_font
from fieldworker.printing.layout import CONTENT_WIDTH, data_table, heading, paragraph, title_block, write_pdf
from fieldworker.store.engine import Database

SHORT = colors.HexColor("#C62828")
MET = colors.HexColor("#2E7D32")
NO_TARGET = colors.HexColor("#607D8B")
SHORT_BACKGROUND = colors.HexColor("#FDECEA")


def bar_colour(fig: Figure) -> colors.Color:
    if fig.target is None:
        return NO_TARGET
    return SHORT if fig.short else MET


def coverage_chart(figures: Sequence[Figure], width: float = CONTENT_WIDTH) -> Drawing:
    """Horizontal bars: one per figure, its rate; a black tick marks the target."""
    font = register_cjk_font()
    label_w, right_w, bar_h, gap = 48 * mm, 16 * mm, 5.5 * mm, 2.5 * mm
    shown = [f for f in figures if f.rate is not None]
    height = len(shown) * (bar_h + gap) + 10 * mm
    drawing = Drawing(width, height)
    scale_w = width - label_w - right_w
    axis_y = 6 * mm
    for pct in (0, 25, 50, 75, 100):
        x = label_w + scale_w * pct / 100
        drawing.add(Line(x, axis_y, x, height, strokeColor=colors.HexColor("#DDDDDD"), strokeWidth=0.4))
        drawing.add(String(x, 1.5 * mm, f"{pct}%", fontName=font, fontSize=7, textAnchor="middle"))
    for index, fig in enumerate(shown):
        y = height - (index + 1) * (bar_h + gap)
        drawing.add(String(label_w - 2 * mm, y + 1.6 * mm, fig.title, fontName=font, fontSize=8, textAnchor="end"))
        drawing.add(Rect(label_w, y, scale_w * (fig.rate or 0), bar_h, fillColor=bar_colour(fig), strokeColor=None))
        if fig.target is not None:
            x = label_w + scale_w * fig.target
            drawing.add(Line(x, y - 0.8 * mm, x, y + bar_h + 0.8 * mm, strokeColor=colors.black, strokeWidth=1.2))
        drawing.add(String(width - right_w + 1.5 * mm, y + 1.6 * mm, format_rate(fig.rate), fontName=font, fontSize=8,
                           fillColor=SHORT if fig.short else colors.black))
    return drawing


def figures_table(figures: Sequence[Figure]) -> Flowable:
    rows = [[f.title, target_text(f), f.eligible, f.covered, format_rate(f.rate), f.eligible - f.covered,
             status_text(f)] for f in figures]
    table = data_table(["指标", "目标", "应覆盖", "已覆盖", "覆盖率", "差距", "达标"], rows, [48, 16, 16, 16, 18, 14, 16])
    table.setStyle(TableStyle([("BACKGROUND", (0, i + 1), (-1, i + 1), SHORT_BACKGROUND)
                               for i, f in enumerate(figures) if f.short]))
    return table


def gap_list(fig: Figure) -> list[Flowable]:
    parts: list[Flowable] = [heading(f"应补尽补名单：{fig.title}（{len(fig.gaps)}{fig.unit}）")]
    rows = [[n, g.name, g.id_number, g.address, g.detail] for n, g in enumerate(fig.gaps, start=1)]
    parts.append(data_table(["序号", "姓名", "身份证号", "住址", "情况"], rows, [12, 18, 40, 28, 58]))
    return parts


def _extras(db: Database, as_of: dt.date) -> list[Flowable]:
    parts: list[Flowable] = [heading("调查进度与申请办理")]
    survey = extras.survey_progress(db, as_of.year)
    if survey is None:
        parts.append(paragraph("动态更新调查：不可用（调查功能未安装）"))
    else:
        rate = format_rate(survey.done / survey.total if survey.total else None)
        parts.append(paragraph(f"{survey.year}年动态更新调查：已完成{survey.done}人，应调查{survey.total}人（{rate}）"))
    stages = extras.requests_by_stage(db)
    if stages is None:
        parts.append(paragraph("无障碍改造与辅助器具申请：不可用（申请功能未安装）"))
    elif not stages:
        parts.append(paragraph("无障碍改造与辅助器具申请：暂无记录"))
    else:
        parts.append(data_table(["类型", "阶段", "件数"], [[c.kind_label, c.stage_label, c.count] for c in stages],
                                [50, 50, 20]))
    return parts


def dashboard_flowables(db: Database, cov: Coverage, region: str = TOTAL, *,
                        gap_keys: Sequence[str] | None = None) -> list[Flowable]:
    figures = cov.by_region[region]
    parts: list[Flowable] = title_block("残疾人工作统计：覆盖率与应补尽补",
                                        f"{region_title(cov, region)}　截至{cov.as_of:%Y年%m月%d日}")
    parts += [coverage_chart(figures), Spacer(1, 2 * mm),
              paragraph("红色为未达标，绿色为达标，灰色为无全国目标值；黑色竖线为目标。", "small"), Spacer(1, 2 * mm),
              figures_table(figures)]
    parts += _extras(db, cov.as_of)
    for fig in figures:
        if fig.gaps and (gap_keys is None or fig.key in gap_keys):
            parts += gap_list(fig)
    return parts


def write_dashboard_pdf(db: Database, path: Path | str, *, region: str = TOTAL, as_of: dt.date | None = None,
                        gap_keys: Sequence[str] | None = None, progress: Progress = NO_PROGRESS) -> Path:
    """The dashboard (and the chosen gap lists; all when ``gap_keys`` is None) as a PDF."""
    progress.report(0, 2, "计算覆盖率")
    cov = coverage(db, as_of=as_of)
    if region not in cov.by_region:
        region = TOTAL
    parts = dashboard_flowables(db, cov, region, gap_keys=gap_keys)
    progress.report(1, 2, "生成PDF")
    out = write_pdf(Path(path), [parts], title="残疾人工作统计", footer=f"基层残疾人工作台　{dt.date.today():%Y-%m-%d}打印")
    progress.report(2, 2, "完成")
    return out
