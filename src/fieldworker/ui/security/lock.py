"""The lock: after an idle time or on Ctrl+L the window shows only a password field.

Locking takes the central widget out of the window (nothing of it is painted or reachable
by keyboard) and disables the menus. Other windows are hidden; a modal dialog in the
middle of an edit is made fully transparent instead (hiding it would end its ``exec()``
and lose the worker's unsaved input). The password is asked in an application-modal
dialog, which stays above any such dialog and cannot be closed without the password.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication, QDialog, QHBoxLayout, QLabel, QLineEdit, QMainWindow, QPushButton, QVBoxLayout, QWidget,
)

from fieldworker.security import audit, vault
from fieldworker.security.ratelimit import SignInThrottle
from fieldworker.store.engine import Database

IDLE_SETTING = "security.idle_minutes"
DEFAULT_IDLE_MINUTES = 10
ACTIVITY_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
                   QEvent.Type.TouchBegin}


class LockScreen(QDialog):
    """The password prompt while locked: Escape and the close button do nothing."""

    def __init__(self, account: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setWindowTitle(self.tr("Locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        title = QLabel(self.tr("<h2>Locked</h2>"))
        outer.addWidget(title)
        outer.addWidget(QLabel(self.tr("Enter the password of %1 to continue.").replace("%1", account)))
        row = QHBoxLayout()
        self.password = QLineEdit()
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)  # Enter in the password field unlocks
        row.addWidget(self.password, 1)
        row.addWidget(self.unlock_button)
        outer.addLayout(row)
        self.error = QLabel()
        self.error.setObjectName("unlockError")
        self.error.setStyleSheet("color: #b00020")
        outer.addWidget(self.error)
        outer.addStretch(2)

    def reject(self) -> None:
        pass

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        event.ignore()


class IdleLock(QObject):
    locked_changed = Signal(bool)

    def __init__(self, window: QMainWindow, db: Database) -> None:
        super().__init__(window)
        self.window = window
        self.db = db
        self.throttle = SignInThrottle()
        self._content: QWidget | None = None
        self._hidden: list[QWidget] = []
        self._veiled: list[QWidget] = []
        self.screen: LockScreen | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_idle_minutes(float(db.get_setting(IDLE_SETTING, DEFAULT_IDLE_MINUTES)))
        QApplication.instance().installEventFilter(self)

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def set_idle_minutes(self, minutes: float) -> None:
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in ACTIVITY_EVENTS and not self.locked:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.locked or self.db.key is None:  # only a password-protected database can be unlocked again
            return
        self.timer.stop()
        others = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not self.window]
        self._hidden = [w for w in others if not w.isModal()]
        self._veiled = [w for w in others if w.isModal()]
        for widget in self._hidden:
            widget.hide()
        for widget in self._veiled:
            widget.setWindowOpacity(0.0)
            widget.setEnabled(False)
        self._content = self.window.takeCentralWidget()
        blank = QWidget()
        blank.setObjectName("lockedPlaceholder")
        self.window.setCentralWidget(blank)
        self.window.menuBar().setEnabled(False)
        self.screen = LockScreen(self.db.account, self.window)
        self.screen.unlock_button.clicked.connect(self._try_unlock)
        self.screen.resize(self.window.size() * 0.6)
        self.screen.show()
        self.screen.password.setFocus()
        audit.record(self.db, audit.LOCK, self.db.account)
        self.locked_changed.emit(True)

    def _try_unlock(self) -> None:
        assert self.screen is not None
        if self.throttle.wait_seconds() > 0:
            self.screen.error.setText(f"请等待 {self.throttle.wait_seconds():.0f} 秒后再试。")
            return
        if not self.unlock(self.screen.password.text()):
            self.screen.password.clear()
            delay = self.throttle.failed()
            self.screen.error.setText("密码错误。" + (f"请等待 {delay:.0f} 秒后再试。" if delay else ""))

    def unlock(self, password: str) -> bool:
        """Check the password of the signed-in account; on success show the work again."""
        try:
            key, _ = vault.unlock(self.db.path, password=password, account=self.db.account)
            if key != self.db.key:
                return False
        except vault.WrongPassword:
            audit.record(self.db, audit.SIGN_IN_FAILED, self.db.account, "解锁时密码错误")
            return False
        self.throttle.succeeded()
        placeholder = self.window.takeCentralWidget()
        if placeholder is not None:
            placeholder.deleteLater()
        if self.screen is not None:
            self.screen.hide()
            self.screen.deleteLater()
        self.screen = None
        self.window.setCentralWidget(self._content)
        self._content = None
        self.window.menuBar().setEnabled(True)
        for widget in self._hidden:
            widget.show()
        for widget in self._veiled:
            widget.setEnabled(True)
            widget.setWindowOpacity(1.0)
        self._hidden, self._veiled = [], []
        audit.record(self.db, audit.UNLOCK, self.db.account)
        self.timer.start()
        self.locked_changed.emit(False)
        return True

    def detach(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.timer.stop()
