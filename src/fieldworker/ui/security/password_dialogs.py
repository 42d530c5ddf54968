"""Choosing a password (first start, migration), signing in, and recovering a forgotten password."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QRadioButton,
    QVBoxLayout, QWidget,
)

from fieldworker.domain.errors import ValidationError
from fieldworker.security import passwords, vault
from fieldworker.security.ratelimit import SignInThrottle
from fieldworker.store.engine import Database

ERROR_STYLE = "color: #b00020"


def ok_cancel(parent: QWidget) -> QDialogButtonBox:
    """OK/Cancel with our own translated texts (Qt's standard button texts are not translated here)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(QCoreApplication.translate("SecurityDialogs", "OK"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("SecurityDialogs", "Cancel"))
    return buttons


def _password_edit(accessible: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(accessible)
    return edit


class SetPasswordDialog(QDialog):
    """Choose an account name and a password; the core's strength rules are shown as they type."""

    def __init__(self, *, intro: str, account: str = "管理员", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Protect the data with a password"))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        layout = QVBoxLayout(self)
        note = QLabel(intro)
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.account = QLineEdit(account)
        self.account.setAccessibleName(self.tr("Account name"))
        self.password = _password_edit(self.tr("New password"))
        self.confirm = _password_edit(self.tr("Repeat the password"))
        form.addRow(self.tr("&Account:"), self.account)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Repeat:"), self.confirm)
        layout.addLayout(form)
        self.rules = QLabel()
        self.rules.setObjectName("passwordRules")
        self.rules.setWordWrap(True)
        self.rules.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.rules)
        self.buttons = ok_cancel(self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for edit in (self.account, self.password, self.confirm):
            edit.textChanged.connect(self._check)
        self._check()

    def problems(self) -> list[str]:
        found = passwords.problems(self.password.text(), account=self.account.text().strip())
        if not self.account.text().strip():
            found.insert(0, "请填写账户名。")
        if self.password.text() and self.confirm.text() != self.password.text():
            found.append("两次输入的密码不一致。")
        return found

    def _check(self) -> None:
        found = self.problems()
        self.rules.setText("\n".join(found) if self.password.text() else "密码至少 10 个字符，包含至少两类字符。")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not found)
        self.adjustSize()  # the list of rules grows and shrinks as the worker types

    def accept(self) -> None:
        if not self.problems():
            super().accept()

    def values(self) -> tuple[str, str]:
        return self.account.text().strip(), self.password.text()


class SignInDialog(QDialog):
    """Account and password; wrong passwords are slowed down. On success ``self.db`` is open."""

    def __init__(self, db_path: Path, parent: QWidget | None = None, throttle: SignInThrottle | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.db: Database | None = None
        self.damaged_key: bytes | None = None
        self.throttle = throttle or SignInThrottle()
        self.setWindowTitle(self.tr("Sign in"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.account = QComboBox()
        self.account.setAccessibleName(self.tr("Account"))
        self.account.addItems(vault.account_names(db_path))
        self.password = _password_edit(self.tr("Password"))
        form.addRow(self.tr("&Account:"), self.account)
        form.addRow(self.tr("&Password:"), self.password)
        layout.addLayout(form)
        if vault.is_demo(db_path):
            hint = QLabel(f"这是演示数据库，密码是 {passwords.DEMO_PASSWORD}")
            hint.setObjectName("demoHint")
            layout.addWidget(hint)
        self.error = QLabel()
        self.error.setObjectName("signInError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = ok_cancel(self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Sign in"))
        self.forgot = QPushButton(self.tr("&Forgot password…"))
        buttons.addButton(self.forgot, QDialogButtonBox.ButtonRole.ResetRole)
        self.forgot.clicked.connect(self._recover)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(250)
        self._wait_timer.timeout.connect(self._update_wait)
        self.password.setFocus()

    def _update_wait(self) -> None:
        left = self.throttle.wait_seconds()
        self.ok.setEnabled(left <= 0)
        if left <= 0:
            self._wait_timer.stop()
            self.error.setText("密码错误，请重试。")
        else:
            self.error.setText(f"密码错误。请等待 {left:.0f} 秒后再试。")

    def accept(self) -> None:
        if self.throttle.wait_seconds() > 0:
            return
        try:
            self.db = vault.sign_in(self.db_path, password=self.password.text(),
                                    account=self.account.currentText() or None, record=False)
        except vault.DatabaseDamaged:
            # The password was right (the key unwrapped) but the file is damaged: startup offers a backup.
            self.damaged_key, _ = vault.unlock(self.db_path, password=self.password.text(),
                                               account=self.account.currentText() or None)
            super().accept()
            return
        except vault.WrongPassword as exc:
            self.throttle.failed()
            self.password.clear()
            self.error.setText(exc.message)
            self._update_wait()
            if self.throttle.wait_seconds() > 0:
                self._wait_timer.start()
            return
        self.throttle.succeeded()
        super().accept()

    def _recover(self) -> None:
        dialog = RecoveryDialog(self.db_path, account=self.account.currentText(), parent=self)
        if dialog.exec() and dialog.db is not None:
            self.db = dialog.db
            super().accept()


class RecoveryDialog(QDialog):
    """Forgotten password: the printed recovery key, or a recovery file from the township."""

    def __init__(self, db_path: Path, *, account: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.db: Database | None = None
        self.setWindowTitle(self.tr("Recover access"))
        layout = QVBoxLayout(self)
        self.use_key = QRadioButton(self.tr("Use the &recovery key from the printed sheet"))
        self.use_file = QRadioButton(self.tr("Use a recovery &file from the township"))
        self.use_key.setChecked(True)
        layout.addWidget(self.use_key)
        layout.addWidget(self.use_file)
        form = QFormLayout()
        self.recovery_key = QLineEdit()
        self.recovery_key.setAccessibleName(self.tr("Recovery key"))
        self.recovery_key.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.file = QLineEdit()
        self.file.setAccessibleName(self.tr("Recovery file"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        self.account = QLineEdit(account)
        self.account.setAccessibleName(self.tr("Account"))
        self.new_password = _password_edit(self.tr("New password"))
        form.addRow(self.tr("Recovery &key:"), self.recovery_key)
        form.addRow(self.tr("Recovery f&ile:"), self.file)
        form.addRow("", browse)
        form.addRow(self.tr("&Account:"), self.account)
        form.addRow(self.tr("&New password:"), self.new_password)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = ok_cancel(self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Recovery file"))
        if name:
            self.file.setText(name)
            self.use_file.setChecked(True)

    def accept(self) -> None:
        try:
            if self.use_key.isChecked():
                self.db = vault.recover_with_recovery_key(
                    self.db_path, recovery_key=self.recovery_key.text(), account=self.account.text(),
                    new_password=self.new_password.text())
            else:
                self.db = vault.recover_with_township_file(
                    self.db_path, Path(self.file.text()), account=self.account.text(),
                    new_password=self.new_password.text())
        except (ValidationError, OSError, ValueError) as exc:
            self.error.setText(getattr(exc, "message", None) or f"无法恢复：{exc}")
            return
        super().accept()
