#!/usr/bin/env bash
# Installs the Debian packages Qt needs to run (offscreen or on a screen), and the tools that
# build and test the Debian package, if any are missing.
# Extra package names may be passed as arguments. Only acts where apt-get is available and we
# are root (or have passwordless sudo); otherwise it lists what is missing and carries on.
set -u
packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
          libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0
          libxcb-image0 libfontconfig1 libdbus-1-3 fonts-dejavu-core
          poppler-utils "$@")
# The screen-reader walk (a virtual screen, a private D-Bus, the AT-SPI registry and pyatspi for
# the system Python) and read-aloud (QtTextToSpeech needs PulseAudio's client library).
packages+=(xvfb xauth dbus dbus-x11 at-spi2-core python3-pyatspi gir1.2-atspi-2.0 libpulse0)
# Real input and a standard window manager for the kiosk's screen tests and the real-X soak:
# xdotool and wmctrl type, click and switch workspaces; openbox is a light window manager with
# the usual keys (Alt+Space, Super+D); xwininfo, xprop and xrandr look at and resize the screen.
packages+=(xdotool wmctrl openbox x11-utils x11-xserver-utils)
# Read-aloud with a real voice (speech-dispatcher speaking through espeak-ng into a PulseAudio
# null sink the test records), and strace for the test that watches a kiosk write nothing.
packages+=(speech-dispatcher speech-dispatcher-espeak-ng espeak-ng pulseaudio pulseaudio-utils
           strace)
# The Debian package (make deb) and its checks, and the real kiosk stack its test runs: the cage
# compositor with Xwayland, grim for screenshots, and the libraries Qt's Wayland platform loads.
packages+=(dpkg-dev binutils patchelf librsvg2-bin lintian desktop-file-utils appstream
           systemd cage grim xwayland libwayland-client0 libwayland-cursor0 libwayland-egl1)
# The QR codes are read back off the screen by zbar (pyzbar loads libzbar0; zbarimg reads a
# screenshot by hand).
packages+=(libzbar0 zbar-tools)
# Real taps and key presses on the virtual screen (the on-screen keyboard test).
packages+=(xdotool)
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else
  echo "system-deps: missing Debian packages (install them as root): ${missing[*]}" >&2
  exit 0
fi
echo "system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null 2>&1 || true
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
  || echo "system-deps: could not install some of: ${missing[*]}" >&2
exit 0
