#!/usr/bin/env bash
# nightly.sh — the nightly campaign a user puts in cron: build the release
# preset, run an in-process campaign for a given time, write the HTML report.
#
#   scripts/nightly.sh [--duration 8h] [--db results/nightly.db] [--report results/report]
#                      [--jobs N] [--shard i/N] [--skip-build] [-- extra campaign flags]
#
# Exit codes: 0 = every crash state legal, 1 = a finding (see the report),
# 2 = usage error or a failed build/report. Each night is a new campaign in
# the same database (name "nightly"), so the report shows trends over nights.
set -euo pipefail

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }

duration=8h db=results/nightly.db report=results/report jobs=$(nproc) shard=0/1 build=1
extra=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --duration) duration=${2:?}; shift 2 ;;
    --db) db=${2:?}; shift 2 ;;
    --report) report=${2:?}; shift 2 ;;
    --jobs) jobs=${2:?}; shift 2 ;;
    --shard) shard=${2:?}; shift 2 ;;
    --skip-build) build=0; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "nightly.sh: $1: unknown argument (see --help)" >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")/.."
if [[ $build == 1 ]]; then
  cmake --preset release > /dev/null || { echo "nightly.sh: cmake --preset release failed" >&2; exit 2; }
  cmake --build --preset release --target stablecut > /dev/null || { echo "nightly.sh: build failed" >&2; exit 2; }
fi
bin=$(find build/release -maxdepth 2 -name stablecut -type f -perm -u+x | head -n1)
[[ -n $bin ]] || { echo "nightly.sh: build/release: expected the stablecut binary (run without --skip-build)" >&2; exit 2; }

status=0
"$bin" campaign --name nightly --db "$db" --duration "$duration" --jobs "$jobs" --shard "$shard" "${extra[@]}" || status=$?
[[ $status -le 1 ]] || exit 2
"$bin" report --db "$db" --out "$report" || exit 2
exit "$status"
