#!/usr/bin/env bash
# Install Opora with its test tools and run every test (README's test command).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh poppler-utils
bash scripts/install.sh "[test]"
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
