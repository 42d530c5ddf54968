"""Where things live: bundled resources, form definitions, and the user's data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "fieldworker"
DB_FILENAME = "fieldworker.db"


def _bundle_root() -> Path:
    # PyInstaller unpacks data next to the executable (sys._MEIPASS); a source checkout
    # keeps resources/ and forms/ at the repository root, two levels above this package.
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    return Path(os.environ.get("FIELDWORKER_RESOURCES") or _bundle_root() / "resources")


def forms_dir() -> Path:
    return Path(os.environ.get("FIELDWORKER_FORMS") or _bundle_root() / "forms")


def font_path() -> Path:
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


def user_data_dir() -> Path:
    override = os.environ.get("FIELDWORKER_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return user_data_dir() / DB_FILENAME
