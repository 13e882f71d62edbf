#!/bin/bash
# fuzz.sh — runs one fuzzing campaign on one harness and records every
# unique crash in the results database.
#
#   scripts/fuzz.sh --engine libfuzzer|afl --target NAME --duration D [--jobs N] [--db FILE]
#
#   --engine    libfuzzer (build/fuzz, the `fuzz` preset) or afl (AFL++
#               persistent mode through libAFLDriver, build/afl, configured
#               with afl-clang-fast++ and ASan+UBSan)
#   --target    fuzz_workload_file | fuzz_trace_file | fuzz_recovery_image |
#               fuzz_syscalls | fuzz_protocol
#   --duration  wall time: 90 (seconds), 90s, 30m, 1h
#   --jobs      parallel fuzzing processes (default 1)
#   --db        results database (default results/fuzz.db; created if missing)
#
# The campaign lives in results/fuzz/TARGET/ENGINE-TIMESTAMP/ (git-ignored):
# corpus/ starts from corpus/fuzz/TARGET/ (regressions/ excluded), and every
# crashing input is replayed with the libFuzzer build to get a signature
# (the first sanitizer/abort line plus the top project frames), copied to
# results/fuzz/TARGET/crashes/, and recorded with stablecut-fuzz-record.
# Environment: STABLECUT_FUZZ_BUG (fuzz_protocol's seeded bug) is passed on;
# STABLECUT_FUZZ_BUILD and STABLECUT_AFL_BUILD override the build dirs.
# Exit codes: 0 no crash, 1 crashes recorded, 2 bad flags or a failed build.
set -euo pipefail

targets="fuzz_workload_file fuzz_trace_file fuzz_recovery_image fuzz_syscalls fuzz_protocol"
root=$(cd "$(dirname "$0")/.." && pwd)

die() { echo "fuzz.sh: $*" >&2; exit 2; }

seconds_of() {
  case "$1" in
    *[!0-9smh]* | "" | [smh]*) return 1 ;;
    *h) echo $((${1%h} * 3600)) ;;
    *m) echo $((${1%m} * 60)) ;;
    *s) echo "${1%s}" ;;
    *) echo "$1" ;;
  esac
}

engine="" target="" duration="" jobs=1 db="$root/results/fuzz.db"
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || die "$1 needs a value (usage: --engine libfuzzer|afl --target NAME --duration D [--jobs N] [--db FILE])"
  case "$1" in
    --engine) engine=$2 ;;
    --target) target=$2 ;;
    --duration) duration=$2 ;;
    --jobs) jobs=$2 ;;
    --db) db=$2 ;;
    *) die "unknown flag '$1' (usage: --engine libfuzzer|afl --target NAME --duration D [--jobs N] [--db FILE])" ;;
  esac
  shift 2
done
case "$engine" in libfuzzer | afl) ;; *) die "--engine: expected libfuzzer or afl, got '$engine'" ;; esac
[[ " $targets " == *" $target "* ]] || die "--target: expected one of: $targets; got '$target'"
secs=$(seconds_of "$duration") && [ "$secs" -gt 0 ] || die "--duration: expected N, Ns, Nm or Nh (N > 0), got '$duration'"
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || die "--jobs: expected a positive integer, got '$jobs'"

build() {  # build DIR CC CXX TARGETS... (configures DIR like the `fuzz` preset first if needed)
  local dir=$1 cc=$2 cxx=$3; shift 3
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTABLECUT_SANITIZE=ON -DSTABLECUT_QEMU=OFF "${@:$#}" >/dev/null
  fi
  cmake --build "$dir" -j "$jobs" --target "${@:1:$#-1}" >/dev/null
}

lf_dir=${STABLECUT_FUZZ_BUILD:-$root/build/fuzz}
build "$lf_dir" clang clang++ "$target" stablecut-fuzz-record -DSTABLECUT_FUZZ=ON || die "building $target in $lf_dir failed"
lf_bin=$lf_dir/fuzz/$target
work=$root/results/fuzz/$target/$engine-$(date +%Y%m%d-%H%M%S)
mkdir -p "$work/corpus" "$work/crashes" "$root/results/fuzz/$target/crashes"
find "$root/corpus/fuzz/$target" -maxdepth 1 -type f -size +0 -exec cp {} "$work/corpus/" \;
[ -n "$(ls -A "$work/corpus")" ] || printf '\0' > "$work/corpus/zero"
dict=$root/corpus/fuzz/$target.dict

run_libfuzzer() {
  local args=(-fork="$jobs" -ignore_crashes=1 -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048
              -artifact_prefix="$work/crashes/")
  [ -f "$dict" ] && args+=(-dict="$dict")
  "$lf_bin" "${args[@]}" "$work/corpus" >"$work/fuzzer.log" 2>&1 || true
}

run_afl() {
  local afl_dir=${STABLECUT_AFL_BUILD:-$root/build/afl}
  build "$afl_dir" afl-clang-fast afl-clang-fast++ "$target" -DSTABLECUT_FUZZ=OFF || die "building $target in $afl_dir failed"
  local args=(-i "$work/corpus" -o "$work/afl" -V "$secs" -t 10000 -m none)
  [ -f "$dict" ] && args+=(-x "$dict")
  export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
  for ((j = 2; j <= jobs; j++)); do
    afl-fuzz "${args[@]}" -S "s$j" -- "$afl_dir/fuzz/$target" >"$work/afl-s$j.log" 2>&1 &
  done
  afl-fuzz "${args[@]}" -M main -- "$afl_dir/fuzz/$target" >"$work/afl-main.log" 2>&1 || true
  wait
  find "$work/afl" -path '*/crashes/id:*' -exec cp {} "$work/crashes/" \; 2>/dev/null || true
}

signature_of() {  # replays one input with the libFuzzer build; prints a one-line signature
  local out
  out=$("$lf_bin" -timeout=10 -rss_limit_mb=2048 "$1" 2>&1 || true)
  local first frames
  # First report line, with addresses, numbers and crash-state details
  # normalised away so one bug gives one signature.
  first=$(grep -m1 -E '^(==[0-9]+==ERROR|SUMMARY|fuzz_[a-z_]+:|  what\(\))' <<<"$out" \
          | sed -E 's/==[0-9]+==//; s/^fuzz_[a-z_]+: //; s/ \(pc .*//; s/, (prefix|reorder|torn), [0-9]+ kept//;
                   s/0x[0-9a-f]+/N/g; s/[0-9]+/N/g')
  frames=$(grep -E '^ +#[0-9]+ .* in sc::' <<<"$out" | sed -E 's/\(anonymous namespace\):://g' \
           | grep -vE ' in sc::fuzz::' | head -3 | sed -E 's/.* in (sc::[^(]*).*/\1/' | paste -sd'<' -)
  echo "$target: ${first:-no report}${frames:+ @ $frames}"
}

if [ "$engine" = libfuzzer ]; then run_libfuzzer; else run_afl; fi
[ "$engine" = afl ] && db_engine=aflpp || db_engine=libfuzzer
replay_env=""
[ -z "${STABLECUT_FUZZ_BUG:-}" ] || replay_env="STABLECUT_FUZZ_BUG=$STABLECUT_FUZZ_BUG "
found=0
declare -A seen=()
for input in "$work"/crashes/*; do
  [ -f "$input" ] || continue
  sig=$(signature_of "$input")
  [ -z "${seen[$sig]:-}" ] || continue
  seen[$sig]=1
  kept=$root/results/fuzz/$target/crashes/$(sha1sum "$input" | cut -c1-40)
  cp "$input" "$kept"
  "$lf_dir/fuzz/stablecut-fuzz-record" --db "$db" --engine "$db_engine" --target "$target" --input "$kept" \
    --signature "$sig" --replay "$replay_env$lf_bin $kept" >/dev/null
  echo "crash: $sig"
  echo "  input: $kept"
  echo "  replay: $replay_env$lf_bin $kept"
  found=1
done
echo "campaign: $work ($engine, $target, ${secs}s, $jobs job(s)); unique crashes: ${#seen[@]}; database: $db"
exit "$found"
