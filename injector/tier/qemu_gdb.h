// qemu_gdb.h — one recovery boot of a crash image under QEMU that waits for
// a debugger: QEMU starts paused (-S) with its gdbstub on a unix socket in a
// private directory, and the boot timeout is a day, so the guest runs only
// once gdb says continue. Internal to injector/tier (replay_on_gdb); built
// only with the QEMU tier.
// Interface: recover_waiting_for_gdb(w, bugs, image, read_errors, cfg, ready)
// (read_errors: the sectors whose reads fail, qemu_tier.h) calls
// ready(socket path) just before QEMU starts, then returns the recovery of a
// QemuSession whose QEMU has the gdbstub.
// Invariant: the socket's directory is removed on return.
#pragma once
#include <cstdint>
#include <functional>
#include <span>
#include <string>

#include "injector/qemu/qemu_tier.h"

namespace sc::tier {

qemu::QemuRecovery recover_waiting_for_gdb(const Workload& w, const SeededBugs& bugs, std::span<const uint8_t> image,
                                           std::span<const uint64_t> read_errors, const qemu::TierConfig& cfg,
                                           const std::function<void(const std::string& socket)>& ready);

}  // namespace sc::tier
