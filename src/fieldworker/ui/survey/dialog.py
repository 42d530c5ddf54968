"""One person's survey: the rendered form, how and by whom it was done, save / complete / print."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget,
)

from fieldworker.domain.errors import FieldErrors, ValidationError
from fieldworker.store.engine import Database
from fieldworker.survey import printing, service
from fieldworker.survey.models import METHOD_LABELS, STATUS_LABELS, SUBMITTED
from fieldworker.ui.survey.form_widget import SurveyForm
from fieldworker.ui.survey.printer import print_pages_dialog
from fieldworker.ui.workers import show_error

SURVEYOR_SETTING = "survey.last_surveyor"


class SurveyDialog(QDialog):
    saved = Signal(str)  # person id

    def __init__(self, db: Database, person_id: str, year: int, parent: QWidget | None = None,
                 *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today or dt.date.today()
        self.ctx = service.open_survey(db, person_id, year)
        self.person_changes: dict = {}
        self.setWindowTitle(self.tr("Yearly update survey %1 — %2").replace("%1", str(year))
                            .replace("%2", self.ctx.person_name))
        self.resize(900, 760)
        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        layout.addLayout(self._meta_row())

        self.form = SurveyForm(self.ctx.form, self.ctx.facts)
        self.form.set_answers(self.ctx.answers, self.ctx.carried_over)
        self.form.changed.connect(self._update_summary)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setAccessibleName(self.tr("Survey form"))
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Problems to resolve"))
        self.problems.itemActivated.connect(self._go_to_problem)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(scroll)
        split.addWidget(self.problems)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
        layout.addLayout(self._buttons())
        self._update_summary()
        if self.ctx.status == SUBMITTED:
            self.form.setEnabled(False)
            for button in (self.save_button, self.complete_button, self.confirm_button):
                button.setEnabled(False)

    def _meta_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.method = QComboBox()
        for code, label in METHOD_LABELS.items():
            self.method.addItem(label, code)
        self.method.setCurrentIndex(max(0, self.method.findData(self.ctx.method)))
        self.method.setAccessibleName(self.tr("Survey method"))
        self.surveyor = QLineEdit(self.ctx.surveyor or str(self.db.get_setting(SURVEYOR_SETTING, "")))
        self.surveyor.setAccessibleName(self.tr("Surveyor"))
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        day = self.ctx.survey_date or self.today
        self.date.setDate(QDate(day.year, day.month, day.day))
        self.date.setAccessibleName(self.tr("Survey date"))
        method_label = QLabel(self.tr("Met&hod:"))
        method_label.setBuddy(self.method)
        surveyor_label = QLabel(self.tr("Sur&veyor:"))
        surveyor_label.setBuddy(self.surveyor)
        date_label = QLabel(self.tr("&Date:"))
        date_label.setBuddy(self.date)
        for label, widget in ((method_label, self.method), (surveyor_label, self.surveyor), (date_label, self.date)):
            row.addWidget(label)
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = QLabel()
        row.addWidget(self.progress, 1)
        self.confirm_button = QPushButton(self.tr("C&onfirm carried-over answers"))
        self.confirm_button.clicked.connect(self._confirm_carried)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self.print_form)
        self.save_button = QPushButton(self.tr("&Save draft"))
        self.save_button.clicked.connect(self.save_draft)
        self.complete_button = QPushButton(self.tr("Co&mplete"))
        self.complete_button.clicked.connect(self.complete)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (self.confirm_button, self.print_button, self.save_button, self.complete_button, close):
            # Enter means "next item" in this form, never "press whichever button is default".
            button.setAutoDefault(False)
            button.setDefault(False)
            row.addWidget(button)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_draft)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.complete)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.complete)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_form)
        return row

    # -- state --------------------------------------------------------------
    def _update_summary(self) -> None:
        ev = self.form.evaluation
        status = STATUS_LABELS[self.ctx.status]
        carried = ""
        if self.ctx.carried_from_year:
            carried = self.tr("; answers carried over from %1").replace("%1", str(self.ctx.carried_from_year))
        self.header.setText(
            f"<b>{self.ctx.person_name}</b>　{self.ctx.facts['age']}岁　{self.ctx.form.title}"
            f"（{self.ctx.form.version}版）　" + self.tr("Status: %1").replace("%1", status) + carried)
        self.progress.setText(self.tr("%1 of %2 required items answered")
                              .replace("%1", str(ev.answered)).replace("%2", str(ev.required_total)))
        self.confirm_button.setVisible(bool(self.form.carried_over))
        self.problems.clear()
        for qid, message in ev.errors.items():
            if message == "此项必填" and not self.form.show_required:
                continue
            self._problem(qid, f"{self.ctx.form.question(qid).title}：{message}")
        for result in ev.failed_checks:
            prefix = self.tr("Check") if result.blocking else self.tr("Follow up")
            self._problem(result.check.questions[0] if result.check.questions else "", f"{prefix}：{result.message}")

    def _problem(self, qid: str, text: str) -> None:
        self.problems.addItem(text)
        self.problems.item(self.problems.count() - 1).setData(Qt.ItemDataRole.UserRole, qid)

    def _go_to_problem(self, item) -> None:  # type: ignore[no-untyped-def]
        row = self.form.rows.get(item.data(Qt.ItemDataRole.UserRole))
        if row is not None:
            row.field.setFocus()

    def _confirm_carried(self) -> None:
        self.form.confirm_carried_over()
        self._update_summary()

    def _meta(self) -> dict:
        qdate = self.date.date()
        return {"method": self.method.currentData(), "surveyor": self.surveyor.text(),
                "survey_date": dt.date(qdate.year(), qdate.month(), qdate.day()), "today": self.today}

    # -- actions ------------------------------------------------------------
    def save_draft(self) -> bool:
        try:
            result = service.save_draft(self.db, self.ctx, self.form.answers(),
                                        carried_over=self.form.carried_over, **self._meta())
        except (ValidationError, FieldErrors) as exc:
            show_error(self, exc)
            return False
        self._saved(result.status)
        return True

    def complete(self) -> bool:
        self.form.show_required = True
        self.form.refresh()
        self._update_summary()
        try:
            result = service.complete(self.db, self.ctx, self.form.answers(), carried_over=self.form.carried_over,
                                      **self._meta())
        except FieldErrors as exc:
            # Shown in the problem list (not a modal box): the worker fixes them one by one.
            self.problems.clear()
            for error in exc.errors:
                self._problem(error.field or "", error.message)
            self.progress.setText(self.tr("Cannot complete yet: %1 problems").replace("%1", str(len(exc.errors))))
            target = self.form.first_problem()
            (target or self.problems).setFocus()
            return False
        except ValidationError as exc:
            show_error(self, exc)
            return False
        self._saved(result.status)
        self.person_changes = result.person_changes
        self.accept()
        return True

    def _saved(self, status: str) -> None:
        self.ctx.status = status
        self.db.set_setting(SURVEYOR_SETTING, self.surveyor.text().strip())
        self._update_summary()
        self.saved.emit(self.ctx.person_id)

    def print_form(self) -> None:
        pages = printing.person_pages(self.db, self.ctx.person_id, self.ctx.year)
        print_pages_dialog(self, pages)
