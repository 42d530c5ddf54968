"""Every tr() string in the UI has a Simplified Chinese translation, and the shipped .qm is current."""

import importlib.util
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_i18n():
    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_ui_string_is_translated_and_the_qm_is_up_to_date(tmp_path):
    i18n = load_i18n()
    ts = tmp_path / "fieldworker_zh_CN.ts"
    shutil.copy(i18n.TS, ts)
    i18n.update(ts)
    i18n.set_translations(ts)
    assert i18n.missing(ts) == []
    qm = tmp_path / "fresh.qm"
    i18n.release(ts, qm)
    assert qm.read_bytes() == i18n.QM.read_bytes(), "run: python scripts/i18n.py build"
