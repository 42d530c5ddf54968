"""The GUI side of data safety, driven by keyboard and mouse on real widgets (offscreen)."""

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox

from fieldworker.security import audit, backups, crypto, passwords, vault
from fieldworker.store.models import Person
from fieldworker.ui.main_window import MainWindow
from fieldworker.ui.security.actions import install_security
from fieldworker.ui.security.audit_view import AuditDialog
from fieldworker.ui.security.password_dialogs import RecoveryDialog, SetPasswordDialog, SignInDialog
from fieldworker.ui.security.startup import open_database

PASSWORD, ACCOUNT = "Cunwei-Secret-2026", "王主任"


@pytest.fixture
def secured_window(qtbot, secure_db):
    window = MainWindow(secure_db)
    qtbot.addWidget(window)
    guard = install_security(window, secure_db)
    window.show()
    qtbot.waitExposed(window)
    yield window, guard
    guard.idle_lock.detach()


def visible_texts() -> str:
    """Everything a person could read on screen right now."""
    out = []
    for widget in QApplication.allWidgets():
        if not widget.isVisible() or widget.window().windowOpacity() == 0.0:
            continue
        if isinstance(widget, (QLabel, QLineEdit)):
            out.append(widget.text())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(min(model.rowCount(), 200)):
                for col in range(model.columnCount()):
                    out.append(str(model.index(row, col).data() or ""))
    return "\n".join(out)


def test_ctrl_l_hides_all_personal_data_until_the_password_is_given(qtbot, secured_window, person):
    window, guard = secured_window
    assert person.name in visible_texts()
    side = QDialog(window)  # an open dialog showing a record must vanish too
    side.setLayout(None)
    label = QLabel(person.id_number, side)
    side.show()
    qtbot.waitExposed(side)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert guard.idle_lock.locked
    shown = visible_texts()
    assert person.name not in shown and person.id_number not in shown
    assert not window.tabs.isVisible() and not side.isVisible() and not window.menuBar().isEnabled()

    screen = guard.idle_lock.screen
    qtbot.keyClicks(screen.password, "wrong-password-1")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert guard.idle_lock.locked and "密码错误" in screen.error.text()
    qtbot.keyClicks(screen.password, PASSWORD)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert not guard.idle_lock.locked
    assert window.centralWidget() is window.tabs and side.isVisible() and label.text() == person.id_number
    actions = [r.action for r in audit.query(guard.db, limit=3)]
    assert actions == [audit.UNLOCK, audit.SIGN_IN_FAILED, audit.LOCK]


def test_the_window_locks_itself_after_the_idle_time(qtbot, secured_window):
    window, guard = secured_window
    guard.idle_lock.set_idle_minutes(0.002)  # about 120 ms
    qtbot.waitUntil(lambda: guard.idle_lock.locked, timeout=3000)
    assert guard.idle_lock.screen.isVisible() and window.centralWidget() is not window.tabs


def test_sign_in_refuses_wrong_passwords_and_slows_down(qtbot, secure_db, db_path):
    secure_db.close()
    dialog = SignInDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.findChild(QLabel, "demoHint") is None  # only demo databases mention the demo password
    for attempt in range(3):
        dialog.password.setText(f"Wrong-password-{attempt}")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.db is None and "等待" in dialog.error.text() and not dialog.ok.isEnabled()
    dialog.throttle.succeeded()  # the wait is over
    dialog._update_wait()
    dialog.password.setText(PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.db.account == ACCOUNT
    dialog.db.close()


def test_the_demo_database_sign_in_mentions_the_demo_password(qtbot, db_path):
    vault.create(db_path, account="演示", password=passwords.DEMO_PASSWORD, demo=True).db.close()
    dialog = SignInDialog(db_path)
    qtbot.addWidget(dialog)
    assert passwords.DEMO_PASSWORD in dialog.findChild(QLabel, "demoHint").text()


def test_choosing_a_password_explains_the_rules_in_chinese(qtbot):
    dialog = SetPasswordDialog(intro="…")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.password, "12345678")
    assert "至少需要" in dialog.rules.text() and not ok.isEnabled()
    dialog.password.setText("Village-Safe-88")
    qtbot.keyClicks(dialog.confirm, "Village-Safe-8")
    assert "不一致" in dialog.rules.text() and not ok.isEnabled()
    qtbot.keyClicks(dialog.confirm, "8")
    assert ok.isEnabled() and dialog.values() == ("管理员", "Village-Safe-88")


def test_forgotten_password_recovered_in_the_dialog(qtbot, secure_setup, db_path):
    secure_setup.db.close()
    dialog = RecoveryDialog(db_path, account=ACCOUNT)
    qtbot.addWidget(dialog)
    dialog.recovery_key.setText(crypto.new_recovery_key())
    dialog.new_password.setText("After-Recovery-5")
    dialog.accept()
    assert dialog.db is None and "恢复密钥不正确" in dialog.error.text()
    dialog.recovery_key.setText(secure_setup.recovery_key)
    dialog.accept()
    assert dialog.db is not None
    dialog.db.close()
    vault.sign_in(db_path, password="After-Recovery-5").close()


def test_activity_log_view_filters_by_person_and_exports(qtbot, secure_db, person, tmp_path):
    audit.record(secure_db, audit.VIEW, person.id, "打开人员档案")
    audit.record(secure_db, audit.PRINT, "花名册", "全村")
    dialog = AuditDialog(secure_db)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() >= 3  # sign-up, view, print
    dialog.person.setText(person.name)  # (QTest cannot type Chinese characters)
    qtbot.keyClick(dialog.person, Qt.Key.Key_Return)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 2).data() == "查看" and dialog.model.index(0, 3).data() == person.name
    out = tmp_path / "log.csv"
    assert dialog.export(out) == 1 and person.name in out.read_text(encoding="utf-8-sig")


def test_restore_from_backup_reopens_on_the_restored_data(qtbot, secured_window, person, tmp_path):
    window, guard = secured_window
    backup = backups.backup_to_folder(guard.db, tmp_path / "usb")
    with guard.db.session() as s:
        s.get(Person, person.id).name = "备份之后改的"
    assert guard.request_restore(backup, confirm=False)
    qtbot.waitUntil(lambda: not window.isVisible())
    db = guard.after_close()
    with db.session() as s:
        assert s.get(Person, person.id).name == person.name
    assert audit.query(db, limit=1)[0].action == audit.RESTORE
    db.close()


def test_a_damaged_database_at_start_offers_the_latest_good_backup(qtbot, secure_db, db_path, monkeypatch):
    good = backups.automatic_backup(secure_db)
    with secure_db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    secure_db.close()
    data = bytearray(db_path.read_bytes())
    data[5 * 4096 + 50:5 * 4096 + 150] = os.urandom(100)
    db_path.write_bytes(bytes(data))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or
                        QMessageBox.StandardButton.Yes)
    from fieldworker.ui.security import startup
    monkeypatch.setattr(startup, "sign_in", lambda path, parent: vault.sign_in(path, password=PASSWORD, record=False))
    db = open_database(db_path)
    assert asked and good.name in asked[0] and "损坏" in asked[0]
    assert backups.check_file(db_path, db.key).ok
    replaced = list((db_path.parent / "backups" / "replaced").glob("*.db"))
    assert len(replaced) == 1 and replaced[0].read_bytes() == bytes(data)
    db.close()


def test_opening_a_person_record_in_the_roster_is_recorded(qtbot, secured_window, person):
    from PySide6.QtCore import QTimer

    window, guard = secured_window
    tab = window.tab("roster")
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    tab.edit_person(person.id)
    entry = audit.query(guard.db, audit.AuditFilter(person=person.name), limit=1)[0]
    assert (entry.action, entry.account, entry.person_name) == (audit.VIEW, ACCOUNT, person.name)


def test_first_sign_in_encrypts_a_plain_database_and_prints_the_recovery_sheet(qtbot, db_path, tmp_path):
    import shutil
    import subprocess

    from PySide6.QtCore import QTimer

    from fieldworker.services import demo
    from fieldworker.store.engine import Database, is_encrypted_database
    from fieldworker.ui.security.recovery_key_dialog import RecoveryKeyDialog

    plain = Database.open(db_path)
    demo.generate(plain, persons=8, seed=4)
    plain.close()
    sheet = tmp_path / "sheet.pdf"
    seen = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, SetPasswordDialog):
            seen.append("password")
            dialog.account.setText("村委")
            dialog.password.setText("First-Sign-In-9")
            dialog.confirm.setText("First-Sign-In-9")
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        elif isinstance(dialog, RecoveryKeyDialog):
            seen.append(dialog.recovery_key)
            dialog.save_sheet(sheet, open_after=False)
            dialog.reject()  # Escape is ignored until the key is marked as kept
            assert dialog.isVisible()
            dialog.kept.setChecked(True)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
            return
        QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    db = open_database(db_path)
    assert seen[0] == "password" and is_encrypted_database(db_path) and db.account == "村委"
    text = subprocess.run(["pdftotext", str(sheet), "-"], capture_output=True, text=True, check=True).stdout
    assert seen[1] in text and "恢复密钥" in text
    if shutil.which("zbarimg"):  # the QR code decodes to the same key
        subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", str(sheet), str(tmp_path / "sheet")], check=True)
        qr = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "sheet.png")], capture_output=True, text=True)
        assert qr.stdout.strip() == "FIELDWORKER-RECOVERY:" + seen[1]
    db.close()
    vault.recover_with_recovery_key(db_path, recovery_key=seen[1], account="村委", new_password="Second-Pass-77").close()


def test_a_dialog_in_the_middle_of_an_edit_survives_the_lock(qtbot, secured_window, person):
    from PySide6.QtCore import QTimer

    window, guard = secured_window
    edit = QDialog(window)
    field = QLineEdit(person.name, edit)
    outcome = []

    def lock_then_unlock() -> None:
        guard.idle_lock.lock()
        assert edit.isVisible() and edit.windowOpacity() == 0.0 and not edit.isEnabled()
        assert person.name not in visible_texts()
        assert QApplication.activeModalWidget() is guard.idle_lock.screen  # the password prompt is on top
        guard.idle_lock.screen.password.setText(PASSWORD)
        guard.idle_lock.screen.unlock_button.click()
        assert edit.windowOpacity() == 1.0 and edit.isEnabled() and field.text() == person.name
        outcome.append("unlocked")
        edit.accept()

    QTimer.singleShot(50, lock_then_unlock)
    assert edit.exec() == QDialog.DialogCode.Accepted  # the edit was not cancelled by the lock
    assert outcome == ["unlocked"]
