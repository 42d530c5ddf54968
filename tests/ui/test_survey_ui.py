"""The survey tab and form with real widgets (offscreen): rendering, skip logic, keyboard-only filling."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from fieldworker.domain import ids
from fieldworker.services import installation, roster
from fieldworker.services.validation import HouseholdInput, PersonInput
from fieldworker.survey import printing, queries, service
from fieldworker.survey.models import COMPLETED, DRAFT
from fieldworker.ui.survey.dialog import SurveyDialog
from fieldworker.ui.survey.fields import ChoiceField, LineField
from fieldworker.ui.survey.qt_print import paint_pages, prepare
from fieldworker.ui.survey.tab import SurveyTab

TODAY = dt.date(2026, 11, 23)
BODY = "33052119790512001"
ID_NUMBER = BODY + ids.check_character(BODY)
VILLAGE = {"region_code": "330521100201", "name": "城西村", "township_name": "武康街道", "county_name": "德清县"}

# What the worker keys in for the 2022 edition, item by item (codes for choices).
KEYED = {
    "survey_status": ["6"], "marital": ["2", "0"], "in_institution": ["2"], "housing": ["1"],
    "education_level": ["3"], "employed": ["2"], "livelihood": ["4"], "employment_needs": ["6"],
    "worker_insurance": ["4"], "medical_insurance": ["1"], "medical_subsidy": ["2"], "social_assistance": ["6"],
    "welfare_subsidy": [],  # pre-filled 2 (护理补贴) from the record: left as it is
    "care_needs": ["5"], "elderly_dependant": ["2"], "family_doctor_signed": ["1"],
    "rehab_received": ["2"], "rehab_needs": ["6"], "renovated": ["2"], "renovation_needs": ["9"],
    "culture_sports": ["1"], "income_members": "3", "income_total": "42000",
}


def type_chinese(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Chinese reaches a widget from the input method as a committed string (QTest keys are ASCII only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def village(db_path):  # type: ignore[no-untyped-def]
    from fieldworker.store.engine import Database

    db = Database.open(db_path)
    installation.initialise(db, role="village", **VILLAGE)
    household = roster.add_household(db, HouseholdInput(head_name="王建国", head_id_number=ID_NUMBER,
                                                        address="一组12号", members_count=3))
    person = roster.add_person(db, PersonInput(name="王建国", id_number=ID_NUMBER, category="4", grade="1",
                                               household_id=household.record_id, phone="13912345678",
                                               medical_insurance="1", care_subsidy=True), today=TODAY)
    yield db, person.record_id
    db.close()


def test_form_is_rendered_from_the_definition(qtbot, village) -> None:  # type: ignore[no-untyped-def]
    db, person_id = village
    dialog = SurveyDialog(db, person_id, 2026, today=TODAY)
    qtbot.addWidget(dialog)
    form = dialog.ctx.form
    assert list(dialog.form.rows) == [q.id for q in form.questions()]
    for question in form.questions():
        field = dialog.form.rows[question.id].field
        assert isinstance(field, ChoiceField if question.is_choice else LineField)
        assert field.accessibleName() == question.title
        if question.is_choice:
            assert list(field.buttons) == [c.code for c in question.choices]
    # Pre-filled from the person record.
    assert dialog.form.rows["person_name"].field.value() == "王建国"
    assert dialog.form.rows["welfare_subsidy"].field.value() == ["2"]


def test_skip_logic_and_inline_messages_update_live(qtbot, village) -> None:  # type: ignore[no-untyped-def]
    db, person_id = village
    dialog = SurveyDialog(db, person_id, 2026, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    rows = dialog.form.rows
    status = rows["survey_status"].field
    qtbot.keyClick(status, Qt.Key.Key_1)
    assert not rows["marital"].isVisible() and rows["lost_note"].isVisible()
    qtbot.keyClick(status, Qt.Key.Key_6)
    assert rows["marital"].isVisible() and not rows["lost_note"].isVisible()
    assert not rows["employed"].isVisible()  # R6 (in an institution) not answered yet: 就业 hidden
    qtbot.keyClick(rows["in_institution"].field, Qt.Key.Key_2)
    assert rows["employed"].isVisible()
    phone = rows["contact_phone"].field
    phone.clear()
    qtbot.keyClicks(phone, "12")
    assert rows["contact_phone"].message.isVisible()
    assert rows["contact_phone"].message.text() == "电话号码应为7–20位"
    qtbot.keyClicks(phone, "34567")
    assert not rows["contact_phone"].message.isVisible()
    # An exclusive "无" clears the other ticks.
    assistance = rows["social_assistance"].field
    qtbot.keyClick(assistance, Qt.Key.Key_1)
    qtbot.keyClick(assistance, Qt.Key.Key_3)
    assert assistance.value() == ["1", "3"]
    qtbot.keyClick(assistance, Qt.Key.Key_6)
    assert assistance.value() == ["6"]


def test_whole_form_filled_and_completed_by_keyboard_alone(qtbot, village) -> None:  # type: ignore[no-untyped-def]
    db, person_id = village
    dialog = SurveyDialog(db, person_id, 2026, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):  # shortcuts (Ctrl+Return) need the window active
        dialog.activateWindow()
    dialog.surveyor.setFocus()
    type_chinese(dialog.surveyor, "李红梅")
    dialog.form.rows["survey_status"].field.setFocus()
    seen = []
    for _step in range(80):
        widget = dialog.focusWidget()
        if not isinstance(widget, (ChoiceField, LineField)):
            break
        qid = widget.question.id
        if qid in seen:
            break
        seen.append(qid)
        keys = KEYED.get(qid)
        if isinstance(widget, ChoiceField) and keys:
            for key in keys:
                qtbot.keyClicks(widget, key)
        elif isinstance(widget, LineField) and keys:
            widget.selectAll()
            qtbot.keyClicks(widget, keys)
        qtbot.keyClick(widget, Qt.Key.Key_Return)  # Enter moves to the next item, like Tab
    assert {"survey_status", "marital", "employed", "income_total", "household_head_id"} <= set(seen)
    assert "lost_note" not in seen and "renovation_items" not in seen  # skipped items are not focus stops
    assert dialog.form.rows["marital"].field.value() == "20"  # two quick digits pick code 20
    with qtbot.waitSignal(dialog.accepted, timeout=3000):
        qtbot.keyClick(dialog.form.rows["income_total"].field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    record = service.open_survey(db, person_id, 2026)
    assert record.status == COMPLETED and record.surveyor == "李红梅" and record.answers["welfare_subsidy"] == ["2"]
    assert record.answers["marital"] == "20" and record.answers["income_total"] == 42000


def test_complete_refused_shows_problems_and_draft_saves(qtbot, village) -> None:  # type: ignore[no-untyped-def]
    db, person_id = village
    dialog = SurveyDialog(db, person_id, 2026, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.form.rows["survey_status"].field, Qt.Key.Key_6)
    assert dialog.complete() is False
    texts = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any("此项必填" in t for t in texts) and any("调查员" in t for t in texts)
    dialog.surveyor.setText("李红梅")
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert service.open_survey(db, person_id, 2026).status == DRAFT


def test_carried_over_answers_are_marked_until_confirmed(qtbot, village) -> None:  # type: ignore[no-untyped-def]
    db, person_id = village
    ctx = service.open_survey(db, person_id, 2025)
    service.save_draft(db, ctx, {**ctx.answers, "survey_status": "6", "marital": "20"}, today=TODAY)
    with db.session() as s:
        from sqlalchemy import select

        from fieldworker.survey.models import SurveyRecord
        s.scalar(select(SurveyRecord)).status = COMPLETED
    dialog = SurveyDialog(db, person_id, 2026, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.form.rows["survey_status"].field, Qt.Key.Key_6)
    marker = dialog.form.rows["marital"].carried
    assert marker.isVisible() and dialog.confirm_button.isVisible()
    qtbot.keyClick(dialog.form.rows["marital"].field, Qt.Key.Key_3)
    qtbot.keyClick(dialog.form.rows["marital"].field, Qt.Key.Key_0)
    assert not marker.isVisible()  # changing it confirms it


def test_tab_lists_progress_filters_and_prints_pdf_in_background(qtbot, demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    tab = SurveyTab(demo_db, today=TODAY)
    qtbot.addWidget(tab)
    tab.show()
    tab.year.setValue(2025)
    overview = queries.overview(demo_db, 2025)
    assert tab.model.rowCount() == overview["total"]
    assert (tab.progress.value(), tab.progress.maximum()) == (overview["done"], overview["total"])
    tab.year.setValue(2026)
    tab.status.setCurrentIndex(tab.status.findData(DRAFT))
    assert tab.model.rowCount() == queries.overview(demo_db, 2026)["by_status"]["草稿"] > 0
    tab.status.setCurrentIndex(0)
    tab.problems_only.setChecked(True)
    assert all(row.problems for row in tab.model.rows)
    tab.problems_only.setChecked(False)
    tab.view.selectRow(0)
    tab.view.setFocus()
    target = tmp_path / "sel.pdf"
    tab.export_pdf("selected", str(target))
    qtbot.waitUntil(lambda: target.exists() and hasattr(tab, "last_pdf"), timeout=10000)
    name = tab.model.rows[tab.proxy.mapToSource(tab.proxy.index(0, 0)).row()].name
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert name in text and "签字" in text
    dialog = None
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    dialog = tab.current_dialog
    assert dialog is not None and dialog.isVisible() and dialog.ctx.person_name == name
    dialog.reject()


def test_printer_path_paints_the_same_pages(qtbot, village, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, person_id = village
    pages = printing.person_pages(db, person_id, 2026)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare(printer)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printer.pdf"
    printer.setOutputFileName(str(out))
    assert paint_pages(printer, pages, QApplication.font().family()) == len(pages)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    fields = {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in info.splitlines() if ":" in line)}
    assert int(fields["Pages"]) == len(pages) >= 2 and "A4" in fields["Page size"]
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "q")], check=True)
    assert (tmp_path / "q-1.png").stat().st_size > 3000


def test_main_window_has_the_survey_tab(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    tab = main_window.tab("survey")
    assert isinstance(tab, SurveyTab)
    main_window.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() > 0 and tab.progress.maximum() == tab.model.rowCount()


def test_enter_in_the_surveyor_box_presses_no_button(qtbot, village) -> None:  # type: ignore[no-untyped-def]
    db, person_id = village
    dialog = SurveyDialog(db, person_id, 2026, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    dialog.surveyor.setFocus()
    qtbot.keyClick(dialog.surveyor, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert service.open_survey(db, person_id, 2026).status == "0"


def test_batch_pdf_can_be_cancelled_from_the_gui(qtbot, demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    tab = SurveyTab(demo_db, today=TODAY)
    qtbot.addWidget(tab)
    target = tmp_path / "village.pdf"
    tab.export_pdf("all", str(target))
    op = tab.last_op
    finished = []
    op.finished.connect(lambda: finished.append(True))  # queued from the worker: not delivered yet
    op.cancel()  # what the progress dialog's 取消 button does
    qtbot.waitUntil(lambda: bool(finished), timeout=20000)
    assert not target.exists() and not list(tmp_path.glob("*.part"))
    assert not hasattr(tab, "last_pdf")
