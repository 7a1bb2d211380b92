#!/usr/bin/env bash
# tests/test-a11y-walk.sh: every view of the window through AT-SPI
#
# Starts the built Lectern on the demo once per view (its first row in
# the detail pane), in a private Xvfb with its own session bus, and runs
# a11y-walk.py on it: no interactive element without a real name.
# Needs python3-pyatspi and at-spi2-core (skipped without them, unless
# LECTERN_REQUIRE_DISPLAY=1).
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

NAME=test-a11y-walk
. "$(dirname "$0")/gui-pointer.sh"

a11y_setup "$@"
pointer_setup "$@"

"$LECTERN_BIN" demo "$file" >/dev/null
# a call with a link, a deadline and a group of topics, for the Call view
"$LECTERN_BIN" cfp link "$file" https://openreview.net/group?id=TEST >/dev/null
"$LECTERN_BIN" cfp date "$file" --label "Submission deadline" --date 2030-05-27 --time 23:59 --zone AoE >/dev/null
"$LECTERN_BIN" cfp topic "$file" --group "Systems" --item "Compilers" >/dev/null
status=0
for view in ${LECTERN_A11Y_VIEWS:-event speakers panelists organizers people sponsors schedule call}; do
  export LECTERN_INITIAL_ROW=0
  start_lectern "$view"
  /usr/bin/python3 "$(dirname "$0")/a11y-walk.py" "$view" || status=1
  quit_lectern
done
[ "$status" -eq 0 ] || fail "a view has interactive elements without a real name"
echo "ok: every view's interactive elements named"
