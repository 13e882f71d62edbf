// explore_report.cpp — see explore_report.h.
#include "injector/cli/explore_report.h"

#include "injector/cli/tier_flags.h"
#include "injector/common/plural.h"

#include <fmt/format.h>

#include <cmath>

#include "managers/sdk/sys_call.h"

namespace sc::cli {

namespace {

bool phase_seen(const ExploreResult& r, size_t phase) {
  for (const auto& by_phase : r.counts)
    for (uint64_t n : by_phase[phase]) if (n) return true;
  return false;
}

uint64_t cell(const ExploreResult& r, size_t outcome, size_t phase) {
  uint64_t n = 0;
  for (uint64_t k : r.counts[outcome][phase]) n += k;
  return n;
}

std::string kept_text(const crash::CrashState& s) {
  if (s.kept.empty()) return "no in-flight write kept";
  std::string out = "kept";
  for (const auto& k : s.kept)
    out += k.sector_mask == crash::kWholeWrite ? fmt::format(" #{}", k.request) : fmt::format(" #{}(mask {:#x})", k.request, k.sector_mask);
  return out;
}

// What failed in the state's run, if a fault changed the run.
std::string run_fault_text(const crash::CrashState& s) {
  const auto f = crash::run_fault(s);
  if (!f) return "";
  if (f->kind == crash::Mode::io_error) return fmt::format(", request #{} failed", f->request);
  return fmt::format(", call {} ({}) {}", f->request, sys_call_name(static_cast<SysCall>(f->detail)),
                     f->kind == crash::Mode::call_misuse ? "misused" : "failed");
}

}  // namespace

namespace {

// A count of crash states, or its bound when it passes what a double holds.
std::string states_count(double states, uint32_t max_variables) {
  return std::isinf(states) ? fmt::format("over 2^{}", max_variables) : fmt::format("{:.6g}", states);
}

// The cuts left incomplete, which the bounded modes checked as well.
std::string bounded_part(const ExhaustiveCoverage& c) {
  if (c.bounded_cuts == 0) return "";
  return fmt::format("; {} past the budget also by the bounded modes ({})", counted(c.bounded_cuts, "cut", "cuts"),
                     counted(c.bounded_states, "crash state", "crash states"));
}

}  // namespace

std::string exhaustive_line(const ExhaustiveCoverage& c) {
  return fmt::format("exhaustive: every crash state covered at {} of the {} cuts explored; {} of {} crash states by {}",
                     c.complete_cuts, c.cuts, states_count(c.states, c.max_variables),
                     states_count(c.all_states, c.max_variables), counted(c.recoveries, "recovery", "recoveries")) +
         bounded_part(c);
}

void print_outcome_table(const ExploreResult& r) {
  std::string header = fmt::format("{:<16}", "outcome");
  for (size_t p = 0; p < kPhaseCount; ++p)
    if (phase_seen(r, p)) header += fmt::format("{:>11}", phase_name(static_cast<Phase>(p)));
  fmt::print("{}{:>11}\n", header, "total");
  for (size_t o = 0; o < kOutcomeCount; ++o) {
    std::string line = fmt::format("{:<16}", outcome_name(static_cast<Outcome>(o)));
    uint64_t total = 0;
    for (size_t p = 0; p < kPhaseCount; ++p) {
      if (!phase_seen(r, p)) continue;
      line += fmt::format("{:>11}", cell(r, o, p));
      total += cell(r, o, p);
    }
    if (total) fmt::print("{}{:>11}\n", line, total);
  }
}

void print_recovery_cuts(const ExploreResult& r, size_t recovery_requests) {
  const auto recovery = static_cast<size_t>(Phase::RECOVERY);
  uint64_t states = 0;
  for (size_t o = 0; o < kOutcomeCount; ++o) states += cell(r, o, recovery);
  if (recovery_requests == 0) {
    fmt::print("cuts during recovery: none possible (the recoveries of this run wrote nothing)\n");
    return;
  }
  fmt::print("cuts during recovery: {} checked (power cut while recovery wrote {}, then recovered again)\n",
             counted(states, "crash state"), counted(recovery_requests, "disk request"));
}

void print_verdict(const Verdict& v) {
  fmt::print("verdict: {}{}\n", outcome_name(v.outcome), v.legal() ? " (legal)" : " (ILLEGAL)");
  if (!v.reason.empty()) fmt::print("  reason: {}\n", v.reason);
  for (const auto& line : v.fsck) fmt::print("  fsck: {}\n", line);
  if (!v.diff.empty()) fmt::print("  recovered vs newest legal state:\n");
  for (const auto& line : v.diff) fmt::print("    {}\n", line);
}

void print_failure(const StateFailure& f, uint64_t states, const std::string& case_path, const tier::TierSpec& tier) {
  fmt::print("FINDING {} ({})\n", f.signature, counted(states, "state"));
  fmt::print("  first at cut {} ({} state, {}{}), phase {}\n", f.state.cut, crash::mode_name(f.state.kind),
             kept_text(f.state), run_fault_text(f.state), phase_name(f.phase));
  print_verdict(f.verdict);
  fmt::print("  case: {}\n  replay: stablecut replay {} {}\n", case_path, case_path, tier_flags_text(tier));
}

}  // namespace sc::cli
