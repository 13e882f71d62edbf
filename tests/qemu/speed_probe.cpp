// speed_probe.cpp — measures the QEMU tier (not a test; run by hand): the
// record run in a new QEMU and again as a reset of the same QEMU (the
// session the pool hands over, session_pool.h), then
// boot+recover+verify per second for basic.json crash states with that
// QemuSession, each boot told the next state's image as the explore
// loop does (it is queued while the current boot runs), and where the time
// goes (host total per state: building the crash image, the boot from
// handing the image over to its SC DONE line, and within it the guest's time
// since its reset: to its kPowerOn, waiting for the plugin to serve that
// power-on its image, then recovery and readback).
#include <chrono>
#include <cstdio>
#include <vector>

#include "injector/qemu/session_pool.h"
#include "tests/qemu/crash_check.h"

int main() {
  using namespace sc::qemu::test;
  using Clock = std::chrono::steady_clock;
  const sc::Workload w = corpus("basic");
  const InprocRun inproc = record_inproc_run(w, {});
  const auto t0 = Clock::now();
  const sc::qemu::QemuRecording rec = sc::qemu::record_qemu(w, {}, tier_config());
  const double record_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  sc::qemu::SessionLease session = sc::qemu::lease_session(w, {}, tier_config());
  const auto t1 = Clock::now();
  const size_t again_requests = session->record().trace->requests().size();
  const double again_ms = std::chrono::duration<double, std::milli>(Clock::now() - t1).count();
  const auto states = pick_states(*rec.trace, 40, sc::crash::power_cut_modes());
  double boot_ms = 0, guest_ms = 0, image_ms = 0, reset_ms = 0, wait_ms = 0;
  size_t legal = 0;
  const auto start = Clock::now();
  const auto build = [&](size_t i) {
    const auto a = Clock::now();
    std::vector<uint8_t> bytes = sc::crash::build_crash_image(*rec.trace, states[i]).view().bytes();
    image_ms += std::chrono::duration<double, std::milli>(Clock::now() - a).count();
    return bytes;
  };
  std::vector<uint8_t> current = build(0);
  for (size_t i = 0; i < states.size(); ++i) {
    std::vector<uint8_t> next = i + 1 < states.size() ? build(i + 1) : std::vector<uint8_t>();
    const sc::qemu::NextBoot after{next, {}};
    const sc::qemu::QemuRecovery r = session->recover(current, {}, next.empty() ? nullptr : &after);
    boot_ms += static_cast<double>(r.run.boot_to_exit.count()) / 1000.0;
    guest_ms += static_cast<double>(r.readback.guest_micros) / 1000.0;
    reset_ms += static_cast<double>(r.readback.power_on_asked) / 1000.0;
    wait_ms += static_cast<double>(r.readback.power_on_served - r.readback.power_on_asked) / 1000.0;
    legal += judge_qemu(w, {}, r, *rec.trace, states[i], inproc.history, rec.guest.spans).legal ? 1u : 0u;
    current = std::move(next);
  }
  const double total = std::chrono::duration<double>(Clock::now() - start).count();
  const double n = static_cast<double>(states.size());
  std::printf("record run: %.1f ms in a new QEMU, %.1f ms as a reset of it; %zu and %zu requests\n", record_ms,
              again_ms, rec.trace->requests().size(), again_requests);
  std::printf("%zu states, %zu legal: %.2f boot+recover+verify/s on one core\n", states.size(), legal, n / total);
  std::printf("per state: %.1f ms total = image %.2f ms + boot %.1f ms (guest %.1f ms since reset) + rest\n",
              1000 * total / n, image_ms / n, boot_ms / n, guest_ms / n);
  std::printf("guest per state: %.2f ms reset to kPowerOn + %.2f ms waiting for the image + %.2f ms recovery and "
              "readback\n",
              reset_ms / n, wait_ms / n, (guest_ms - reset_ms - wait_ms) / n);
  std::printf("QEMU processes started: %zu\n", session->qemu_starts());
}
