"""操作记录: the audit trail, filtered by person, account, action and date, exportable to CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDialog, QFileDialog, QGridLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from fieldworker.security import accounts, audit
from fieldworker.store.engine import Database

MAX_ROWS = 5000


class AuditTableModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("AuditTableModel", "Time"), QT_TRANSLATE_NOOP("AuditTableModel", "Account"),
               QT_TRANSLATE_NOOP("AuditTableModel", "Action"), QT_TRANSLATE_NOOP("AuditTableModel", "Person or item"),
               QT_TRANSLATE_NOOP("AuditTableModel", "Details"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[audit.AuditRow] = []

    def set_rows(self, rows: list[audit.AuditRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("AuditTableModel", self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self.rows[index.row()]
        return (audit.local_time(row.at).strftime("%Y-%m-%d %H:%M:%S"), row.account, row.action_label,
                row.person_name or row.subject, row.detail)[index.column()]


class AuditDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Activity log"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        self.person = QLineEdit()
        self.person.setAccessibleName(self.tr("Person: name or ID number"))
        self.account = QComboBox()
        self.account.setAccessibleName(self.tr("Account"))
        self.account.addItem(self.tr("All accounts"), "")
        for acc in accounts.all_accounts(db):
            self.account.addItem(acc.name, acc.name)
        self.action = QComboBox()
        self.action.setAccessibleName(self.tr("Action"))
        self.action.addItem(self.tr("All actions"), "")
        for code, label in audit.ACTION_LABELS.items():
            self.action.addItem(label, code)
        today = QDate.currentDate()
        self.use_since = QCheckBox(self.tr("&From:"))
        self.since = QDateEdit(today.addMonths(-1))
        self.since.setCalendarPopup(True)
        self.since.setAccessibleName(self.tr("From date"))
        self.use_until = QCheckBox(self.tr("&To:"))
        self.until = QDateEdit(today)
        self.until.setCalendarPopup(True)
        self.until.setAccessibleName(self.tr("To date"))
        for col, (label_text, widget) in enumerate(((self.tr("&Person:"), self.person),
                                                    (self.tr("A&ccount:"), self.account),
                                                    (self.tr("Ac&tion:"), self.action))):
            label = QLabel(label_text)
            label.setBuddy(widget)
            grid.addWidget(label, 0, col * 2)
            grid.addWidget(widget, 0, col * 2 + 1)
        grid.addWidget(self.use_since, 1, 0)
        grid.addWidget(self.since, 1, 1)
        grid.addWidget(self.use_until, 1, 2)
        grid.addWidget(self.until, 1, 3)
        self.apply_button = QPushButton(self.tr("&Show"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.reload)
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        self.export_button.clicked.connect(lambda: self.export())
        grid.addWidget(self.apply_button, 1, 4)
        grid.addWidget(self.export_button, 1, 5)
        layout.addLayout(grid)
        self.model = AuditTableModel(self)
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Activity log entries"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.view)
        self.count = QLabel()
        layout.addWidget(self.count)
        self.person.returnPressed.connect(self.reload)
        self.reload()

    def current_filter(self) -> audit.AuditFilter:
        def day(edit: QDateEdit) -> dt.date:
            q = edit.date()
            return dt.date(q.year(), q.month(), q.day())

        return audit.AuditFilter(person=self.person.text(), account=self.account.currentData() or "",
                                 action=self.action.currentData() or "",
                                 since=day(self.since) if self.use_since.isChecked() else None,
                                 until=day(self.until) if self.use_until.isChecked() else None)

    def reload(self) -> None:
        rows = audit.query(self.db, self.current_filter(), limit=MAX_ROWS)
        self.model.set_rows(rows)
        self.count.setText(self.tr("%1 entries").replace("%1", str(len(rows))))

    def export(self, path: Path | None = None) -> int:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the activity log"),
                                                  str(Path.home() / "操作记录.csv"), "CSV (*.csv)")
            if not name:
                return 0
            path = Path(name)
        count = audit.export_csv(self.db, path, self.current_filter())
        self.reload()
        self.count.setText(f"已导出 {count} 条操作记录：{path}")
        return count
