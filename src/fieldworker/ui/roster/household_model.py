"""Table model of the village's households (hundreds of rows: loaded whole, sorted by a proxy)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtCore import QT_TRANSLATE_NOOP

from fieldworker.domain import codes
from fieldworker.services import roster
from fieldworker.store.engine import Database

HOUSEHOLD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = [
    ("head_name", QT_TRANSLATE_NOOP("HouseholdTableModel", "Household head")),
    ("address", QT_TRANSLATE_NOOP("HouseholdTableModel", "Address")),
    ("hukou_type", QT_TRANSLATE_NOOP("HouseholdTableModel", "Hukou")),
    ("members_count", QT_TRANSLATE_NOOP("HouseholdTableModel", "Members")),
    ("disabled_members", QT_TRANSLATE_NOOP("HouseholdTableModel", "Disabled members")),
    ("income_per_capita", QT_TRANSLATE_NOOP("HouseholdTableModel", "Income per person (yuan/year)")),
    ("dibao", QT_TRANSLATE_NOOP("HouseholdTableModel", "Dibao")),
    ("tekun", QT_TRANSLATE_NOOP("HouseholdTableModel", "Tekun")),
    ("housing_status", QT_TRANSLATE_NOOP("HouseholdTableModel", "Housing")),
    ("phone", QT_TRANSLATE_NOOP("HouseholdTableModel", "Phone")),
]
CODED = {"hukou_type": codes.HUKOU_TYPE, "housing_status": codes.HOUSING_STATUS}


class HouseholdTableModel(QAbstractTableModel):
    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self._rows: list[dict[str, Any]] = []

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = roster.households(self.db)
        self.endResetModel()

    def household_id(self, row: int) -> str | None:
        return self._rows[row]["household"].id if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("HouseholdTableModel", COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        household = entry["household"]
        key = COLUMNS[index.column()][0]
        raw = entry["disabled_members"] if key == "disabled_members" else getattr(household, key)
        if role == HOUSEHOLD_ID_ROLE:
            return household.id
        if role == SORT_ROLE:
            return raw if raw is not None else -1
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if key in CODED:
            return codes.label(CODED[key], raw)
        if isinstance(raw, bool):
            return QCoreApplication.translate("HouseholdTableModel", "Yes") if raw else ""
        return "" if raw is None else raw
