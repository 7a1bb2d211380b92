#!/usr/bin/env bash
# An export killed (SIGKILL) at random moments, 30 times: after each
# kill every file of the site is its old or its new version, never torn
# and never missing, and the only other files are temporary files under
# names Jekyll skips; `check --site` reports those; one more export
# leaves exactly the new site, with no temporary file, and `check --site`
# exits 0. Finally a real Jekyll build of the result shows each card once.
set -euo pipefail

BIN=${LECTERN_BIN:?}
SRC=${LECTERN_SOURCE_DIR:?}
BIG=${LECTERN_BUILD_DIR:?}/lectern-big-workshop
KILLS=${LECTERN_CRASH_KILLS:-30}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# ~1,100 files: 1,000 cards, 50 sponsors, the page and the data
"$BIG" "$tmp/ws.lectern" 1000 400 50
cp -r "$SRC/tests/jekyll-site" "$tmp/old"
"$BIN" export "$tmp/ws.lectern" --site "$tmp/old" >/dev/null

# the next version changes every file Lectern owns
sqlite3 "$tmp/ws.lectern" "
  UPDATE person SET affiliation = affiliation || ' (v2)';
  UPDATE sponsor SET url = url || '/v2';
  UPDATE slot SET title = title || ' v2';"
cp -r "$tmp/old" "$tmp/new"
start=$(date +%s%N)
"$BIN" export "$tmp/ws.lectern" --site "$tmp/new" >/dev/null
duration_us=$(( ($(date +%s%N) - start) / 1000 ))
n_files=$(find "$tmp/old/_projects" -name '*.md' | wc -l)
echo "# a full export of $n_files cards takes ${duration_us} us"

# compare SITE: every file is old/… or new/…; prints "old new temporary"
compare () {
  python3 - "$tmp/old" "$tmp/new" "$1" <<'PY'
import os, re, sys
old, new, site = sys.argv[1:4]
counts = {"old": 0, "new": 0, "temporary": 0}
seen = set()
# a calendar's changed events are stamped when written (DTSTAMP): the
# new version written later has later stamps, and is still the new one
def read(path):
    data = open(path, "rb").read()
    if path.endswith(".ics"):
        data = re.sub(rb"(?m)^DTSTAMP:[0-9TZ]+\r?$", b"DTSTAMP:", data)
    return data
for root, dirs, files in os.walk(site):
    for name in files:
        path = os.path.join(root, name)
        rel = os.path.relpath(path, site)
        if name.startswith(".") and ".lectern-" in name and name.endswith("~"):
            counts["temporary"] += 1
            continue
        data = read(path)
        a = os.path.join(old, rel)
        b = os.path.join(new, rel)
        if os.path.exists(a) and data == read(a):
            counts["old"] += 1
        elif os.path.exists(b) and data == read(b):
            counts["new"] += 1
        else:
            sys.exit(f"{rel} is neither the old nor the new version")
        seen.add(rel)
for root, dirs, files in os.walk(old):
    for name in files:
        rel = os.path.relpath(os.path.join(root, name), old)
        if rel not in seen:
            sys.exit(f"{rel} went missing")
print(counts["old"], counts["new"], counts["temporary"])
PY
}

mixed=0
with_temporary=0
for i in $(seq 1 "$KILLS"); do
  rm -rf "$tmp/site"
  cp -a "$tmp/old" "$tmp/site"
  sync -f "$tmp/site"
  delay_us=$(( (RANDOM * 32768 + RANDOM) % (duration_us + 1) ))
  "$BIN" export "$tmp/ws.lectern" --site "$tmp/site" >/dev/null 2>&1 &
  pid=$!
  # every other kill lands in the write itself: it waits for the first
  # temporary file (reading and rendering come before, and under a
  # sanitizer take most of the time), then for a part of the duration
  if [ $((i % 2)) -eq 0 ]; then
    delay_us=$(( delay_us / 4 ))
    while kill -0 "$pid" 2>/dev/null && ! compgen -G "$tmp/site/_projects/.*.lectern-*~" >/dev/null; do
      sleep 0.002
    done
  fi
  sleep "$(printf '%d.%06d' $((delay_us / 1000000)) $((delay_us % 1000000)))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true

  read -r n_old n_new n_tmp < <(compare "$tmp/site")
  echo "# kill $i after ${delay_us} us: $n_old old, $n_new new, $n_tmp temporary"
  [ "$n_old" -gt 0 ] && [ "$n_new" -gt 0 ] && mixed=$((mixed + 1))
  if [ "$n_tmp" -gt 0 ]; then
    with_temporary=$((with_temporary + 1))
    if "$BIN" check "$tmp/ws.lectern" --site "$tmp/site" >/dev/null 2>"$tmp/err"; then
      echo "check --site exited 0 with temporary files in the site" >&2
      exit 1
    fi
    grep -q "temporary file left by an interrupted export" "$tmp/err"
  fi

  "$BIN" export "$tmp/ws.lectern" --site "$tmp/site" >/dev/null
  # the new version (a calendar's changed events stamped when written)
  diff -r -I '^DTSTAMP:' "$tmp/new" "$tmp/site" >/dev/null
  [ -z "$(find "$tmp/site" -name '.*.lectern-*~')" ]
  "$BIN" check "$tmp/ws.lectern" --site "$tmp/site" >/dev/null 2>&1
done
echo "# $KILLS kills: $with_temporary left temporary files, $mixed left old and new files side by side"

# the kills must have landed inside the write, not only before or after it
[ "$with_temporary" -gt 0 ]

# a real Jekyll build of the result: each card once
if ! command -v jekyll >/dev/null; then
  if [ "${LECTERN_REQUIRE_JEKYLL:-0}" = 1 ]; then
    echo "jekyll is not installed (apt-get install jekyll)" >&2
    exit 1
  fi
  echo "crash: jekyll is not installed, the build was skipped"
  exit 0
fi
(cd "$tmp/site" && jekyll build --quiet --safe -s . -d _site)
python3 - "$tmp/site" <<'PY'
import html, os, re, sys
site = sys.argv[1]
cards = sorted(n for n in os.listdir(os.path.join(site, "_projects")) if n.endswith(".md"))
pages = sorted(os.listdir(os.path.join(site, "_site", "projects")))
index = open(os.path.join(site, "_site", "index.html"), encoding="utf-8").read()
titles = re.findall(r'<h2 class="card-title">(.*?)</h2>', index, re.S)
if len(pages) != len(cards):
    sys.exit(f"{len(pages)} card pages built for {len(cards)} cards")
if len(titles) != len(cards) or len(set(titles)) != len(titles):
    sys.exit(f"the home page shows {len(titles)} cards ({len(set(titles))} different) for {len(cards)}")
print(f"# jekyll: {len(cards)} cards, each shown once")
PY
echo "crash: every kill left each file old or new; the next export cleaned up"
