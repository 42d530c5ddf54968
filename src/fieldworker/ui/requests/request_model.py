"""Table model of one kind of request (a village has tens to hundreds: loaded whole, sorted by a proxy)."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from fieldworker.requests.checks import yuan
from fieldworker.requests.queries import RequestRow

REQUEST_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3

COLUMNS = [
    ("number", QT_TRANSLATE_NOOP("RequestTableModel", "Number")),
    ("subject", QT_TRANSLATE_NOOP("RequestTableModel", "Household or person")),
    ("category", QT_TRANSLATE_NOOP("RequestTableModel", "Disability category")),
    ("items", QT_TRANSLATE_NOOP("RequestTableModel", "Items")),
    ("stage_label", QT_TRANSLATE_NOOP("RequestTableModel", "Stage")),
    ("overdue", QT_TRANSLATE_NOOP("RequestTableModel", "Overdue")),
    ("opened_on", QT_TRANSLATE_NOOP("RequestTableModel", "Registered on")),
    ("age_days", QT_TRANSLATE_NOOP("RequestTableModel", "Age (days)")),
    ("days_in_stage", QT_TRANSLATE_NOOP("RequestTableModel", "Days in stage")),
    ("estimated_fen", QT_TRANSLATE_NOOP("RequestTableModel", "Estimate (yuan)")),
    ("approved_fen", QT_TRANSLATE_NOOP("RequestTableModel", "Approved (yuan)")),
]
OVERDUE_BACKGROUND = QColor("#FDE2E1")


def _tr(text: str) -> str:
    return QCoreApplication.translate("RequestTableModel", text)


class RequestTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RequestRow] = []

    def set_rows(self, rows: Sequence[RequestRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> RequestRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, request_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == request_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        raw = getattr(row, key)
        if role == REQUEST_ID_ROLE:
            return row.id
        if role == OVERDUE_ROLE:
            return row.overdue
        if role == SORT_ROLE:
            if raw is None:
                return -1
            return raw.isoformat() if hasattr(raw, "isoformat") else (int(raw) if isinstance(raw, bool) else raw)
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("age_days", "days_in_stage", "estimated_fen", "approved_fen"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if key == "overdue":
            return _tr("Overdue") if raw else ""
        if key in ("estimated_fen", "approved_fen"):
            return yuan(raw)
        if hasattr(raw, "isoformat"):
            return raw.isoformat()
        return raw
