"""PySide6 6.12 on CPython 3.11 takes a reference from None on every void Qt call; the guard keeps it alive."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import fieldworker.ui
from PySide6.QtCore import QObject
o = QObject()
for _ in range(200000):
    o.setObjectName("x")
print("alive")
"""


def test_many_void_qt_calls_do_not_abort_the_interpreter() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive"
