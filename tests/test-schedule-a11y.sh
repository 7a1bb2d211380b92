#!/usr/bin/env bash
# tests/test-schedule-a11y.sh: the schedule editor through AT-SPI
#
# Starts the built Lectern on the demo, on the Schedule page, in a private
# Xvfb with its own session bus (and so its own accessibility bus), and
# runs schedule-a11y.py, which reads what a screen reader would read and
# presses Tab as a keyboard user would. Needs python3-pyatspi and
# at-spi2-core (skipped without them, unless LECTERN_REQUIRE_DISPLAY=1).
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

NAME=test-schedule-a11y
. "$(dirname "$0")/gui-pointer.sh"

a11y_setup "$@"
pointer_setup "$@"

"$LECTERN_BIN" demo "$file" >/dev/null
start_lectern schedule
/usr/bin/python3 "$(dirname "$0")/schedule-a11y.py" || fail "the schedule as a screen reader meets it"
quit_lectern
echo "ok: the schedule's slots heard by name, and reached by Tab"
