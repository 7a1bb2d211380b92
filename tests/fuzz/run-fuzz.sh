#!/usr/bin/env bash
# Runs a libFuzzer target for a while on a copy of its seeds.
#   run-fuzz.sh TARGET SECONDS SEED_FILE…   (LECTERN_FUZZ_SECONDS overrides SECONDS)
# Crashes, leaks and failed assertions end it with a non-zero status
# and leave the input that caused them in $LECTERN_FUZZ_ARTIFACTS (or
# the build folder), named crash-…, leak-… or timeout-….
set -euo pipefail

target=$1; seconds=${LECTERN_FUZZ_SECONDS:-$2}; shift 2
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
for seed in "$@"; do
  cp "$seed" "$corpus/$(basename "$(dirname "$seed")")-$(basename "$seed")"
done
artifacts=${LECTERN_FUZZ_ARTIFACTS:-$(dirname "$target")/}
exec "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus"
