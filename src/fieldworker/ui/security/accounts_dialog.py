"""Accounts on this laptop: list with roles, add an account (admin), change one's own password."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from fieldworker.domain.errors import ValidationError
from fieldworker.security import accounts, vault
from fieldworker.store.engine import Database
from fieldworker.ui.security.password_dialogs import ERROR_STYLE, _password_edit


class AccountsModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("AccountsModel", "Account"), QT_TRANSLATE_NOOP("AccountsModel", "Role"))

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[tuple[str, str]] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = [(a.name, accounts.ROLES.get(a.role, a.role)) for a in accounts.all_accounts(self.db)]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("AccountsModel", self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self.rows[index.row()][index.column()]
        return None


class AccountsDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Accounts"))
        layout = QVBoxLayout(self)
        self.model = AccountsModel(db, self)
        view = QTableView()
        view.setAccessibleName(self.tr("Accounts on this computer"))
        view.setModel(self.model)
        view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(view)

        add_box = QGroupBox(self.tr("Add an account (administrators only)"))
        form = QFormLayout(add_box)
        self.new_name = QLineEdit()
        self.new_name.setAccessibleName(self.tr("New account name"))
        self.new_role = QComboBox()
        self.new_role.setAccessibleName(self.tr("Role"))
        for code, label in accounts.ROLES.items():
            self.new_role.addItem(label, code)
        self.new_role.setCurrentIndex(1)
        self.new_password = _password_edit(self.tr("Password of the new account"))
        self.add_button = QPushButton(self.tr("&Add account"))
        self.add_button.clicked.connect(self.add_account)
        form.addRow(self.tr("&Name:"), self.new_name)
        form.addRow(self.tr("&Role:"), self.new_role)
        form.addRow(self.tr("&Password:"), self.new_password)
        form.addRow("", self.add_button)
        add_box.setEnabled(accounts.role_of(db, db.account) == "admin")
        layout.addWidget(add_box)

        mine = QGroupBox(self.tr("Change my password"))
        mine_form = QFormLayout(mine)
        self.my_password = _password_edit(self.tr("My new password"))
        self.change_button = QPushButton(self.tr("&Change password"))
        self.change_button.clicked.connect(self.change_password)
        mine_form.addRow(self.tr("New pass&word:"), self.my_password)
        mine_form.addRow("", self.change_button)
        layout.addWidget(mine)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    def _show(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def add_account(self) -> None:
        try:
            vault.add_account(self.db, name=self.new_name.text(), password=self.new_password.text(),
                              role=self.new_role.currentData())
        except ValidationError as exc:
            self._show(exc.message, error=True)
            return
        self._show(f"已新增账户：{self.new_name.text().strip()}")
        self.new_name.clear()
        self.new_password.clear()
        self.model.reload()

    def change_password(self) -> None:
        try:
            vault.change_password(self.db, new_password=self.my_password.text())
        except ValidationError as exc:
            self._show(exc.message, error=True)
            return
        self.my_password.clear()
        self._show(f"已修改账户 {self.db.account} 的密码")
