"""Send printable pages straight to a printer: the same ``printing.pages`` the PDF is drawn from.

Qt cannot open a PDF without the QtPdf module (not in PySide6-Essentials), so the printer
gets the layout itself, painted with QPainter in the bundled font, page for page as in the PDF.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPainterPath, QPen
from PySide6.QtPrintSupport import QPrinter

from fieldworker.printing.pages import Box, Line, Page, Text

GREY = QColor(115, 115, 115)


def prepare(printer: QPrinter) -> None:
    """A4 portrait, full page: the layout has its own margins."""
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)


def paint_pages(printer: QPrinter, pages: Sequence[Page], font_family: str) -> int:
    """Paint every page; returns how many. Raises RuntimeError if the printer cannot start."""
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("打印机无法开始打印")
    try:
        rect = printer.pageLayout().fullRectPixels(printer.resolution())
        for index, page in enumerate(pages):
            if index:
                printer.newPage()
            _paint(painter, page, rect.width() / page.width, font_family)
    finally:
        painter.end()
    return len(pages)


def _paint(painter: QPainter, page: Page, px_per_mm: float, family: str) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    font = QFont(family)
    for item in page.items:
        if isinstance(item, Text):
            font.setPointSizeF(item.size)
            painter.setFont(font)
            painter.setPen(GREY if item.grey else QColor(0, 0, 0))
            x, y = item.x * px_per_mm, item.y * px_per_mm
            width = painter.fontMetrics().horizontalAdvance(item.text)
            if item.align == "center":
                x -= width / 2
            elif item.align == "right":
                x -= width
            painter.drawText(QPointF(x, y), item.text)
        elif isinstance(item, Line):
            painter.setPen(QPen(QColor(0, 0, 0), item.width * px_per_mm))
            painter.drawLine(QPointF(item.x1 * px_per_mm, item.y1 * px_per_mm),
                             QPointF(item.x2 * px_per_mm, item.y2 * px_per_mm))
        elif isinstance(item, Box):
            rect = QRectF(item.x * px_per_mm, item.y * px_per_mm, item.w * px_per_mm, item.h * px_per_mm)
            if item.fill is not None:
                level = int(item.fill * 255)
                painter.fillRect(rect, QColor(level, level, level))
            if item.stroke:
                painter.setPen(QPen(QColor(0, 0, 0), 0.25 * px_per_mm))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(rect)
            if item.checked:
                painter.setPen(QPen(QColor(0, 0, 0), 0.45 * px_per_mm))
                path = QPainterPath(QPointF(rect.left() + rect.width() * 0.18, rect.top() + rect.height() * 0.5))
                path.lineTo(rect.left() + rect.width() * 0.42, rect.top() + rect.height() * 0.8)
                path.lineTo(rect.left() + rect.width() * 0.85, rect.top() + rect.height() * 0.15)
                painter.drawPath(path)
