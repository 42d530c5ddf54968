"""Run core work off the GUI thread with a progress dialog and a cancel button.

Usage (the only way widgets start long work)::

    run_in_background(self, lambda progress: excel.export(db, path, progress=progress),
                      title=self.tr("Exporting…"), on_success=self._exported)

The callable receives a core ``Progress``; errors are shown in one place (``show_error``).
"""

from __future__ import annotations

import traceback
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from fieldworker.domain.errors import FieldErrors, ValidationError
from fieldworker.jobs import Cancelled, Progress


class _Signals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.progress = Progress(lambda done, total, text: signals.progress.emit(done, total, text))

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:  # shown to the user, never lost in a thread
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.succeeded.emit(result)


class BackgroundOp(QObject):
    """One background job; kept alive by its parent until it finishes."""

    finished = Signal()

    def __init__(self, parent: QWidget, fn: Callable[[Progress], Any], *, title: str,
                 on_success: Callable[[Any], None] | None = None,
                 on_failure: Callable[[BaseException], None] | None = None, cancellable: bool = True) -> None:
        super().__init__(parent)
        self._parent = parent
        self._on_success = on_success
        self._on_failure = on_failure
        self.signals = _Signals()
        self.job = _Job(fn, self.signals)
        self.job.setAutoDelete(False)
        self.dialog = QProgressDialog(title, self.tr("Cancel") if cancellable else "", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self.job.progress.cancel)
        self.signals.progress.connect(self._progress)
        self.signals.succeeded.connect(self._succeeded)
        self.signals.failed.connect(self._failed)
        self.signals.cancelled.connect(self._done)

    def start(self) -> "BackgroundOp":
        QThreadPool.globalInstance().start(self.job)
        return self

    def cancel(self) -> None:
        self.job.progress.cancel()

    def _progress(self, done: int, total: int, text: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(done)
        if text:
            self.dialog.setLabelText(text)

    def _succeeded(self, result: Any) -> None:
        self._done()
        if self._on_success:
            self._on_success(result)

    def _failed(self, exc: BaseException, trace: str) -> None:
        self._done()
        if self._on_failure:
            self._on_failure(exc)
        else:
            show_error(self._parent, exc, trace)

    def _done(self) -> None:
        self.dialog.reset()
        self.dialog.close()
        self.finished.emit()
        self.deleteLater()


def run_in_background(parent: QWidget, fn: Callable[[Progress], Any], *, title: str,
                      on_success: Callable[[Any], None] | None = None,
                      on_failure: Callable[[BaseException], None] | None = None,
                      cancellable: bool = True) -> BackgroundOp:
    return BackgroundOp(parent, fn, title=title, on_success=on_success, on_failure=on_failure,
                        cancellable=cancellable).start()


def show_error(parent: QWidget | None, exc: BaseException, trace: str = "") -> None:
    """The one place errors reach the user: Chinese reason for input errors, details for bugs."""
    if isinstance(exc, (ValidationError, FieldErrors)):
        QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Cannot do this"), str(exc))
        return
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Errors", "Unexpected error"),
                      QCoreApplication.translate("Errors", "The operation failed. Nothing was changed.") + "\n" + str(exc), parent=parent)
    if trace:
        box.setDetailedText(trace)
    box.exec()
