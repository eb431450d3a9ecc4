#!/usr/bin/env bash
# Build the packaged app (Linux): a PyInstaller one-folder bundle of the GUI and the command
# line from packaging/opora.spec, then dist/opora-VERSION-linux-ARCH.tar.gz and
# dist/opora_VERSION_ARCH.deb (/opt/opora, /usr/bin/opora, a desktop entry and its icon).
#
#   bash scripts/package.sh            # then: bash packaging/smoke.sh dist/opora/opora
#
# Needs the build machine's Python 3.11+ and PySide6 (scripts/install.sh "[package]" is run
# here) and dpkg-deb for the .deb. The bundle runs on glibc as old as the build machine's.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
step() { printf '[package %4ss] %s\n' "$SECONDS" "$*"; }

if ! .venv/bin/python -c 'import PyInstaller' 2>/dev/null; then
  bash scripts/system-deps.sh
  bash scripts/install.sh "[package]" >/dev/null
fi
VERSION=$(.venv/bin/python -c 'import app; print(app.__version__)')
ARCH=$(dpkg --print-architecture 2>/dev/null || uname -m)
BUILD=$ROOT/build/package
DIST=$ROOT/dist
rm -rf "$BUILD" "$DIST/opora" "$DIST"/opora-*.tar.gz "$DIST"/opora_*.deb
mkdir -p "$BUILD" "$DIST"

step "icons"
.venv/bin/python packaging/make_icons.py "$BUILD/icons" >/dev/null
step "PyInstaller (one folder)"
OPORA_ICONS=$BUILD/icons .venv/bin/python -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$DIST" --workpath "$BUILD/work" packaging/opora.spec >"$BUILD/pyinstaller.log" 2>&1 || {
  tail -n 40 "$BUILD/pyinstaller.log" >&2
  exit 1
}
[ -x "$DIST/opora/opora" ] || { echo "package: no dist/opora/opora" >&2; exit 1; }
cp packaging/linux/README.txt "$DIST/opora/README.txt"
cp "$BUILD/icons/opora.png" "$DIST/opora/opora.png"

step "tar.gz"
TARBALL=$DIST/opora-$VERSION-linux-$ARCH.tar.gz
tar -C "$DIST" -czf "$TARBALL" opora

if command -v dpkg-deb >/dev/null; then
  step ".deb"
  DEB_ROOT=$BUILD/deb
  mkdir -p "$DEB_ROOT/DEBIAN" "$DEB_ROOT/opt" "$DEB_ROOT/usr/bin" \
    "$DEB_ROOT/usr/share/applications" "$DEB_ROOT/usr/share/icons/hicolor/scalable/apps" \
    "$DEB_ROOT/usr/share/icons/hicolor/256x256/apps"
  cp -a "$DIST/opora" "$DEB_ROOT/opt/opora"
  ln -s /opt/opora/opora "$DEB_ROOT/usr/bin/opora"
  cp packaging/linux/opora.desktop "$DEB_ROOT/usr/share/applications/opora.desktop"
  cp "$BUILD/icons/opora.svg" "$DEB_ROOT/usr/share/icons/hicolor/scalable/apps/opora.svg"
  cp "$BUILD/icons/opora.png" "$DEB_ROOT/usr/share/icons/hicolor/256x256/apps/opora.png"
  SIZE=$(du -sk "$DEB_ROOT" | cut -f1)
  sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE/" \
    packaging/linux/control >"$DEB_ROOT/DEBIAN/control"
  chmod -R u+rwX,go+rX,go-w "$DEB_ROOT"
  DEB=$DIST/opora_${VERSION}_$ARCH.deb
  dpkg-deb --root-owner-group -Zgzip --build "$DEB_ROOT" "$DEB" >/dev/null
fi

step "done"
du -sh "$DIST/opora" "$TARBALL" ${DEB:+"$DEB"} | sed 's/^/  /'
