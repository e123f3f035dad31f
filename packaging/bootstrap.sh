#!/usr/bin/env bash
# Set up Upright on a fresh Debian/Ubuntu machine, then start it or test it.
#
#   bash packaging/bootstrap.sh app  [upright arguments]   # install, then open Upright
#   bash packaging/bootstrap.sh test [pytest arguments]    # install, lint, type-check, then run every test
#
# System libraries Qt needs are installed with apt-get when run as root;
# otherwise the exact command to run is printed. Python packages go into
# .venv beside this repository, from the ranges pinned in pyproject.toml.
set -euo pipefail

mode="${1:-}"
case "$mode" in
  app|test) shift ;;
  *) echo "usage: bash packaging/bootstrap.sh app|test [arguments]" >&2; exit 2 ;;
esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-python3}"

# PySide6's xcb platform plugin, QtMultimedia/QtTextToSpeech (libpulse0) and fonts.
packages=(libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
          libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xkb1 libegl1 libgl1
          libfontconfig1 libdbus-1-3 libpulse0 fonts-dejavu-core
          libxss1 x11-utils)  # X11 idle time (XScreenSaver) and xprop for full-screen detection
# The voice: Qt's only Linux speech backend talks to speech-dispatcher (through libspeechd2);
# its espeak-ng module is only recommended, so --no-install-recommends needs it named.
packages+=(speech-dispatcher speech-dispatcher-espeak-ng espeak-ng libspeechd2)
if [ "$mode" = test ]; then
  # Tests that need a real X server start their own Xvfb; trayer is a real tray host,
  # xdotool moves the pointer for the idle-time tests.
  # dbus-daemon hosts the fake desktop services of the platform tests.
  # desktop-file-utils and appstream validate the Linux desktop entry and AppStream metainfo.
  # dunst is a real notification server (answering a reminder from the notification);
  # sway (headless), wayland-protocols and wayland-utils test the Wayland idle adapters;
  # openbox and wmctrl close windows the way a title bar does;
  # poppler-utils (pdftotext, pdftoppm) reads the physiotherapist report back;
  # locales has localedef, which builds the ISO-8859-1 locale the output tests run in;
  # tzdata has the zones the time-zone test reads a session in;
  # pulseaudio gives the voice tests a null sink to speak into (tests/speech_dispatcher.py).
  packages+=(xvfb xauth trayer xdotool libxtst6 dbus-daemon desktop-file-utils appstream
             dunst sway wayland-protocols wayland-utils openbox wmctrl poppler-utils locales tzdata
             pulseaudio)
fi
if ! "$python" -c "import ensurepip, venv" >/dev/null 2>&1; then
  packages+=(python3-venv)
fi

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "Installing system packages: ${missing[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "Upright needs these system packages first. Run:" >&2
      echo "  sudo apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
  fi
else
  echo "Not a Debian-based system: make sure Qt 6's xcb libraries are installed." >&2
fi

venv="$root/.venv"
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
extra=""
[ "$mode" = test ] && extra="[test]"
log="$(mktemp)"
if ! "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$root$extra" >"$log" 2>&1; then
  cat "$log" >&2
  echo "installing Upright's Python packages failed (see above)" >&2
  exit 1
fi
rm -f "$log"

cd "$root"
if [ "$mode" = app ]; then
  exec "$venv/bin/upright" "$@"
fi
# The tools run before the tests, and any one failing fails the run: lint (ruff check),
# formatting (ruff format --check) and types (mypy, configured in pyproject.toml).
checked=(desktop tests benchmarks packaging docs)
echo "ruff check"
"$venv/bin/ruff" check "${checked[@]}"
echo "ruff format --check"
"$venv/bin/ruff" format --check "${checked[@]}"
echo "mypy"
"$venv/bin/mypy"
exec "$venv/bin/python" -m pytest "$@"
