"""Add or edit a person, with inline validation from the core (the dialog holds no rule)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget,
)

from fieldworker.domain import codes, ids
from fieldworker.domain.errors import FieldErrors, ValidationError
from fieldworker.services import roster
from fieldworker.services.validation import PersonInput, clean_person
from fieldworker.store.engine import Database
from fieldworker.ui.widgets.coded import CodeCombo, ValidatedForm


class PersonDialog(QDialog):
    def __init__(self, db: Database, person_id: str | None = None, *, household_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.person_id = person_id
        self.saved_id: str | None = None
        self.saved_warnings: tuple[str, ...] = ()
        self.setWindowTitle(self.tr("Edit person") if person_id else self.tr("Add person"))
        self._build()
        if person_id:
            self._load(roster.get_person(db, person_id))
        elif household_id:
            self.household.set_code(household_id)
        self._sync_enabled()

    # -- building
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        columns = QHBoxLayout(body)
        left, right = ValidatedForm(), ValidatedForm()
        self.forms = (left, right)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        scroll.setWidget(body)
        outer.addWidget(scroll)

        self.name = left.add("name", self.tr("Full &name:"), QLineEdit(), self.tr("Name"))
        self.id_number = left.add("id_number", self.tr("&ID number:"), QLineEdit(), self.tr("ID number"))
        self.id_number.setMaxLength(20)
        self.derived = QLabel()
        self.derived.setObjectName("derived")
        left.addRow("", self.derived)
        self.category = left.add("category", self.tr("&Category:"), CodeCombo(codes.DISABILITY_CATEGORY),
                                 self.tr("Disability category"))
        self.sub_box = QGroupBox(self.tr("Categories of a multiple disability"))
        grid = QGridLayout(self.sub_box)
        self.sub_checks: dict[str, QCheckBox] = {}
        for i, (code, label) in enumerate(codes.SINGLE_CATEGORIES.items()):
            check = QCheckBox(label)
            check.setAccessibleName(label)
            self.sub_checks[code] = check
            grid.addWidget(check, i // 3, i % 3)
        left.add("sub_categories", "", self.sub_box, self.tr("Categories of a multiple disability"))
        self.grade = left.add("grade", self.tr("&Grade:"), CodeCombo(codes.DISABILITY_GRADE), self.tr("Disability grade"))
        self.card_number = left.add("card_number", self.tr("Disability &card number:"), QLineEdit(),
                                    self.tr("Disability card number"))
        self.card_number.setPlaceholderText(self.tr("Empty: ID number + category + grade"))
        self.card_number.setMaxLength(22)
        self.ethnicity = left.add("ethnicity", self.tr("&Ethnicity:"), CodeCombo(codes.ETHNICITY), self.tr("Ethnicity"))
        households = {entry["household"].id: f"{entry['household'].head_name}（{entry['household'].address}）"
                      for entry in roster.households(self.db)}
        self.household = left.add("household_id", self.tr("&Household:"),
                                  CodeCombo(households, empty_text=self.tr("(none)")), self.tr("Household"))
        self.relation = left.add("relation_to_head", self.tr("&Relation to head:"), CodeCombo(codes.RELATION_TO_HEAD),
                                 self.tr("Relation to household head"))
        self.phone = left.add("phone", self.tr("&Phone:"), QLineEdit(), self.tr("Phone"))
        self.guardian_name = left.add("guardian_name", self.tr("G&uardian:"), QLineEdit(), self.tr("Guardian name"))
        self.guardian_phone = left.add("guardian_phone", self.tr("Guardian p&hone:"), QLineEdit(),
                                       self.tr("Guardian phone"))

        self.status = right.add("status", self.tr("&Status:"), CodeCombo(codes.PERSON_STATUS), self.tr("Status"))
        self.status_date = right.add("status_date", self.tr("Status &date:"), QDateEdit(), self.tr("Status date"))
        self.status_date.setCalendarPopup(True)
        self.status_date.setDisplayFormat("yyyy-MM-dd")
        self.status_date.setDate(QDate.currentDate())
        self.dibao = right.add("dibao", "", QCheckBox(self.tr("Receives di&bao")), self.tr("Receives dibao"))
        self.living_subsidy = right.add("living_subsidy", "", QCheckBox(self.tr("Receives &living subsidy")),
                                        self.tr("Receives living subsidy for persons in difficulty"))
        self.care_subsidy = right.add("care_subsidy", "", QCheckBox(self.tr("Receives care subsid&y")),
                                      self.tr("Receives care subsidy for severely disabled persons"))
        self.family_doctor = right.add("family_doctor", "", QCheckBox(self.tr("Signed with a &family doctor")),
                                       self.tr("Signed with a family doctor"))
        self.pension = right.add("pension_insurance", self.tr("&Pension insurance:"),
                                 CodeCombo(codes.PENSION_INSURANCE), self.tr("Pension insurance"))
        self.medical = right.add("medical_insurance", self.tr("&Medical insurance:"),
                                 CodeCombo(codes.MEDICAL_INSURANCE), self.tr("Medical insurance"))
        self.education = right.add("education_status", self.tr("Educa&tion:"), CodeCombo(codes.EDUCATION_STATUS),
                                   self.tr("Education status"))
        self.employment = right.add("employment_status", self.tr("Emplo&yment:"), CodeCombo(codes.EMPLOYMENT_STATUS),
                                    self.tr("Employment status"))
        self.notes = right.add("notes", self.tr("N&otes:"), QPlainTextEdit(), self.tr("Notes"))
        self.notes.setTabChangesFocus(True)

        self.warning = QLabel()
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        outer.addWidget(self.warning)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        self.id_number.textChanged.connect(self._show_derived)
        self.category.currentIndexChanged.connect(self._sync_enabled)
        self.status.currentIndexChanged.connect(self._sync_enabled)
        for edit in (self.name, self.id_number, self.card_number, self.phone, self.guardian_phone):
            edit.editingFinished.connect(self._validate_quietly)
        self._set_tab_order()
        self.resize(900, 640)

    def _set_tab_order(self) -> None:
        """Tab walks the form top to bottom, left column then right, as the paper form reads."""
        chain: list[QWidget] = []
        for form in self.forms:
            for name, widget in form.fields.items():
                chain.extend(self.sub_checks.values() if name == "sub_categories" else [widget])
        chain.extend([self.buttons.button(QDialogButtonBox.StandardButton.Save),
                      self.buttons.button(QDialogButtonBox.StandardButton.Cancel)])
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self.name.setFocus()

    def _sync_enabled(self) -> None:
        self.sub_box.setEnabled(self.category.code() == "7")
        self.status_date.setEnabled(self.status.code() != codes.ACTIVE_STATUS)

    def _show_derived(self) -> None:
        text = self.id_number.text()
        if len(ids.normalize(text)) < 18:
            self.derived.setText("")
            return
        try:
            idn = ids.parse_id_number(text)
        except ValidationError:
            self.derived.setText("")
            self._validate_quietly()  # the reason shows under the field, once
            return
        self.derived.setText(self.tr("%1, born %2, age %3").replace("%1", codes.label(codes.GENDER, idn.gender))
                             .replace("%2", idn.birth_date.isoformat())
                             .replace("%3", str(idn.age_on(dt.date.today()))))

    # -- data
    def _load(self, person) -> None:  # type: ignore[no-untyped-def]
        self.name.setText(person.name)
        self.id_number.setText(person.id_number)
        self.card_number.setText(person.card_number)
        self.category.set_code(person.category)
        for code, check in self.sub_checks.items():
            check.setChecked(code in person.sub_categories.split(","))
        self.grade.set_code(person.grade)
        self.ethnicity.set_code(person.ethnicity)
        self.household.set_code(person.household_id)
        self.relation.set_code(person.relation_to_head)
        self.phone.setText(person.phone)
        self.guardian_name.setText(person.guardian_name)
        self.guardian_phone.setText(person.guardian_phone)
        self.status.set_code(person.status)
        if person.status_date:
            self.status_date.setDate(QDate(person.status_date.year, person.status_date.month, person.status_date.day))
        self.dibao.setChecked(person.dibao)
        self.living_subsidy.setChecked(person.living_subsidy)
        self.care_subsidy.setChecked(person.care_subsidy)
        self.family_doctor.setChecked(person.family_doctor)
        self.pension.set_code(person.pension_insurance)
        self.medical.set_code(person.medical_insurance)
        self.education.set_code(person.education_status)
        self.employment.set_code(person.employment_status)
        self.notes.setPlainText(person.notes)

    def input(self) -> PersonInput:
        status = self.status.code() or codes.ACTIVE_STATUS
        return PersonInput(
            name=self.name.text(), id_number=self.id_number.text(), card_number=self.card_number.text(),
            category=self.category.code() or "", grade=self.grade.code() or "",
            sub_categories=",".join(c for c, check in self.sub_checks.items() if check.isChecked()),
            ethnicity=self.ethnicity.code() or "", household_id=self.household.code(),
            relation_to_head=self.relation.code() or "", phone=self.phone.text(),
            guardian_name=self.guardian_name.text(), guardian_phone=self.guardian_phone.text(), status=status,
            status_date=self.status_date.date().toPython() if status != codes.ACTIVE_STATUS else None,
            living_subsidy=self.living_subsidy.isChecked(), care_subsidy=self.care_subsidy.isChecked(),
            dibao=self.dibao.isChecked(), pension_insurance=self.pension.code() or "",
            medical_insurance=self.medical.code() or "", family_doctor=self.family_doctor.isChecked(),
            education_status=self.education.code() or "", employment_status=self.employment.code() or "",
            notes=self.notes.toPlainText(),
        )

    def _show_errors(self, errors: dict[str, str]) -> None:
        for form in self.forms:
            form.show_errors(errors)

    def _validate_quietly(self) -> None:
        """Show problems of fields already filled in, without nagging about empty ones."""
        try:
            clean_person(self.input())
        except FieldErrors as exc:
            filled = {"name": self.name.text(), "id_number": self.id_number.text(),
                      "card_number": self.card_number.text(), "phone": self.phone.text(),
                      "guardian_phone": self.guardian_phone.text()}
            self._show_errors({f: m for f, m in exc.by_field().items() if filled.get(f, "x")})
        else:
            self._show_errors({})

    def accept(self) -> None:
        try:
            if self.person_id:
                saved = roster.update_person(self.db, self.person_id, self.input())
            else:
                saved = roster.add_person(self.db, self.input())
        except FieldErrors as exc:
            self._show_errors(exc.by_field())
            self.warning.setText(self.tr("Please correct the fields marked in red."))
            return
        except ValidationError as exc:
            self.warning.setText(exc.message)
            return
        self.saved_id = saved.record_id
        self.saved_warnings = saved.warnings
        super().accept()


