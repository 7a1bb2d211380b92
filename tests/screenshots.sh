#!/usr/bin/env bash
# tests/screenshots.sh: a screenshot of each view of the main window
#
# Builds nothing. Writes the demo workshop with `lectern demo`, then for
# each view starts the built Lectern on it on the current X display, opened
# on that page (LECTERN_INITIAL_PAGE) with a row shown in the detail pane
# (LECTERN_INITIAL_ROW), and saves event.png, speakers.png, panelists.png,
# organizers.png, people.png, sponsors.png, schedule.png (the timeline
# and the pool) and call.png (the call for papers), cropped to
# the window, speakers-narrow.png: the speakers on a phone-sized window,
# where the list and the detail fold into one column, search.png: a
# search typed in the Speakers list (the view switcher counts the matches
# of every list), and speakers-dark.png: the dark style. One start per
# view, so that no focus ring from a key press shows in the pictures.
#
# Usage (from the source root, after `ninja -C build`):
#   dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
#     bash tests/screenshots.sh [OUTPUT-DIR]
#
# Environment: LECTERN_BIN (default build/src/lectern), GSETTINGS_SCHEMA_DIR
# (default: the build's data folder), LECTERN_COLOR_SCHEME=dark for the dark
# style. Emoji need a colour emoji font (Debian: fonts-noto-color-emoji).
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

LECTERN_BIN=${LECTERN_BIN:-build/src/lectern}
OUTPUT_DIR=${1:-data/screenshots}
SCHEMA_DIR=${GSETTINGS_SCHEMA_DIR:-$(dirname "$(dirname "$LECTERN_BIN")")/data}
TITLE='Efficient Systems for Foundation Models'
# name:page:row (the row shown in the detail pane, from 0; empty: none)
# :width (a narrower window than the default, to show the folded layout)
# :search (text typed after Ctrl+F) :scheme (light or dark; default light,
# or LECTERN_COLOR_SCHEME)
VIEWS=(
  event:event::::
  speakers:speakers:1:::
  panelists:panelists:6:::
  organizers:organizers:0:::
  people:people:3:::
  sponsors:sponsors:0:::
  schedule:schedule::::
  speakers-narrow:speakers::400::
  search:speakers:::together:
  speakers-dark:speakers:1:::dark
  schedule-dark:schedule::::dark
  schedule-editor:schedule::::
  schedule-drag:schedule::::
  schedule-rooms:schedule::::
  call:call::::
)

die () { echo "screenshots.sh: $*" >&2; exit 1; }

[ -n "${DISPLAY:-}" ] || die "no DISPLAY; run under xvfb-run"
[ -x "$LECTERN_BIN" ] || die "$LECTERN_BIN is not built"
[ -f "$SCHEMA_DIR/gschemas.compiled" ] || die "no compiled schemas in $SCHEMA_DIR"
for tool in xdotool import convert; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done

workdir=$(mktemp -d)
app_pid=
keeper_pid=

stop_app () {
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=
  fi
}
cleanup () {
  stop_app
  if [ -n "$keeper_pid" ]; then
    kill "$keeper_pid" 2>/dev/null || true
    wait "$keeper_pid" 2>/dev/null || true
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT

# Xvfb resets when its last client leaves, and refuses connections while
# it does: one idle client holds it up between two starts of Lectern.
xdotool sleep 86400 &
keeper_pid=$!

mkdir -p "$OUTPUT_DIR"
"$LECTERN_BIN" demo "$workdir/es-fomo-2023.lectern" >/dev/null

# The demo's call for papers, as the 2023 call page had it
call_file="$workdir/es-fomo-2023.lectern"
"$LECTERN_BIN" cfp link "$call_file" "https://openreview.net/group?id=ICML.cc/2023/Workshop/ES-FoMO" >/dev/null
"$LECTERN_BIN" cfp date "$call_file" --label "Submission deadline" --date 2023-05-31 --time 23:59 --zone AoE >/dev/null
"$LECTERN_BIN" cfp date "$call_file" --label "Acceptance notification" --date 2023-06-19 >/dev/null
"$LECTERN_BIN" cfp date "$call_file" --label "Camera-ready deadline" --date 2023-07-07 >/dev/null
for item in "Training and inference of large models" "Training on cloud/heterogeneous infrastructure" \
            "Low-precision training and inference"; do
  "$LECTERN_BIN" cfp topic "$call_file" --group "Training and inference" --item "$item" >/dev/null
done
"$LECTERN_BIN" cfp topic "$call_file" --group "Systems for foundation models" \
  --item "Programming languages and compilers for efficient training and inference" >/dev/null
"$LECTERN_BIN" cfp publish "$call_file" >/dev/null

# A synthetic day in three rooms: the demo's slots dealt round three rooms
# (each keeps its time), which the timeline shows as three columns.
"$LECTERN_BIN" demo "$workdir/three-rooms.lectern" >/dev/null
sqlite3 "$workdir/three-rooms.lectern" "
  INSERT INTO room (name, position) VALUES ('Ballroom A', 1), ('Room 208', 2), ('Room 310', 3);
  UPDATE slot SET room_id = (SELECT id FROM room WHERE position = 1 + (slot.id % 3)),
                  start = start - (slot.id % 3) * 5;"

# Waits for Lectern's window and prints its id.
wait_for_window () {
  local window
  for _ in $(seq 100); do
    window=$(xdotool search --onlyvisible --name "$TITLE" 2>/dev/null | head -n 1 || true)
    if [ -n "$window" ]; then
      echo "$window"
      return 0
    fi
    kill -0 "$app_pid" 2>/dev/null || die "Lectern exited before showing its window"
    sleep 0.1
  done
  die "no window after 10 s"
}

# The window's rectangle as WIDTHxHEIGHT+X+Y, without the shadow that
# client-side decorations draw when there is a compositor.
window_geometry () {
  local window=$1 extents left=0 right=0 top=0 bottom=0
  local X Y WIDTH HEIGHT WINDOW SCREEN
  eval "$(xdotool getwindowgeometry --shell "$window")"
  if command -v xprop >/dev/null; then
    extents=$(xprop -id "$window" _GTK_FRAME_EXTENTS 2>/dev/null | sed -n 's/.*= //p' | tr -d ' ')
    if [ -n "$extents" ]; then
      IFS=, read -r left right top bottom <<<"$extents"
    fi
  fi
  echo "$((WIDTH - left - right))x$((HEIGHT - top - bottom))+$((X + left))+$((Y + top))"
}

# Keep the pointer off the window, so that no row is drawn hovered.
xdotool mousemove 1279 799 2>/dev/null || true

for view in "${VIEWS[@]}"; do
  IFS=: read -r name page row width search scheme <<<"$view"
  scheme=${scheme:-${LECTERN_COLOR_SCHEME:-}}

  # A private data folder and in-memory settings: nothing of the user's
  # is read or written, and every start has the default window size.
  file="$workdir/es-fomo-2023.lectern"
  [ "$name" = schedule-rooms ] && file="$workdir/three-rooms.lectern"
  env GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$SCHEMA_DIR" \
      XDG_DATA_HOME="$workdir/data" XDG_CONFIG_HOME="$workdir/config" \
      LECTERN_INITIAL_PAGE="$page" ${row:+LECTERN_INITIAL_ROW=$row} \
      ${scheme:+ADW_DEBUG_COLOR_SCHEME=prefer-$scheme} \
      "$LECTERN_BIN" "$file" &
  app_pid=$!

  window=$(wait_for_window)
  if [ -n "$width" ]; then
    eval "$(xdotool getwindowgeometry --shell "$window")"
    xdotool windowsize "$window" "$width" "$HEIGHT"
  fi
  if [ -n "$search" ]; then
    sleep 0.5
    # real key presses (XTEST), not events sent to the window
    xdotool key ctrl+f
    xdotool type --delay 40 "$search"
  fi
  sleep 1   # the first frames: lists, avatars, fonts
  crop=$(window_geometry "$window")

  # The timeline: 8:00 is 84 px below the window's top (under the time
  # zone line), 2 px a minute,
  # the cards from 348 px (see lectern-timeline.c).
  eval "$(xdotool getwindowgeometry --shell "$window")"
  case "$name" in
    schedule-editor)
      xdotool mousemove $((X + 600)) $((Y + 84 + 130)) click 1
      xdotool mousemove 1279 799
      sleep 1 ;;
    schedule-drag)
      # "Using Megatron…" (9:00) grabbed and held over 9:40
      xdotool mousemove $((X + 600)) $((Y + 84 + 130))
      sleep 0.3
      xdotool mousedown 1
      for dy in $(seq 5 5 80); do
        xdotool mousemove $((X + 600)) $((Y + 84 + 130 + dy))
        sleep 0.03
      done
      sleep 1 ;;
  esac

  import -window root "$workdir/$name.png"
  [ "$name" = schedule-drag ] && xdotool mouseup 1
  convert "$workdir/$name.png" -crop "$crop" +repage "$OUTPUT_DIR/$name.png"
  echo "$OUTPUT_DIR/$name.png"

  stop_app
done
