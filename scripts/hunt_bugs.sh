#!/bin/bash
# hunt_bugs.sh — benchmark (not a test): how long fuzz_protocol takes to find
# each planted bug, fuzzing from the shipped corpus (corpus/fuzz/fuzz_protocol)
# with a fixed seed on one core.
#
#   scripts/hunt_bugs.sh [--budget SECONDS] [--build DIR] [--seed N]
#
# Every seeded bug of the build is listed by its own stablecut
# (`stablecut managers`: each registered manager program's bugs, then the
# kernel's), so bugs a manager registry declares are hunted without editing
# this script. For each bug the power cuts can find, runs the libFuzzer build
# of fuzz_protocol with STABLECUT_FUZZ_BUG=<bug> until the first illegal
# outcome or the budget (default 300 s), and prints one line per bug:
# name, found/missed, wall seconds, executions, the illegal outcome. A bug
# its declaration says only a storage-fault mode finds (`modes` in
# `stablecut managers --format json`: bit-rot, io-error, ...) is listed as
# "not-hunted" with those modes: fuzz_protocol injects power cuts only.
# Defaults: --build build/fuzz (fuzz_protocol and stablecut built there with
# the `fuzz` preset if missing).
# Exit codes: 0 every hunted bug found, 1 some bug missed in budget, 2 bad
# flags or no bug list.
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

harness=$build/fuzz/fuzz_protocol stablecut=$build/stablecut
if [ ! -x "$harness" ] || [ ! -x "$stablecut" ]; then
  [ -f "$build/build.ninja" ] || (cd "$root" && cmake --preset fuzz -DSTABLECUT_QEMU=OFF >/dev/null)
  cmake --build "$build" --target fuzz_protocol stablecut >/dev/null || die "building fuzz_protocol and stablecut in $build failed"
fi

# Every `--bug NAME` stablecut lists (managers' and kernel's), and the fault
# modes each manager bug needs (none for the kernel's).
bugs=$("$stablecut" managers | grep -oE -- '--bug [a-z0-9-]+' | cut -d' ' -f2) ||
  die "$stablecut managers failed"
[ -n "$bugs" ] || die "$stablecut managers listed no seeded bugs"
modes_json=$("$stablecut" managers --format json) || die "$stablecut managers --format json failed"
modes_of() { jq -r --arg b "$1" '[.[].bugs[] | select(.name == $b) | .modes][0] // ""' <<<"$modes_json"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
missed=0
printf '%-30s %-9s %9s %10s  %s\n' bug result seconds execs outcome
for bug in $bugs; do
  modes=$(modes_of "$bug")
  if [ -n "$modes" ]; then
    printf '%-30s %-9s %9s %10s  %s\n' "$bug" not-hunted - - "needs --modes $modes (fuzz_protocol cuts power only)"
    continue
  fi
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
