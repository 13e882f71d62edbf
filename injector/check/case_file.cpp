// case_file.cpp — see case_file.h.
#include "injector/check/case_file.h"

#include <filesystem>

#include "injector/check/state_json.h"
#include "injector/workload/json_field.h"
#include "injector/workload/workload_file.h"

namespace sc {

void save_case(const std::string& path, const Workload& w, const SeededBugs& bugs, const Recording& rec,
               const StateFailure& failure, uint64_t seed, const std::string& tier) {
  crash::TraceFile file(rec.trace);
  file.workload = workload_to_json(w);
  file.seed = seed;
  file.crash_state = failure.state;
  file.meta = {{"tier", tier},
               {"bugs", bugs_to_json(bugs)},
               {"history", states_to_json(rec.history)},
               {"spans", spans_to_json(rec.spans)},
               {"verdict", {{"outcome", outcome_name(failure.verdict.outcome)},
                            {"phase", phase_name(failure.phase)},
                            {"signature", failure.signature},
                            {"reason", failure.verdict.reason}}}};
  const std::filesystem::path p(path);
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
  crash::save_trace_file(path, file);
}

Case load_case(const std::string& path) {
  crash::TraceFile file = crash::load_trace_file(path);
  const JsonField meta(file.meta, path, "meta");
  if (!file.crash_state) JsonField(file.meta, path, "crash_state").fail("missing; a case names one crash state");
  Workload w = parse_workload(file.workload, path + " (embedded workload)");
  SeededBugs bugs = bugs_from_json(meta.child("bugs").value(), path);
  auto history = states_from_json(meta.child("history").value(), w, path);
  auto spans = spans_from_json(meta.child("spans").value(), path);
  if (spans.size() + 1 != history.size()) meta.child("spans").fail("expected one span per stable state after S_0");
  return Case{path, std::move(w), bugs, std::move(file), std::move(history), std::move(spans)};
}

Verdict replay_case(const Case& c, Checker& checker) {
  const crash::CrashImage image = crash::build_crash_image(c.file.trace, *c.file.crash_state);
  return classify(c.workload, c.history, legal_window(c.spans, c.file.crash_state->cut), checker.recover(image.view()));
}

}  // namespace sc
