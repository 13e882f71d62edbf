// workload_blob.cpp — see workload_blob.h.
#include "injector/qemu/workload_blob.h"

#include <cstring>
#include <stdexcept>

#include "kernel/harness/bug_bits.h"

namespace sc::qemu {

namespace {

namespace blob = rv::blob;

template <typename T>
void put(std::vector<uint8_t>& out, const T& value) {
  const size_t at = out.size();
  out.resize(at + sizeof value);
  std::memcpy(out.data() + at, &value, sizeof value);
}

void put_steps(std::vector<uint8_t>& out, const Workload& w) {
  for (const Step& step : w.steps) {
    put(out, blob::StepHeader{step.crash ? 1u : 0u, static_cast<uint32_t>(step.loci.size())});
    for (const LocusSpec& locus : step.loci) {
      put(out, blob::LocusHeader{locus.home, static_cast<uint32_t>(locus.ops.size())});
      for (const Op& op : locus.ops)
        put(out, blob::Op{static_cast<uint32_t>(op.kind), op.container, op.manager, op.page, op.value});
    }
  }
}

}  // namespace

std::vector<uint8_t> encode_workload_blob(const Workload& w, const SeededBugs& bugs) {
  const BootConfig config = boot_config(w, bugs);
  std::vector<uint8_t> out;
  put(out, blob::Header{blob::kMagic, blob::kVersion, 0, 0, w.seed, w.disk_sectors(), kernel_bug_bits(bugs.kernel), 0,
                        config.manager_count,
                        static_cast<uint32_t>(w.container_names.size()), static_cast<uint32_t>(w.steps.size()), 0});
  for (uint32_t i = 0; i < config.manager_count; ++i) {
    const ManagerConfig& m = config.managers[i];
    put(out, blob::Manager{m.id, m.home, m.entry, m.managed_by, m.partition_start, m.partition_sectors, m.bugs, 0});
  }
  put_steps(out, w);
  if (out.size() > blob::kMaxBlobBytes) throw std::invalid_argument("workload " + w.name + ": too large for the guest");
  const auto total = static_cast<uint32_t>(out.size());
  std::memcpy(out.data() + offsetof(blob::Header, total_bytes), &total, sizeof total);
  return out;
}

std::vector<std::string> blob_loader_args(const std::string& path) {
  return {"-device", "loader,file=" + path + ",addr=" + std::to_string(blob::kBlobAddress) + ",force-raw=on"};
}

}  // namespace sc::qemu
