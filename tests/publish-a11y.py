#!/usr/bin/python3
# tests/publish-a11y.py: Publish as a screen reader meets it
#
# Run by test-publish-a11y.sh with Lectern open on the demo. The header
# bar's Publish is a named button; pressing it (its AT-SPI action, as
# Orca does) opens the dialog, the first time, whose every control has a
# name; the dialog opens in its first field, and Tab goes on through them.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import time


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_util import CONTROLS, check, failures, find_app, focused, walk  # noqa: E402


def dialog(app):
    for _ in range(50):
        for i in range(app.childCount):
            window = app.getChildAtIndex(i)
            if window and window.name == "Publish":
                return window
        time.sleep(0.1)
    return None


app = find_app("publish-a11y")
time.sleep(1)
buttons = [node for role, name, node in walk(app) if role == "push button" and name == "Publish"]
check(len(buttons) == 1, f"{len(buttons)} buttons named Publish in the window, expected 1: {[(r, n) for r, n, _ in walk(app) if r in CONTROLS]}")
if buttons:
    action = buttons[0].queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    check("click" in names, f"Publish has no click action: {names}")
    action.doAction(names.index("click") if "click" in names else 0)

window = dialog(app)
check(window is not None, "pressing Publish opened no dialog named Publish")
if window is not None:
    time.sleep(1)
    nodes = walk(window)
    # (GTK 4.8 does not report the dialog's children as showing: all
    # are checked, the clone's row too, hidden while GitHub is chosen;
    # a name that is a class name is no name)
    unnamed = [(role, name) for role, name, node in nodes
               if role in CONTROLS and (not name.strip() or name.startswith(("Gtk", "Adw")))]
    check(not unnamed, f"controls without a name: {unnamed}")
    names = {name for role, name, node in nodes}
    for wanted in ("Cancel", "Publish", "Repository (owner/name)", "Branch",
                   "Token (kept in the keyring)", "What will be published"):
        check(wanted in names, f"nothing is named {wanted!r} in the dialog: {sorted(names)}")

    # the keyboard: the dialog opens in the repository's field, and Tab
    # goes on to the next. GTK 4.8 reports no focused object inside an
    # entry row, so each field is told by what typing into it does.
    def field(name):
        for role, n, node in walk(window):
            if role == "text" and n == name:
                text = node.queryText()
                return text.getText(0, text.characterCount)
        return None

    for key, label, typed in ((None, "Repository (owner/name)", "es-fomo/site"), ("Tab", "Branch", "gh-pages")):
        if key:
            subprocess.run(["xdotool", "key", key], check=True)
            time.sleep(0.3)
        subprocess.run(["xdotool", "type", "--delay", "20", typed], check=True)
        time.sleep(0.5)
        got = field(label)
        check(got is not None and got.endswith(typed), f"Tab and typing gave {label!r} the text {got!r}")
    subprocess.run(["xdotool", "key", "Tab", "Tab"], check=True)
    time.sleep(0.3)
    role, name = focused(window)
    check(name == "Show or Hide the Text", f"after the token, Tab went to {role} {name!r}")

    subprocess.run(["xdotool", "key", "Escape"], check=True)
    time.sleep(0.5)

for failure in failures:
    print("publish-a11y:", failure, file=sys.stderr)
sys.exit(1 if failures else 0)
