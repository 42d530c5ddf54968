"""The 无障碍改造 and 辅助器具 tabs driven like a user would, on real databases (pytest-qt, offscreen)."""

from __future__ import annotations

import subprocess

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QPlainTextEdit
from sqlalchemy import select

from fieldworker.requests import queries
from fieldworker.store.models import Household
from fieldworker.ui.requests.tab import RequestsTab


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _visible_actions(tab: RequestsTab) -> set[str]:
    return {action for action, button in tab.transition_buttons.items() if not button.isHidden()}


def test_both_tabs_replace_their_placeholders_and_list_demo_requests(main_window):
    renovation, devices = main_window.tab("renovation"), main_window.tab("devices")
    assert isinstance(renovation, RequestsTab) and isinstance(devices, RequestsTab)
    assert renovation.model.rowCount() == len(queries.list_requests(main_window.db, "renovation")) >= 16
    assert "超期" in renovation.status.text()
    assert devices.pages.count() == 2 and devices.loans.model.rowCount() == 3


def test_filters_by_stage_overdue_and_text(qtbot, main_window):
    tab = main_window.tab("renovation")
    total = tab.model.rowCount()
    tab.stage_filter.setCurrentIndex(tab.stage_filter.findData("approved"))
    assert tab.model.rowCount() == 3 and {r.stage for r in tab.model._rows} == {"approved"}
    tab.overdue_filter.setChecked(True)
    assert tab.model.rowCount() == 1 and tab.model._rows[0].overdue
    tab.stage_filter.setCurrentIndex(0)
    tab.overdue_filter.setChecked(False)
    tab.open_filter.setChecked(True)
    assert tab.model.rowCount() == total - 4  # 3 done + 1 cancelled
    tab.open_filter.setChecked(False)
    number = tab.model._rows[0].number
    qtbot.keyClicks(tab.search, number)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.model._rows[0].number == number


def test_only_legal_actions_are_offered(main_window):
    tab = main_window.tab("renovation")
    expected = {"found": {"apply", "cancel"}, "applied": {"assess", "return", "cancel"},
                "assessed": {"record_approval", "return", "cancel"}, "building": {"accept", "return", "cancel"},
                "done": set(), "cancelled": set()}
    assert "approve" not in tab.transition_buttons  # a village installation never sees the township's action
    for stage, actions in expected.items():
        tab.select(next(r.id for r in tab.model._rows if r.stage == stage))
        assert _visible_actions(tab) == actions, stage
        assert tab.items_button.isEnabled() == (stage in ("found", "applied", "assessed"))


def test_renovation_from_registration_to_assessment_in_the_gui(qtbot, main_window, tmp_path):
    tab = main_window.tab("renovation")
    main_window.tabs.setCurrentWidget(tab)
    with main_window.db.session() as s:
        household = s.scalars(select(Household).order_by(Household.address)).first()
    before = tab.model.rowCount()
    dialog = tab.new_request()
    dialog.subject.setCurrentIndex(dialog.subject.findData(household.id))
    dialog.need.setPlainText("卫生间无扶手，起身困难")
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.model.rowCount() == before + 1)
    request_id = tab.current_id()
    assert tab.model.row_at(tab.model.row_of(request_id)).stage == "found"
    assert "卫生间无扶手" in tab.detail.text.toPlainText()

    items = tab.edit_items()
    items.rows[0].code.setCurrentIndex(items.rows[0].code.findData("R06"))
    items.rows[0].quantity.setValue(2)
    items.rows[0].cost.setValue(350)
    qtbot.mouseClick(items.add_button, Qt.MouseButton.LeftButton)
    items.rows[1].code.setCurrentIndex(items.rows[1].code.findData("R08"))
    items.rows[1].cost.setValue(40)
    items.rows[1].quantity.setValue(5)
    assert "900.00" in items.total.text()
    _ok(qtbot, items)
    qtbot.waitUntil(lambda: queries.request_detail(main_window.db, request_id).row.estimated_fen == 90000)

    apply = tab.start_transition("apply")
    applicant = apply.findChild(QLineEdit, "applicant")
    applicant.clear()
    _ok(qtbot, apply)
    assert apply.isVisible() and "请填写申请人" in apply.error.text()  # refused inline, nothing lost
    applicant.insert("王芳")  # QTest types ASCII only; an input method would insert the text like this
    _ok(qtbot, apply)
    qtbot.waitUntil(lambda: not apply.isVisible())
    assert _visible_actions(tab) == {"assess", "return", "cancel"}

    assess = tab.start_transition("assess")
    assess.findChild(QLineEdit, "assessor").setText("李敏")
    _ok(qtbot, assess)
    assert "改造前照片" in assess.error.text()
    assess.reject()
    photo = tmp_path / "door.jpg"
    Image.new("RGB", (80, 60), "brown").save(photo)
    assert tab.add_photo(phase="before", path=str(photo))
    assert tab.detail.photos.count() == 1 and not tab.detail.photos.item(0).icon().isNull()
    assess = tab.start_transition("assess")
    assess.findChild(QLineEdit, "assessor").setText("李敏")
    _ok(qtbot, assess)
    qtbot.waitUntil(lambda: not assess.isVisible())
    detail = queries.request_detail(main_window.db, request_id)
    assert detail.row.stage == "assessed" and [e["action"] for e in detail.events] == ["register", "apply", "assess"]
    assert "登记入户评估" in tab.detail.text.toPlainText() and "李敏" in tab.detail.text.toPlainText()


def test_return_needs_a_reason_typed_in_the_dialog(qtbot, main_window):
    tab = main_window.tab("devices")
    tab.select(next(r.id for r in tab.model._rows if r.stage == "approved"))
    request_id = tab.current_id()
    dialog = tab.start_transition("return")
    _ok(qtbot, dialog)
    assert "须填写原因" in dialog.error.text()
    dialog.findChild(QPlainTextEdit, "note").insertPlainText("型号需重新核价")
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert queries.request_detail(main_window.db, request_id).row.stage == "applied"
    assert "型号需重新核价" in tab.detail.text.toPlainText()


def test_a_wrong_photo_is_refused_with_a_message(qtbot, main_window, tmp_path, monkeypatch):
    from fieldworker.ui.requests import tab as tab_module

    shown = []
    monkeypatch.setattr(tab_module, "show_error", lambda parent, exc, trace="": shown.append(str(exc)))
    tab = main_window.tab("renovation")
    gif = tmp_path / "x.gif"
    Image.new("RGB", (10, 10)).save(gif, "GIF")
    assert not tab.add_photo(phase="before", path=str(gif))
    assert shown and "JPEG 或 PNG" in shown[0]


def test_batch_save_as_pdf_from_the_selection(qtbot, main_window, tmp_path):
    tab = main_window.tab("devices")
    tab.stage_filter.setCurrentIndex(tab.stage_filter.findData("issued"))
    tab.view.selectAll()
    assert len(tab.selected_ids()) == 3
    out = tmp_path / "receipts.pdf"
    tab.save_pdf("receipt", str(out))
    qtbot.waitUntil(lambda: out.exists() and "已保存" in tab.status.text(), timeout=20000)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           3" in info
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert text.count("残疾人辅助器具发放签收单") == 3


def test_lending_point_lend_and_take_back(qtbot, main_window):
    panel = main_window.tab("devices").loans
    open_before = sum(1 for r in panel.model.rows if r.returned_on is None)
    dialog = panel.lend()
    assert dialog.findChild(QComboBox, "device").count() == 3  # 5 shared devices, 2 out on loan
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert sum(1 for r in panel.model.rows if r.returned_on is None) == open_before + 1
    panel.view.selectRow(0)
    back = panel.take_back()
    _ok(qtbot, back)
    qtbot.waitUntil(lambda: not back.isVisible())
    assert sum(1 for r in panel.model.rows if r.returned_on is None) == open_before
    assert "可借" in panel.summary.text()


def test_photo_thumbnails_render_from_stored_bytes(main_window):
    tab = main_window.tab("renovation")
    tab.select(next(r.id for r in tab.model._rows if r.stage == "done"))
    assert tab.detail.photos.count() == 2
    icon = tab.detail.photos.item(0).icon()
    image = icon.pixmap(120, 120).toImage()
    assert image.width() > 0 and len({image.pixel(x, 60) for x in range(0, image.width(), 10)}) > 1


def test_subject_view_and_photo_removal(qtbot, main_window):
    tab = main_window.tab("renovation")
    row = next(r for r in tab.model._rows if r.stage == "done")
    household_id = queries.request_detail(main_window.db, row.id).household["id"]
    tab.show_subject(household_id=household_id, name=row.subject)
    assert [r.id for r in tab.model._rows] == [row.id] and not tab.subject_label.isHidden()
    tab.detail.photos.setCurrentRow(0)
    qtbot.mouseClick(tab.detail.remove_photo_button, Qt.MouseButton.LeftButton)
    assert tab.detail.photos.count() == 1 and len(queries.request_detail(main_window.db, row.id).photos) == 1
    qtbot.mouseClick(tab.subject_clear, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() > 1 and tab.subject_label.isHidden()


def test_a_township_installation_approves_instead_of_recording(qtbot, demo_db):
    demo_db.set_setting("role", "township")
    tab = RequestsTab(demo_db, "renovation")
    qtbot.addWidget(tab)
    assert "approve" in tab.transition_buttons and "record_approval" not in tab.transition_buttons
    tab.select(next(r.id for r in tab.model._rows if r.stage == "assessed"))
    assert _visible_actions(tab) == {"approve", "return", "cancel"}
    dialog = tab.start_transition("approve")
    dialog.findChild(QLineEdit, "approval_ref").setText("德残联〔2026〕9号")
    dialog.findChild(QLineEdit, "approved_amount").setText("100000")
    _ok(qtbot, dialog)
    assert "超过每户补助上限" in dialog.error.text()
    dialog.findChild(QLineEdit, "approved_amount").setText("1000")
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert queries.request_detail(demo_db, tab.current_id()).row.stage == "approved"


def test_steps_are_reachable_with_ctrl_digits(qtbot, main_window):
    tab = main_window.tab("renovation")
    main_window.tabs.setCurrentWidget(tab)
    main_window.activateWindow()
    tab.select(next(r.id for r in tab.model._rows if r.stage == "found"))
    assert tab.transition_buttons["apply"].shortcut().toString() == "Ctrl+1"
    assert tab.transition_buttons["cancel"].shortcut().toString() == "Ctrl+2"
    assert tab.transition_buttons["assess"].shortcut().isEmpty()


def test_cap_set_from_the_tab_is_the_setting_the_checks_use(main_window):
    from fieldworker.requests import checks

    tab = main_window.tab("renovation")
    tab.set_cap(6500)
    assert checks.cap_fen(main_window.db, tab.workflow) == 650000 and "6,500.00" in tab.status.text()
