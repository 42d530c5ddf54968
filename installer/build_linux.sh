#!/usr/bin/env bash
# Build the Linux one-folder bundle with PyInstaller, then check it really starts:
# `--selftest` opens the main window offscreen on a temporary demo database, and
# `check-id` exercises the command line. Exits non-zero if the build or a check fails.
#
#   bash installer/build_linux.sh [--clean]
#
# Environment: PYTHON (default .venv/bin/python, else python3), FIELDWORKER_DIST and
# FIELDWORKER_BUILD (output and work folders, default dist/ and build/, both gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z ${PYTHON:-} ]]; then
  if [[ -x .venv/bin/python ]]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
dist=${FIELDWORKER_DIST:-dist}
work=${FIELDWORKER_BUILD:-build}
extra=()
[[ ${1:-} == --clean ]] && extra+=(--clean)

start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN "${extra[@]}" \
  --distpath "$dist" --workpath "$work/pyinstaller" installer/fieldworker.spec
seconds=$(($(date +%s) - start))
exe=$dist/fieldworker/fieldworker
echo "built $exe in ${seconds}s, bundle $(du -sh "$dist/fieldworker" | cut -f1)"

# A throwaway data directory: the checks must not touch the user's real database.
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export FIELDWORKER_DATA_DIR=$data QT_QPA_PLATFORM=offscreen

timeout 120 "$exe" --selftest
timeout 60 "$exe" check-id 11010519491231002X >/dev/null
if timeout 60 "$exe" check-id 110105194912310021 >/dev/null 2>&1; then
  echo "check-id accepted an invalid 身份证号" >&2
  exit 1
fi
echo "bundle self-test passed"
