// workload_blob.cpp — see workload_blob.h.
#include "injector/qemu/workload_blob.h"

#include <cstring>
#include <stdexcept>

namespace sc::qemu {

namespace {

namespace blob = rv::blob;

static_assert(static_cast<uint32_t>(OpKind::create) == 0 && static_cast<uint32_t>(OpKind::write) == 1 &&
                  static_cast<uint32_t>(OpKind::read) == 2 && static_cast<uint32_t>(OpKind::stabilise) == 3,
              "blob op kinds are OpKind's values");

template <typename T>
void put(std::vector<uint8_t>& out, const T& value) {
  const size_t at = out.size();
  out.resize(at + sizeof value);
  std::memcpy(out.data() + at, &value, sizeof value);
}

uint32_t kernel_bug_bits(const KernelBugs& b) {
  return (b.overwrite_live_root_copy ? 1u : 0u) | (b.recover_ignoring_cuts ? 2u : 0u);
}

uint32_t manager_bug_bits(const ManagerBugs& b) {
  return (b.skip_flush_before_root ? 1u : 0u) | (b.reuse_retiring_blocks ? 2u : 0u);
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

std::vector<uint8_t> encode_workload_blob(const Workload& w, const SeededBugs& bugs, blob::Mode mode) {
  const BootConfig config = boot_config(w, bugs.kernel);
  std::vector<uint8_t> out;
  put(out, blob::Header{blob::kMagic, blob::kVersion, 0, mode, w.seed, w.disk_sectors(), kernel_bug_bits(bugs.kernel),
                        manager_bug_bits(bugs.manager), config.manager_count,
                        static_cast<uint32_t>(w.container_names.size()), static_cast<uint32_t>(w.steps.size()), 0});
  for (uint32_t i = 0; i < config.manager_count; ++i) {
    const ManagerConfig& m = config.managers[i];
    put(out, blob::Manager{m.id, m.home, m.entry, m.managed_by, m.partition_start, m.partition_sectors});
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
