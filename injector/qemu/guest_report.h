// guest_report.h — what the host reads back from a workload-mode guest:
//  * parse_marks(): the control records our nbdkit plugin kept ("meta.marks"
//    of its trace file, see injector/nbdkit/disk_model.h) → the executed
//    events in order, each stabilise event with where its op began (its
//    kMarkOpBegin) and returned (its event) in the trace (Event::disk_begin,
//    disk_end), and the spans of the successful ones;
//  * parse_readback(): the console lines of a recover-mode boot
//    (format in kernel/arch/riscv64/guest_workload.h) → boot status and the
//    recovered SystemState, and the guest's last "SC USER" line (what ran
//    in U-mode, kernel/arch/riscv64/user_stats.h; a record run prints it too);
//  * parse_crash_readbacks(): the console of a record run → the state each
//    crash step recovered, one Readback per "SC CRASH" line, in step order.
// Malformed input is reported as a one-line error, never a crash.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "injector/oracle/legal_window.h"
#include "injector/oracle/system_state.h"
#include "injector/workload/event.h"
#include "kernel/abi/host_channel.h"

namespace sc::qemu {

struct GuestRun {
  std::vector<rv::channel::Mark> marks;
  std::vector<Event> events;
  std::vector<StabilisationSpan> spans;  // successful stabilise ops, in order
  bool ended = false;                    // the guest sent kEnd
};

// Throws std::runtime_error (one line) if `meta` has no valid marks.
GuestRun parse_marks(const nlohmann::json& meta);

struct GuestUserStats {
  bool reported = false;  // an "SC USER" line was seen
  uint64_t managers = 0;
  uint64_t loci = 0;
  uint64_t ecalls = 0;
  uint64_t faults = 0;
  uint64_t nested = 0;
};

struct Readback {
  bool boot_reported = false;
  Status boot_status = Status::ok;
  ManagerId failed_manager = kNoManager;
  bool had_cut = false;
  uint64_t epoch = 0;
  bool done = false;  // "SC DONE" seen: the state is complete
  uint64_t guest_micros = 0;  // guest time since reset at DONE
  uint64_t power_on_asked = 0;   // ... when it sent kPowerOn (0 if not reported)
  uint64_t power_on_served = 0;  // ... when the plugin had served that power-on its image
  Status enum_failure = Status::ok;
  GuestUserStats user;  // the last "SC USER" line
  SystemState state;
  std::string error;  // first malformed line, if any
};

Readback parse_readback(const std::string& console);
std::vector<Readback> parse_crash_readbacks(const std::string& console);

}  // namespace sc::qemu
