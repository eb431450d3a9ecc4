#!/usr/bin/env bash
# Create .venv (Python >= 3.11) and install Opora into it, with the test extra if asked.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "Opora needs Python 3.11 or newer / потрібен Python 3.11 або новіший" >&2; exit 1; }
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${1:-}" 2>&1 \
  | grep -v -E "^WARNING: Location|^$" || true
.venv/bin/python -c "import app, sqlcipher3, reportlab, babel" \
  || { echo "installation failed / встановлення не вдалося" >&2; exit 1; }
if [ -f translations/build.py ]; then .venv/bin/python translations/build.py; fi
