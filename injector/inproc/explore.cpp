// explore.cpp — see explore.h.
#include "injector/inproc/explore.h"

#include <fmt/format.h>

#include <chrono>
#include <set>

#include "injector/inproc/inproc_checker.h"

namespace sc {

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// "container NAME page P: expected X, recovered Y" → "wrong page of M".
std::string diff_shape(const Workload& w, const std::string& line) {
  std::string manager = "?";
  for (size_t c = w.managers.size(); c < w.container_names.size(); ++c) {
    if (line.rfind("container " + w.container_names[c] + " ", 0) == 0 ||
        line.rfind("container " + w.container_names[c] + ":", 0) == 0) {
      manager = "managed data";
      break;
    }
  }
  const char* what = line.find("recovered missing") != std::string::npos     ? "missing"
                     : line.find("expected missing") != std::string::npos    ? "unexpected"
                     : line.find("unreadable") != std::string::npos          ? "unreadable"
                     : line.find(": expected with") != std::string::npos     ? "missing"
                     : line.find("... and") == 0                             ? ""
                                                                             : "wrong content";
  const bool container = line.find(" page ") == std::string::npos;
  return what[0] ? fmt::format("{} {} of {}", what, container ? "container" : "page", manager) : "";
}

// states.next(), its time added to *seconds.
bool timed_next(crash::CrashStateEnumerator& states, double* seconds) {
  const auto start = Clock::now();
  const bool more = states.next();
  *seconds += since(start);
  return more;
}

}  // namespace

Phase cut_phase(const crash::Trace& trace, size_t cut) {
  const auto requests = trace.requests();
  if (requests.empty()) return Phase::RUN;
  return requests[cut == 0 ? 0 : cut - 1].phase;
}

std::string failure_signature(const Workload& w, Phase phase, const Verdict& v) {
  std::set<std::string> shapes;
  for (const auto& line : v.diff)
    if (auto s = diff_shape(w, line); !s.empty()) shapes.insert(s);
  if (!v.fsck.empty()) shapes.insert("fsck violation");
  std::string shape;
  for (const auto& s : shapes) shape += (shape.empty() ? "" : ", ") + s;
  if (shape.empty()) shape = v.reason;
  return fmt::format("{}/{}/{}", phase_name(phase), outcome_name(v.outcome), shape);
}

void tally(const Workload& w, const crash::CrashState& state, Phase phase, const Verdict& v, ExploreResult* result) {
  ++result->states;
  const Outcome counted = v.legal() ? v.outcome : (is_legal(v.outcome) ? Outcome::corrupt : v.outcome);
  const auto o = static_cast<size_t>(counted), p = static_cast<size_t>(phase), k = static_cast<size_t>(state.kind);
  ++result->counts[o][p][k];
  result->fsck_violations[o][p][k] += v.fsck.size();
  if (v.legal()) return;
  ++result->illegal;
  std::string sig = failure_signature(w, phase, v);
  if (result->signatures[sig]++ == 0) result->failures.push_back(StateFailure{state, phase, v, std::move(sig)});
}

ExploreResult explore_inproc(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                             const ExploreOptions& options) {
  ExploreResult result;
  const auto start = Clock::now();
  auto last_report = start;
  InprocChecker checker(w, bugs);
  crash::CrashStateEnumerator states(rec.trace, options.enumerate);
  while (result.states < options.max_states && timed_next(states, &result.enumerate_seconds)) {
    if (options.should_stop && options.should_stop()) {
      result.stopped = true;  // a state is left unchecked
      break;
    }
    const crash::CrashState& state = states.state();
    const Phase phase = cut_phase(rec.trace, state.cut);
    const Verdict v = classify(w, rec.history, legal_window(rec.spans, state.cut), checker.recover(states.image()));
    tally(w, state, phase, v, &result);
    if (options.progress && since(last_report) > 0.5) {
      last_report = Clock::now();
      options.progress(ExploreProgress{result.states, result.illegal, state.cut, rec.trace.cut_count(), since(start)});
    }
  }
  result.duplicates = states.counters().duplicates;
  result.seconds = since(start);
  return result;
}

}  // namespace sc
