"""One input widget per question type, all speaking the same small interface.

``value()`` returns the raw answer (code, list of codes, or text), ``set_value()`` shows
one, and ``changed`` fires on every edit. Choice fields are a single focus stop: digit keys
pick a code (two quick digits for codes like 10), Space toggles the current choice, Up and
Down move — so a form can be filled without the mouse.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtGui import QDoubleValidator, QFocusEvent, QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton, QButtonGroup, QCheckBox, QFrame, QGridLayout, QLineEdit, QRadioButton, QWidget,
)

from fieldworker.formdef.model import Question

TWO_DIGIT_WINDOW_MS = 900
COLUMNS = 3


class ChoiceField(QFrame):
    """Radio buttons (single, yes/no) or check boxes (multiple) for a question's coded choices."""

    changed = Signal(str)  # question id

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.multiple = question.type == "multiple"
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"field_{question.id}")
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # exclusivity handled here, so a single choice can be cleared
        self.buttons: dict[str, QAbstractButton] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        columns = 1 if max((len(c.label) for c in question.choices), default=0) > 14 else COLUMNS
        for index, choice in enumerate(question.choices):
            # No "&" mnemonics: dozens of questions would fight over Alt+1; digits work on the focused field.
            text = f"{choice.code}. {choice.label}"
            button: QAbstractButton = QCheckBox(text) if self.multiple else QRadioButton(text)
            button.setAutoExclusive(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setObjectName(f"choice_{question.id}_{choice.code}")
            self.group.addButton(button, index)
            layout.addWidget(button, index // columns, index % columns)
            self.buttons[choice.code] = button
        # Bound-method slots only: lambdas with default arguments as slots crashed PySide at exit.
        self.group.idToggled.connect(self._id_toggled)
        self._digits = ""
        self._clock = QElapsedTimer()
        self._cursor = 0
        self._updating = False

    # -- value ------------------------------------------------------------
    def value(self) -> Any:
        chosen = [code for code, button in self.buttons.items() if button.isChecked()]
        if self.multiple:
            return chosen or None
        return chosen[0] if chosen else None

    def set_value(self, value: Any) -> None:
        codes = set(value if isinstance(value, list) else ([value] if value not in (None, "") else []))
        self._updating = True
        for code, button in self.buttons.items():
            button.setChecked(code in codes)
        self._updating = False

    def _id_toggled(self, index: int, on: bool) -> None:
        self._toggled(self.question.choices[index].code, on)

    def _toggled(self, code: str, on: bool) -> None:
        if self._updating:
            return
        self._updating = True
        if on and not self.multiple:
            for other, button in self.buttons.items():
                if other != code:
                    button.setChecked(False)
        elif on and self.multiple:
            choice = self.question.choice(code)
            for other, button in self.buttons.items():
                other_choice = self.question.choice(other)
                # An exclusive "无" clears the others, and the others clear it.
                if other != code and choice is not None and other_choice is not None and (
                        choice.exclusive or other_choice.exclusive):
                    button.setChecked(False)
        self._updating = False
        self._cursor = list(self.buttons).index(code)
        self.changed.emit(self.question.id)

    # -- keyboard ---------------------------------------------------------
    def pick(self, code: str) -> bool:
        button = self.buttons.get(code)
        if button is None:
            return False
        if self.multiple:
            button.setChecked(not button.isChecked())
        else:
            button.setChecked(True)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        text = event.text()
        if text.isdigit() and len(text) == 1:
            self._digit(text)
            return
        codes = list(self.buttons)
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Right) and codes:
            self._cursor = (self._cursor + 1) % len(codes)
            self._show_cursor()
            if not self.multiple:
                self.pick(codes[self._cursor])
            return
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Left) and codes:
            self._cursor = (self._cursor - 1) % len(codes)
            self._show_cursor()
            if not self.multiple:
                self.pick(codes[self._cursor])
            return
        if event.key() == Qt.Key.Key_Space and codes:
            self.pick(codes[self._cursor])
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_value(None)
            self.changed.emit(self.question.id)
            return
        super().keyPressEvent(event)

    def _digit(self, digit: str) -> None:
        # A second digit soon after the first completes a two-digit code ("1","0" → 10).
        if self._digits and self._clock.isValid() and self._clock.elapsed() < TWO_DIGIT_WINDOW_MS:
            combined = self._digits + digit
            if combined in self.buttons:
                if self.multiple:
                    self.pick(self._digits)  # toggle back what the first digit ticked
                self.pick(combined)
                self._digits = ""
                return
        self._digits = digit if any(code.startswith(digit) and len(code) > 1 for code in self.buttons) else ""
        self._clock.start()
        self.pick(digit)

    def _show_cursor(self) -> None:
        for index, button in enumerate(self.buttons.values()):
            font = button.font()
            font.setUnderline(index == self._cursor and self.hasFocus())
            button.setFont(font)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.setFrameShadow(QFrame.Shadow.Sunken)
        self.setLineWidth(2)
        self._show_cursor()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.setLineWidth(1)
        self._show_cursor()
        super().focusOutEvent(event)


class LineField(QLineEdit):
    """Text, integer, decimal or date answers; the core validates, the validator only helps typing."""

    changed = Signal(str)  # question id

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.setObjectName(f"field_{question.id}")
        if question.type == "integer":
            self.setValidator(QIntValidator(-10**9, 10**9, self))
        elif question.type == "decimal":
            validator = QDoubleValidator(self)
            validator.setNotation(QDoubleValidator.Notation.StandardNotation)
            self.setValidator(validator)
        elif question.type == "date":
            self.setPlaceholderText("2026-07-01")
        self.textEdited.connect(self._text_edited)

    def _text_edited(self, _text: str) -> None:
        self.changed.emit(self.question.id)

    def value(self) -> Any:
        return self.text().strip() or None

    def set_value(self, value: Any) -> None:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        self.setText("" if value is None else str(value))


def field_for(question: Question, parent: QWidget | None = None) -> ChoiceField | LineField:
    return ChoiceField(question, parent) if question.is_choice else LineField(question, parent)
