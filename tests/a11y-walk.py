#!/usr/bin/python3
# tests/a11y-walk.py VIEW: one view of Lectern as a screen reader meets it
#
# Run by test-a11y-walk.sh with Lectern open on VIEW (a row shown in the
# detail pane). Walks the AT-SPI tree (what Orca reads) and fails on any
# interactive element that shows with no name, a class name for a name
# ("GtkListItemWidget"), a mnemonic's underscore in it ("_Add
# Speaker") or the same words twice ("Checks Checks"); prints how many
# interactive elements it heard.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_util import CONTROLS, check, failures, find_app, walk  # noqa: E402

INTERACTIVE = CONTROLS + ("list item", "table cell", "menu item", "radio button", "slider", "link")
view = sys.argv[1]

app = find_app("a11y-walk")
time.sleep(1)
heard = 0
bad = []
for role, name, node in walk(app):
    if role not in INTERACTIVE:
        continue
    try:
        # GTK 4.8 sets VISIBLE (not SHOWING) on what a view shows; the
        # other views' widgets are visible too, and are checked as well
        if not node.getState().contains(pyatspi.STATE_VISIBLE):
            continue
    except Exception:
        continue
    heard += 1
    if not name.strip():
        bad.append(f"{role} with no name")
    elif re.match(r"^(Gtk|Adw)[A-Z]", name):
        bad.append(f"{role} named {name!r}")
    elif re.search(r"(^|\s)_\w", name):
        bad.append(f"{role} named with a mnemonic: {name!r}")
    elif re.match(r"^(.+) \1$", name):
        bad.append(f"{role} named twice over: {name!r}")

check(heard > 0, "no interactive element heard")

# the rows of the lists say what they show, and where they stand
rows = [name for role, name, node in walk(app) if role == "table cell"]
if view in ("speakers", "panelists", "organizers", "people", "sponsors"):
    check(rows and all(re.search(r"\S, \d+ of \d+$", name) for name in rows),
          f"the list's rows are not named as they show, and where they stand: {rows[:5]}")
if view in ("organizers", "people"):
    check(any(re.match(r"^Tri Dao, .*, \d+ of \d+$", name) for name in rows),
          f"no row of the list is named as it shows Tri Dao: {rows[:5]}")
for b in sorted(set(bad)):
    check(False, f"{b} (x{bad.count(b)})")

# the keyboard: a list is one Tab stop; from a row, Tab reaches the editor
if view == "speakers":
    import subprocess
    from atspi_util import focused  # noqa: E402
    subprocess.run(["xdotool", "mousemove", "170", "125", "click", "1"], check=True)
    time.sleep(0.5)
    role, name = focused(app)
    check(role == "table cell" and name.startswith("Ce Zhang"), f"a click on Ce Zhang's row focused {role} {name!r}")
    stops = 0
    for _ in range(5):
        subprocess.run(["xdotool", "key", "Tab"], check=True)
        time.sleep(0.3)
        stops += 1
        role, name = focused(app)
        if role != "table cell":
            break
    # one Tab leaves the list for the editor's first field, Name (an entry
    # row, inside which GTK 4.8 reports no focused object: hence None)
    check(stops == 1 and role != "table cell",
          f"Tab from the list reached {role} {name!r} after {stops} stops, not the editor after 1")
    print(f"a11y-walk {view}: Tab stops from a list row to the editor: {stops}")

    # the status filter's choices are named with their text
    subprocess.run(["xdotool", "key", "ctrl+f"], check=True)
    time.sleep(0.5)
    toggles = [node for role, name, node in walk(app)
               if role in ("push button", "toggle button") and name == "Filter by Invitation Status"]
    check(len(toggles) >= 1, "no button named Filter by Invitation Status")
    if toggles:
        action = toggles[0].queryAction()
        action.doAction(0)
        time.sleep(0.8)
        choices = {name for role, name, node in walk(app) if role == "list item"}
        print(f"a11y-walk {view}: the status filter's choices heard: {sorted(choices & {'Any Status', 'Invited', 'Confirmed', 'Declined'})}")
        check({"Any Status", "Invited", "Confirmed", "Declined"} <= choices,
              f"the status filter's choices are not named with their text: {sorted(choices)[:10]}")
        subprocess.run(["xdotool", "key", "Escape"], check=True)
        time.sleep(0.3)

for f in failures:
    print(f"a11y-walk {view}: FAIL: {f}")
print(f"a11y-walk {view}: {heard} interactive elements ({len(rows)} list rows), {len(bad)} without a proper name")
sys.exit(1 if failures else 0)
