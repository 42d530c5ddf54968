"""The village lending point (辅具借用点): shared devices, who has which, due dates, returns, repairs."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QTableView, QVBoxLayout, QWidget,
)
from sqlalchemy import select

from fieldworker.requests import loans
from fieldworker.requests.checks import yuan
from fieldworker.requests.definition import load
from fieldworker.store.models import Person
from fieldworker.ui.requests.dialogs import _date_edit, _SubmitDialog

LOAN_COLUMNS = [
    ("device_label", QT_TRANSLATE_NOOP("LoanTableModel", "Device")),
    ("serial", QT_TRANSLATE_NOOP("LoanTableModel", "Serial")),
    ("person_name", QT_TRANSLATE_NOOP("LoanTableModel", "Borrower")),
    ("lent_on", QT_TRANSLATE_NOOP("LoanTableModel", "Lent on")),
    ("due_on", QT_TRANSLATE_NOOP("LoanTableModel", "Due on")),
    ("returned_on", QT_TRANSLATE_NOOP("LoanTableModel", "Returned on")),
    ("return_condition", QT_TRANSLATE_NOOP("LoanTableModel", "Condition on return")),
    ("deposit_fen", QT_TRANSLATE_NOOP("LoanTableModel", "Deposit (yuan)")),
    ("overdue", QT_TRANSLATE_NOOP("LoanTableModel", "Overdue")),
]


class LoanTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[loans.LoanRow] = []

    def set_rows(self, rows: list[loans.LoanRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(LOAN_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("LoanTableModel", LOAN_COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = LOAN_COLUMNS[index.column()][0]
        raw = getattr(row, key)
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return QBrush(QColor("#FDE2E1"))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if key == "overdue":
            return QCoreApplication.translate("LoanTableModel", "Overdue") if raw else ""
        if key == "deposit_fen":
            return yuan(raw)
        return raw.isoformat() if isinstance(raw, dt.date) else (raw or "")


class _FormDialog(_SubmitDialog):
    def __init__(self, title: str, rows: list[tuple[str, QWidget]], action: Callable[[], Any],
                 parent: QWidget | None) -> None:
        super().__init__(title, parent)
        form = QFormLayout()
        for text, widget in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", "").rstrip("：:"))
            form.addRow(label, widget)
        self.layout_.addLayout(form)
        self.finish_layout()
        self._action = action

    def run(self) -> Any:
        return self._action()


class LoansPanel(QWidget):
    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("loansSummary")
        layout.addWidget(self.summary)
        self.open_only = QCheckBox(self.tr("Only devices not yet &returned"))
        self.open_only.setAccessibleName(self.tr("Show only open loans"))
        self.open_only.toggled.connect(self.reload)
        layout.addWidget(self.open_only)
        self.model = LoanTableModel(self)
        self.view = QTableView()
        self.view.setObjectName("loansView")
        self.view.setAccessibleName(self.tr("Loans of shared devices"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        for text, slot, name in ((self.tr("Register shared &device…"), self.register_device, "registerDevice"),
                                 (self.tr("Le&nd…"), self.lend, "lendButton"),
                                 (self.tr("Take &back…"), self.take_back, "returnButton"),
                                 (self.tr("Repair &done…"), self.repair_done, "repairButton")):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(loans.loans(self.db, open_only=self.open_only.isChecked()))
        devices = loans.shared_devices(self.db)
        repairs = loans.open_repairs(self.db)
        self.summary.setText(self.tr("%1 shared devices, %2 available; %3 repairs open; %4 loans overdue")
                             .replace("%1", str(len(devices))).replace("%2", str(sum(d["available"] for d in devices)))
                             .replace("%3", str(len(repairs)))
                             .replace("%4", str(sum(r.overdue for r in self.model.rows))))

    def _open(self, dialog: _FormDialog) -> _FormDialog:
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def register_device(self) -> _FormDialog:
        code = QComboBox()
        for item in load("device").items.values():
            if item.lendable:
                code.addItem(item.label, item.code)
        serial = QLineEdit()
        serial.setObjectName("serial")
        return self._open(_FormDialog(self.tr("Register a shared device"),
                                      [(self.tr("&Device:"), code), (self.tr("&Serial:"), serial)],
                                      lambda: loans.add_shared_device(self.db, code=code.currentData(), serial=serial.text()),
                                      self))

    def lend(self) -> _FormDialog:
        device = QComboBox()
        device.setObjectName("device")
        for d in loans.shared_devices(self.db):
            if d["available"]:
                device.addItem(f"{d['label']}（{d['serial']}）", d["id"])
        person = QComboBox()
        person.setObjectName("person")
        person.setEditable(True)
        with self.db.session() as s:
            for p in s.scalars(select(Person).where(Person.deleted.is_(False), Person.status == "1")
                               .order_by(Person.search_text)):
                person.addItem(f"{p.name}　{p.id_number}", p.id)
        lent_on = _date_edit()
        due_on = _date_edit()
        due_on.setMaximumDate(due_on.date().addYears(2))
        due_on.setDate(lent_on.date().addDays(loans.DEFAULT_TERM_DAYS))
        deposit = QLineEdit("0")
        return self._open(_FormDialog(
            self.tr("Lend a shared device"),
            [(self.tr("&Device:"), device), (self.tr("&Borrower:"), person), (self.tr("&Lent on:"), lent_on),
             (self.tr("D&ue on:"), due_on), (self.tr("De&posit (yuan):"), deposit)],
            lambda: loans.lend(self.db, device_id=device.currentData(), person_id=person.currentData(),
                               lent_on=lent_on.date().toPython(), due_on=due_on.date().toPython(),
                               deposit_yuan=deposit.text()), self))

    def take_back(self) -> _FormDialog | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        loan = self.model.rows[index.row()]
        returned_on = _date_edit()
        condition = QComboBox()
        condition.addItems(list(loans.RETURN_CONDITIONS))
        problem = QLineEdit()
        return self._open(_FormDialog(
            self.tr("Take back %1").replace("%1", f"{loan.device_label}（{loan.serial}）"),
            [(self.tr("&Returned on:"), returned_on), (self.tr("&Condition:"), condition),
             (self.tr("&Problem if damaged:"), problem)],
            lambda: loans.return_loan(self.db, loan.id, returned_on=returned_on.date().toPython(),
                                      condition=condition.currentText(), problem=problem.text()), self))

    def repair_done(self) -> _FormDialog | None:
        repairs = loans.open_repairs(self.db)
        if not repairs:
            return None
        repair = QComboBox()
        for r in repairs:
            repair.addItem(f"{r.reported_on:%Y-%m-%d} {r.problem}", r.id)
        repaired_on = _date_edit()
        result = QComboBox()
        result.addItems(["已修复", "无法修复"])
        cost = QLineEdit("0")
        return self._open(_FormDialog(
            self.tr("Repair done"),
            [(self.tr("&Repair:"), repair), (self.tr("Repaired &on:"), repaired_on), (self.tr("R&esult:"), result),
             (self.tr("&Cost (yuan):"), cost)],
            lambda: loans.finish_repair(self.db, repair.currentData(), repaired_on=repaired_on.date().toPython(),
                                        result=result.currentText(), cost_yuan=cost.text()), self))
