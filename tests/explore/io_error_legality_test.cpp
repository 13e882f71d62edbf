// io_error_legality_test.cpp — the io-error legality rule (legal_window.h,
// reference_model.h): on hand-made spans, a failed attempt is legal from its
// begin until the next counted stabilisation ends, and never required; on a
// real recording of a small workload with a stabilisation's flush failing,
// that stabilisation returned an error, is recorded as a failed attempt (not
// stable), the run goes on without a finding, and every later stabilisation
// that returned success is required at every cut after it.
#include <gtest/gtest.h>

#include <algorithm>

#include "injector/check/io_error_explore.h"
#include "injector/inproc/recording.h"
#include "injector/oracle/verdict.h"
#include "injector/workload/workload_file.h"

namespace sc {
namespace {

Workload corpus(const std::string& name) {
  return load_workload_file(std::string(STABLECUT_SOURCE_DIR) + "/corpus/workloads/" + name + ".json");
}

struct Window {
  size_t previous, current;
  friend bool operator==(const Window&, const Window&) = default;
};

Window window(const std::vector<StabilisationSpan>& spans, uint64_t cut) {
  const LegalWindow l = legal_window(spans, cut);
  return Window{l.previous, l.current};
}

TEST(IoErrorWindow, AFailedAttemptIsLegalUntilTheNextCountedStabilisationEnds) {
  const std::vector<StabilisationSpan> spans{{10, 20}, {30, 35, true}, {40, 50}};
  EXPECT_EQ(window(spans, 25), (Window{1, 1}));
  EXPECT_EQ(window(spans, 30), (Window{1, 1}));  // the attempt issued nothing yet
  EXPECT_EQ(window(spans, 31), (Window{1, 2}));  // S_1 or the attempt's S_2
  EXPECT_EQ(window(spans, 38), (Window{1, 2}));  // returned an error: never required
  EXPECT_EQ(window(spans, 45), (Window{1, 3}));  // S_1, S_2 or S_3
  EXPECT_EQ(window(spans, 50), (Window{3, 3}));  // a success must survive
}

TEST(IoErrorWindow, ClassifyAcceptsAFailedAttemptsStateOnlyInsideItsWindow) {
  const Workload w = corpus("basic");
  const std::vector<SystemState> history{{}, {{1, {{0, 1}}}}, {{1, {{0, 2}}}}, {{1, {{0, 3}}}}};
  Recovered r;
  r.booted = true;
  r.state = history[2];
  EXPECT_TRUE(classify(w, history, LegalWindow{1, 3, false}, r).legal());
  EXPECT_FALSE(classify(w, history, LegalWindow{3, 3, false}, r).legal());
  EXPECT_FALSE(classify(w, history, LegalWindow{1, 1, false}, r).legal());
}

TEST(IoErrorRecording, AFailedFlushMakesAFailedAttemptAndTheRunGoesOn) {
  const Workload w = corpus("basic");
  const Recording clean = record_inproc(w, {});
  ASSERT_TRUE(clean.findings.empty());
  const auto faults = draw_io_errors(clean.trace, clean.spans, 7);
  const auto flush = std::find_if(faults.begin(), faults.end(), [&](const crash::Fault& f) {
    return clean.trace.requests()[f.request].kind == crash::Kind::flush;
  });
  ASSERT_NE(flush, faults.end());
  const Recording faulted = record_inproc(w, {}, nullptr, &*flush);
  EXPECT_TRUE(faulted.findings.empty()) << faulted.findings.front();
  const auto failed = std::count_if(faulted.spans.begin(), faulted.spans.end(),
                                    [](const StabilisationSpan& s) { return s.failed; });
  EXPECT_GE(failed, 1);
  EXPECT_EQ(faulted.history.size(), faulted.spans.size() + 1);
  // The requests before the failing one are recorded exactly as in the clean run.
  ASSERT_GE(faulted.trace.requests().size(), flush->request);
  for (size_t i = 0; i < flush->request; ++i)
    EXPECT_EQ(faulted.trace.requests()[i].sector, clean.trace.requests()[i].sector) << "request " << i;
}

TEST(IoErrorRecording, FaultsAreDrawnFromStabilisationsAndReplayFromTheSeed) {
  const Recording clean = record_inproc(corpus("crash_cycles"), {});
  const auto faults = draw_io_errors(clean.trace, clean.spans, 3);
  ASSERT_FALSE(faults.empty());
  EXPECT_LE(faults.size(), kIoErrorRunsPerWorkload);
  EXPECT_EQ(faults, draw_io_errors(clean.trace, clean.spans, 3));
  for (const crash::Fault& f : faults) {
    EXPECT_EQ(f.kind, crash::Mode::io_error);
    EXPECT_TRUE(std::any_of(clean.spans.begin(), clean.spans.end(),
                            [&](const StabilisationSpan& s) { return s.begin <= f.request && f.request < s.end; }));
  }
}

}  // namespace
}  // namespace sc
