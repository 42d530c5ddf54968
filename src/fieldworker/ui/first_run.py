"""First start with no database: create a demo village or set up this installation's region."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout,
)

from fieldworker.domain.errors import ValidationError
from fieldworker.services import demo, installation
from fieldworker.store.engine import Database


class FirstRunDialog(QDialog):
    def __init__(self, db_path: Path, parent=None, open_db=Database.open) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.db_path = db_path
        self._open_db = open_db  # the application passes an opener holding the database key
        self.setWindowTitle(self.tr("Welcome"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("No database was found on this computer. Choose how to start:")))
        self.demo_choice = QRadioButton(self.tr("&Try a demo database (one sample village)"))
        self.new_choice = QRadioButton(self.tr("&Set up my village or community"))
        self.demo_choice.setChecked(True)
        layout.addWidget(self.demo_choice)
        layout.addWidget(self.new_choice)
        form = QFormLayout()
        self.region_code = QLineEdit()
        self.region_code.setAccessibleName(self.tr("12-digit statistical region code"))
        self.region_code.setPlaceholderText("330521100201")
        self.region_name = QLineEdit()
        self.region_name.setAccessibleName(self.tr("Village or community name"))
        self.township = QLineEdit()
        self.township.setAccessibleName(self.tr("Township"))
        self.county = QLineEdit()
        self.county.setAccessibleName(self.tr("County"))
        form.addRow(self.tr("Region &code:"), self.region_code)
        form.addRow(self.tr("&Name:"), self.region_name)
        form.addRow(self.tr("&Township:"), self.township)
        form.addRow(self.tr("C&ounty:"), self.county)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.new_choice.toggled.connect(self._sync_enabled)
        self._sync_enabled()

    def _sync_enabled(self) -> None:
        for edit in (self.region_code, self.region_name, self.township, self.county):
            edit.setEnabled(self.new_choice.isChecked())

    def accept(self) -> None:
        db = self._open_db(self.db_path)
        try:
            if self.demo_choice.isChecked():
                demo.generate(db)
            else:
                installation.initialise(db, region_code=self.region_code.text(), name=self.region_name.text(),
                                        township_name=self.township.text(), county_name=self.county.text())
        except ValidationError as exc:
            self.error.setText(exc.message)
            return
        finally:
            db.close()
        super().accept()
