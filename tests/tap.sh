# tests/tap.sh: what the shell tests share, sourced after `tmp` is set
#
# ok NAME, fail NAME: one line of TAP each, counted in n and fails;
# check NAME EXPRESSION: ok or fail as the expression is true;
# expect NAME STATUS PATTERN -- COMMAND…: runs the command, its output in
# $tmp/out and $tmp/err, and is ok when it exits with STATUS and (unless
# PATTERN is empty) prints something matching PATTERN (an ERE).
#
# SPDX-License-Identifier: GPL-3.0-or-later

fails=0
n=0

ok ()   { n=$((n + 1)); echo "ok $n - $1"; }
fail () { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }
check () { if eval "$2"; then ok "$1"; else fail "$1"; fi; }

expect () {
  local name=$1 want=$2 pattern=$3
  shift 4
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    fail "$name: exit $got, expected $want"; sed 's/^/#   /' "$tmp/out" "$tmp/err"; return
  fi
  if [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$tmp/err" "$tmp/out"; then
    fail "$name: output does not match /$pattern/"; sed 's/^/#   /' "$tmp/out" "$tmp/err"; return
  fi
  ok "$name"
}
