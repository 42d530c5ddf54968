"""The thin Qt layer: windows, tabs, Qt models and dialogs. Holds no domain rule."""

from fieldworker.ui.none_guard import guard_none_refcount

guard_none_refcount()  # before any Qt call: see none_guard.py (PySide6 6.12 on CPython 3.11)
