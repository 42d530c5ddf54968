"""The change log of the village (or of one record), with undo of deletions."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from fieldworker.domain import codes
from fieldworker.domain.errors import ValidationError
from fieldworker.services import roster
from fieldworker.store.engine import Database

OPS = {
    "insert": QT_TRANSLATE_NOOP("ChangeLogModel", "added"),
    "update": QT_TRANSLATE_NOOP("ChangeLogModel", "changed"),
    "delete": QT_TRANSLATE_NOOP("ChangeLogModel", "deleted"),
    "restore": QT_TRANSLATE_NOOP("ChangeLogModel", "restored"),
}
TABLES = {
    "persons": QT_TRANSLATE_NOOP("ChangeLogModel", "person"),
    "households": QT_TRANSLATE_NOOP("ChangeLogModel", "household"),
    "regions": QT_TRANSLATE_NOOP("ChangeLogModel", "region"),
}
HEADERS = [QT_TRANSLATE_NOOP("ChangeLogModel", "Time (UTC)"), QT_TRANSLATE_NOOP("ChangeLogModel", "Record"),
           QT_TRANSLATE_NOOP("ChangeLogModel", "Action"), QT_TRANSLATE_NOOP("ChangeLogModel", "Account"),
           QT_TRANSLATE_NOOP("ChangeLogModel", "Changes")]


def _t(text: str) -> str:
    return QCoreApplication.translate("ChangeLogModel", text)


class ChangeLogModel(QAbstractTableModel):
    def __init__(self, entries: list[Any], parent: Any = None) -> None:
        super().__init__(parent)
        self.entries = entries

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _t(HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        entry = self.entries[index.row()]
        changes = json.loads(entry.changes)
        column = index.column()
        if column == 0:
            return entry.at.strftime("%Y-%m-%d %H:%M:%S")
        if column == 1:
            name = (changes.get("name") or changes.get("head_name") or [None, ""])[1] or entry.record_id[:8]
            return f"{_t(TABLES.get(entry.table_name, entry.table_name))} {name}"
        if column == 2:
            return _t(OPS.get(entry.op, entry.op))
        if column == 3:
            return entry.account
        if entry.op == "insert":
            return ""
        return "；".join(f"{codes.FIELD_LABELS.get(k, k)}：{old} → {new}" for k, (old, new) in changes.items())


class HistoryDialog(QDialog):
    def __init__(self, db: Database, *, record_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.record_id = record_id
        self.restored = False
        self.setWindowTitle(self.tr("Change history"))
        layout = QVBoxLayout(self)
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Change history"))
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view)
        self.message = QLabel()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        self.undo_button = buttons.addButton(self.tr("&Undo this deletion"), QDialogButtonBox.ButtonRole.ActionRole)
        self.undo_button.clicked.connect(self.undo_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()
        self.resize(900, 500)

    def reload(self) -> None:
        self.model = ChangeLogModel(roster.recent_changes(self.db, record_id=self.record_id), self)
        self.view.setModel(self.model)
        self.view.selectionModel().currentRowChanged.connect(self._sync_button)
        self._sync_button()

    def _selected(self) -> Any:
        row = self.view.currentIndex().row()
        return self.model.entries[row] if 0 <= row < len(self.model.entries) else None

    def _sync_button(self) -> None:
        entry = self._selected()
        self.undo_button.setEnabled(entry is not None and entry.op == "delete")

    def undo_selected(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        try:
            roster.undo_delete(self.db, entry.seq)
        except ValidationError as exc:
            self.message.setText(exc.message)
            return
        self.restored = True
        self.message.setText(self.tr("Restored."))
        self.reload()
