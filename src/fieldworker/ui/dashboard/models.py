"""Qt table models of the dashboard: the figures against their targets, and one gap list."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from fieldworker.dashboard.coverage import Figure, GapEntry, format_rate
from fieldworker.dashboard.tables import status_text, target_text

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
SHORT_COLOUR = QColor("#C62828")
Index = QModelIndex | QPersistentModelIndex

FIGURE_COLUMNS = [
    QT_TRANSLATE_NOOP("FigureTableModel", "Indicator"), QT_TRANSLATE_NOOP("FigureTableModel", "Target"),
    QT_TRANSLATE_NOOP("FigureTableModel", "Eligible"), QT_TRANSLATE_NOOP("FigureTableModel", "Covered"),
    QT_TRANSLATE_NOOP("FigureTableModel", "Coverage"), QT_TRANSLATE_NOOP("FigureTableModel", "Gap"),
    QT_TRANSLATE_NOOP("FigureTableModel", "Met"),
]
GAP_COLUMNS = [
    QT_TRANSLATE_NOOP("GapTableModel", "No."), QT_TRANSLATE_NOOP("GapTableModel", "Name"),
    QT_TRANSLATE_NOOP("GapTableModel", "ID number"), QT_TRANSLATE_NOOP("GapTableModel", "Address"),
    QT_TRANSLATE_NOOP("GapTableModel", "Situation"),
]


class FigureTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.figures: list[Figure] = []

    def set_figures(self, figures: Sequence[Figure]) -> None:
        self.beginResetModel()
        self.figures = list(figures)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.figures)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(FIGURE_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("FigureTableModel", FIGURE_COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        fig = self.figures[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [fig.title, target_text(fig), fig.eligible, fig.covered, format_rate(fig.rate),
                    fig.eligible - fig.covered, status_text(fig)][column]
        if role == Qt.ItemDataRole.ForegroundRole and fig.short and column in (4, 6):
            return SHORT_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            return fig.source
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3, 4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == KEY_ROLE:
            return fig.key
        return None


class GapTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.gaps: list[GapEntry] = []

    def set_gaps(self, gaps: Sequence[GapEntry]) -> None:
        self.beginResetModel()
        self.gaps = list(gaps)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.gaps)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(GAP_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("GapTableModel", GAP_COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        gap = self.gaps[index.row()]
        values = [index.row() + 1, gap.name, gap.id_number, gap.address, gap.detail]
        if role == Qt.ItemDataRole.DisplayRole:
            return values[index.column()]
        if role == SORT_ROLE:
            return values[index.column()]
        if role == PERSON_ID_ROLE:
            return gap.person_id
        return None
