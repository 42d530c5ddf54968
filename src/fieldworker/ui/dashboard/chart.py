"""A horizontal bar chart of coverage rates against targets, drawn with QPainter.

QtCharts is not part of PySide6-Essentials; a dozen bars need no chart library. The same
colours as the PDF: red short of target, green met, grey where there is no target; a
black tick marks the target.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from fieldworker.dashboard.coverage import Figure, format_rate

SHORT, MET, NO_TARGET, GRID = QColor("#C62828"), QColor("#2E7D32"), QColor("#607D8B"), QColor("#DDDDDD")


def bar_colour(fig: Figure) -> QColor:
    if fig.target is None:
        return NO_TARGET
    return SHORT if fig.short else MET


class CoverageChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures: list[Figure] = []
        self.setAccessibleName(self.tr("Coverage chart"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_figures(self, figures: Sequence[Figure]) -> None:
        self.figures = [f for f in figures if f.rate is not None]
        self.setAccessibleDescription("；".join(f"{f.title} {format_rate(f.rate)}" for f in self.figures))
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:
        return QSize(520, (len(self.figures) + 1) * self._row_height() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self.sizeHint().height())

    def paintEvent(self, _event) -> None:  # type: ignore[no-untyped-def]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.render_chart(painter, QRectF(self.rect()))
        painter.end()

    def render_chart(self, painter: QPainter, area: QRectF) -> None:
        metrics = painter.fontMetrics()
        row_h = metrics.height() + 8
        label_w = max((metrics.horizontalAdvance(f.title) for f in self.figures), default=60) + 12
        value_w = metrics.horizontalAdvance("100.0%") + 12
        left, right = area.left() + label_w, area.right() - value_w
        scale = max(10.0, right - left)
        axis_bottom = area.top() + len(self.figures) * row_h + 4
        for pct in (0, 25, 50, 75, 100):
            x = left + scale * pct / 100
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(int(x), int(area.top()), int(x), int(axis_bottom))
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(x - 30, axis_bottom, 60, row_h), Qt.AlignmentFlag.AlignCenter, f"{pct}%")
        for index, fig in enumerate(self.figures):
            top = area.top() + index * row_h + 2
            bar = QRectF(left, top + 3, scale * (fig.rate or 0), row_h - 8)
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(area.left(), top, label_w - 8, row_h - 2),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, fig.title)
            painter.fillRect(bar, bar_colour(fig))
            if fig.target is not None:
                x = left + scale * fig.target
                painter.setPen(QPen(Qt.GlobalColor.black, 2))
                painter.drawLine(int(x), int(top), int(x), int(top + row_h - 2))
            painter.setPen(SHORT if fig.short else self.palette().text().color())
            painter.drawText(QRectF(right + 6, top, value_w, row_h - 2),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, format_rate(fig.rate))
