#!/bin/bash
# test-potfiles.sh: po/POTFILES.in lists every file with translatable
# text, and only files that exist, in order; xgettext reads them all.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

cd "${LECTERN_SOURCE_DIR:?}"
list=po/POTFILES.in
failed=0

listed=$(grep -v '^#' "$list" | grep -v '^$')

if ! LC_ALL=C sort -c <<<"$listed"; then
  echo "FAIL: $list is not sorted"
  failed=1
fi

while read -r f; do
  if [ ! -f "$f" ]; then
    echo "FAIL: $list lists $f, which does not exist"
    failed=1
  fi
done <<<"$listed"

for f in $(grep -rl --include='*.c' '_("' src) $(grep -rl 'translatable="yes"' ui data); do
  if ! grep -qx "$f" <<<"$listed"; then
    echo "FAIL: $f has translatable text but $list does not list it"
    failed=1
  fi
done

if command -v xgettext >/dev/null; then
  pot=$(mktemp)
  trap 'rm -f "$pot"' EXIT
  xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 -f <(echo "$listed") -o "$pot"
  n=$(grep -c '^msgid "' "$pot")
  echo "xgettext: $n messages"
  [ "$n" -gt 1000 ] || { echo "FAIL: only $n messages"; failed=1; }
fi

[ "$failed" = 0 ] && echo "ok: $(wc -l <<<"$listed") files listed"
exit "$failed"
