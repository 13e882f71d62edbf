#!/bin/sh
# smoke.sh — a time-boxed libFuzzer run of one harness, for ctest.
# Usage: smoke.sh HARNESS_BINARY CORPUS_DIR [SECONDS]
# Copies the top-level seed files of CORPUS_DIR (not regressions/) to a
# private temporary directory, fuzzes over it for SECONDS (default 3) with a
# fixed seed, and exits with the harness's status (non-zero on any finding).
# Uses CORPUS_DIR.dict as the dictionary when it exists.
set -eu
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: smoke.sh HARNESS_BINARY CORPUS_DIR [SECONDS]" >&2
  exit 2
fi
binary=$1 corpus=$2 seconds=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus" "$work/artifacts"
find "$corpus" -maxdepth 1 -type f -exec cp {} "$work/corpus/" \;
export STABLECUT_FUZZ_CASES="$work/cases"
dict=""
[ -f "$corpus.dict" ] && dict="-dict=$corpus.dict"
# shellcheck disable=SC2086
"$binary" -max_total_time="$seconds" -seed=1 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" $dict "$work/corpus"
