// tally.cpp — see tally.h.
#include "injector/check/tally.h"

#include <fmt/format.h>

#include <set>

namespace sc {

namespace {

std::string difference_shape(const StateDifference& d) {
  const char* what = d.kind == DiffKind::missing      ? "missing"
                     : d.kind == DiffKind::unexpected ? "unexpected"
                     : d.unreadable()                 ? "unreadable"
                                                      : "wrong content";
  return fmt::format("{} {} of managed data", what, d.whole_container ? "container" : "page");
}

}  // namespace

Phase cut_phase(const crash::Trace& trace, size_t cut) {
  const auto requests = trace.requests();
  if (requests.empty()) return Phase::RUN;
  return requests[cut == 0 ? 0 : cut - 1].phase;
}

std::string failure_signature(Phase phase, const Verdict& v) {
  std::set<std::string> shapes;
  for (size_t i = 0; i < v.differences.size() && i < kShownDifferences; ++i)
    shapes.insert(difference_shape(v.differences[i]));
  if (!v.fsck.empty()) shapes.insert("fsck violation");
  std::string shape;
  for (const auto& s : shapes) shape += (shape.empty() ? "" : ", ") + s;
  if (shape.empty()) shape = v.reason;
  return fmt::format("{}/{}/{}", phase_name(phase), outcome_name(v.outcome), shape);
}

void tally(const crash::CrashState& state, Phase phase, const Verdict& v, ExploreResult* result) {
  ++result->states;
  const Outcome counted = v.legal() ? v.outcome : (is_legal(v.outcome) ? Outcome::corrupt : v.outcome);
  const auto o = static_cast<size_t>(counted), p = static_cast<size_t>(phase), k = static_cast<size_t>(state.kind);
  ++result->counts[o][p][k];
  result->fsck_violations[o][p][k] += v.fsck.size();
  if (v.legal()) return;
  ++result->illegal;
  std::string sig = failure_signature(phase, v);
  if (result->signatures[sig]++ == 0) result->failures.push_back(StateFailure{state, phase, v, std::move(sig), nullptr});
}

}  // namespace sc
