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
#   3. drags "Using Megatron…" again, from 8:00 to 8:20, while a colleague
#      (another process: `lectern slot move`) moves "Opening remarks" from
#      8:55 to 8:50 in the middle of the drag: the drag goes on and lands,
#      and the colleague's move stands;
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

# a drag as a hand makes it: press, small steps past GTK's threshold, release;
# with a fourth argument, that command runs half way (and the view gets
# 0.8 s to show what it did)
drag () {
  local x=$1 from=$2 to=$3 during=${4:-} step half
  step=$(( to > from ? 5 : -5 ))
  half=$(( from + (to - from) / 2 / step * step ))
  xdotool mousemove "$x" "$from"
  sleep 0.3
  xdotool mousedown 1
  sleep 0.1
  for y in $(seq $((from + step)) "$step" "$to"); do
    xdotool mousemove "$x" "$y"
    if [ -n "$during" ] && [ "$y" -eq "$half" ]; then
      eval "$during"
      sleep 0.8
    fi
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
sleep 1

# 3. a colleague's move in the middle of a drag
remarks=$(sqlite3 "$file" "SELECT id FROM slot WHERE title = 'Opening remarks'")
drag "$x" "$(at 490)" "$(at 510)" \
  '"$LECTERN_BIN" slot move "$file" "$remarks" --start 08:50 >/dev/null || fail "the colleague could not move"'
wait_for 'Using Megatron to Train Large Language Models' '500 25'
wait_for 'Opening remarks' '530 5'
kill -0 "$app_pid" 2>/dev/null || fail "Lectern is gone after the colleague's move"

quit_lectern

# the two drags are two undo steps, named as they were shown
labels=$(sqlite3 "$file" "SELECT group_concat(label, ' | ') FROM (SELECT label FROM history ORDER BY id)")
echo "steps: $labels"
case "$labels" in
  *"Move “Using Megatron to Train Large Language Models” to 8:00am"*"Make “Distributed Systems for Decentralized AI” 30 minutes long"*"Move “Opening remarks” to 8:50am"*"Move “Using Megatron to Train Large Language Models” to 8:20am"*) ;;
  *) fail "unexpected undo steps: $labels" ;;
esac
echo "ok: a card dragged to 8:00, another's edge dragged to 30 minutes, a drag through a colleague's move"
