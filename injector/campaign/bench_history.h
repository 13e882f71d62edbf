// bench_history.h — the history a nightly job keeps by appending the one
// JSON line of `stablecut bench --format json` to a file, read back for the
// report (`report --bench-history FILE`): did a change make stablecut slower?
// Interface: read_bench_history(path) gives
//   {series: [{name, points: [{at, figures: {figure: value}}]}],
//    regressions: [{series, figure, newest, best, best_at, drop}]}
// One series per bench (inproc or qemu), workload and worker count, its
// points in file order (a line's "at" is when it was measured, 0 if the
// line has none). The figures are the rates of the line (keys with a
// "_per_s" part, e.g. checked_per_s_all_workers: more is better). A
// regression is a figure whose newest value is more than kBenchRegression
// below the best value of an earlier point of its series (drop: the
// fraction lost).
// Errors: InputError "--bench-history FILE: …" (unreadable) or
// "--bench-history FILE:LINE: …" (a line that is not a bench line), one line.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace sc::campaign {

inline constexpr double kBenchRegression = 0.10;

nlohmann::json read_bench_history(const std::string& path);

}  // namespace sc::campaign
