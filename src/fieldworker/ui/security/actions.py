"""What data safety adds to the main window: lock (Ctrl+L), activity log, accounts, backup, restore.

``install_security(window, db)`` is called by the application after the main window is
built; the returned guard performs a requested restore once the window has closed, when
nothing holds the database any more.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from fieldworker.security import audit, backups
from fieldworker.store.engine import Database
from fieldworker.ui.security.lock import IdleLock
from fieldworker.ui.workers import run_in_background, show_error


class SecurityGuard(QObject):
    def __init__(self, window: QMainWindow, db: Database) -> None:
        super().__init__(window)
        self.window = window
        self.db = db
        self.idle_lock = IdleLock(window, db)
        self.restore_from: Path | None = None
        self.last_backup: Path | None = None
        self._build_menus()

    def _action(self, text: str, slot, shortcut: str | None = None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        return action

    def _build_menus(self) -> None:
        file_menu = getattr(self.window, "file_menu", None) or self.window.menuBar().addMenu(self.tr("&File"))
        first = file_menu.actions()[0] if file_menu.actions() else None
        self.backup_action = self._action(self.tr("&Back up to USB drive…"), self.backup_to_folder)
        self.restore_action = self._action(self.tr("&Restore from backup…"), self.request_restore)
        file_menu.insertAction(first, self.backup_action)
        file_menu.insertAction(first, self.restore_action)
        file_menu.insertSeparator(first)

        menu = self.window.menuBar().addMenu(self.tr("&Security"))
        self.lock_action = self._action(self.tr("&Lock now"), self.idle_lock.lock, "Ctrl+L")
        # The lock shortcut lives on the window, so it works while the menu bar is disabled too.
        self.window.addAction(self.lock_action)
        menu.addAction(self.lock_action)
        menu.addAction(self._action(self.tr("&Activity log…"), self.show_audit))
        menu.addAction(self._action(self.tr("A&ccounts and password…"), self.show_accounts))
        menu.addAction(self._action(self.tr("&New recovery key…"), self.new_recovery_key))
        menu.addAction(self._action(self.tr("Lock &after idle time…"), self.choose_idle_minutes))
        self.security_menu = menu

    def choose_idle_minutes(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from fieldworker.ui.security.lock import DEFAULT_IDLE_MINUTES, IDLE_SETTING

        current = int(float(self.db.get_setting(IDLE_SETTING, DEFAULT_IDLE_MINUTES)))
        minutes, ok = QInputDialog.getInt(self.window, self.tr("Lock after idle time"),
                                          self.tr("Lock the window after this many idle minutes:"), current, 1, 120)
        if ok:
            self.db.set_setting(IDLE_SETTING, minutes)
            self.idle_lock.set_idle_minutes(minutes)

    # -- actions
    def show_audit(self) -> None:
        from fieldworker.ui.security.audit_view import AuditDialog

        AuditDialog(self.db, self.window).exec()

    def show_accounts(self) -> None:
        from fieldworker.ui.security.accounts_dialog import AccountsDialog

        AccountsDialog(self.db, self.window).exec()

    def new_recovery_key(self) -> None:
        from fieldworker.security import vault
        from fieldworker.ui.security.recovery_key_dialog import RecoveryKeyDialog

        answer = QMessageBox.question(self.window, self.tr("New recovery key"),
                                      self.tr("The old recovery sheet will stop working. Continue?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            key = vault.replace_recovery_key(self.db)
        except Exception as exc:  # noqa: BLE001
            show_error(self.window, exc)
            return
        RecoveryKeyDialog(self.db, key, parent=self.window).exec()

    def backup_to_folder(self, folder: Path | None = None) -> None:
        if folder is None:
            name = QFileDialog.getExistingDirectory(self.window, self.tr("Choose the USB drive or folder"))
            if not name:
                return
            folder = Path(name)

        def done(path: Path) -> None:
            self.last_backup = path
            self.window.statusBar().showMessage(f"已备份并校验：{path}", 15000)

        run_in_background(self.window, lambda _progress: backups.backup_to_folder(self.db, folder),
                          title=self.tr("Backing up…"), on_success=done, cancellable=False)

    def request_restore(self, backup: Path | None = None, *, confirm: bool = True) -> bool:
        """Check the chosen backup now; the restore itself happens after the window closes."""
        if backup is None:
            name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Choose a backup"),
                                                  str(self.db.path.parent / backups.BACKUP_DIRNAME),
                                                  self.tr("Backups (*.db)"))
            if not name:
                return False
            backup = Path(name)
        result = backups.check_file(backup, self.db.key)
        if not result.ok:
            QMessageBox.warning(self.window, self.tr("Restore from backup"),
                                "此备份无法通过校验（可能已损坏或不是本机的备份），未恢复。")
            return False
        if confirm:
            text = (f"将用备份 {backup.name}（{result.persons} 人）替换当前数据库。"
                    "当前数据库会先另存到 backups/replaced 文件夹。程序将重新打开。继续吗？")
            if QMessageBox.question(self.window, self.tr("Restore from backup"), text) != \
                    QMessageBox.StandardButton.Yes:
                return False
        self.restore_from = backup
        self.window.close()
        return True

    def after_close(self) -> Database | None:
        """Called when the window has closed: restore if asked (and return the reopened database)."""
        self.idle_lock.detach()
        if self.restore_from is None:
            self.db.close()
            return None
        key, account = self.db.key, self.db.account
        self.db.close()
        aside = backups.restore(self.db.path, self.restore_from, key)
        db = Database.open(self.db.path, key=key)
        db.account = account
        audit.record(db, audit.RESTORE, self.restore_from.name, f"原数据库另存为 {aside.name}")
        return db


def install_security(window: QMainWindow, db: Database) -> SecurityGuard:
    return SecurityGuard(window, db)
