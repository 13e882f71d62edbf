// isolation_selftest.cpp — see isolation_selftest.h. ProbeProgram runs in
// U-mode; the rest is the kernel's side.
#include "kernel/arch/riscv64/isolation_selftest.h"

#include "kernel/arch/riscv64/console.h"
#include "kernel/arch/riscv64/ecall.h"
#include "kernel/arch/riscv64/guest_workload.h"
#include "kernel/arch/riscv64/user_manager.h"
#include "kernel/arch/riscv64/user_stats.h"
#include "kernel/core/bytes.h"
#include "managers/sdk/placement_new.h"

namespace rv {

namespace {

// What a probe does in an upcall, chosen by the upcall's page number.
enum Probe : uint32_t { kKernelPointer, kTouchKernelData, kTouchOtherContext, kUnknownCall, kWellBehaved };

constexpr uint64_t kUnknownCallNumber = 0x3ff;
constexpr uint64_t kSentinel = 0x5e1f7e575e1f7e57;

// Kernel data a probe hands to a system call; the load probe aims at the
// kernel object itself. Both are in the image's writable data, which no
// context maps (kernel_image.h shares only code and read-only data).
volatile uint64_t sentinel = kSentinel;

class ProbeProgram final : public sc::UpcallTarget {
 public:
  ProbeProgram(sc::Sys& sys, uint64_t target) : sys_(sys), target_(target) {}

  sc::Status upcall(const sc::Upcall& call) override {
    switch (call.page) {
      case kKernelPointer: return sys_.disk_blocks(reinterpret_cast<uint64_t*>(target_));
      case kTouchKernelData: return *reinterpret_cast<volatile uint64_t*>(target_) == 0 ? sc::Status::ok
                                                                                      : sc::Status::exists;
      case kTouchOtherContext: *reinterpret_cast<volatile uint64_t*>(target_) = 0; return sc::Status::ok;
      case kUnknownCall: ecall(kUnknownCallNumber); return sc::Status::ok;
      default: sys_.yield(); return sc::Status::ok;
    }
  }

 private:
  sc::Sys& sys_;
  uint64_t target_;  // the address the probe aims at
};

static_assert(sizeof(ProbeProgram) <= ManagerImage::kProgramBytes);

// The probe's target travels as a program's 32-bit constructor argument:
// every address it aims at lies in the guest's RAM, below 4 GiB.
sc::UpcallTarget* construct_probe(void* storage, sc::Sys& sys, uint32_t target) {
  return new (storage) ProbeProgram(sys, target);
}

UserManager probes[4];

sc::Status run_probe(UserManager& m, Probe probe) {
  return m.upcall(sc::Upcall{sc::UpcallKind::stabilise, {}, 0, {}, 0, probe});
}

// Prints the probe's line; false unless it ended as `killed` says, with
// `reason` when killed, with `status` when not.
bool report(const char* name, UserManager& m, sc::Status s, bool killed, const char* reason, sc::Status status) {
  if (m.killed()) {
    kprintf("probe %s: killed (%s)\n", name, m.kill_reason());
  } else {
    kprintf("probe %s: returned %s\n", name, sc::status_name(s));
  }
  if (killed) return m.killed() && s == UserManager::kKilled && sc::str_equal(m.kill_reason(), reason);
  return !m.killed() && s == status;
}

bool start(UserManager& m, sc::ManagerId id, uint64_t target) {
  return target <= UINT32_MAX && m.start(workload_kernel(), id, construct_probe, target);
}

}  // namespace

const char* check_manager_isolation() {
  UserManager& good = probes[0];
  UserManager& reader = probes[1];
  UserManager& writer = probes[2];
  UserManager& caller = probes[3];
  const auto kernel_data = reinterpret_cast<uint64_t>(&sentinel);
  const auto kernel_state = reinterpret_cast<uint64_t>(&workload_kernel());
  if (!start(good, 0, kernel_data) || !start(reader, 1, kernel_state)) return "a probe did not start";
  auto* other_data = reinterpret_cast<volatile uint64_t*>(good.data());
  if (!start(writer, 2, reinterpret_cast<uint64_t>(other_data)) || !start(caller, 3, 0)) return "a probe did not start";
  const uint64_t other_before = *other_data;
  const uint64_t faults_before = user_stats().faults;
  if (!report("kernel-pointer", good, run_probe(good, kKernelPointer), false, nullptr, sc::Status::bad_argument) ||
      sentinel != kSentinel)
    return "a system call took a pointer into kernel data";
  if (!report("kernel-data", reader, run_probe(reader, kTouchKernelData), true, "load page fault", sc::Status::ok))
    return "a load from kernel data was not stopped";
  if (run_probe(reader, kWellBehaved) != UserManager::kKilled) return "a killed probe ran again";
  if (!report("other-context", writer, run_probe(writer, kTouchOtherContext), true, "store page fault",
              sc::Status::ok) ||
      *other_data != other_before)
    return "a store into another manager's data was not stopped";
  if (!report("unknown-call", caller, run_probe(caller, kUnknownCall), true, "unknown system call", sc::Status::ok))
    return "an unknown system call was not refused";
  if (!report("after-kill", good, run_probe(good, kWellBehaved), false, nullptr, sc::Status::ok))
    return "a well-behaved probe failed after the kills";
  if (user_stats().faults != faults_before + 3) return "the kills were not counted";
  return nullptr;
}

}  // namespace rv
