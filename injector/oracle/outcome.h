// outcome.h — the classification of one recovery (DESIGN.md §5):
//  ok_current      the newest legal stable state
//  ok_previous     the older legal state (the cut fell inside a stabilisation)
//  lost            an older state than allowed, or legal pages/containers missing
//  corrupt         a state equal to no legal one (a mix, wrong or unreadable content)
//  recovery_failed no manager came up though a legal state existed
//  recovery_crash  recovery trapped, panicked or tripped a sanitizer
//  hang            recovery did not finish in time
#pragma once
#include <cstdint>
#include <string>

namespace sc {

enum class Outcome : uint8_t { ok_current, ok_previous, lost, corrupt, recovery_failed, recovery_crash, hang };
constexpr int kOutcomeCount = 7;

const char* outcome_name(Outcome o);
bool parse_outcome(const std::string& name, Outcome* out);
inline bool is_legal(Outcome o) { return o == Outcome::ok_current || o == Outcome::ok_previous; }

}  // namespace sc
