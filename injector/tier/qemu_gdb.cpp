// qemu_gdb.cpp — see qemu_gdb.h.
#include "injector/tier/qemu_gdb.h"

#include <fstream>

#include "injector/common/input_error.h"
#include "injector/qemu/guest_report.h"
#include "injector/qemu/temp_dir.h"
#include "injector/qemu/workload_blob.h"

namespace sc::tier {

namespace {

constexpr auto kDebugTimeout = std::chrono::hours(24);

void write_file(const std::string& path, std::span<const uint8_t> bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush()) throw InputError("--gdb: cannot write " + path);
}

}  // namespace

qemu::QemuRecovery recover_waiting_for_gdb(const Workload& w, const SeededBugs& bugs, std::span<const uint8_t> image,
                                           const qemu::TierConfig& cfg,
                                           const std::function<void(const std::string& socket)>& ready) {
  std::string error;
  const std::unique_ptr<qemu::TempDir> dir = qemu::TempDir::create(&error);
  if (!dir) throw InputError("--gdb: " + error);
  const std::string blob = dir->file("recover.blob"), raw = dir->file("image.raw"), socket = dir->file("gdb.sock");
  write_file(blob, qemu::encode_workload_blob(w, bugs, rv::blob::kModeRecover));
  write_file(raw, image);
  qemu::RunConfig rc;
  rc.kernel_elf = cfg.kernel_elf;
  rc.nbd.plugin = cfg.plugin;
  rc.nbd.plugin_args = {"image=" + raw};
  rc.extra_qemu_args = qemu::blob_loader_args(blob);
  rc.extra_qemu_args.insert(rc.extra_qemu_args.end(), {"-S", "-gdb", "unix:" + socket + ",server=on,wait=off"});
  rc.timeout = kDebugTimeout;
  qemu::QemuRunner runner(std::move(rc));
  ready(socket);
  qemu::QemuRecovery r;
  r.run = runner.run();
  r.readback = qemu::parse_readback(r.run.console);
  return r;
}

}  // namespace sc::tier
