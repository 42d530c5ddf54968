"""The survey's form editions in ``forms/``: which one applies to a year, loaded once each."""

from __future__ import annotations

import functools
from pathlib import Path

from fieldworker.domain.errors import ValidationError
from fieldworker.formdef.loader import load_form
from fieldworker.formdef.model import FormDefinition
from fieldworker.paths import forms_dir

SURVEY_FORM_ID = "survey"
FILE_PATTERN = "survey-*.yaml"


@functools.lru_cache(maxsize=None)
def _load(path: str, mtime: float) -> FormDefinition:
    return load_form(path)


def editions(directory: Path | None = None) -> list[FormDefinition]:
    """Every survey edition, oldest first."""
    directory = directory or forms_dir()
    forms = [_load(str(p), p.stat().st_mtime) for p in sorted(directory.glob(FILE_PATTERN))]
    return sorted((f for f in forms if f.id == SURVEY_FORM_ID), key=lambda f: f.version)


def form_for_year(year: int, directory: Path | None = None) -> FormDefinition:
    """The newest edition whose version (first year of use) is not after ``year``."""
    usable = [f for f in editions(directory) if f.version <= year]
    if not usable:
        raise ValidationError("no_form", f"没有适用于{year}年的调查表（forms/ 目录中没有 {year} 年或更早的版本）")
    return usable[-1]


def edition(form_id: str, version: int, directory: Path | None = None) -> FormDefinition:
    """The exact edition a stored record names (old years stay readable after the form changes)."""
    for form in editions(directory):
        if form.id == form_id and form.version == version:
            return form
    raise ValidationError("form_missing", f"找不到调查表 {form_id}-{version}：forms/ 目录中缺少该年度版本")
