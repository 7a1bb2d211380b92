#!/usr/bin/env bash
# Lectern's pre-commit hook in a real clone, through the real lectern:
# `lectern hooks install` keeps the hook the clone had (it still runs),
# lets a sound commit through and makes git refuse hand edits that
# break Lectern's files; `lectern hooks remove` puts the old hook back
# byte for byte.
set -uo pipefail

BIN=${LECTERN_BIN:?}
SRC=${LECTERN_SOURCE_DIR:?}
FIX=${LECTERN_FIXTURES:-$SRC/tests/fixtures}
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "${BASH_SOURCE[0]}")/tap.sh"

# git as the test wants it, whatever the machine's configuration
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Ann Organizer" GIT_AUTHOR_EMAIL=ann@example.org
export GIT_COMMITTER_NAME="Ann Organizer" GIT_COMMITTER_EMAIL=ann@example.org
export GIT_CEILING_DIRECTORIES=$(dirname "$tmp")



# the site, exported and committed
"$BIN" demo "$tmp/w.lectern" >/dev/null
cp -r "$FIX/es-fomo-2023" "$tmp/site"
"$BIN" export "$tmp/w.lectern" --site "$tmp/site" >/dev/null
git -C "$tmp/site" init --quiet --initial-branch=main
git -C "$tmp/site" add --all
git -C "$tmp/site" commit --quiet -m "The site"
site=$tmp/site
hooks=$site/$(git -C "$site" rev-parse --git-path hooks)
head () { git -C "$site" rev-parse HEAD; }
restore () { git -C "$site" checkout --quiet HEAD -- .; }

# the hook the clone had: it logs each run, and refuses while "$tmp/stop" exists
mkdir -p "$hooks"
cat >"$hooks/pre-commit" <<EOF
#!/bin/sh
echo "old hook ran" >> '$tmp/old-hook.log'
[ ! -e '$tmp/stop' ] || { echo "the old hook refuses" >&2; exit 3; }
EOF
chmod 755 "$hooks/pre-commit"
cp -p "$hooks/pre-commit" "$tmp/old-hook"

# misuse
expect "hooks --help"                0 "install FILE --site DIR" -- "$BIN" hooks --help
expect "hooks without a command"     2 "expected"           -- "$BIN" hooks
expect "hooks, unknown command"      2 "unknown hooks command" -- "$BIN" hooks frob --site "$site"
expect "install needs --site"        2 "needs --site"       -- "$BIN" hooks install "$tmp/w.lectern"
expect "install needs the file"      2 "expected 2 argument" -- "$BIN" hooks install --site "$site"
mkdir "$tmp/plain"
expect "install: not a clone"        1 "is not in a git clone" -- "$BIN" hooks install "$tmp/w.lectern" --site "$tmp/plain"
printf 'notes\n' > "$tmp/notes.lectern"
expect "install: not a workshop file" 1 "not a Lectern workshop file" -- "$BIN" hooks install "$tmp/notes.lectern" --site "$site"
expect "remove: none installed"      1 "not Lectern’s"      -- "$BIN" hooks remove --site "$site"
check "the refusals left the old hook alone" 'cmp -s "$tmp/old-hook" "$hooks/pre-commit" && [ ! -e "$hooks/pre-commit.lectern-previous" ]'

# install, from another folder and with a relative path to the file
expect "install"                     0 "Installed"          -- bash -c "cd '$tmp' && '$BIN' hooks install w.lectern --site site"
check "the hook is Lectern's, executable (0755)" \
  'grep -q "^# lectern:pre-commit-hook" "$hooks/pre-commit" && [ "$(stat -c %a "$hooks/pre-commit")" = 755 ]'
check "the hook names the file by its absolute path" 'grep -qF "check '"'"'$tmp/w.lectern'"'"'" "$hooks/pre-commit"'
check "the old hook is kept as pre-commit.lectern-previous" 'cmp -s "$tmp/old-hook" "$hooks/pre-commit.lectern-previous"'
expect "install again (refresh)"     0 "Installed"          -- "$BIN" hooks install "$tmp/w.lectern" --site "$site"
check "installing twice keeps the old hook" 'cmp -s "$tmp/old-hook" "$hooks/pre-commit.lectern-previous"'

# a sound commit passes, and the old hook ran
printf 'Notes for the organizers\n' > "$site/NOTES.md"
git -C "$site" add NOTES.md
rm -f "$tmp/old-hook.log"
expect "a sound commit passes"       0 "is sound"           -- git -C "$site" commit -m "Notes"
check "the old hook ran" '[ "$(cat "$tmp/old-hook.log" 2>/dev/null)" = "old hook ran" ]'
before=$(head)

# hand edits that break Lectern's files are refused by git commit
sed -i 's/^title: .*/title: [Tri Dao/' "$site/_projects/tri.md"
expect "broken YAML is refused"      1 "_projects/tri.md .*front matter is not valid YAML \(line 3" -- git -C "$site" commit -am "Broken card"
restore

sed -i 's/^importance: .*/importance: 1/' "$site/_projects/tri.md"
expect "a duplicate importance is refused" 1 "_projects/tri.md .*importance 1 is also that of _projects/julien.md in the category “organizer”" -- \
  git -C "$site" commit -am "Tri first"
restore

sed -i 's|^img: .*|img: assets/img/tri-2023.jpg|' "$site/_projects/tri.md"
expect "a missing image is refused"  1 "_projects/tri.md .*img is “assets/img/tri-2023.jpg”, which the site does not have" -- \
  git -C "$site" commit -am "New photo"
restore

# (the site's table keeps its own padding: matched with any spaces)
sed -i -E 's/^\| 8:55am +\| \*Opening remarks\* +\|/| 8:50am | *Opening remarks* |/' "$site/_pages/about.md"
expect "a hand-edited schedule table is refused" 1 "_pages/about.md .*line [0-9]+ reads “\| 8:50am \| \*Opening remarks\*" -- \
  git -C "$site" commit -am "Earlier start"
restore

sed -i 's/^timezone: .*/timezone: UTC/' "$site/_data/schedule.yml"
expect "a hand-edited _data/schedule.yml is refused" 1 "_data/schedule.yml .*out of step.*timezone: UTC" -- \
  git -C "$site" commit -am "UTC"
restore

touch "$tmp/stop"
printf 'More notes\n' >> "$site/NOTES.md"
expect "the old hook's refusal still refuses" 1 "the old hook refuses" -- git -C "$site" commit -am "More notes"
rm -f "$tmp/stop"
restore
check "nothing refused was committed" '[ "$(head)" = "$before" ]'

# remove: the old hook is back, byte for byte
expect "remove"                      0 "Removed"            -- "$BIN" hooks remove --site "$site"
check "the old hook is back, byte for byte and executable" \
  'cmp -s "$tmp/old-hook" "$hooks/pre-commit" && [ "$(stat -c %a "$hooks/pre-commit")" = 755 ] && [ ! -e "$hooks/pre-commit.lectern-previous" ]'
expect "remove again: the hook is not Lectern's" 1 "not Lectern’s: it was left as it is" -- "$BIN" hooks remove --site "$site"
check "the refused remove left the old hook alone" 'cmp -s "$tmp/old-hook" "$hooks/pre-commit"'

# a clone with no hook of its own, and core.hooksPath
git clone --quiet "$site" "$tmp/second"
git -C "$tmp/second" config core.hooksPath .githooks
expect "install where core.hooksPath points" 0 "Installed" -- "$BIN" hooks install "$tmp/w.lectern" --site "$tmp/second"
check "the hook is in core.hooksPath" '[ -x "$tmp/second/.githooks/pre-commit" ] && [ ! -e "$tmp/second/.git/hooks/pre-commit" ]'
sed -i 's/^importance: .*/importance: 1/' "$tmp/second/_projects/tri.md"
expect "core.hooksPath: a duplicate importance is refused" 1 "importance 1 is also that of" -- git -C "$tmp/second" commit -am "Tri first"
expect "remove with no previous hook" 0 "Removed" -- "$BIN" hooks remove --site "$tmp/second"
check "no hook is left" '[ ! -e "$tmp/second/.githooks/pre-commit" ]'

# a site in a subfolder of its repository: the hook checks that folder
mkdir -p "$tmp/repo"
cp -r "$site" "$tmp/repo/web" && rm -rf "$tmp/repo/web/.git"
git -C "$tmp/repo" init --quiet --initial-branch=main
git -C "$tmp/repo" add --all
git -C "$tmp/repo" commit --quiet -m "The site, in web/"
expect "install for a site in a subfolder" 0 "Installed" -- "$BIN" hooks install "$tmp/w.lectern" --site "$tmp/repo/web"
printf 'x\n' > "$tmp/repo/README"
git -C "$tmp/repo" add README
expect "subfolder: a sound commit passes" 0 "is sound" -- git -C "$tmp/repo" commit -m "Readme"
sed -i 's/^title: .*/title: [Tri Dao/' "$tmp/repo/web/_projects/tri.md"
expect "subfolder: broken YAML is refused" 1 "_projects/tri.md .*not valid YAML" -- git -C "$tmp/repo" commit -am "Broken card"

# paths with a quote and a space are quoted safely in the hook
mkdir -p "$tmp/it's here"
cp "$tmp/w.lectern" "$tmp/it's here/w s.lectern"
git clone --quiet "$site" "$tmp/third"
expect "install with a quote in the file's path" 0 "Installed" -- "$BIN" hooks install "$tmp/it's here/w s.lectern" --site "$tmp/third"
printf 'x\n' > "$tmp/third/README"
git -C "$tmp/third" add README
expect "the quoted hook runs" 0 "w s.lectern is sound" -- git -C "$tmp/third" commit -m "Readme"

echo "1..$n"
[ "$fails" -eq 0 ]
