#!/usr/bin/env bash
# Set up (first time) and start the application; extra arguments go to `fieldworker`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/fieldworker "$@"
