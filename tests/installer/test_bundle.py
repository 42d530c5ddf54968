"""The Linux one-folder bundle: built with the real PyInstaller spec, then started.

Building takes about a minute; the bundle goes to a temporary folder so that a developer's
own dist/ is left alone.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fieldworker.store import migrations

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    if not sys.platform.startswith("linux"):
        pytest.skip("build_linux.sh builds the Linux bundle")
    tmp = tmp_path_factory.mktemp("bundle")
    env = {**os.environ, "PYTHON": sys.executable,
           "FIELDWORKER_DIST": str(tmp / "dist"), "FIELDWORKER_BUILD": str(tmp / "build")}
    result = subprocess.run(["bash", str(INSTALLER / "build_linux.sh")], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=1200)
    return result, tmp / "dist" / "fieldworker"


@pytest.fixture(scope="module")
def bundle(build: tuple[subprocess.CompletedProcess[str], Path]) -> Path:
    result, folder = build
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return folder


def run_frozen(bundle: Path, *args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FIELDWORKER_DATA_DIR": str(data_dir)}
    return subprocess.run([str(bundle / "fieldworker"), *args], env=env,
                          capture_output=True, text=True, timeout=300)


def test_build_script_builds_and_the_selftest_passes(build) -> None:
    result, folder = build
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "selftest ok" in result.stdout
    assert "bundle self-test passed" in result.stdout
    assert (folder / "fieldworker").stat().st_mode & 0o111


def test_bundle_carries_font_translations_forms_and_every_migration(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert (internal / "resources" / "fonts" / "wqy-microhei.ttc").stat().st_size > 1_000_000
    assert (internal / "resources" / "i18n" / "fieldworker_zh_CN.qm").is_file()
    for form in (ROOT / "forms").rglob("*"):
        if form.is_file():
            assert (internal / "forms" / form.relative_to(ROOT / "forms")).is_file(), form
    source_versions = {p.name for p in (migrations.HERE / "versions").glob("*.py")}
    bundled = internal / "fieldworker" / "store" / "migrations"
    assert (bundled / "env.py").is_file()
    assert source_versions <= {p.name for p in (bundled / "versions").glob("*.py")}
    # Only the Chinese Qt translations travel with the bundle.
    qt_translations = [p.name for p in internal.rglob("translations/*.qm")]
    assert qt_translations and all("zh_CN" in name or name.endswith("_en.qm") for name in qt_translations)


def test_frozen_command_line_creates_a_database_through_the_bundled_migrations(bundle: Path,
                                                                             tmp_path: Path) -> None:
    # `demo` opens a new file (Alembic runs the bundled revision scripts), fills it through
    # every feature's demo step, and `stats` reads it back in a second process.
    db_file = tmp_path / "village.db"
    demo = run_frozen(bundle, "--db", str(db_file), "demo", "--persons", "25", "--seed", "4", data_dir=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert db_file.stat().st_size > 0
    stats = run_frozen(bundle, "--db", str(db_file), "stats", "--json", data_dir=tmp_path)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["persons"] == 25


def test_frozen_check_id_reports_valid_and_invalid_numbers(bundle: Path, tmp_path: Path) -> None:
    good = run_frozen(bundle, "check-id", "11010519491231002X", data_dir=tmp_path)
    assert good.returncode == 0 and "1949-12-31" in good.stdout
    bad = run_frozen(bundle, "check-id", "110105194912310021", data_dir=tmp_path)
    assert bad.returncode == 1 and "校验" in bad.stdout + bad.stderr
    usage = run_frozen(bundle, "no-such-command", data_dir=tmp_path)
    assert usage.returncode == 2


def test_windows_installer_packs_the_folder_the_spec_produces() -> None:
    spec = (INSTALLER / "fieldworker.spec").read_text(encoding="utf-8")
    iss = (INSTALLER / "fieldworker.iss").read_text(encoding="utf-8-sig")
    collect_name = re.search(r'COLLECT\([^)]*name="([^"]+)"', spec, re.S).group(1)
    gui_exe = re.search(r'executable\("([^"]+)", console=not WINDOWS\)', spec).group(1)
    assert f'Source: "dist\\{collect_name}\\*"' in iss
    assert f'#define AppExe "{gui_exe}.exe"' in iss
    assert '#define AppName "基层残疾人工作台"' in iss
    assert re.search(r'^Name: "\{group\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExe\}"', iss, re.M)
    assert "[UninstallDelete]" not in iss.replace("no [UninstallDelete] entry", "")
