"""Combo boxes over national code tables, and a form whose rows show inline errors."""

from __future__ import annotations

from typing import Mapping

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget


class CodeCombo(QComboBox):
    """A combo of ``code — label`` items; ``code()``/``set_code()`` speak in codes."""

    def __init__(self, table: Mapping[str, str], *, empty_text: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if empty_text is not None:
            self.addItem(empty_text, None)
        for code, label in table.items():
            self.addItem(label, code)

    def code(self) -> str | None:
        return self.currentData()

    def set_code(self, code: str | None) -> None:
        index = self.findData(code)
        self.setCurrentIndex(index if index >= 0 else 0)


class ValidatedForm(QFormLayout):
    """A form layout whose rows carry an error line under the field, keyed by field name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}

    def add(self, name: str, label: str, widget: QWidget, accessible: str) -> QWidget:
        widget.setAccessibleName(accessible)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet("color: #b00020")
        error.setWordWrap(True)
        error.hide()
        box.addWidget(error)
        self.addRow(label, holder)
        label_widget = self.labelForField(holder)
        if isinstance(label_widget, QLabel):
            label_widget.setBuddy(widget)
        self.errors[name] = error
        self.fields[name] = widget
        return widget

    def show_errors(self, by_field: dict[str, str]) -> None:
        for name, label in self.errors.items():
            message = by_field.get(name, "")
            label.setText(message)
            label.setVisible(bool(message))
            label.setAccessibleName(message)
        first = next((self.fields[n] for n in self.fields if n in by_field), None)
        if first is not None:
            first.setFocus()
