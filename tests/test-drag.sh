#!/usr/bin/env bash
# tests/test-drag.sh: one real pointer drag reorders the speakers
#
# Starts the built Lectern on the demo workshop, on the Speakers page, in a
# private X server (so that no other test's window covers the rows), drags
# the first speaker onto the third with XTEST pointer events (press, small
# moves, release: GTK's own drag and drop, through X11), quits with
# Ctrl+Q, and reads the order back from the file with sqlite3.
#
# Needs a display like the other GUI tests: without one it is skipped, or
# fails when LECTERN_REQUIRE_DISPLAY=1 (CI). Needs xdotool, xvfb-run and
# sqlite3.
#
# Environment (set by tests/meson.build): LECTERN_BIN, GSETTINGS_SCHEMA_DIR.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

TITLE='Efficient Systems for Foundation Models'
EXPECTED='Ce Zhang, Natalia Vassilieva, Deepak Narayanan, Tim Dettmers, Aakanksha Chowdhery, Natalia Gimelshein, Philippe Tillet'

not_here () {
  if [ "${LECTERN_REQUIRE_DISPLAY:-}" = 1 ]; then
    echo "test-drag: $* (LECTERN_REQUIRE_DISPLAY=1: this is a failure)" >&2
    exit 1
  fi
  echo "test-drag: $*: skipped" >&2
  exit 77
}

if [ "${1:-}" != --inner ]; then
  [ -n "${DISPLAY:-}" ] || not_here "no display; run under xvfb-run"
  for tool in xdotool xvfb-run sqlite3; do
    command -v "$tool" >/dev/null || not_here "$tool is not installed"
  done
  [ -x "${LECTERN_BIN:-}" ] || { echo "test-drag: LECTERN_BIN is not set or not built" >&2; exit 1; }
  exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" bash "$0" --inner
fi

workdir=$(mktemp -d)
file="$workdir/demo.lectern"
app_pid=

cleanup () {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT

fail () {
  echo "test-drag: FAIL: $*" >&2
  if command -v import >/dev/null; then
    shot="${MESON_BUILD_ROOT:-$PWD}/test-drag-failure.png"
    import -window root "$shot" 2>/dev/null && echo "test-drag: screen saved to $shot" >&2
  fi
  [ -f "$workdir/app.log" ] && sed 's/^/  app: /' "$workdir/app.log" >&2
  exit 1
}

speakers () {
  sqlite3 -cmd ".timeout 5000" "$file" "SELECT group_concat(name, ', ') FROM (SELECT p.name AS name FROM card c
                   JOIN person p ON p.id = c.person_id WHERE c.role = 'speaker'
                   ORDER BY c.position, c.id)"
}

"$LECTERN_BIN" demo "$file" >/dev/null
before=$(speakers)
echo "before: $before"
[ "$before" != "$EXPECTED" ] || fail "the demo already has the expected order"

env GSETTINGS_BACKEND=memory XDG_DATA_HOME="$workdir/data" XDG_CONFIG_HOME="$workdir/config" \
    LECTERN_INITIAL_PAGE=speakers \
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
sleep 1   # the first frames: the list and its rows

# The speakers list: rows 50 px apart, the first centred 82 px below the
# window's top (header bar 47 px, list padding), in the 340 px sidebar.
eval "$(xdotool getwindowgeometry --shell "$window")"
x=$((X + 180))
from=$((Y + 82))
to=$((Y + 82 + 2 * 50))

xdotool mousemove "$x" "$from"
sleep 0.3
xdotool mousedown 1
sleep 0.1
# Small steps, as a hand would: GTK starts the drag past a threshold and
# follows the pointer over the rows.
for y in $(seq $((from + 4)) 6 "$to"); do
  xdotool mousemove "$x" "$y"
  sleep 0.03
done
xdotool mousemove "$x" "$to"
sleep 0.4
xdotool mouseup 1

after=
for _ in $(seq 50); do
  after=$(speakers)
  [ "$after" != "$before" ] && break
  sleep 0.1
done
echo "after:  $after"

# Quit as an organizer does; the file holds the order already.
sleep 0.5
xdotool windowfocus --sync "$window" 2>/dev/null || true
xdotool key ctrl+q
status=0
for _ in $(seq 100); do
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$app_pid" 2>/dev/null; then
  fail "Lectern did not quit on Ctrl+Q"
fi
wait "$app_pid" || status=$?
app_pid=

[ "$after" = "$EXPECTED" ] || fail "expected: $EXPECTED"
[ "$status" -eq 0 ] || fail "Lectern exited with status $status"
echo "ok: the drag moved Deepak Narayanan below Natalia Vassilieva"
