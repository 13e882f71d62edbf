#!/bin/sh
# sqlite_table.sh — the README's table of SQLite settings x outcome counts:
# runs `stablecut sqlite` for every journal mode x synchronous level under the
# power-cut modes and prints one markdown row per setting (crash states
# checked, their outcomes, and the exit code: 0 all legal, 1 a finding).
# Usage: scripts/sqlite_table.sh [STABLECUT] [extra flags for every run]
#   default STABLECUT: build/release/stablecut; e.g.
#   scripts/sqlite_table.sh build/release/stablecut --transactions 12 --seed 7
set -u
bin=${1:-build/release/stablecut}
[ $# -gt 0 ] && shift
[ -x "$bin" ] || { echo "sqlite_table.sh: $bin is not an executable stablecut (build it first)" >&2; exit 2; }
echo "| journal / synchronous | states | ok_current | ok_previous | lost | corrupt | exit |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for journal in delete truncate persist wal off; do
  for sync in off normal full extra; do
    out=$("$bin" sqlite --journal "$journal" --synchronous "$sync" --modes prefix,reorder,torn "$@" 2>/dev/null)
    code=$?
    [ "$code" -le 1 ] || { echo "sqlite_table.sh: stablecut sqlite --journal $journal --synchronous $sync exited $code" >&2; exit 2; }
    echo "$out" | awk -v name="$journal/$sync" -v code="$code" '
      $1 ~ /^(ok_current|ok_previous|lost|corrupt|detected)$/ { for (i = 2; i <= NF; i++) n[$1] += $i }
      /^checked / { states = $2 }
      END { printf "| %s | %d | %d | %d | %d | %d | %d |\n", name, states, n["ok_current"], n["ok_previous"],
            n["lost"], n["corrupt"], code }'
  done
done
