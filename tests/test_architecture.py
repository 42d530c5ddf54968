"""The core never imports Qt: every package except ui/ must import without PySide6."""

import pkgutil
import subprocess
import sys

import fieldworker


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(fieldworker.__path__, "fieldworker."):
        if ".ui" in info.name or info.name.endswith("__main__") or ".store.migrations." in info.name:
            continue
        names.append(info.name)
    return names


def test_core_modules_do_not_load_pyside6():
    modules = core_modules()
    assert "fieldworker.store.engine" in modules and "fieldworker.cli" in modules
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({m!r})\n" for m in modules) + \
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_cli_commands_other_than_gui_never_load_qt(tmp_path):
    code = ("import sys; from fieldworker.cli import main; "
            f"main(['--db', {str(tmp_path / 'x.db')!r}, 'demo', '--persons', '5']); "
            "print([m for m in sys.modules if m.startswith('PySide6')])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
