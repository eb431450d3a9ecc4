#!/usr/bin/env bash
# Create .venv (Python >= 3.11) and install Opora into it, with an extra if asked ("[test]").
# Quiet when all goes well; a short message in Ukrainian and English when it does not.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"

fail() {
  printf '%s\n' "$@" >&2
  exit 1
}

command -v "$PYTHON" >/dev/null 2>&1 || fail \
  "Не знайдено Python ($PYTHON). Opora потребує Python 3.11 або новішого." \
  "Python ($PYTHON) was not found. Opora needs Python 3.11 or newer." \
  "  Debian/Ubuntu: sudo apt-get install python3 python3-venv" \
  "  інший Python · another Python: PYTHON=/path/to/python3.12 $0"
found=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true)
case "$found" in
  3.1[1-9] | 3.[2-9][0-9] | [4-9].*) ;;
  *) fail \
  "Opora потребує Python 3.11 або новішого, а $PYTHON — це Python ${found:-?}." \
  "Opora needs Python 3.11 or newer; $PYTHON is Python ${found:-?}." \
  "  інший Python · another Python: PYTHON=/path/to/python3.11 $0" ;;
esac

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv >/dev/null 2>&1 || {
    rm -rf .venv
    fail "Не вдалося створити .venv: бракує модуля venv · could not create .venv (no venv module)." \
      "  Debian/Ubuntu: sudo apt-get install python$found-venv"
  }
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
quiet=(-q --disable-pip-version-check --no-input)
# The editable install follows the code by itself; pip runs again only when pyproject.toml
# changed or another extra is asked for (so a second install, e.g. CI's, is instant and never
# rewrites .venv under a build that reads it).
stamp=".venv/.opora-installed"
wanted="$(sha256sum pyproject.toml | cut -c1-16) ${1:-[]}"
if ! grep -qxF "$wanted" "$stamp" 2>/dev/null; then
  .venv/bin/python -m pip install "${quiet[@]}" --upgrade pip >/dev/null 2>&1 || true
  if ! .venv/bin/python -m pip install "${quiet[@]}" -e ".${1:-}" >"$log" 2>&1; then
    tail -n 25 "$log" >&2
    fail "Встановлення не вдалося (див. вище) · installation failed (see above)."
  fi
  echo "$wanted" >>"$stamp"
fi
.venv/bin/python -c "import app, sqlcipher3, reportlab, babel, PySide6" >"$log" 2>&1 || {
  cat "$log" >&2
  fail "Встановлення не вдалося (див. вище) · installation failed (see above)."
}

# Every library Qt links to must be on the machine (a fresh Linux may lack some): name them.
if command -v ldd >/dev/null 2>&1; then
  qt=$(.venv/bin/python -c 'import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent)')
  libs=()
  for f in "$qt"/lrelease "$qt"/Qt/lib/libQt6{Core,Gui,Widgets,PrintSupport,Svg,DBus,XcbQpa}.so.6 \
    "$qt"/Qt/plugins/platforms/lib{qxcb,qoffscreen}.so; do
    [ -e "$f" ] || continue
    while read -r name _; do libs+=("$name"); done < <(ldd "$f" 2>/dev/null | grep "not found")
  done
  if [ ${#libs[@]} -gt 0 ]; then
    fail "Бракує системних бібліотек для Qt · Qt cannot find these system libraries:" \
      "  $(printf '%s\n' "${libs[@]}" | sort -u | tr '\n' ' ')" \
      "Debian/Ubuntu: sudo bash scripts/system-deps.sh (встановить їх · installs them)."
  fi
fi

.venv/bin/python translations/build.py --release >/dev/null # compiled .qm of the GUI

echo "Opora встановлено · installed. Команда opora · the opora command:"
echo "  source $PWD/.venv/bin/activate   # або · or: ln -s $PWD/.venv/bin/opora ~/.local/bin/"
