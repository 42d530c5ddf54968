"""User-facing validation errors: an English code for logs and a Chinese message for people."""

from __future__ import annotations


class ValidationError(ValueError):
    """Bad user input. ``code`` is stable for logs and tests; ``message`` is shown to the user."""

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class FieldErrors(ValueError):
    """Several field errors found at once, so a dialog can mark every bad input."""

    def __init__(self, errors: list[ValidationError]) -> None:
        super().__init__("；".join(e.message for e in errors))
        self.errors = errors

    def by_field(self) -> dict[str, str]:
        return {e.field or "": e.message for e in errors_first(self.errors)}


def errors_first(errors: list[ValidationError]) -> list[ValidationError]:
    seen: set[str | None] = set()
    out = []
    for e in errors:
        if e.field not in seen:
            seen.add(e.field)
            out.append(e)
    return out
