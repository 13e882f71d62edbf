// qemu_explore.cpp — see qemu_explore.h.
#include "injector/qemu/qemu_explore.h"
#include "injector/check/state_window.h"

#include "injector/crash/failing_read_disk.h"
#include "injector/qemu/qemu_oracle.h"

namespace sc::qemu {

Verdict replay_qemu(const Workload& w, const SeededBugs& bugs, const crash::Trace& trace,
                    const crash::CrashState& state, std::span<const SystemState> history,
                    std::span<const StabilisationSpan> spans, const TierConfig& cfg) {
  const crash::CrashImage image = crash::build_crash_image(trace, state);
  const QemuRecovery r = recover_qemu(w, bugs, image.view().bytes(), cfg, crash::read_error_sectors(state.faults));
  const Recovered rec = recovered_from_qemu(r, image.view(), w, boot_config(w, bugs));
  return classify(w, history, legal_window_of(spans, state), rec);
}

ExplorePlan explore_plan(size_t workers) { return ExplorePlan{true, workers, 0, true}; }

}  // namespace sc::qemu

namespace sc::qemu {

std::vector<std::string> check_live_cuts(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                                         size_t count, const TierConfig& cfg) {
  std::vector<std::string> out;
  const size_t n = rec.trace.requests().size();
  const BootConfig config = boot_config(w, bugs);
  for (size_t i = 0; i < count && n > 0; ++i) {
    const size_t cut = (i * n) / count + (count > 1 ? n / (2 * count) : 0);
    const crash::CrashState state{cut, crash::Mode::prefix, {}, {}};
    const crash::CrashImage offline = crash::build_crash_image(rec.trace, state);
    const LiveCut live = live_cut_qemu(w, bugs, cut, cfg);
    if (!live.recording.error.empty()) {
      out.push_back("live cut " + std::to_string(cut) + ": " + live.recording.error);
      continue;
    }
    if (live.durable != offline.view().bytes())
      out.push_back("live cut " + std::to_string(cut) + ": frozen image differs from the offline crash image");
    const LegalWindow window = legal_window(rec.spans, cut);
    const Verdict lv = classify(w, rec.history, window, recovered_from_qemu(live.recovery, offline.view(), w, config));
    const Verdict ov = replay_qemu(w, bugs, rec.trace, state, rec.history, rec.spans, cfg);
    if (lv.outcome != ov.outcome)
      out.push_back("live cut " + std::to_string(cut) + ": live verdict " + outcome_name(lv.outcome) +
                    " but offline " + outcome_name(ov.outcome));
    if (!lv.legal()) out.push_back("live cut " + std::to_string(cut) + ": " + outcome_name(lv.outcome) + " — " + lv.reason);
  }
  return out;
}

}  // namespace sc::qemu
