"""The 数据交换 menu driven as a person would: export, drop a folder to import, keys, conflicts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from fieldworker.exchange import conflicts, export, keys, merge
from fieldworker.store.models import Person
from fieldworker.ui.app import install_font, install_translator

from .helpers import first_person_id, persons, send
from .conftest import make_installation


@pytest.fixture(autouse=True)
def _chinese(qapp):
    install_font(qapp)
    install_translator(qapp)


def window_for(qtbot, db):
    from fieldworker.ui.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    return window


def test_menu_is_there_in_chinese(qtbot, township):
    window = window_for(qtbot, township)
    menu = window.exchange_menu.menu
    assert menu.title().replace("&", "").startswith("数据交换")
    assert [a.objectName() for a in menu.actions()] == [
        "exchange_export", "exchange_import", "exchange_keys", "exchange_history", "exchange_conflicts"]
    assert window.exchange_menu.actions["export"].shortcut().toString() == "Ctrl+Shift+E"


def test_export_then_drop_a_folder_on_the_township_import(qtbot, village, township, usb):
    village_window = window_for(qtbot, village)
    village_window.exchange_menu.export_to_folder(folder=str(usb))
    qtbot.waitUntil(lambda: bool(list(usb.glob("*.fwpkg"))), timeout=20000)
    qtbot.waitUntil(lambda: hasattr(village_window.exchange_menu, "message"), timeout=20000)
    village_window.exchange_menu.message.close()

    window = window_for(qtbot, township)
    dialog = window.exchange_menu.open_import()
    qtbot.addWidget(dialog)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(usb))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    dialog.dropEvent(drop)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=20000)
    regions = {dialog.model.index(r, 2).data() for r in range(dialog.model.rowCount())}
    assert "330521100201" in regions
    assert persons(township) == {}  # the preview changed nothing
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    assert dialog.report.outcomes[0].status == "merged"
    assert persons(township) == persons(village)
    assert "已导入" in dialog.model.index(0, 7).data()


def test_keys_dialog_shows_fingerprints_and_trusts_after_comparison(qtbot, township, tmp_path):
    window = window_for(qtbot, township)
    dialog = window.exchange_menu.open_keys()
    qtbot.addWidget(dialog)
    assert keys.show_fingerprint(keys.public_card(township).fingerprint) in dialog.own.text()
    assert dialog.model.rowCount() == 0
    newcomer = make_installation(tmp_path, "南湖村", "village", "330521100203")
    card_path = keys.export_card(newcomer, tmp_path)
    assert dialog.trust_path(card_path, typed=keys.show_fingerprint(keys.public_card(newcomer).fingerprint))
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data() == "330521100203"
    newcomer.close()


def test_conflict_is_resolved_in_the_list(qtbot, village, township, usb):
    send(village, township, usb)
    send(township, village, usb)
    pid = first_person_id(village)
    for db, phone in ((village, "13800000001"), (township, "13800000002")):
        with db.session() as s:
            s.get(Person, pid).phone = phone
    send(village, township, usb)
    window = window_for(qtbot, township)
    assert "(1)" in window.exchange_menu.actions["conflicts"].text()
    dialog = window.exchange_menu.open_conflicts()
    qtbot.addWidget(dialog)
    assert dialog.conflict_model.rowCount() == 1
    assert dialog.candidates.count() == 2
    values = [dialog.candidates.item(i).text() for i in range(2)]
    dialog.candidates.setCurrentRow(values.index("13800000001"))
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert dialog.conflict_model.rowCount() == 0
    assert conflicts.list_conflicts(township) == []
    assert persons(township)[pid]["phone"] == "13800000001"
    dialog.close()
    qtbot.waitUntil(lambda: "(1)" not in window.exchange_menu.actions["conflicts"].text())
