#!/usr/bin/env bash
# with-keyring.sh COMMAND…: runs COMMAND with a private GNOME Keyring
# (the Secret Service libsecret talks to), unlocked, on the session bus
# the test runs in, and a home of its own, so that no test touches the
# keyring of the person running it. Needs a D-Bus session (make test
# runs the suite in dbus-run-session).
set -uo pipefail

[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || { echo "with-keyring.sh: no D-Bus session bus" >&2; exit 1; }

home=$(mktemp -d)
export HOME=$home XDG_DATA_HOME=$home/.local/share XDG_CACHE_HOME=$home/.cache XDG_CONFIG_HOME=$home/.config
eval "$(printf 'lectern-test' | gnome-keyring-daemon --daemonize --unlock --components=secrets 2>/dev/null)"
[ -n "${GNOME_KEYRING_CONTROL:-}" ] || { echo "with-keyring.sh: gnome-keyring-daemon did not start" >&2; exit 1; }

"$@"
rc=$?

[ -n "${GNOME_KEYRING_PID:-}" ] && kill "$GNOME_KEYRING_PID" 2>/dev/null
rm -rf "$home"
exit "$rc"
