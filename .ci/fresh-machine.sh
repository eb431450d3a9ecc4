#!/usr/bin/env bash
# The README on a machine that has nothing: Debian 12 minbase made by debootstrap in a
# folder, the checkout copied in, the README's first command (./scripts/demo.sh) run inside
# it as root under a virtual screen until Opora's main window is up; then, when the packages
# are given, the packaged bundle's smoke test (packaging/smoke.sh) inside the same machine,
# and the .deb installed with dpkg -i: `opora --version` from PATH and its window on screen.
#
#   sudo bash .ci/fresh-machine.sh [dist/opora-VERSION-linux-ARCH.tar.gz dist/opora_VERSION_ARCH.deb]
#
# Slow (minutes; it downloads Debian and PyPI packages). Needs root, debootstrap and Xvfb on
# the host (installed here with apt-get when missing). The host's X socket is bind-mounted
# into the folder so the window shows on the host's Xvfb: nothing X-related is installed
# inside the fresh machine but what scripts/system-deps.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
CHECKOUT=$PWD
BUNDLE=${1:-}
DEB=${2:-}
WINDOW_TIMEOUT=${WINDOW_TIMEOUT:-900} # the README's command must show the window in 15 min
[ "$(id -u)" -eq 0 ] || { echo "fresh-machine: needs root (debootstrap, chroot)" >&2; exit 1; }

stamp() { date +%s; }
step() { printf '[fresh-machine %4ss] %s\n' "$(($(stamp) - START))" "$*"; }
START=$(stamp)

need=()
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xwininfo >/dev/null || need+=(x11-utils)
if [ ${#need[@]} -gt 0 ]; then
  step "installing on the host: ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# The Debian mirror apt is configured with (deb822 "URIs:" or one-line "deb URL bookworm").
MIRROR=$(grep -h -E '^(URIs:|deb) ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
  /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v -E 'security|nodesource|google' \
  | grep -o -E 'https?://[^ ]+/debian/?' | head -n 1 || true)
MIRROR=${MIRROR:-http://deb.debian.org/debian}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/opora-fresh.XXXXXX")
ROOT=$WORK/root
XVFB_PID=""
APP_PID=""
cleanup() {
  set +e
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
  for mount in $(grep -o " $ROOT[^ ]*" /proc/mounts | sort -r); do umount -l "$mount"; done
  # Remove the folder only when nothing of the host is mounted inside it any more.
  if grep -q " $ROOT" /proc/mounts; then
    echo "fresh-machine: $ROOT still has mounts; left in place" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

step "debootstrap --variant=minbase bookworm from $MIRROR"
debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 || {
  tail -n 20 "$WORK/debootstrap.log" >&2
  exit 1
}
step "minimal Debian ready ($(du -sh "$ROOT" | cut -f1))"

mount -t proc proc "$ROOT/proc"
mount -t sysfs sys "$ROOT/sys"
mount --rbind /dev "$ROOT/dev"
mount --make-rslave "$ROOT/dev"
mkdir -p "$ROOT/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$ROOT/tmp/.X11-unix" 2>/dev/null || {
  mkdir -p /tmp/.X11-unix && chmod 1777 /tmp/.X11-unix
  mount --bind /tmp/.X11-unix "$ROOT/tmp/.X11-unix"
}
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
# This machine's network may pass HTTPS through its own certificate authority: pip inside
# the fresh machine gets the host's bundle, the only thing it borrows from the host.
PIP_CERT_IN=""
HOST_CA=${PIP_CERT:-/etc/ssl/certs/ca-certificates.crt}
if [ -f "$HOST_CA" ]; then
  cp "$HOST_CA" "$ROOT/etc/host-ca.crt"
  PIP_CERT_IN=/etc/host-ca.crt
fi

# The checkout as committed plus what is not yet committed (git ls-files), never .venv/dist.
mkdir -p "$ROOT/opora"
git -C "$CHECKOUT" ls-files -z --cached --others --exclude-standard \
  | (cd "$CHECKOUT" && tar -cf - --null --ignore-failed-read -T - 2>/dev/null) \
  | tar -C "$ROOT/opora" -xf -

in_root() {
  chroot "$ROOT" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 TERM=dumb ${PIP_CERT_IN:+PIP_CERT=$PIP_CERT_IN} \
    ${DISPLAY_IN:+DISPLAY=$DISPLAY_IN} "$@"
}
# In the background: `exec` makes $! the app itself (chroot, env, bash and demo.sh all exec),
# so that killing $! closes its window.
in_root_bg() {
  exec chroot "$ROOT" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 TERM=dumb ${PIP_CERT_IN:+PIP_CERT=$PIP_CERT_IN} \
    ${DISPLAY_IN:+DISPLAY=$DISPLAY_IN} "$@"
}

exec 3>"$WORK/display"
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.2; done
DISPLAY_IN=:$(head -n 1 "$WORK/display")
step "Xvfb on $DISPLAY_IN; running the README's first command: ./scripts/demo.sh"

README_START=$(stamp)
in_root_bg bash -c 'cd /opora && exec ./scripts/demo.sh' >"$WORK/demo.log" 2>&1 &
APP_PID=$!
up=""
while [ $(($(stamp) - README_START)) -lt "$WINDOW_TIMEOUT" ]; do
  if ! kill -0 "$APP_PID" 2>/dev/null; then break; fi
  # The main window's title ends with «демонстраційні дані» / "demo data"; the progress dialog's does not.
  if DISPLAY=$DISPLAY_IN xwininfo -root -tree 2>/dev/null | grep -q -E 'демонстраційні дані|demo data'; then
    up=yes
    break
  fi
  sleep 2
done
elapsed=$(($(stamp) - README_START))
if [ -z "$up" ]; then
  echo "fresh-machine: the window did not come up within ${elapsed}s; output:" >&2
  tail -n 40 "$WORK/demo.log" >&2
  exit 1
fi
step "main window up ${elapsed}s after ./scripts/demo.sh started"
DISPLAY=$DISPLAY_IN xwininfo -root -tree | grep -E 'демонстраційні дані|demo data' | head -n 1
if grep -q -E 'Traceback|[Ee]rror' "$WORK/demo.log"; then
  echo "fresh-machine: errors in the demo's output:" >&2
  cat "$WORK/demo.log" >&2
  exit 1
fi
grep -E 'activate' "$WORK/demo.log" || {
  echo "fresh-machine: install did not say how to use the opora command" >&2
  exit 1
}
if [ -n "${SCREENSHOT:-}" ] && command -v xwd >/dev/null; then
  DISPLAY=$DISPLAY_IN xwd -root -silent >"$SCREENSHOT"
fi
kill "$APP_PID" 2>/dev/null || true
wait "$APP_PID" 2>/dev/null || true
APP_PID=""
opora_windows() { DISPLAY=$DISPLAY_IN xwininfo -root -tree 2>/dev/null | grep -E '"Опора' \
  | grep -E ' [0-9]{3,}x[0-9]{3,}\+' || true; }
for _ in $(seq 20); do [ -z "$(opora_windows)" ] && break; sleep 0.5; done
[ -z "$(opora_windows)" ] || { echo "fresh-machine: the demo's window did not close" >&2; exit 1; }
in_root /opora/.venv/bin/opora --version

if [ -n "$BUNDLE" ]; then
  step "packaged bundle's smoke test inside the same machine: $(basename "$BUNDLE")"
  mkdir -p "$ROOT/opt/bundle"
  tar -C "$ROOT/opt/bundle" -xzf "$BUNDLE"
  cp "$CHECKOUT/packaging/smoke.sh" "$ROOT/opt/smoke.sh"
  in_root bash /opt/smoke.sh /opt/bundle/opora/opora
fi
if [ -n "$DEB" ]; then
  step "dpkg -i $(basename "$DEB")"
  cp "$DEB" "$ROOT/tmp/opora.deb"
  in_root dpkg -i /tmp/opora.deb >"$WORK/dpkg.log" 2>&1 || { cat "$WORK/dpkg.log" >&2; exit 1; }
  in_root bash -c 'command -v opora && opora --version'
  # The installed app on the X screen (the xcb platform, not offscreen) until its window shows.
  in_root env OPORA_PASSWORD=fresh-machine-secret opora --db /root/centre.db init centre --name ЦНСП --admin admin
  START_GUI=$(stamp)
  in_root_bg env OPORA_PASSWORD=fresh-machine-secret opora --db /root/centre.db --user admin >"$WORK/gui.log" 2>&1 &
  APP_PID=$!
  up=""
  while [ $(($(stamp) - START_GUI)) -lt 120 ] && kill -0 "$APP_PID" 2>/dev/null; do
    if [ -n "$(opora_windows)" ]; then
      up=yes
      opora_windows | head -n 1
      break
    fi
    sleep 1
  done
  [ -n "$up" ] || { echo "fresh-machine: the installed app showed no window" >&2; cat "$WORK/gui.log" >&2; exit 1; }
  step "the installed app's window is up $(($(stamp) - START_GUI))s after start"
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
fi
step "done"
