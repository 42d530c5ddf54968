"""Lets the Excel tests import their sheet builders (``excel_sheets``) under importlib import mode."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
