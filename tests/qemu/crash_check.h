// crash_check.h — crash states checked by real reboots, for the QEMU-tier
// verdict tests: pick states of a trace, recover each in-process
// (InprocChecker) and under QEMU (QemuSession, two boots at a time), and
// judge both with the project's oracle (classify() over the legal window of
// the cut), so the tests compare the tiers through the same code users run.
#pragma once
#include <gtest/gtest.h>

#include <functional>
#include <mutex>
#include <thread>

#include "injector/crash/crash_image.h"
#include "injector/crash/enumerator.h"
#include "injector/inproc/inproc_checker.h"
#include "injector/check/spread_states.h"
#include "injector/qemu/qemu_explore.h"
#include "injector/qemu/qemu_oracle.h"
#include "tests/qemu/tier_fixture.h"

namespace sc::qemu::test {

struct Judged {
  bool booted = false;
  bool legal = false;
  SystemState state;
};

inline Judged judged(const Workload& w, const Recovered& r, const std::vector<SystemState>& history,
                     const std::vector<StabilisationSpan>& spans, uint64_t cut) {
  const Verdict v = classify(w, history, legal_window(spans, cut), r);
  return {r.booted, v.legal(), r.state};
}

// The seeded bugs with just `name` turned on.
inline SeededBugs bug(const std::string& name) {
  SeededBugs bugs;
  enable_seeded_bug(&bugs, name);
  return bugs;
}

inline std::vector<crash::CrashState> pick_states(const crash::Trace& trace, size_t limit, crash::ModeSet modes) {
  crash::EnumeratorOptions options;
  options.modes = modes;
  options.seed = 1;
  return spread_states(trace, options, limit);
}

inline Judged recover_inproc(const Workload& w, const SeededBugs& bugs, const crash::Trace& trace,
                             const crash::CrashState& s, const std::vector<SystemState>& history,
                             const std::vector<StabilisationSpan>& spans) {
  const crash::CrashImage image = crash::build_crash_image(trace, s);
  InprocChecker checker(w, bugs);
  return judged(w, checker.recover(image.view(), s.faults), history, spans, s.cut);
}

inline Judged judge_qemu(const Workload& w, const SeededBugs& bugs, const QemuRecovery& r, const crash::Trace& trace,
                         const crash::CrashState& s, const std::vector<SystemState>& history,
                         const std::vector<StabilisationSpan>& spans) {
  const crash::CrashImage image = crash::build_crash_image(trace, s);
  return judged(w, recovered_from_qemu(r, image.view(), w, boot_config(w, bugs)), history, spans, s.cut);
}

// Recovers every state under QEMU, two boots at a time.
inline std::vector<QemuRecovery> recover_all_qemu(const Workload& w, const SeededBugs& bugs, const crash::Trace& trace,
                                                  const std::vector<crash::CrashState>& states) {
  std::vector<QemuRecovery> out(states.size());
  auto worker = [&](size_t first) {
    QemuSession session(w, bugs, tier_config());
    for (size_t i = first; i < states.size(); i += 2)
      out[i] = session.recover(crash::build_crash_image(trace, states[i]).view().bytes());
  };
  std::thread other(worker, 1);
  worker(0);
  other.join();
  return out;
}

// Recovers every state of the in-process recording `inproc` in both tiers
// and expects the same verdict, boot and recovered state from each (gtest
// expectations, naming the state). Returns how many were illegal in-process.
inline size_t expect_tiers_agree(const Workload& w, const SeededBugs& bugs, const InprocRun& inproc,
                                 const QemuRecording& rec, const std::vector<crash::CrashState>& states) {
  const auto recovered = recover_all_qemu(w, bugs, inproc.trace, states);
  size_t illegal = 0;
  for (size_t i = 0; i < states.size(); ++i) {
    const Judged h = recover_inproc(w, bugs, inproc.trace, states[i], inproc.history, rec.guest.spans);
    const Judged q = judge_qemu(w, bugs, recovered[i], inproc.trace, states[i], inproc.history, rec.guest.spans);
    illegal += h.legal ? 0 : 1;
    EXPECT_EQ(h.legal, q.legal) << "state " << i << " cut " << states[i].cut;
    EXPECT_EQ(h.booted, q.booted) << "state " << i;
    if (h.booted && q.booted) EXPECT_EQ(h.state, q.state) << "state " << i;
  }
  return illegal;
}

}  // namespace sc::qemu::test
