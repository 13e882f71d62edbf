// outcome.h — the classification of one recovery (DESIGN.md §5), the one
// vocabulary the oracle judges in and the results database stores:
//  ok_current      the newest legal stable state
//  ok_previous     the older legal state (the cut fell inside a stabilisation)
//  lost            an older state than allowed, or legal pages/containers missing
//  corrupt         a state equal to no legal one (a mix, wrong or unreadable content)
//  recovery_failed no manager came up though a legal state existed
//  recovery_crash  recovery trapped, panicked or tripped a sanitizer
//  hang            recovery did not finish in time
//  detected        recovery refused cleanly, reporting the corruption or I/O
//                  error it found and what it could not trust — legal only
//                  under a fault class that destroys durable data (the oracle
//                  never gives it for a clean power cut)
// Invariant: the names are the strings stored in the results database
// (results/schema.sql); never rename or reorder them.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace sc {

enum class Outcome : uint8_t { ok_current, ok_previous, lost, corrupt, recovery_failed, recovery_crash, hang, detected };
constexpr int kOutcomeCount = 8;

inline constexpr const char* kOutcomeNames[kOutcomeCount] = {
    "ok_current", "ok_previous", "lost", "corrupt", "recovery_failed", "recovery_crash", "hang", "detected"};

inline const char* outcome_name(Outcome o) {
  const auto i = static_cast<unsigned>(o);
  return i < kOutcomeCount ? kOutcomeNames[i] : "unknown";
}

// nullopt for a name outcome_name() never returns.
inline std::optional<Outcome> parse_outcome(std::string_view name) {
  for (int i = 0; i < kOutcomeCount; ++i) {
    if (name == kOutcomeNames[i]) return static_cast<Outcome>(i);
  }
  return std::nullopt;
}

// ok_current, ok_previous and detected; every other outcome is a finding.
inline bool is_legal(Outcome o) {
  return o == Outcome::ok_current || o == Outcome::ok_previous || o == Outcome::detected;
}

}  // namespace sc
