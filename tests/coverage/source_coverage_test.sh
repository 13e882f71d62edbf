#!/bin/sh
# source_coverage_test.sh — runs scripts/source_coverage.sh on the shipped
# corpus alone (every mode) into OUT and fails unless both parts print and
# each keeps at least 95% of its lines (llvm-cov's line coverage).
# Usage (from the source tree's root): source_coverage_test.sh OUT
set -u
out=$1
summary=$(scripts/source_coverage.sh --duration 0 --out "$out") || { echo "source_coverage.sh failed" >&2; exit 1; }
echo "$summary"
for part in kernel/core managers/; do
  echo "$summary" | awk -v part="$part" '
    $1 == part && $2 == "lines" { split($3, n, "/"); found = 1
      if (n[2] == 0 || n[1] / n[2] < 0.95) { printf "%s: lines %s, below 95%%\n", part, $3; exit 1 } }
    END { if (!found) { printf "%s: no summary line\n", part; exit 1 } }' || exit 1
done
