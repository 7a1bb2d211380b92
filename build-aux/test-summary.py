#!/usr/bin/env python3
"""Counts meson's test results (testlog.json of each build given) and
prints the plain closing line the CI reads: `N passed, N failed`."""
import json
import sys

passed = failed = 0
for path in sys.argv[1:]:
    p = f = s = 0
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        print(f"{path}: no test log (the build or the run failed)")
        failed += 1
        continue
    for line in lines:
        result = json.loads(line)["result"]
        if result in ("OK", "EXPECTEDFAIL"):
            p += 1
        elif result == "SKIP":
            s += 1
        else:
            f += 1
    # a skipped test did not pass: CI counts it as a failure
    print(f"{path}: {p} passed, {f} failed, {s} skipped")
    passed += p
    failed += f + s
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
