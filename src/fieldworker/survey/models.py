"""The survey record: one per person and year, synced like every other record."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldworker.store.models import Base, SyncedMixin, register_synced

# 未调查 is the absence of a live record; the others are stored.
NOT_STARTED, DRAFT, COMPLETED, SUBMITTED = "0", "1", "2", "3"
STATUS_LABELS = {NOT_STARTED: "未调查", DRAFT: "草稿", COMPLETED: "已完成", SUBMITTED: "已提交"}
DONE_STATUSES = frozenset({COMPLETED, SUBMITTED})

METHOD_LABELS = {"1": "入户调查", "2": "见面调查", "3": "电话调查"}


class SurveyRecord(SyncedMixin, Base):
    """Answers are JSON {question id: value}; ``form_id``/``form_version`` name the edition.

    ``carried_over`` lists question ids whose answer came from last year and has not been
    confirmed yet; ``problems`` caches the failed checks of the last save for listing.
    """

    __tablename__ = "survey_records"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    form_id: Mapped[str] = mapped_column(String(32))
    form_version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(1), default=DRAFT)
    answers: Mapped[str] = mapped_column(Text, default="{}")
    carried_over: Mapped[str] = mapped_column(Text, default="[]")
    problems: Mapped[str] = mapped_column(Text, default="[]")
    method: Mapped[str] = mapped_column(String(1), default="1")
    surveyor: Mapped[str] = mapped_column(String(64), default="")
    survey_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)

    __table_args__ = (Index("ix_survey_records_year_status", "year", "status"),)


register_synced(SurveyRecord)
