"""Id-backed table model of persons: filters and sorting run in SQL, rows are fetched a page at a time.

A county database holds 100k persons; loading every row into Python on each keystroke would
make search-as-you-type lag, so the model keeps only the ordered ids and a small page cache
(the approach of Anki's browser table).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from fieldworker.domain import codes
from fieldworker.services import roster
from fieldworker.store.engine import Database

PAGE_SIZE = 200
MAX_CACHED_PAGES = 20
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1

# (row field / sort key, header marked for translation, how to show the value)
COLUMNS: list[tuple[str, str]] = [
    ("name", QT_TRANSLATE_NOOP("PersonTableModel", "Name")),
    ("gender", QT_TRANSLATE_NOOP("PersonTableModel", "Gender")),
    ("birth_date", QT_TRANSLATE_NOOP("PersonTableModel", "Age")),
    ("id_number", QT_TRANSLATE_NOOP("PersonTableModel", "ID number")),
    ("category", QT_TRANSLATE_NOOP("PersonTableModel", "Category")),
    ("grade", QT_TRANSLATE_NOOP("PersonTableModel", "Grade")),
    ("status", QT_TRANSLATE_NOOP("PersonTableModel", "Status")),
    ("dibao", QT_TRANSLATE_NOOP("PersonTableModel", "Dibao")),
    ("living_subsidy", QT_TRANSLATE_NOOP("PersonTableModel", "Living subsidy")),
    ("care_subsidy", QT_TRANSLATE_NOOP("PersonTableModel", "Care subsidy")),
    ("head_name", QT_TRANSLATE_NOOP("PersonTableModel", "Household head")),
    ("address", QT_TRANSLATE_NOOP("PersonTableModel", "Address")),
    ("phone", QT_TRANSLATE_NOOP("PersonTableModel", "Phone")),
]
CODED = {"gender": codes.GENDER, "category": codes.DISABILITY_CATEGORY, "grade": codes.DISABILITY_GRADE,
         "status": codes.PERSON_STATUS}
FLAGS = {"dibao", "living_subsidy", "care_subsidy"}


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


class PersonTableModel(QAbstractTableModel):
    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.filter = roster.PersonFilter()
        self._ids: list[str] = []
        self._pages: dict[int, dict[str, Any]] = {}
        self._sort_column = 0
        self._descending = False
        self._today = dt.date.today()

    # -- loading
    def set_filter(self, flt: roster.PersonFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = roster.person_ids(self.db, self.filter, sort=COLUMNS[self._sort_column][0],
                                      descending=self._descending)
        self._pages.clear()
        self._today = dt.date.today()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self.reload()
        self.layoutChanged.emit()

    def person_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, person_id: str) -> int:
        try:
            return self._ids.index(person_id)
        except ValueError:
            return -1

    def _row(self, row: int) -> Any:
        page = row // PAGE_SIZE
        if page not in self._pages:
            if len(self._pages) >= MAX_CACHED_PAGES:
                self._pages.pop(next(iter(self._pages)))
            ids = self._ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
            self._pages[page] = roster.person_rows(self.db, ids)
        return self._pages[page].get(self._ids[row])

    # -- Qt interface
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("PersonTableModel", COLUMNS[section][1])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == PERSON_ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        key = COLUMNS[index.column()][0]
        value = getattr(row, key)
        if key == "birth_date":
            return age_on(value, self._today) if value else ""
        if key in CODED:
            return codes.label(CODED[key], value)
        if key in FLAGS:
            return QCoreApplication.translate("PersonTableModel", "Yes") if value else ""
        return value or ""
