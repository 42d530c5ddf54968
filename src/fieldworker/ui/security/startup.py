"""From start to an open database: first start, migration of a plain file, sign-in, checks.

Every path ends in an encrypted database opened with the worker's password (or ``None``
when the worker cancels). After sign-in the file is checked (quick every start, full
weekly); on damage the latest good backup is offered and the damaged file is kept aside.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from fieldworker.security import audit, backups, migrate, township, vault
from fieldworker.services import installation
from fieldworker.store.engine import Database
from fieldworker.ui.security.password_dialogs import SetPasswordDialog, SignInDialog


def _t(text: str) -> str:
    return QCoreApplication.translate("Startup", text)


def open_database(db_path: Path, parent: QWidget | None = None) -> Database | None:
    state = vault.state(db_path)
    if state == vault.NEW:
        db = first_start(db_path, parent)
    elif state == vault.PLAIN:
        db = encrypt_existing(db_path, parent)
    else:
        migrate.finish_pending_scrub(db_path)
        db = sign_in(db_path, parent)
    if db is None:
        return None
    db = check_and_back_up(db, parent)
    if db is not None and installation.info(db) is None and not run_first_run(db, parent):
        db.close()
        return None
    return db


def first_start(db_path: Path, parent: QWidget | None) -> Database | None:
    dialog = SetPasswordDialog(intro="欢迎使用。本机数据将加密保存：请设置账户名和密码。"
                                     "每次打开程序都需要此密码；忘记时可用随后打印的恢复单找回。", parent=parent)
    if not dialog.exec():
        return None
    account, password = dialog.values()
    setup = vault.create(db_path, account=account, password=password)
    show_recovery_key(setup.db, setup.recovery_key, parent)
    return setup.db


def encrypt_existing(db_path: Path, parent: QWidget | None) -> Database | None:
    dialog = SetPasswordDialog(intro="此数据库尚未加密。请设置账户名和密码：数据库将被加密，"
                                     "校验无误后，原来未加密的文件会被覆写删除。", parent=parent)
    if not dialog.exec():
        return None
    account, password = dialog.values()
    setup = migrate.encrypt_database(db_path, account=account, password=password)
    show_recovery_key(setup.db, setup.recovery_key, parent)
    return setup.db


def show_recovery_key(db: Database, recovery_key: str, parent: QWidget | None) -> None:
    from fieldworker.ui.security.recovery_key_dialog import RecoveryKeyDialog

    info = installation.info(db)
    RecoveryKeyDialog(db, recovery_key, region=info.region_name if info else "", parent=parent).exec()


def sign_in(db_path: Path, parent: QWidget | None) -> Database | None:
    dialog = SignInDialog(db_path, parent)
    if not dialog.exec():
        return None
    if dialog.damaged_key is not None:
        return offer_backup(db_path, dialog.damaged_key, dialog.account.currentText(), parent)
    return dialog.db


def offer_backup(db_path: Path, key: bytes, account: str, parent: QWidget | None) -> Database | None:
    """The database is damaged: offer the latest backup that checks out; never overwrite the damaged file."""
    good = backups.latest_good_backup(db_path, key)
    if good is None:
        QMessageBox.critical(parent, _t("Database damaged"),
                             "数据库文件已损坏，且没有可用的备份。损坏的文件保持原样，请联系乡镇或技术人员。")
        return None
    text = f"数据库文件已损坏。可以从最新的完好备份恢复：{good.name}。损坏的文件会另存，不会被覆盖。现在恢复吗？"
    if QMessageBox.question(parent, _t("Database damaged"), text) != QMessageBox.StandardButton.Yes:
        return None
    aside = backups.restore(db_path, good, key)
    db = vault.open_with_key(db_path, key, account)
    audit.record(db, audit.RESTORE, good.name, f"数据库损坏，已从备份恢复；损坏的文件另存为 {aside.name}")
    return db


def check_and_back_up(db: Database, parent: QWidget | None) -> Database | None:
    result = backups.check_database(db)
    if not result.ok:
        key, account, path = db.key, db.account, db.path
        db.close()
        return offer_backup(path, key, account, parent) if key is not None else None
    audit.record(db, audit.SIGN_IN, db.account)
    township.ensure_sealed(db)  # a township trusted since the last start gets its sealed copy
    backups.automatic_backup(db)
    return db


def run_first_run(db: Database, parent: QWidget | None) -> bool:
    from fieldworker.ui.first_run import FirstRunDialog

    key = db.key
    return bool(FirstRunDialog(db.path, parent, open_db=lambda path: Database.open(path, key=key)).exec())
