"""Problems found in a form definition, each with the line and column it is at."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FormIssue:
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"第{self.line}行第{self.column}列：{self.message}"


class FormDefinitionError(ValueError):
    def __init__(self, issues: list[FormIssue], source: str = "") -> None:
        self.issues = sorted(issues, key=lambda i: (i.line, i.column))
        self.source = source
        super().__init__("\n".join(f"{source}：{i}" if source else str(i) for i in self.issues))
