#!/usr/bin/env bash
# Install Opora with its test tools and run every test (README's test command).
set -euo pipefail
cd "$(dirname "$0")/.."
# postgresql: its binaries start the throwaway server of the PostgreSQL tests (tests/pg.py).
# cups + cups-pdf: the printing test sends a printout through a real (private) CUPS queue
bash scripts/system-deps.sh poppler-utils postgresql cups printer-driver-cups-pdf
bash scripts/install.sh "[test]"
export QT_QPA_PLATFORM=offscreen
export OPORA_REQUIRE_POSTGRES=1  # the PostgreSQL tests fail instead of skipping
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
