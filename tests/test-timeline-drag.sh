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
# below the header bar's 52 px, from 8:00 (the day's first visible hour);
# the pool is 260 px wide on the left.
#
# Needs a display like the other GUI tests: without one it is skipped, or
# fails when LECTERN_REQUIRE_DISPLAY=1 (CI). Needs xdotool, xvfb-run and
# sqlite3.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

TITLE='Efficient Systems for Foundation Models'

not_here () {
  if [ "${LECTERN_REQUIRE_DISPLAY:-}" = 1 ]; then
    echo "test-timeline-drag: $* (LECTERN_REQUIRE_DISPLAY=1: this is a failure)" >&2
    exit 1
  fi
  echo "test-timeline-drag: $*: skipped" >&2
  exit 77
}

if [ "${1:-}" != --inner ]; then
  [ -n "${DISPLAY:-}" ] || not_here "no display; run under xvfb-run"
  for tool in xdotool xvfb-run sqlite3; do
    command -v "$tool" >/dev/null || not_here "$tool is not installed"
  done
  [ -x "${LECTERN_BIN:-}" ] || { echo "test-timeline-drag: LECTERN_BIN is not set or not built" >&2; exit 1; }
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
  echo "test-timeline-drag: FAIL: $*" >&2
  if command -v import >/dev/null; then
    shot="${MESON_BUILD_ROOT:-$PWD}/test-timeline-drag-failure.png"
    import -window root "$shot" 2>/dev/null && echo "test-timeline-drag: screen saved to $shot" >&2
  fi
  [ -f "$workdir/app.log" ] && sed 's/^/  app: /' "$workdir/app.log" >&2
  exit 1
}

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

env GSETTINGS_BACKEND=memory XDG_DATA_HOME="$workdir/data" XDG_CONFIG_HOME="$workdir/config" \
    LECTERN_INITIAL_PAGE=schedule \
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
sleep 1

eval "$(xdotool getwindowgeometry --shell "$window")"
top=$((Y + 52 + 12))          # 8:00 on the screen
at () { echo $((top + ($1 - 480) * 2)); }
x=$((X + 700))

# 1. grabbed 10 minutes into the card (9:10), dropped at 8:10: starts at 8:00
drag "$x" "$(at 550)" "$(at 490)"
wait_for 'Using Megatron to Train Large Language Models' '480 25'
sleep 1   # the end of the first drag (X11's drag and drop lets go of the pointer)

# 2. the bottom edge of 9:25–9:45 (its last pixels), 20 px down
drag "$x" $(( $(at 585) - 3 )) $(( $(at 585) + 17 ))
wait_for 'Distributed Systems for Decentralized AI' '565 30'

sleep 0.5
xdotool windowfocus --sync "$window" 2>/dev/null || true
xdotool key ctrl+q
status=0
for _ in $(seq 100); do
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$app_pid" 2>/dev/null && fail "Lectern did not quit on Ctrl+Q"
wait "$app_pid" || status=$?
app_pid=
[ "$status" -eq 0 ] || fail "Lectern exited with status $status"

# the two drags are two undo steps, named as they were shown
labels=$(sqlite3 "$file" "SELECT group_concat(label, ' | ') FROM (SELECT label FROM history ORDER BY id)")
echo "steps: $labels"
case "$labels" in
  *"Move “Using Megatron to Train Large Language Models” to 8:00am"*"Make “Distributed Systems for Decentralized AI” 30 minutes long"*) ;;
  *) fail "unexpected undo steps: $labels" ;;
esac
echo "ok: a card dragged to 8:00, another's edge dragged to 30 minutes"
