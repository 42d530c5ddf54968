
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from fieldworker.services import roster
from fieldworker.ui.roster.person_dialog import PersonDialog
from fieldworker.ui.roster.person_model import COLUMNS, PersonTableModel

GOOD_ID = "330521195203150016"


def roster_tab(window):
    return window.tab("roster")


def column(name):
    return [c[0] for c in COLUMNS].index(name)


def test_main_window_has_the_four_work_tabs_in_chinese(main_window):
    titles = [main_window.tabs.tabText(i) for i in range(main_window.tabs.count())]
    assert titles[:4] == ["户籍档案", "动态更新调查", "无障碍改造", "辅助器具"]


def test_model_shows_every_person_with_decoded_codes(qtbot, demo_db):
    model = PersonTableModel(demo_db)
    model.reload()
    assert model.rowCount() == len(roster.person_ids(demo_db, roster.PersonFilter()))
    ids = roster.person_ids(demo_db, roster.PersonFilter())
    first = roster.person_rows(demo_db, ids[:1])[ids[0]]
    row = model.row_of(first.id)
    assert model.data(model.index(row, column("name"))) == first.name
    assert model.data(model.index(row, column("category"))).endswith("残疾")
    assert model.headerData(column("id_number"), Qt.Orientation.Horizontal) == "身份证号"


def test_sorting_by_age_goes_through_sql(qtbot, demo_db):
    model = PersonTableModel(demo_db)
    model.reload()
    model.sort(column("birth_date"), Qt.SortOrder.DescendingOrder)
    ages = [model.data(model.index(r, column("birth_date"))) for r in range(model.rowCount())]
    assert ages == sorted(ages)  # descending birth date = ascending age
    model.sort(column("birth_date"), Qt.SortOrder.AscendingOrder)
    ages = [model.data(model.index(r, column("birth_date"))) for r in range(model.rowCount())]
    assert ages == sorted(ages, reverse=True)


def test_typing_pinyin_initials_in_the_search_box_filters_the_table(qtbot, main_window):
    tab = roster_tab(main_window)
    target = roster.person_rows(tab.db, roster.person_ids(tab.db, roster.PersonFilter()))
    some = next(iter(target.values()))
    initials = some.__getattribute__("name")
    from fieldworker.domain.pinyin import search_key
    token = search_key(initials).split()[1]  # the initials token
    tab.search.setFocus()
    qtbot.keyClicks(tab.search, token)
    qtbot.waitUntil(lambda: tab.persons_model.filter.text == token, timeout=2000)
    shown = {tab.persons_model.person_id(r) for r in range(tab.persons_model.rowCount())}
    assert some.id in shown
    assert 0 < len(shown) < len(target)
    assert "共显示" in tab.status.text()


def test_filters_combine(qtbot, main_window):
    tab = roster_tab(main_window)
    tab.category_filter.set_code("4")
    tab.care_filter.setCurrentIndex(tab.care_filter.findData(True))
    rows = roster.person_rows(tab.db, [tab.persons_model.person_id(r) for r in range(tab.persons_model.rowCount())])
    assert rows and all(r.category == "4" and r.care_subsidy for r in rows.values())


def test_edit_dialog_rejects_a_bad_id_and_keeps_the_dialog_open(qtbot, db):
    dialog = PersonDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.insert("张三")  # Chinese arrives committed from the IME, not as key presses
    qtbot.keyClicks(dialog.id_number, GOOD_ID[:-1] + "3")
    dialog.category.set_code("4")
    dialog.grade.set_code("2")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    error = dialog.findChild(type(dialog.warning), "error_id_number")
    assert error.isVisible() and "校验位" in error.text()
    assert roster.person_ids(db, roster.PersonFilter()) == []
    assert dialog.derived.text() == ""


def test_edit_dialog_saves_a_good_person_and_shows_derived_fields(qtbot, db):
    dialog = PersonDialog(db)
    qtbot.addWidget(dialog)
    dialog.name.insert("张三")  # Chinese arrives committed from the IME, not as key presses
    qtbot.keyClicks(dialog.id_number, GOOD_ID)
    assert "1952-03-15" in dialog.derived.text() and "男" in dialog.derived.text()
    dialog.category.set_code("4")
    dialog.grade.set_code("2")
    dialog.care_subsidy.setChecked(True)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    person = roster.get_person(db, dialog.saved_id)
    assert person.card_number == GOOD_ID + "42" and person.care_subsidy


def test_keyboard_only_add_person(qtbot, main_window):
    """Ctrl+N opens the dialog; typing and Tab fill it; Enter saves."""
    tab = roster_tab(main_window)
    before = tab.persons_model.rowCount()
    done = []

    def fill_dialog():
        dialog = tab.findChild(PersonDialog)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(50, fill_dialog)
            return
        try:
            dialog.name.insert("欧阳修")  # committed IME text
            qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is dialog.id_number
            qtbot.keyClicks(dialog.id_number, "11010519491231002X")
            qtbot.keyClick(dialog.id_number, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is dialog.category
            qtbot.keyClick(dialog.category, Qt.Key.Key_Down)
            qtbot.keyClick(dialog.id_number, Qt.Key.Key_Return)
        finally:
            done.append(dialog.result())
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(100, fill_dialog)
    tab.persons_view.setFocus()
    qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [QDialog.DialogCode.Accepted]
    assert tab.persons_model.rowCount() == before + 1
    assert roster.person_ids(tab.db, roster.PersonFilter(text="oyx"))


def test_delete_then_undo_from_history(qtbot, main_window, monkeypatch):
    tab = roster_tab(main_window)
    person_id = tab.selected_person()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.delete_person()
    assert tab.persons_model.row_of(person_id) == -1
    tab.deleted_filter.setChecked(True)
    assert tab.persons_model.row_of(person_id) >= 0
    tab.deleted_filter.setChecked(False)

    from fieldworker.ui.roster.history_dialog import HistoryDialog
    dialog = HistoryDialog(tab.db)
    qtbot.addWidget(dialog)
    dialog.view.selectRow(0)
    assert dialog.undo_button.isEnabled()
    dialog.undo_selected()
    tab.refresh()
    assert tab.persons_model.row_of(person_id) >= 0


def test_household_view_lists_members(qtbot, main_window):
    tab = roster_tab(main_window)
    tab.views.setCurrentIndex(1)
    proxy = tab.households_proxy
    for row in range(proxy.rowCount()):
        tab.households_view.setCurrentIndex(proxy.index(row, 0))
        household_id = tab.selected_household()
        expected = roster.person_ids(tab.db, roster.PersonFilter(household_id=household_id))
        if len(expected) >= 1:
            break
    shown = {tab.members_model.person_id(r) for r in range(tab.members_model.rowCount())}
    assert shown == set(expected) and shown


def test_font_scaling_shortcut_changes_and_remembers_size(qtbot, main_window):
    before = main_window.font().pointSize()
    qtbot.keyClick(main_window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert main_window.font().pointSize() == before + 1
    assert main_window.db.get_setting("ui.font_point_size") == before + 1


def test_inputs_have_accessible_names(qtbot, db):
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit
    dialog = PersonDialog(db)
    qtbot.addWidget(dialog)
    for widget in dialog.findChildren(QLineEdit) + dialog.findChildren(QComboBox) + dialog.findChildren(QCheckBox):
        internal = widget.objectName().startswith("qt_") or isinstance(widget.parent(), QComboBox)
        if widget.isVisibleTo(dialog) and not internal:
            assert widget.accessibleName(), widget


def test_bundled_font_has_chinese_glyphs(qapp):
    from PySide6.QtGui import QFontMetrics
    metrics = QFontMetrics(QApplication.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "户籍档案张三残疾")




def test_qt_standard_buttons_are_in_chinese(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Close).text().startswith("关闭")


def test_person_links_to_their_device_requests(qtbot, main_window):
    from sqlalchemy import select

    from fieldworker.requests.models import Request
    tab = roster_tab(main_window)
    with tab.db.session() as s:
        person_id = s.scalar(select(Request.person_id).where(Request.kind == "device", Request.deleted.is_(False)))
    tab._select(person_id)
    assert tab.selected_person() == person_id
    tab.device_button.click()
    devices = main_window.tab("devices")
    assert main_window.tabs.currentWidget() is devices
    assert devices.subject_label.isVisibleTo(devices)
    assert roster.get_person(tab.db, person_id).name in devices.subject_label.text()
