"""Reusable pieces of a printed form (reportlab platypus, embedded CJK font).

A form is a list of flowables built from these helpers: a title block, a grid of labelled
fields, a boxed table, tick boxes, signature lines; ``write_pdf`` lays several forms out one
after another (each on a new page) and writes the file atomically.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Iterable, Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from fieldworker.attachments import atomic_write
from fieldworker.printing.fonts import register_cjk_font

PAGE = A4
MARGIN = 18 * mm
CONTENT_WIDTH = PAGE[0] - 2 * MARGIN


def styles() -> dict[str, ParagraphStyle]:
    font = register_cjk_font()
    # wordWrap="CJK" lets Chinese lines break between any two characters.
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=15, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", parent=body, fontSize=18, leading=24, alignment=TA_CENTER, spaceAfter=2 * mm),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=9.5, alignment=TA_CENTER, textColor=colors.grey),
        "heading": ParagraphStyle("heading", parent=body, fontSize=12, leading=18, spaceBefore=3 * mm, spaceAfter=1.5 * mm),
        "body": body,
        "cell": ParagraphStyle("cell", parent=body, fontSize=10, leading=13),
        "label": ParagraphStyle("label", parent=body, fontSize=10, leading=13, textColor=colors.HexColor("#333333")),
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=colors.grey),
    }


def escape(text: object) -> str:
    return str("" if text is None else text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def title_block(title: str, subtitle: str = "") -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [Paragraph(escape(title), st["title"])]
    if subtitle:
        out.append(Paragraph(escape(subtitle), st["subtitle"]))
    out.append(Spacer(1, 3 * mm))
    return out


def heading(text: str) -> Paragraph:
    return Paragraph(escape(text), styles()["heading"])


def paragraph(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(text), styles()[style])


def _grid_style(extra: Iterable[tuple] = ()) -> TableStyle:
    return TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *extra,
    ])


def field_grid(fields: Sequence[tuple[str, object]], columns: int = 2) -> Table:
    """Label/value pairs in a boxed grid, ``columns`` pairs per row; empty values stay blank to fill by hand."""
    st = styles()
    label_w = 27 * mm
    value_w = CONTENT_WIDTH / columns - label_w
    rows, row = [], []
    for label, value in fields:
        row += [Paragraph(escape(label), st["label"]), Paragraph(escape(value) if value not in (None, "") else "", st["cell"])]
        if len(row) == columns * 2:
            rows.append(row)
            row = []
    if row:
        row += [""] * (columns * 2 - len(row))
        rows.append(row)
    shading = [("BACKGROUND", (c, 0), (c, -1), colors.HexColor("#F0F0F0")) for c in range(0, columns * 2, 2)]
    return Table(rows, colWidths=[label_w, value_w] * columns, style=_grid_style(shading))


def wide_field(label: str, value: object, *, min_height: float = 14 * mm) -> Table:
    """One labelled box across the page, for free text (需求描述, 评估意见…)."""
    st = styles()
    table = Table([[Paragraph(escape(label), st["label"]), Paragraph(escape(value), st["cell"])]],
                  colWidths=[27 * mm, CONTENT_WIDTH - 27 * mm], minRowHeights=[min_height],  # room to write by hand
                  style=_grid_style([("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F0F0F0"))]))
    return table


def data_table(headers: Sequence[str], rows: Sequence[Sequence[object]], widths_mm: Sequence[float],
               *, total: Sequence[object] | None = None, blank_rows: int = 0) -> Table:
    """A boxed table with a header row, optional blank rows for handwriting and a total row."""
    st = styles()
    body = [[Paragraph(escape(h), st["label"]) for h in headers]]
    body += [[Paragraph(escape(c), st["cell"]) for c in r] for r in rows]
    body += [[""] * len(headers) for _ in range(blank_rows)]
    extra = [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#F0F0F0"))]
    if total is not None:
        body.append([Paragraph(escape(c), st["cell"]) for c in total])
        extra.append(("BACKGROUND", (0, len(body) - 1), (-1, len(body) - 1), colors.HexColor("#F7F7F7")))
    scale = CONTENT_WIDTH / (sum(widths_mm) * mm)
    return Table(body, colWidths=[w * mm * scale for w in widths_mm], repeatRows=1, style=_grid_style(extra),
                 minRowHeights=[0] + [7 * mm] * (len(body) - 1))


def tick_boxes(options: Sequence[str], chosen: str | None) -> str:
    """"■同意 □不同意": the chosen option filled, others empty to tick by hand (the font has no ☑)."""
    return "　".join(("■" if option == chosen else "□") + option for option in options)


def signature_block(signers: Sequence[str], *, note: str = "") -> Flowable:
    """One line per signer: who signs, a line for the signature (and seal), and a date to fill in."""
    st = styles()
    gap = "\u00a0" * 5  # non-breaking: ordinary spaces would be collapsed by the paragraph
    rows = [[Paragraph(escape(f"{signer}（签字/盖章）："), st["body"]), "",
             Paragraph(f"日期：{gap * 2}年{gap}月{gap}日", st["body"])] for signer in signers]
    table = Table(rows, colWidths=[68 * mm, CONTENT_WIDTH - 68 * mm - 48 * mm, 48 * mm], rowHeights=[13 * mm] * len(rows),
                  style=TableStyle([("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
                                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    parts: list[Flowable] = [Spacer(1, 4 * mm)]
    if note:
        parts.append(paragraph(note, "small"))
    parts.append(table)
    return KeepTogether(parts)


def render_pdf(forms: Sequence[list[Flowable]], *, title: str, footer: str = "") -> bytes:
    """Lay out forms one per page group (each starts a new page) and return the PDF bytes."""
    font = register_cjk_font()
    story: list[Flowable] = []
    for index, form in enumerate(forms):
        if index:
            story.append(PageBreak())
        story.extend(form)
    buffer = io.BytesIO()

    def on_page(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(MARGIN, 10 * mm, footer)
        canvas.drawRightString(PAGE[0] - MARGIN, 10 * mm, f"第 {doc.page} 页")
        canvas.restoreState()

    doc = SimpleDocTemplate(buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN, title=title, author="基层残疾人工作台", creator="fieldworker")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()


def write_pdf(path: Path, forms: Sequence[list[Flowable]], *, title: str, footer: str = "") -> Path:
    atomic_write(Path(path), render_pdf(forms, title=title, footer=footer))
    return Path(path)
