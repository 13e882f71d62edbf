// qemu_explore.cpp — see qemu_explore.h.
#include "injector/qemu/qemu_explore.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>

#include "injector/qemu/qemu_oracle.h"

namespace sc::qemu {

std::vector<crash::CrashState> spread_states(const crash::Trace& trace, const crash::EnumeratorOptions& options,
                                             uint64_t limit) {
  uint64_t count = 0;
  for (crash::CrashStateEnumerator e(trace, options); e.next();) ++count;
  const uint64_t n = std::min(count, limit);
  std::vector<crash::CrashState> picked;
  picked.reserve(n);
  crash::CrashStateEnumerator e(trace, options);  // seeded: the same states as the counting pass
  for (uint64_t index = 0; picked.size() < n && e.next(); ++index)
    if (index == picked.size() * count / n) picked.push_back(e.state());
  return picked;
}

Verdict replay_qemu(const Workload& w, const SeededBugs& bugs, const crash::Trace& trace,
                    const crash::CrashState& state, std::span<const SystemState> history,
                    std::span<const StabilisationSpan> spans, const TierConfig& cfg) {
  const crash::CrashImage image = crash::build_crash_image(trace, state);
  const QemuRecovery r = recover_qemu(w, bugs, image.view().bytes(), cfg);
  const Recovered rec = recovered_from_qemu(r, image.view(), w, boot_config(w, bugs.kernel));
  return classify(w, history, legal_window(spans, state.cut), rec);
}

ExploreResult explore_qemu(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                           const ExploreOptions& options, const TierConfig& cfg, size_t workers) {
  const auto start = std::chrono::steady_clock::now();
  const std::vector<crash::CrashState> states = spread_states(rec.trace, options.enumerate, options.max_states);
  const double enumerate_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::vector<Verdict> verdicts(states.size());
  std::vector<char> checked(states.size(), 0);  // verdicts[i] is set
  const BootConfig config = boot_config(w, bugs.kernel);
  std::mutex progress_lock;
  uint64_t done = 0;
  std::atomic<bool> stop{false};
  std::atomic<bool> stopped{false};  // options.should_stop turned true
  std::exception_ptr error;  // the first exception of any worker, under progress_lock
  auto work = [&](size_t first) {
    RecoverySession session(w, bugs, cfg);
    for (size_t i = first; i < states.size() && !stop; i += workers) {
      if (options.should_stop && options.should_stop()) {
        stopped = true;
        break;
      }
      const crash::CrashImage image = crash::build_crash_image(rec.trace, states[i]);
      const Recovered r = recovered_from_qemu(session.recover(image.view().bytes()), image.view(), w, config);
      verdicts[i] = classify(w, rec.history, legal_window(rec.spans, states[i].cut), r);
      std::lock_guard<std::mutex> lock(progress_lock);
      checked[i] = 1;
      ++done;
      if (options.progress) {
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        options.progress(ExploreProgress{done, 0, states[i].cut, rec.trace.cut_count(), s});
      }
    }
  };
  auto worker = [&](size_t first) {
    try {
      work(first);
    } catch (...) {
      stop = true;
      std::lock_guard<std::mutex> lock(progress_lock);
      if (!error) error = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  for (size_t t = 1; t < workers; ++t) threads.emplace_back(worker, t);
  worker(0);
  for (auto& t : threads) t.join();
  if (error) std::rethrow_exception(error);
  ExploreResult result;
  result.enumerate_seconds = enumerate_seconds;
  result.stopped = stopped;
  for (size_t i = 0; i < states.size(); ++i) {
    if (!checked[i]) continue;
    const Phase phase = cut_phase(rec.trace, states[i].cut);
    tally(w, states[i], phase, verdicts[i], &result);
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace sc::qemu

namespace sc::qemu {

std::vector<std::string> check_live_cuts(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                                         size_t count, const TierConfig& cfg) {
  std::vector<std::string> out;
  const size_t n = rec.trace.requests().size();
  const BootConfig config = boot_config(w, bugs.kernel);
  for (size_t i = 0; i < count && n > 0; ++i) {
    const size_t cut = (i * n) / count + (count > 1 ? n / (2 * count) : 0);
    const crash::CrashState state{cut, crash::Mode::prefix, {}};
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
