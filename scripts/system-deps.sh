#!/usr/bin/env bash
# Debian/Ubuntu system packages Opora needs on a bare machine (Debian 12 minbase and up):
# Python with venv, and every library PySide6's Qt links to for the X11 (xcb) and Wayland
# platforms, printing (CUPS) and its lupdate/lrelease tools. Installed when we are root,
# otherwise named in one `sudo apt-get install` line. Extra packages may be passed as arguments.
#
# The list was found with ldd on a fresh debootstrap of Debian 12 minbase over
# PySide6/Qt/lib, Qt/plugins/{platforms,xcbglintegrations,printsupport,...} and lupdate;
# .ci/fresh-machine.sh proves it on such a machine in every CI run.
set -euo pipefail
PYTHON="${PYTHON:-python3}"
PACKAGES=(
  # Qt GUI and the X11 (xcb) platform plugin
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-shape0 libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0
  libxcb-xfixes0
  # Wayland sessions (Ubuntu's default), printing, and a font with Ukrainian letters
  libwayland-cursor0 libwayland-egl1 libcups2 fonts-dejavu-core
  "$@"
)

say() { printf '%s\n' "$@" >&2; }

if ! command -v dpkg-query >/dev/null 2>&1; then
  exit 0 # not Debian/Ubuntu: install.sh still names any library Qt cannot find
fi

# Python: the interpreter and its venv module (Debian ships venv/ensurepip separately).
if ! command -v "$PYTHON" >/dev/null 2>&1; then
  PACKAGES+=(python3 python3-venv)
elif "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
  && ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  version=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  PACKAGES+=("python${version}-venv") # an older Python: install.sh says so
fi

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Встановлюю системні пакети · installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  log=$(mktemp)
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
    >"$log" 2>&1; then
    tail -n 15 "$log" >&2
    rm -f "$log"
    say "Не вдалося встановити системні пакети (див. вище) · apt-get failed (see above)."
    exit 1
  fi
  rm -f "$log"
else
  say "Opora потребує системних пакетів; встановіть їх командою:" \
    "Opora needs these system packages; install them with:" \
    "  sudo apt-get install ${missing[*]}" \
    "і запустіть цю команду знову · then run this command again."
  exit 1
fi
