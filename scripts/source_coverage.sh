#!/bin/sh
# source_coverage.sh — line, branch and function coverage of kernel/core/ and
# managers/ by clang's source-based coverage (llvm-cov), over what a campaign
# runs: builds the `coverage` preset's stablecut (the release build with
# -fprofile-instr-generate -fcoverage-mapping on every host target; no QEMU
# tier), runs one campaign with every profile written under OUT,
# merges the profiles and prints, per part, llvm-cov's own totals and the
# lines no run reached. The campaign's own measure (`stablecut report`,
# docs/campaigns.md "Coverage and steering") counts block-start lines of the
# optimised build; this one is llvm-cov's: a line is covered when a code
# region on it ran.
#
# Usage: scripts/source_coverage.sh [--duration D] [--out DIR]
#            [--manager-dir DIR]... [campaign flags...]
#   --duration D      campaign length after the corpus (default 10m; 0 = the
#                     shipped corpus alone, --workloads 25)
#   --out DIR         where profiles, the campaign's database and log and the
#                     merged profile go (default build/coverage/measure; the
#                     files of an earlier measure there are replaced)
#   --manager-dir DIR an out-of-tree manager folder to build in
#                     (STABLECUT_MANAGER_DIRS) and report as a part of its own;
#                     repeat for several (no spaces in the path)
#   further flags go to `stablecut campaign` (default --jobs 1 --seed 1 and
#   every crash mode, storage fault and call fault).
# Exit: 0 measured, 2 usage error or a step failed (the step is named).
# Environment: LLVM_COV, LLVM_PROFDATA name the tools (default llvm-cov and
# llvm-profdata on PATH: they must be the version of the clang that built).
set -u
die() { echo "source_coverage.sh: $*" >&2; exit 2; }

# All in one function, read whole before it runs: editing the script during
# a 10-minute run then cannot change what the shell executes next.
main() {
  duration=10m
  out=build/coverage/measure
  dirs=
  while [ $# -gt 0 ]; do
    case $1 in
      --duration) [ $# -ge 2 ] || die "--duration needs a value (e.g. 10m, or 0)"; duration=$2; shift 2 ;;
      --out) [ $# -ge 2 ] || die "--out needs a directory"; out=$2; shift 2 ;;
      --manager-dir)
        [ $# -ge 2 ] || die "--manager-dir needs a folder"
        dir=$(cd "$2" 2>/dev/null && pwd) || die "--manager-dir $2: no such folder"
        case $dir in *' '*) die "--manager-dir $dir: a path with spaces is not supported" ;; esac
        dirs="${dirs:+$dirs }$dir"; shift 2 ;;
      -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
      *) break ;;
    esac
  done
  llvm_cov=${LLVM_COV:-llvm-cov}
  llvm_profdata=${LLVM_PROFDATA:-llvm-profdata}
  command -v "$llvm_cov" >/dev/null || die "$llvm_cov not found (Debian package llvm; ./setup.sh installs it)"
  command -v "$llvm_profdata" >/dev/null || die "$llvm_profdata not found (Debian package llvm)"
  [ -f CMakePresets.json ] || die "run from the source tree's root (no CMakePresets.json here)"

  modes=exhaustive,torn,lying-flush,misdirected,lost-write,bit-rot,sub-sector-tear,read-error,io-error,call-error,call-misuse
  if [ "$duration" = 0 ]; then length="--workloads 25"; else length="--duration $duration"; fi

  echo "source_coverage.sh: building the coverage preset" >&2
  cmake --preset coverage -DSTABLECUT_MANAGER_DIRS="$(echo "$dirs" | tr ' ' ';')" >/dev/null ||
    die "cmake --preset coverage failed"
  cmake --build --preset coverage --target stablecut >/dev/null || die "building the coverage preset failed"
  bin=build/coverage/stablecut

  mkdir -p "$out" && rm -rf "$out"/*.profraw "$out"/all.* "$out"/campaign.* "$out/cases" || die "cannot make $out"
  echo "source_coverage.sh: $bin campaign $length --jobs 1 --seed 1 --modes $modes $*" >&2
  # shellcheck disable=SC2086 # $length is two words on purpose
  # The campaign's progress goes to stderr as it runs and to campaign.log;
  # its exit code comes back through campaign.rc (sh has no pipefail).
  {
    LLVM_PROFILE_FILE="$out/%p.profraw" "$bin" campaign $length --jobs 1 --seed 1 --modes "$modes" \
      --db "$out/campaign.db" "$@" 2>&1
    echo $? >"$out/campaign.rc"
  } | tee "$out/campaign.log" >&2
  code=$(cat "$out/campaign.rc")
  [ "$code" -le 1 ] || die "the campaign exited $code (see $out/campaign.log)"
  [ "$code" -eq 0 ] || echo "source_coverage.sh: the campaign found illegal states (exit 1); coverage still follows" >&2
  grep -E '^campaign [0-9]+ .*finished' "$out/campaign.log"

  "$llvm_profdata" merge -sparse -o "$out/all.profdata" "$out"/*.profraw || die "llvm-profdata merge failed"
  "$llvm_cov" export -format=lcov "$bin" -instr-profile "$out/all.profdata" >"$out/all.lcov" || die "llvm-cov export failed"
  awk -v root="$PWD" -v dirs="$dirs" -f scripts/lcov_parts.awk "$out/all.lcov" || die "summarising $out/all.lcov failed"
}

main "$@"
exit $?
