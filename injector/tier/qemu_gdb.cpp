// qemu_gdb.cpp — see qemu_gdb.h.
#include "injector/tier/qemu_gdb.h"

#include "injector/common/input_error.h"
#include "injector/qemu/temp_dir.h"

namespace sc::tier {

namespace {

constexpr auto kDebugTimeout = std::chrono::hours(24);

}  // namespace

qemu::QemuRecovery recover_waiting_for_gdb(const Workload& w, const SeededBugs& bugs, std::span<const uint8_t> image,
                                           std::span<const uint64_t> read_errors, const qemu::TierConfig& cfg,
                                           const std::function<void(const std::string& socket)>& ready) {
  std::string error;
  const std::unique_ptr<qemu::TempDir> dir = qemu::TempDir::create(&error);
  if (!dir) throw InputError("--gdb: " + error);
  const std::string socket = dir->file("gdb.sock");
  qemu::TierConfig debug = cfg;
  debug.timeout = kDebugTimeout;
  debug.extra_qemu_args = {"-S", "-gdb", "unix:" + socket + ",server=on,wait=off"};
  qemu::QemuSession session(w, bugs, debug);
  ready(socket);
  return session.recover(image, read_errors);
}

}  // namespace sc::tier
