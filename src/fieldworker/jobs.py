"""Long-running work reports progress and honours cancel without knowing about Qt."""

from __future__ import annotations

import threading
from typing import Callable


class Cancelled(Exception):
    """Raised inside a job when the user pressed 取消; the job's transaction rolls back."""


class Progress:
    """Handed to a long job: ``report`` progress, ``check`` for cancel between steps."""

    def __init__(self, callback: Callable[[int, int, str], None] | None = None) -> None:
        self._callback = callback
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self.check()
        if self._callback:
            self._callback(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


NO_PROGRESS = Progress()
