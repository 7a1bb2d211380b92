#!/usr/bin/python3
# tests/schedule-a11y.py: the schedule editor as a screen reader meets it
#
# Run by test-schedule-a11y.sh with Lectern on the Schedule page of the
# demo. Reads the AT-SPI tree (what Orca reads): every slot of the day is
# a button named with its times, title and people; no control the page
# shows is without a name; Tab from the pool's search goes to the first
# slot, then the next, in time order.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_util import CONTROLS, check, failures, find_app, focused, walk  # noqa: E402

app = find_app("schedule-a11y")
time.sleep(1)
nodes = walk(app)
cards = [name for role, name, _ in nodes if role == "push button" and " to " in name and ("am," in name or "pm," in name)]
check(len(cards) == 19, f"{len(cards)} slots named on the timeline, expected the demo's 19")
check("9:00am to 9:25am, Using Megatron to Train Large Language Models, Deepak Narayanan" in cards,
      "the first talk is not named with its times, title and speaker")
unnamed = [role for role, name, node in nodes if role in CONTROLS and not name.strip()
           and node.getState().contains(pyatspi.STATE_SHOWING)]
check(not unnamed, f"controls without a name: {unnamed}")

# the keyboard: the search, then the slots in time order
subprocess.run(["xdotool", "mousemove", "100", "120", "click", "1"], check=True)
time.sleep(0.5)
role, name = focused(app)
check(name == "Search unscheduled slots", f"a click in the search gave the focus to {role} {name!r}")
seen = []
for _ in range(3):
    subprocess.run(["xdotool", "key", "Tab"], check=True)
    time.sleep(0.3)
    seen.append(focused(app)[1])
check(seen[0].startswith("8:55am to 9:00am, Opening remarks") and seen[1].startswith("9:00am to 9:25am")
      and seen[2].startswith("9:25am to 9:45am"), f"Tab went to {seen}")

for f in failures:
    print("FAIL:", f)
print(f"schedule-a11y: {len(cards)} slots heard, {len(failures)} failure(s)")
sys.exit(1 if failures else 0)
