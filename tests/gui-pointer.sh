# tests/gui-pointer.sh: what the real-pointer tests share (sourced)
#
# Set NAME (for messages) before sourcing it, and call `pointer_setup "$@"`
# first: without a display, xdotool, xvfb-run or sqlite3 the test is
# skipped (or fails when LECTERN_REQUIRE_DISPLAY=1, as in CI); with them
# the script runs again inside a private Xvfb. Then: $workdir (removed at
# exit), $file (the demo workshop's path), start_lectern PAGE (starts the
# app on it, sets $app_pid and $window, and waits for its first frames),
# quit_lectern (Ctrl+Q, checks it quit with status 0), and fail MESSAGE
# (saves the screen, prints the app's output, exits 1).
#
# SPDX-License-Identifier: GPL-3.0-or-later

TITLE='Efficient Systems for Foundation Models'

not_here () {
  if [ "${LECTERN_REQUIRE_DISPLAY:-}" = 1 ]; then
    echo "$NAME: $* (LECTERN_REQUIRE_DISPLAY=1: this is a failure)" >&2
    exit 1
  fi
  echo "$NAME: $*: skipped" >&2
  exit 77
}

# For the AT-SPI tests: skipped without python3-pyatspi (a failure under
# LECTERN_REQUIRE_DISPLAY=1), and run again in a session bus of their own,
# from which their own accessibility bus is started. Call as
# `a11y_setup "$@"` before pointer_setup.
a11y_setup () {
  if [ "${1:-}" != --inner ]; then
    /usr/bin/python3 -c 'import pyatspi' 2>/dev/null || not_here "python3-pyatspi is not installed"
    command -v dbus-run-session >/dev/null || not_here "dbus-run-session is not installed"
    if [ -z "${LECTERN_A11Y_BUS:-}" ]; then
      export LECTERN_A11Y_BUS=1
      exec dbus-run-session -- bash "$0" "$@"
    fi
  fi
}

pointer_setup () {
  if [ "${1:-}" != --inner ]; then
    [ -n "${DISPLAY:-}" ] || not_here "no display; run under xvfb-run"
    for tool in xdotool xvfb-run sqlite3; do
      command -v "$tool" >/dev/null || not_here "$tool is not installed"
    done
    [ -x "${LECTERN_BIN:-}" ] || { echo "$NAME: LECTERN_BIN is not set or not built" >&2; exit 1; }
    exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" bash "$0" --inner
  fi

  workdir=$(mktemp -d)
  file="$workdir/demo.lectern"
  app_pid=
  trap cleanup EXIT
}

cleanup () {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$workdir"
}

fail () {
  echo "$NAME: FAIL: $*" >&2
  if command -v import >/dev/null; then
    shot="${MESON_BUILD_ROOT:-$PWD}/$NAME-failure.png"
    import -window root "$shot" 2>/dev/null && echo "$NAME: screen saved to $shot" >&2
  fi
  [ -f "$workdir/app.log" ] && sed 's/^/  app: /' "$workdir/app.log" >&2
  exit 1
}

start_lectern () {
  env -u GTK_A11Y GSETTINGS_BACKEND=memory XDG_DATA_HOME="$workdir/data" XDG_CONFIG_HOME="$workdir/config" \
      LECTERN_INITIAL_PAGE="$1" \
      "$LECTERN_BIN" "$file" >"$workdir/app.log" 2>&1 &
  app_pid=$!

  window=
  for _ in $(seq 150); do
    window=$(xdotool search --onlyvisible --name "$TITLE" 2>/dev/null | head -n 1 || true)
    [ -n "$window" ] && break
    kill -0 "$app_pid" 2>/dev/null || fail "Lectern exited before showing its window"
    sleep 0.1
  done
  [ -n "$window" ] || fail "no window after 15 s"
  sleep 1   # the first frames
}

quit_lectern () {
  local status=0

  sleep 0.5
  xdotool windowfocus --sync "$window" 2>/dev/null || true
  xdotool key ctrl+q
  for _ in $(seq 100); do
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$app_pid" 2>/dev/null && fail "Lectern did not quit on Ctrl+Q"
  wait "$app_pid" || status=$?
  app_pid=
  [ "$status" -eq 0 ] || fail "Lectern exited with status $status"
}
