#!/usr/bin/env bash
# Install Opora and open it on a fresh demo database (README's run command).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
bash scripts/install.sh
exec .venv/bin/opora demo "$@"
