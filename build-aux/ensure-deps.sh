#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Lectern needs to build, run and test,
# when some are missing. As root (or through sudo) it runs apt-get; as
# anyone else it names the missing packages and stops.
set -euo pipefail

PKGS=(build-essential meson ninja-build pkg-config gettext
      libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev libyaml-dev
      libgdk-pixbuf-2.0-dev libical-dev libsoup-3.0-dev libjson-glib-dev libsecret-1-dev glib-networking
      appstream desktop-file-utils
      xvfb xauth dbus dbus-x11 at-spi2-core imagemagick xdotool fonts-noto-color-emoji fonts-cantarell
      git sqlite3 tzdata python3 python3-yaml python3-pyatspi python3-icalendar python3-jsonschema libxml2-utils poppler-utils ruby gnome-keyring
      clang libclang-rt-dev)
# Jekyll is installed with its recommended packages, as it was verified.
JEKYLL=(jekyll)

missing=()
for p in "${PKGS[@]}" "${JEKYLL[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  SUDO=(sudo)
else
  echo "Lectern needs these packages, which are not installed:" >&2
  echo "  ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${PKGS[@]}" >/dev/null
"${SUDO[@]}" apt-get install -y -qq "${JEKYLL[@]}" >/dev/null
