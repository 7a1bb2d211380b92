#!/usr/bin/env bash
# `lectern publish` as an organizer runs it: straight to GitHub (a local
# fake GitHub over a real bare repository plays it) and through a local
# clone; the token only ever in the environment.
set -uo pipefail

BIN=${LECTERN_BIN:?}
FAKE=${LECTERN_FAKE_GITHUB:?}
FIX=${LECTERN_FIXTURES:?}
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS LECTERN_GITHUB_TOKEN GITHUB_TOKEN
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy
export GIT_AUTHOR_NAME="Site Organizer" GIT_AUTHOR_EMAIL=organizer@example.org
export GIT_COMMITTER_NAME="Site Organizer" GIT_COMMITTER_EMAIL=organizer@example.org
export GIT_CONFIG_NOSYSTEM=1

tmp=$(mktemp -d)
export XDG_CACHE_HOME=$tmp/cache HOME=$tmp/home
mkdir -p "$HOME"
fake_pid=
trap '[ -n "$fake_pid" ] && kill "$fake_pid" 2>/dev/null; rm -rf "$tmp"' EXIT
. "$(dirname "${BASH_SOURCE[0]}")/tap.sh"

commits () { git --git-dir="$1" rev-list --count main; }

# The repository: the ES-FoMo 2023 site as its organizers left it
git init -q --bare -b main "$tmp/site.git"
cp -r "$FIX/es-fomo-2023" "$tmp/work"
git -C "$tmp/work" init -q -b main
git -C "$tmp/work" add -A
git -C "$tmp/work" commit -q -m "The site as its organizers left it"
git -C "$tmp/work" push -q "$tmp/site.git" main
"$BIN" demo "$tmp/demo.lectern" >/dev/null

TOKEN=ghp_cli0123456789secretTOKEN
coproc FAKE_PROC { exec "$FAKE" --git-dir "$tmp/site.git" --owner es-fomo --repo site --token "$TOKEN" 2>"$tmp/fake.err"; }
fake_pid=$FAKE_PROC_PID
read -r url <&"${FAKE_PROC[0]}"
[ -n "$url" ] && ok "the fake GitHub listens at $url" || fail "the fake GitHub did not start"

# usage
expect "publish --help names both ways" 0 "--clone" -- "$BIN" publish --help
expect "publish needs a way"          2 "either --github" -- "$BIN" publish "$tmp/demo.lectern"
expect "a repository that is no OWNER/REPO" 2 "OWNER/REPO" -- \
  env LECTERN_GITHUB_TOKEN=$TOKEN "$BIN" publish "$tmp/demo.lectern" --github site --api "$url"
expect "no token: said so, nothing sent" 2 "LECTERN_GITHUB_TOKEN" -- \
  "$BIN" publish "$tmp/demo.lectern" --github es-fomo/site --api "$url"

before=$(commits "$tmp/site.git")

# the dry run lists the files and the message, and commits nothing
expect "dry run lists what would be committed" 0 "Would commit these files as “Schedule" -- \
  env LECTERN_GITHUB_TOKEN=$TOKEN "$BIN" publish "$tmp/demo.lectern" --github es-fomo/site --api "$url" --dry-run
grep -q "_pages/about.md" "$tmp/out" && ok "dry run names the home page" || fail "dry run names the home page"
[ "$(commits "$tmp/site.git")" = "$before" ] && ok "dry run commits nothing" || fail "dry run commits nothing"

# publish: one commit
expect "publish to GitHub" 0 "Published es-fomo/site" -- \
  env GITHUB_TOKEN=$TOKEN "$BIN" publish "$tmp/demo.lectern" --github es-fomo/site --api "$url"
[ "$(commits "$tmp/site.git")" = $((before + 1)) ] && ok "exactly one new commit" || fail "exactly one new commit"
git --git-dir="$tmp/site.git" show main:_data/schedule.yml | grep -q "Using Megatron" \
  && ok "the schedule data is on the branch" || fail "the schedule data is on the branch"
if grep -rq "$TOKEN" "$tmp/out" "$tmp/err"; then fail "the token is never printed"; else ok "the token is never printed"; fi

# again: nothing
expect "publish again: nothing to publish" 0 "Nothing to publish" -- \
  env LECTERN_GITHUB_TOKEN=$TOKEN "$BIN" publish "$tmp/demo.lectern" --github es-fomo/site --api "$url"
[ "$(commits "$tmp/site.git")" = $((before + 1)) ] && ok "no empty commit" || fail "no empty commit"

# a wrong token: explained, nothing published
expect "a wrong token is explained" 1 "did not accept the token" -- \
  env LECTERN_GITHUB_TOKEN=ghp_wrong "$BIN" publish "$tmp/demo.lectern" --github es-fomo/site --api "$url"
expect "a repository GitHub does not know" 1 "found nothing" -- \
  env LECTERN_GITHUB_TOKEN=$TOKEN "$BIN" publish "$tmp/demo.lectern" --github es-fomo/other --api "$url"

# nothing listens: a network error in words
expect "no server: a clear error" 1 "Could not reach" -- \
  env LECTERN_GITHUB_TOKEN=$TOKEN "$BIN" publish "$tmp/demo.lectern" --github es-fomo/site --api http://127.0.0.1:9 --timeout 2

# a newer workshop file is refused, nothing sent
cp "$tmp/demo.lectern" "$tmp/newer.lectern"
sqlite3 "$tmp/newer.lectern" "PRAGMA user_version = 999"
expect "a file from a newer Lectern is not published" 1 "newer" -- \
  env LECTERN_GITHUB_TOKEN=$TOKEN "$BIN" publish "$tmp/newer.lectern" --github es-fomo/site --api "$url"

# through a local clone, from the same repository
git clone -q "$tmp/site.git" "$tmp/clone"
"$BIN" person add "$tmp/demo.lectern" --name "Tri Example" --affiliation "Example U" --role speaker >/dev/null
before=$(commits "$tmp/site.git")
expect "publish through the clone" 0 "Published" -- "$BIN" publish "$tmp/demo.lectern" --clone "$tmp/clone"
[ "$(commits "$tmp/site.git")" = $((before + 1)) ] && ok "the clone pushed one commit" || fail "the clone pushed one commit"
git --git-dir="$tmp/site.git" log -1 --format=%s main | grep -q "Speakers: added Tri Example" \
  && ok "the commit message says what changed" || fail "the commit message says what changed: $(git --git-dir="$tmp/site.git" log -1 --format=%s main)"
expect "the clone again: nothing" 0 "Nothing to publish" -- "$BIN" publish "$tmp/demo.lectern" --clone "$tmp/clone"

kill "$fake_pid" 2>/dev/null; wait "$fake_pid" 2>/dev/null; fake_pid=
grep -q "$TOKEN" "$tmp/fake.err" && fail "the token is not in the server's log" || ok "the token is not in the server's log"

echo "1..$n"
[ "$fails" -eq 0 ]
