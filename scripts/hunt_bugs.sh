#!/bin/bash
# hunt_bugs.sh — benchmark (not a test): how long fuzz_protocol takes to find
# each planted bug, fuzzing from the shipped corpus (corpus/fuzz/fuzz_protocol)
# with a fixed seed on one core.
#
#   scripts/hunt_bugs.sh [--budget SECONDS] [--build DIR] [--seed N]
#
# For every seeded bug (the name table in injector/common/seeded_bugs.cpp), runs the libFuzzer build of
# fuzz_protocol with STABLECUT_FUZZ_BUG=<bug> until the first illegal
# outcome or the budget (default 300 s), and prints one line per bug:
# name, found/not found, wall seconds, executions, the illegal outcome.
# Defaults: --build build/fuzz (built with the `fuzz` preset if missing).
# Exit codes: 0 every bug found, 1 some bug not found in budget, 2 bad flags.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
budget=300 build=$root/build/fuzz seed=1
die() { echo "hunt_bugs.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || die "$1 needs a value (usage: [--budget SECONDS] [--build DIR] [--seed N])"
  case "$1" in
    --budget) budget=$2 ;;
    --build) build=$2 ;;
    --seed) seed=$2 ;;
    *) die "unknown flag '$1' (usage: [--budget SECONDS] [--build DIR] [--seed N])" ;;
  esac
  shift 2
done
[[ "$budget" =~ ^[1-9][0-9]*$ ]] || die "--budget: expected a positive integer, got '$budget'"
[[ "$seed" =~ ^[0-9]+$ ]] || die "--seed: expected a non-negative integer, got '$seed'"

harness=$build/fuzz/fuzz_protocol
if [ ! -x "$harness" ]; then
  [ -f "$build/build.ninja" ] || (cd "$root" && cmake --preset fuzz -DSTABLECUT_QEMU=OFF >/dev/null)
  cmake --build "$build" --target fuzz_protocol >/dev/null || die "building fuzz_protocol in $build failed"
fi

bugs=$(grep -oE '^ *\{"[a-z-]+",' "$root/injector/common/seeded_bugs.cpp" | tr -d ' {",')
[ -n "$bugs" ] || die "could not list the seeded bugs from injector/common/seeded_bugs.cpp"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
missed=0
printf '%-30s %-9s %9s %10s  %s\n' bug result seconds execs outcome
for bug in $bugs; do
  mkdir -p "$work/$bug/corpus"
  find "$root/corpus/fuzz/fuzz_protocol" -maxdepth 1 -type f -exec cp {} "$work/$bug/corpus/" \;
  start=$(date +%s.%N)
  STABLECUT_FUZZ_BUG=$bug STABLECUT_FUZZ_CASES=$work/$bug/cases "$harness" -seed="$seed" -max_total_time="$budget" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/$bug/" "$work/$bug/corpus" \
    >"$work/$bug/log" 2>&1 || true
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$bug/log" | tail -1)
  [ -n "$execs" ] || execs=$(grep -oE '^#[0-9]+' "$work/$bug/log" | tail -1 | tr -d '#')
  outcome=$(grep -m1 -oE 'ILLEGAL [a-z_]+( at cut [0-9]+ \([A-Z_]+)?|ILLEGAL while recording' "$work/$bug/log" || true)
  if [ -n "$outcome" ]; then result=found; else result=missed; missed=1; fi
  printf '%-30s %-9s %9.1f %10s  %s\n' "$bug" "$result" "$secs" "${execs:-?}" "${outcome:-}"
done
exit "$missed"
