# tests/atspi_util.py: what the AT-SPI tests share (schedule-a11y.py,
# publish-a11y.py): Lectern as a screen reader finds it on the
# accessibility bus, its tree walked, the focused object, and the
# failures gathered.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import sys
import time

import pyatspi

CONTROLS = ("push button", "toggle button", "check box", "combo box", "text", "entry",
            "password text", "spin button")
failures = []


def check(ok, message):
    if not ok:
        failures.append(message)


def find_app(name):
    for _ in range(100):
        for app in pyatspi.Registry.getDesktop(0):
            if app and app.name and "lectern" in app.name.lower():
                return app
        time.sleep(0.1)
    sys.exit(f"{name}: Lectern is not on the accessibility bus")


def walk(node, depth=0, out=None):
    out = [] if out is None else out
    try:
        out.append((node.getRoleName(), node.name or "", node))
    except Exception:
        return out
    if depth < 40:
        for i in range(node.childCount):
            walk(node.getChildAtIndex(i), depth + 1, out)
    return out


def focused(root):
    for role, name, node in walk(root):
        try:
            if node.getState().contains(pyatspi.STATE_FOCUSED):
                return role, name
        except Exception:
            pass
    return None, None
