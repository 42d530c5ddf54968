"""Draw ``printing.pages`` with reportlab into a PDF that embeds the bundled CJK TrueType font."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO, Iterable

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from fieldworker.printing.fonts import register_cjk_font
from fieldworker.printing.pages import PT_PER_MM, Box, Line, Page, Text

GREY = Color(0.45, 0.45, 0.45)
BLACK = Color(0, 0, 0)


class PdfWriter:
    """Streams pages into one PDF; ``close`` finishes the file (atomically when writing a path)."""

    def __init__(self, target: Path | str | BinaryIO, *, title: str = "", author: str = "fieldworker") -> None:
        self.font = register_cjk_font()
        self._path = Path(target) if isinstance(target, (str, Path)) else None
        self._tmp = self._path.with_name(self._path.name + ".part") if self._path else None
        self.canvas = Canvas(str(self._tmp) if self._tmp else target, pageCompression=1)
        self.canvas.setTitle(title)
        self.canvas.setAuthor(author)
        self.pages = 0

    def add(self, page: Page) -> None:
        c = self.canvas
        c.setPageSize((page.width * PT_PER_MM, page.height * PT_PER_MM))
        h = page.height
        size, grey, line_width = None, None, None  # set state only when it changes: batches have ~100k items
        for item in page.items:
            if isinstance(item, Text):
                if item.size != size:
                    c.setFont(self.font, item.size)
                    size = item.size
                if item.grey != grey:
                    c.setFillColor(GREY if item.grey else BLACK)
                    grey = item.grey
                x, y = item.x * PT_PER_MM, (h - item.y) * PT_PER_MM
                if item.align == "center":
                    c.drawCentredString(x, y, item.text)
                elif item.align == "right":
                    c.drawRightString(x, y, item.text)
                else:
                    c.drawString(x, y, item.text)
            elif isinstance(item, Line):
                if item.width != line_width:
                    c.setLineWidth(item.width * PT_PER_MM)
                    line_width = item.width
                c.line(item.x1 * PT_PER_MM, (h - item.y1) * PT_PER_MM, item.x2 * PT_PER_MM, (h - item.y2) * PT_PER_MM)
            elif isinstance(item, Box):
                _box(c, item, h)
                grey, line_width = None, None  # _box changes fill colour and line width
        c.showPage()
        self.pages += 1

    def close(self) -> None:
        self.canvas.save()
        if self._path and self._tmp:
            with open(self._tmp, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(self._tmp, self._path)

    def abort(self) -> None:
        if self._tmp and self._tmp.exists():
            self._tmp.unlink()


def _box(c: Canvas, box: Box, page_height: float) -> None:
    x, y = box.x * PT_PER_MM, (page_height - box.y - box.h) * PT_PER_MM
    w, h = box.w * PT_PER_MM, box.h * PT_PER_MM
    c.setLineWidth(0.25 * PT_PER_MM)
    if box.fill is not None:
        c.setFillColor(Color(box.fill, box.fill, box.fill))
    c.rect(x, y, w, h, stroke=1 if box.stroke else 0, fill=1 if box.fill is not None else 0)
    if box.checked:
        c.setLineWidth(0.45 * PT_PER_MM)
        path = c.beginPath()
        path.moveTo(x + w * 0.18, y + h * 0.5)
        path.lineTo(x + w * 0.42, y + h * 0.2)
        path.lineTo(x + w * 0.85, y + h * 0.85)
        c.drawPath(path, stroke=1, fill=0)
    c.setFillColor(BLACK)


def write_pdf(pages: Iterable[Page], target: Path | str | BinaryIO, *, title: str = "") -> int:
    writer = PdfWriter(target, title=title)
    try:
        for page in pages:
            writer.add(page)
        writer.close()
    except BaseException:
        writer.abort()
        raise
    return writer.pages
