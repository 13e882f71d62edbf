// crash_check.h — crash states checked by real reboots, for the QEMU-tier
// verdict tests: pick states of a trace, recover each in-process (Machine on
// an OverlayDisk) and under QEMU (RecoverySession, two boots at a time), and
// judge them with the legal window of DESIGN.md §5: with k stabilisations
// returned at or before the cut, S_k is legal, and S_{k+1} too when the cut
// lies strictly inside stabilisation k+1. (The project's checker,
// injector/oracle/verdict.h, replaces judge() once it is committed.)
#pragma once
#include <functional>
#include <mutex>
#include <thread>

#include "injector/crash/crash_image.h"
#include "injector/crash/enumerator.h"
#include "injector/crash/overlay_disk.h"
#include "injector/oracle/readback.h"
#include "tests/qemu/tier_fixture.h"

namespace sc::qemu::test {

struct Judged {
  bool booted = false;
  bool legal = false;
  SystemState state;
};

inline Judged judge(bool booted, const SystemState& state, const std::vector<SystemState>& history,
                    const std::vector<Span>& spans, uint64_t cut) {
  size_t k = 0;
  while (k < spans.size() && spans[k].end <= cut) ++k;
  const bool inside = k < spans.size() && spans[k].begin < cut && k + 1 < history.size();
  const bool legal = booted && (state == history.at(k) || (inside && state == history.at(k + 1)));
  return {booted, legal, state};
}

// Every `stride`-th state of the enumeration, at most `limit`.
inline std::vector<crash::CrashState> pick_states(const crash::Trace& trace, size_t limit, crash::ModeSet modes) {
  std::vector<crash::CrashState> all;
  crash::CrashStateEnumerator::Options options;
  options.modes = modes;
  options.seed = 1;
  crash::CrashStateEnumerator e(trace, options);
  while (e.next()) all.push_back(e.state());
  if (all.size() <= limit) return all;
  std::vector<crash::CrashState> picked;
  for (size_t i = 0; i < limit; ++i) picked.push_back(all[i * all.size() / limit]);
  return picked;
}

inline Judged recover_inproc(const Workload& w, const SeededBugs& bugs, const crash::Trace& trace,
                             const crash::CrashState& s, const std::vector<SystemState>& history,
                             const std::vector<Span>& spans) {
  const crash::CrashImage image = crash::build_crash_image(trace, s);
  crash::OverlayDisk disk(image.view());
  Machine machine(disk, boot_config(w, bugs.kernel), bugs.manager);
  SystemState state;
  const bool booted = !failed(machine.boot()) && !failed(read_back(machine, w, &state));
  return judge(booted, state, history, spans, s.cut);
}

inline Judged judge_qemu(const QemuRecovery& r, const std::vector<SystemState>& history,
                         const std::vector<Span>& spans, uint64_t cut) {
  const Readback& b = r.readback;
  const bool booted = r.run.outcome == Outcome::exited && r.run.exit_code == 0 && b.done && b.boot_reported &&
                      !failed(b.boot_status) && !failed(b.enum_failure) && b.error.empty();
  return judge(booted, b.state, history, spans, cut);
}

// Recovers every state under QEMU, two boots at a time.
inline std::vector<QemuRecovery> recover_all_qemu(const Workload& w, const SeededBugs& bugs, const crash::Trace& trace,
                                                  const std::vector<crash::CrashState>& states) {
  std::vector<QemuRecovery> out(states.size());
  auto worker = [&](size_t first) {
    RecoverySession session(w, bugs, tier_config());
    for (size_t i = first; i < states.size(); i += 2)
      out[i] = session.recover(crash::build_crash_image(trace, states[i]).view().bytes());
  };
  std::thread other(worker, 1);
  worker(0);
  other.join();
  return out;
}

}  // namespace sc::qemu::test
