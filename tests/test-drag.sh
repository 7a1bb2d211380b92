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

NAME=test-drag
EXPECTED='Ce Zhang, Natalia Vassilieva, Deepak Narayanan, Tim Dettmers, Aakanksha Chowdhery, Natalia Gimelshein, Philippe Tillet'
. "$(dirname "$0")/gui-pointer.sh"
pointer_setup "$@"

speakers () {
  sqlite3 -cmd ".timeout 5000" "$file" "SELECT group_concat(name, ', ') FROM (SELECT p.name AS name FROM card c
                   JOIN person p ON p.id = c.person_id WHERE c.role = 'speaker'
                   ORDER BY c.position, c.id)"
}

"$LECTERN_BIN" demo "$file" >/dev/null
before=$(speakers)
echo "before: $before"
[ "$before" != "$EXPECTED" ] || fail "the demo already has the expected order"

start_lectern speakers

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
quit_lectern

[ "$after" = "$EXPECTED" ] || fail "expected: $EXPECTED"
echo "ok: the drag moved Deepak Narayanan below Natalia Vassilieva"
