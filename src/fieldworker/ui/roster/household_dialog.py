"""Add or edit a household (户)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget,
)

from fieldworker.domain import codes
from fieldworker.domain.errors import FieldErrors, ValidationError
from fieldworker.services import roster
from fieldworker.services.validation import HouseholdInput
from fieldworker.store.engine import Database
from fieldworker.ui.widgets.coded import CodeCombo, ValidatedForm

NO_INCOME = -1  # spin box value meaning "not recorded"


class HouseholdDialog(QDialog):
    def __init__(self, db: Database, household_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.household_id = household_id
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Edit household") if household_id else self.tr("Add household"))
        layout = QVBoxLayout(self)
        form = self.form = ValidatedForm()
        layout.addLayout(form)
        self.head_name = form.add("head_name", self.tr("&Head of household:"), QLineEdit(), self.tr("Head of household"))
        self.head_id = form.add("head_id_number", self.tr("Head's &ID number:"), QLineEdit(),
                                self.tr("ID number of the head of household"))
        self.address = form.add("address", self.tr("&Address:"), QLineEdit(), self.tr("Address"))
        self.hukou = form.add("hukou_type", self.tr("Hu&kou:"), CodeCombo(codes.HUKOU_TYPE), self.tr("Hukou type"))
        self.members = form.add("members_count", self.tr("&Members:"), QSpinBox(), self.tr("Number of members"))
        self.members.setRange(1, 30)
        self.income = form.add("income_per_capita", self.tr("&Income per person (yuan/year):"), QSpinBox(),
                               self.tr("Annual income per person in yuan"))
        self.income.setRange(NO_INCOME, 10_000_000)
        self.income.setSpecialValueText(self.tr("not recorded"))
        self.income.setValue(NO_INCOME)
        self.phone = form.add("phone", self.tr("&Phone:"), QLineEdit(), self.tr("Phone"))
        self.dibao = form.add("dibao", "", QCheckBox(self.tr("&Dibao household")), self.tr("Dibao household"))
        self.tekun = form.add("tekun", "", QCheckBox(self.tr("&Tekun (extreme poverty support)")),
                              self.tr("Tekun support"))
        self.housing = form.add("housing_status", self.tr("Hou&sing:"), CodeCombo(codes.HOUSING_STATUS),
                                self.tr("Housing status"))
        self.notes = form.add("notes", self.tr("N&otes:"), QPlainTextEdit(), self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if household_id:
            self._load(roster.get_household(db, household_id))

    def _load(self, h) -> None:  # type: ignore[no-untyped-def]
        self.head_name.setText(h.head_name)
        self.head_id.setText(h.head_id_number)
        self.address.setText(h.address)
        self.hukou.set_code(h.hukou_type)
        self.members.setValue(h.members_count)
        self.income.setValue(NO_INCOME if h.income_per_capita is None else h.income_per_capita)
        self.phone.setText(h.phone)
        self.dibao.setChecked(h.dibao)
        self.tekun.setChecked(h.tekun)
        self.housing.set_code(h.housing_status)
        self.notes.setPlainText(h.notes)

    def input(self) -> HouseholdInput:
        income = self.income.value()
        return HouseholdInput(
            head_name=self.head_name.text(), head_id_number=self.head_id.text(), address=self.address.text(),
            hukou_type=self.hukou.code() or "", members_count=self.members.value(), phone=self.phone.text(),
            income_per_capita=None if income == NO_INCOME else income, dibao=self.dibao.isChecked(),
            tekun=self.tekun.isChecked(), housing_status=self.housing.code() or "", notes=self.notes.toPlainText(),
        )

    def accept(self) -> None:
        try:
            if self.household_id:
                saved = roster.update_household(self.db, self.household_id, self.input())
            else:
                saved = roster.add_household(self.db, self.input())
        except FieldErrors as exc:
            self.form.show_errors(exc.by_field())
            return
        except ValidationError as exc:
            self.message.setText(exc.message)
            return
        self.saved_id = saved.record_id
        super().accept()
