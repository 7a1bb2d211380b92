#!/usr/bin/env bash
# tests/test-timeline-drag.sh: real pointer drags on the schedule's timeline
#
# Starts the built Lectern on the demo workshop, on the Schedule page, in a
# private X server, and with XTEST pointer events (press, small moves,
# release: GTK's own drag and drop and gestures, through X11):
#   1. drags "Using Megatron to Train Large Language Models" (9:00–9:25,
#      grabbed 10 minutes below its top) up to 8:00;
#   2. drags the bottom edge of "Distributed Systems for Decentralized AI"
#      (9:25–9:45) 20 px (10 minutes) down: 30 minutes long;
# then quits with Ctrl+Q and reads both back from the file with sqlite3.
#
# The timeline's geometry (lectern-timeline.c): 2 px a minute, its top 12 px
# below the line that names the time zone (20 px) under the header bar's
# 52 px, from 8:00 (the day's first visible hour); the pool is 260 px wide
# on the left.
#
# Needs a display like the other GUI tests: without one it is skipped, or
# fails when LECTERN_REQUIRE_DISPLAY=1 (CI). Needs xdotool, xvfb-run and
# sqlite3.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

NAME=test-timeline-drag
. "$(dirname "$0")/gui-pointer.sh"
pointer_setup "$@"

slot () {
  sqlite3 -cmd ".timeout 5000" "$file" "SELECT start || ' ' || duration FROM slot WHERE title = '$1'"
}

# a drag as a hand makes it: press, small steps past GTK's threshold, release
drag () {
  local x=$1 from=$2 to=$3 step
  step=$(( to > from ? 5 : -5 ))
  xdotool mousemove "$x" "$from"
  sleep 0.3
  xdotool mousedown 1
  sleep 0.1
  for y in $(seq $((from + step)) "$step" "$to"); do
    xdotool mousemove "$x" "$y"
    sleep 0.03
  done
  xdotool mousemove "$x" "$to"
  sleep 0.4
  xdotool mouseup 1
}

wait_for () {
  local title=$1 want=$2 got=
  for _ in $(seq 50); do
    got=$(slot "$title")
    [ "$got" = "$want" ] && return 0
    sleep 0.1
  done
  fail "“$title”: $got, expected $want (start, minutes)"
}

"$LECTERN_BIN" demo "$file" >/dev/null
[ "$(slot 'Using Megatron to Train Large Language Models')" = "540 25" ] || fail "the demo has moved"

start_lectern schedule

eval "$(xdotool getwindowgeometry --shell "$window")"
top=$((Y + 52 + 20 + 12))     # 8:00 on the screen, under the time zone line
at () { echo $((top + ($1 - 480) * 2)); }
x=$((X + 700))

# 1. grabbed 10 minutes into the card (9:10), dropped at 8:10: starts at 8:00
drag "$x" "$(at 550)" "$(at 490)"
wait_for 'Using Megatron to Train Large Language Models' '480 25'
sleep 1   # the end of the first drag (X11's drag and drop lets go of the pointer)

# 2. the bottom edge of 9:25–9:45 (its last pixels), 20 px down
drag "$x" $(( $(at 585) - 3 )) $(( $(at 585) + 17 ))
wait_for 'Distributed Systems for Decentralized AI' '565 30'

quit_lectern

# the two drags are two undo steps, named as they were shown
labels=$(sqlite3 "$file" "SELECT group_concat(label, ' | ') FROM (SELECT label FROM history ORDER BY id)")
echo "steps: $labels"
case "$labels" in
  *"Move “Using Megatron to Train Large Language Models” to 8:00am"*"Make “Distributed Systems for Decentralized AI” 30 minutes long"*) ;;
  *) fail "unexpected undo steps: $labels" ;;
esac
echo "ok: a card dragged to 8:00, another's edge dragged to 30 minutes"
