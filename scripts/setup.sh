#!/usr/bin/env bash
# Create .venv (once) and install fieldworker with its test and bundle extras into it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -x .venv/bin/python ]]; then
  python3 -m venv .venv
fi
stamp=.venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)
if [[ ! -f $stamp ]]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[test,bundle]'
  rm -f .venv/.installed-*
  touch "$stamp"
fi
