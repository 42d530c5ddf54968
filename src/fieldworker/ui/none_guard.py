"""Keep CPython 3.11 alive under a PySide6 reference-count bug on ``None``.

With PySide6-Essentials 6.12 on CPython 3.11, every call of a Qt method that returns
nothing (``setText``, ``setVisible``, ``setObjectName``…) takes one reference from ``None``
without having given it one (measured: exactly −1 per call). ``None`` starts with a few
thousand references, so after a few thousand such calls the interpreter aborts with
"Fatal Python error: none_dealloc" — at exit, or in the middle of a session. CPython 3.12
made ``None`` immortal, which hides the bug there. On older CPython we give ``None`` so many
references that it cannot run out, which is what 3.12 does by design.
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 40  # ~10^12 Qt calls before it could matter


def guard_none_refcount() -> bool:
    """Apply once on CPython < 3.12; returns whether it was applied."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if getattr(sys, "_fieldworker_none_guard", False):
        return False
    # ob_refcnt is the first field of every CPython object (Py_ssize_t).
    ctypes.c_ssize_t.from_address(id(None)).value += _RESERVE
    sys._fieldworker_none_guard = True  # type: ignore[attr-defined]
    return True
