"""Dialogs of the request tabs: register a need, edit items, carry out one workflow step.

The step dialog is built from the workflow definition (the transition's fields and whether a
reason is required), so a new field in forms/*.yaml appears here without code changes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from fieldworker.domain.errors import FieldErrors, ValidationError
from fieldworker.requests import service
from fieldworker.requests.definition import FieldDef, Transition, Workflow


def _date_edit(value: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumDate(QDate.currentDate())
    day = value or dt.date.today()
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


class _SubmitDialog(QDialog):
    """A dialog whose OK runs a core call; a refusal is shown inline and the dialog stays open."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B00020")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.result_value: Any = None

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)

    def run(self) -> Any:
        raise NotImplementedError

    def _submit(self) -> None:
        try:
            self.result_value = self.run()
        except (ValidationError, FieldErrors) as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()


class TransitionDialog(_SubmitDialog):
    """One step of the workflow: its fields, the date it happened, and a note (required for 退回/撤销)."""

    def __init__(self, db: Any, request_id: str, workflow: Workflow, step: Transition, *, subject: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(step.label, parent)
        self.db, self.request_id, self.workflow, self.step = db, request_id, workflow, step
        self.setObjectName(f"transition_{step.action}")
        self.layout_.addWidget(QLabel(self.tr("%1 → %2").replace("%1", subject).replace("%2", step.label)))
        form = QFormLayout()
        self.inputs: dict[str, QWidget] = {}
        for name in step.fields:
            widget = self._input(workflow.fields[name], subject)
            widget.setObjectName(name)
            widget.setAccessibleName(workflow.fields[name].label)
            label = QLabel(workflow.fields[name].label + "：")
            label.setBuddy(widget)
            form.addRow(label, widget)
            self.inputs[name] = widget
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(self.tr("Reason (required)") if step.note_required else self.tr("Note"))
        self.note.setFixedHeight(self.note.fontMetrics().height() * 4)
        note_label = QLabel(self.tr("&Reason (required):") if step.note_required else self.tr("&Note:"))
        note_label.setBuddy(self.note)
        form.addRow(note_label, self.note)
        self.layout_.addLayout(form)
        self.finish_layout()

    def _input(self, field: FieldDef, subject: str) -> QWidget:
        if field.type == "date":
            return _date_edit()
        if field.type == "choice":
            combo = QComboBox()
            combo.addItems(list(field.choices))
            return combo
        edit = QLineEdit()
        if field.type == "money":
            edit.setValidator(QDoubleValidator(0, 1e7, 2, edit))
            edit.setPlaceholderText(self.tr("yuan"))
        elif field.name in ("applicant", "receiver"):
            edit.setText(subject.split("户")[0] if "户" in subject else subject)
        return edit

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QDateEdit):
                out[name] = widget.date().toPython()
            elif isinstance(widget, QComboBox):
                out[name] = widget.currentText()
            else:
                out[name] = widget.text()  # type: ignore[attr-defined]
        return out

    def run(self) -> service.Changed:
        return service.transition(self.db, self.request_id, self.step.action, values=self.values(),
                                  note=self.note.toPlainText())


class NewRequestDialog(_SubmitDialog):
    """Register a need: pick the household (renovation) or person (device), say what is needed."""

    def __init__(self, db: Any, workflow: Workflow, subjects: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Register a need"), parent)
        self.setObjectName("newRequestDialog")
        self.db, self.workflow = db, workflow
        form = QFormLayout()
        self.subject = QComboBox()
        self.subject.setObjectName("subject")
        self.subject.setEditable(True)  # type to search by name
        self.subject.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for label, subject_id in subjects:
            self.subject.addItem(label, subject_id)
        self.subject.setAccessibleName(self.tr("Household") if workflow.subject == "household" else self.tr("Person"))
        self.source = QComboBox()
        self.source.setObjectName("source")
        self.source.addItems(list(service.SOURCES))
        self.source.setAccessibleName(self.tr("Where the need came from"))
        self.opened_on = _date_edit()
        self.opened_on.setObjectName("openedOn")
        self.opened_on.setAccessibleName(self.tr("Registered on"))
        self.need = QPlainTextEdit()
        self.need.setObjectName("need")
        self.need.setTabChangesFocus(True)
        self.need.setAccessibleName(self.tr("What is needed"))
        self.need.setFixedHeight(self.need.fontMetrics().height() * 4)
        for text, widget in ((self.tr("&Household:") if workflow.subject == "household" else self.tr("&Person:"), self.subject),
                             (self.tr("&Source:"), self.source), (self.tr("Registered &on:"), self.opened_on),
                             (self.tr("&What is needed:"), self.need)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.layout_.addLayout(form)
        self.finish_layout()

    def run(self) -> service.Changed:
        subject_id = self.subject.currentData()
        if self.subject.currentIndex() < 0 or self.subject.currentText() != self.subject.itemText(self.subject.currentIndex()):
            subject_id = None
        household = subject_id if self.workflow.subject == "household" else None
        person = subject_id if self.workflow.subject == "person" else None
        return service.create_request(self.db, kind=self.workflow.kind, household_id=household, person_id=person,
                                      need=self.need.toPlainText(), source=self.source.currentText(),
                                      opened_on=self.opened_on.date().toPython())


class _ItemRow:
    def __init__(self, workflow: Workflow, grid: QGridLayout, row: int, remove: Callable[["_ItemRow"], None]) -> None:
        self.code = QComboBox()
        for item in workflow.items.values():
            self.code.addItem(f"{item.group}｜{item.label}（{item.unit}）", item.code)
        self.quantity = QDoubleSpinBox()
        self.quantity.setRange(0.1, 10000)
        self.quantity.setDecimals(1)
        self.quantity.setValue(1)
        self.cost = QDoubleSpinBox()
        self.cost.setRange(0, 1_000_000)
        self.cost.setDecimals(2)
        self.cost.setSuffix(" 元")
        self.detail = QLineEdit()
        self.remove = QPushButton("×")
        self.remove.clicked.connect(lambda: remove(self))
        for name, widget in ((QT_TRANSLATE_NOOP("ItemsDialog", "Item"), self.code),
                             (QT_TRANSLATE_NOOP("ItemsDialog", "Quantity"), self.quantity),
                             (QT_TRANSLATE_NOOP("ItemsDialog", "Unit cost"), self.cost),
                             (QT_TRANSLATE_NOOP("ItemsDialog", "Details"), self.detail),
                             (QT_TRANSLATE_NOOP("ItemsDialog", "Remove item"), self.remove)):
            widget.setAccessibleName(f"{QCoreApplication.translate('ItemsDialog', name)} {row}")
        self.widgets = [self.code, self.quantity, self.cost, self.detail, self.remove]
        for column, widget in enumerate(self.widgets):
            grid.addWidget(widget, row, column)

    def value(self) -> service.ItemInput:
        return service.ItemInput(self.code.currentData(), self.quantity.value(), self.cost.value(), self.detail.text())


class ItemsDialog(_SubmitDialog):
    """Edit the items (renovation plan or devices) with quantity and unit cost; shows the total and the cap."""

    def __init__(self, db: Any, request_id: str, workflow: Workflow, items: list[dict], cap_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Items and costs"), parent)
        self.setObjectName("itemsDialog")
        self.db, self.request_id, self.workflow = db, request_id, workflow
        self.rows: list[_ItemRow] = []
        holder = QWidget()
        self.grid = QGridLayout(holder)
        for column, text in enumerate((self.tr("Item"), self.tr("Quantity"), self.tr("Unit cost"), self.tr("Details"), "")):
            self.grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        self.layout_.addWidget(scroll)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add item"))
        self.add_button.clicked.connect(lambda: self.add_row())
        row.addWidget(self.add_button)
        self.total = QLabel()
        self.total.setObjectName("total")
        row.addWidget(self.total, 1, Qt.AlignmentFlag.AlignRight)
        self.layout_.addLayout(row)
        self.layout_.addWidget(QLabel(cap_text))
        for item in items:
            self.add_row(item)
        if not items:
            self.add_row()
        self.finish_layout()
        self.resize(760, 360)

    def add_row(self, item: dict | None = None) -> _ItemRow:
        row = _ItemRow(self.workflow, self.grid, len(self.rows) + 1, self._remove)
        if item:
            row.code.setCurrentIndex(max(0, row.code.findData(item["code"])))
            row.quantity.setValue(item["quantity"])
            row.cost.setValue(item["unit_cost_fen"] / 100)
            row.detail.setText(item["detail"])
        for widget in (row.quantity, row.cost):
            widget.valueChanged.connect(self._update_total)
        self.rows.append(row)
        self._update_total()
        return row

    def _remove(self, row: _ItemRow) -> None:
        for widget in row.widgets:
            widget.hide()
            self.grid.removeWidget(widget)
        self.rows.remove(row)
        self._update_total()

    def _update_total(self) -> None:
        total = sum(r.quantity.value() * r.cost.value() for r in self.rows)
        self.total.setText(self.tr("Total: %1 yuan").replace("%1", f"{total:,.2f}"))

    def run(self) -> service.Changed:
        return service.set_items(self.db, self.request_id, [r.value() for r in self.rows])
