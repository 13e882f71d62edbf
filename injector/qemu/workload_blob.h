// workload_blob.h — encodes a workload run for the riscv64 guest in the
// binary format of kernel/abi/workload_blob.h (documented there),
// and the QEMU arguments that place it in guest RAM.
// Interface: encode_workload_blob(w, bugs) -> bytes;
// blob_loader_args(path) -> {"-device", "loader,..."}.
// Invariant: the boot configuration encoded is sc::boot_config(w, bugs),
// the one the in-process tier boots, so both tiers lay out the same disk.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "injector/common/seeded_bugs.h"
#include "injector/workload/workload.h"
#include "kernel/abi/workload_blob.h"

namespace sc::qemu {

std::vector<uint8_t> encode_workload_blob(const Workload& w, const SeededBugs& bugs);
std::vector<std::string> blob_loader_args(const std::string& path);

}  // namespace sc::qemu
