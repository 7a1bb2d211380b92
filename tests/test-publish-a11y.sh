#!/usr/bin/env bash
# tests/test-publish-a11y.sh: the Publish button and dialog through AT-SPI
#
# Starts the built Lectern on the demo in a private Xvfb with its own
# session bus (and so its own accessibility bus), and runs
# publish-a11y.py: the header bar's Publish is found by its name and
# pressed as a screen reader user presses it; every control of the dialog
# has a name, and Tab reaches the fields. Needs python3-pyatspi and
# at-spi2-core (skipped without them, unless LECTERN_REQUIRE_DISPLAY=1).
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

NAME=test-publish-a11y
. "$(dirname "$0")/gui-pointer.sh"

a11y_setup "$@"
pointer_setup "$@"

"$LECTERN_BIN" demo "$file" >/dev/null
start_lectern event
/usr/bin/python3 "$(dirname "$0")/publish-a11y.py" || fail "Publish as a screen reader meets it"
quit_lectern
echo "ok: Publish and its dialog heard by name, and reached by Tab"
