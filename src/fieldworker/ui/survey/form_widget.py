"""The survey form rendered from its definition: sections, one row per question, live rules.

After every edit the whole form is evaluated by the core engine (``formdef.engine``):
skipped items hide, constraint and check messages appear under their items, and the
progress line updates. The widget holds no rule of its own.
"""

from __future__ import annotations

from typing import Any, Mapping

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldworker.formdef import engine
from fieldworker.formdef.model import FormDefinition, Question
from fieldworker.ui.survey.fields import ChoiceField, LineField, field_for

ERROR_STYLE = "color: #b00020"
WARNING_STYLE = "color: #8a5300"
CARRIED_STYLE = "color: #1a5fb4; font-style: italic"


class QuestionRow(QWidget):
    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.setObjectName(f"row_{question.id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(1)
        head = QHBoxLayout()
        title = question.title + ("" if question.required else self.tr(" (optional)"))
        self.label = QLabel(title)
        self.label.setWordWrap(True)
        head.addWidget(self.label, 1)
        self.carried = QLabel(self.tr("Carried over from last year — confirm or change"))
        self.carried.setStyleSheet(CARRIED_STYLE)
        self.carried.setObjectName(f"carried_{question.id}")
        self.carried.hide()
        head.addWidget(self.carried)
        layout.addLayout(head)
        self.field = field_for(question, self)
        self.field.setAccessibleName(question.title)
        if question.hint:
            self.field.setAccessibleDescription(question.hint)
            self.field.setToolTip(question.hint)
        self.label.setBuddy(self.field)
        layout.addWidget(self.field)
        self.message = QLabel()
        self.message.setObjectName(f"message_{question.id}")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

    def show_message(self, errors: list[str], warnings: list[str]) -> None:
        text = "\n".join(errors + warnings)
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if errors else WARNING_STYLE)
        self.message.setVisible(bool(text))


class SurveyForm(QWidget):
    """Answers in, answers out; ``evaluation`` is the engine's verdict on what is shown now."""

    changed = Signal()

    def __init__(self, form: FormDefinition, facts: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.facts = dict(facts)
        self.rows: dict[str, QuestionRow] = {}
        self.sections: dict[str, QGroupBox] = {}
        self.carried_over: set[str] = set()
        self.show_required = False
        self._loading = False
        layout = QVBoxLayout(self)
        for section in form.sections:
            box = QGroupBox(section.title)
            box.setObjectName(f"section_{section.id}")
            inner = QVBoxLayout(box)
            for question in section.questions:
                row = QuestionRow(question, box)
                row.field.changed.connect(self._edited)
                row.field.installEventFilter(self)
                inner.addWidget(row)
                self.rows[question.id] = row
            layout.addWidget(box)
            self.sections[section.id] = box
        layout.addStretch(1)
        self.evaluation = engine.evaluate(form, {}, self.facts)

    # -- answers ----------------------------------------------------------
    def answers(self) -> dict[str, Any]:
        out = {}
        for qid, row in self.rows.items():
            value = row.field.value()
            if value is not None:
                out[qid] = value
        return out

    def set_answers(self, answers: Mapping[str, Any], carried_over: set[str] | None = None) -> None:
        self._loading = True
        for qid, row in self.rows.items():
            row.field.set_value(answers.get(qid))
        self._loading = False
        self.carried_over = set(carried_over or ()) & set(answers)
        self.refresh()

    def confirm_carried_over(self) -> None:
        self.carried_over.clear()
        self.refresh()

    def _edited(self, qid: str) -> None:
        if self._loading:
            return
        self.carried_over.discard(qid)  # the worker has looked at it
        self.refresh()
        self.changed.emit()

    # -- rules ------------------------------------------------------------
    def refresh(self) -> engine.Evaluation:
        evaluation = engine.evaluate(self.form, self.answers(), self.facts)
        self.evaluation = evaluation
        check_messages: dict[str, tuple[list[str], list[str]]] = {}
        for result in evaluation.failed_checks:
            for qid in result.check.questions[:1]:
                errors, warnings = check_messages.setdefault(qid, ([], []))
                (errors if result.blocking else warnings).append(result.message)
        for section in self.form.sections:
            any_shown = False
            for question in section.questions:
                row = self.rows[question.id]
                shown = evaluation.relevant[question.id]
                row.setVisible(shown)
                any_shown = any_shown or shown
                error = evaluation.errors.get(question.id, "")
                if error == "此项必填" and not self.show_required:
                    error = ""
                errors, warnings = check_messages.get(question.id, ([], []))
                row.show_message(([error] if error else []) + errors, warnings)
                row.carried.setVisible(shown and question.id in self.carried_over)
            self.sections[section.id].setVisible(any_shown)
        return evaluation

    def first_problem(self) -> QWidget | None:
        for qid, row in self.rows.items():
            if row.isVisible() and (row.message.isVisible() or qid in self.carried_over):
                return row.field
        return None

    # -- keyboard: Enter moves on like Tab --------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, (ChoiceField, LineField)):
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                    not key_event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                watched.focusNextChild()
                return True
        return super().eventFilter(watched, event)
