"""The year's survey list as a Qt table model (one row per person)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from fieldworker.domain import codes
from fieldworker.survey.models import COMPLETED, DRAFT, METHOD_LABELS, NOT_STARTED, SUBMITTED
from fieldworker.survey.queries import SurveyRow

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = (
    ("name", QT_TRANSLATE_NOOP("SurveyListModel", "Name")),
    ("gender", QT_TRANSLATE_NOOP("SurveyListModel", "Sex")),
    ("age", QT_TRANSLATE_NOOP("SurveyListModel", "Age")),
    ("category", QT_TRANSLATE_NOOP("SurveyListModel", "Category")),
    ("grade", QT_TRANSLATE_NOOP("SurveyListModel", "Grade")),
    ("address", QT_TRANSLATE_NOOP("SurveyListModel", "Address")),
    ("status", QT_TRANSLATE_NOOP("SurveyListModel", "Survey status")),
    ("method", QT_TRANSLATE_NOOP("SurveyListModel", "Method")),
    ("surveyor", QT_TRANSLATE_NOOP("SurveyListModel", "Surveyor")),
    ("date", QT_TRANSLATE_NOOP("SurveyListModel", "Date")),
    ("problems", QT_TRANSLATE_NOOP("SurveyListModel", "Failed checks")),
)
STATUS_COLOURS = {NOT_STARTED: None, DRAFT: QColor("#8a5300"), COMPLETED: QColor("#1b7a2e"),
                  SUBMITTED: QColor("#1a5fb4")}


class SurveyListModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[SurveyRow] = []

    def set_rows(self, rows: list[SurveyRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("SurveyListModel", COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == PERSON_ID_ROLE:
            return row.person_id
        if role == SORT_ROLE:
            return {"age": row.age, "problems": (row.blocking, row.warnings), "status": row.status,
                    "date": row.survey_date.isoformat() if row.survey_date else ""}.get(key, self._text(row, key))
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return STATUS_COLOURS[row.status]
        if role == Qt.ItemDataRole.ForegroundRole and key == "problems" and row.blocking:
            return QColor("#b00020")
        if role == Qt.ItemDataRole.ToolTipRole and key == "problems" and row.problems:
            return "\n".join(p["message"] for p in row.problems)
        return None

    @staticmethod
    def _text(row: SurveyRow, key: str) -> str:
        if key == "gender":
            return codes.label(codes.GENDER, row.gender)
        if key == "age":
            return str(row.age)
        if key == "category":
            return codes.label(codes.DISABILITY_CATEGORY, row.category)
        if key == "grade":
            return codes.label(codes.DISABILITY_GRADE, row.grade)
        if key == "status":
            return row.status_label
        if key == "method":
            return METHOD_LABELS.get(row.method, "")
        if key == "date":
            return row.survey_date.isoformat() if row.survey_date else ""
        if key == "problems":
            parts = []
            if row.blocking:
                parts.append(QCoreApplication.translate("SurveyListModel", "%1 blocking").replace("%1", str(row.blocking)))
            if row.warnings:
                parts.append(QCoreApplication.translate("SurveyListModel", "%1 to follow up").replace("%1", str(row.warnings)))
            return ", ".join(parts)
        return str(getattr(row, key))
