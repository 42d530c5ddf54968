"""Shows the recovery key once and prints the recovery sheet (a PDF with a QR code)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from fieldworker.printing.recovery_sheet import write_recovery_sheet
from fieldworker.security import audit
from fieldworker.store.engine import Database


class RecoveryKeyDialog(QDialog):
    def __init__(self, db: Database, recovery_key: str, *, region: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.recovery_key = recovery_key
        self.region = region
        self.sheet: Path | None = None
        self.setWindowTitle(self.tr("Recovery key"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("If the password is forgotten, this recovery key is the only way back into the data "
                              "(besides the township's copy). Print the sheet now and keep it in the office safe. "
                              "It is shown only this once."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.key_field = QLineEdit(recovery_key)
        self.key_field.setReadOnly(True)
        self.key_field.setAccessibleName(self.tr("Recovery key"))
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.key_field.setFont(mono)
        layout.addWidget(self.key_field)
        self.print_button = QPushButton(self.tr("&Save the recovery sheet (PDF) and open it…"))
        self.print_button.clicked.connect(lambda: self.save_sheet())
        layout.addWidget(self.print_button)
        self.kept = QCheckBox(self.tr("I have &printed or written down the recovery key"))
        self.kept.setAccessibleName(self.tr("Recovery key kept"))
        layout.addWidget(self.kept)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.kept.toggled.connect(self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled)
        layout.addWidget(self.buttons)

    def save_sheet(self, path: Path | None = None, *, open_after: bool = True) -> Path | None:
        if not path:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the recovery sheet"),
                                                  str(Path.home() / "数据恢复单.pdf"), "PDF (*.pdf)")
            if not name:
                return None
            path = Path(name)
        self.sheet = write_recovery_sheet(path, recovery_key=self.recovery_key, db_path=self.db.path,
                                          region=self.region)
        audit.record(self.db, audit.PRINT, "", f"恢复单 {path.name}")
        if open_after:  # the system's PDF viewer prints it
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return self.sheet

    def reject(self) -> None:  # Escape does not skip the one chance to keep the key
        if self.kept.isChecked():
            super().reject()
