#!/usr/bin/env bash
# Debian/Ubuntu libraries Qt needs on a bare machine (even offscreen), installed when we
# are root, otherwise named so the user can install them.
set -euo pipefail
PACKAGES=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
  libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 libxcb-image0 libxcb-randr0
  libxcb-xinerama0 libxcb-xfixes0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core
  "$@")
command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian: nothing we can check
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Opora needs these system packages; install them with:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  echo "Opora потребує цих системних пакетів; встановіть їх командою вище." >&2
  exit 1
fi
