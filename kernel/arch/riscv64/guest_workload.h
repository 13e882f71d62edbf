// guest_workload.h — workload mode of the riscv64 kernel: runs the workload
// blob that the runner placed at blob::kBlobAddress (workload_blob.h).
// Interface: blob_present() says whether there is one; run_workload() never
// returns (it resets the machine, or ends QEMU through the finisher on a
// panic); workload_kernel() is the
// kernel instance it boots (the self-test borrows it, never booted, as the
// target of its probes' system calls: every call of an unknown manager is
// refused).
// Every boot sends kPowerOn first and does what the plugin's boot order for
// this power-on says (host_channel.h), then prints SC DONE and resets the
// machine (QEMU reloads kernel and blob and the next boot asks again: one
// QEMU serves one run or crash image after another, the plugin swapping the
// disk at each kPowerOn; under -no-reboot the reset ends QEMU, status 0):
//  * record: boot, then every step as the in-process tier runs it
//    (injector/inproc/workload_runner.cpp): a run step creates one locus per
//    spec whose home exists and schedules them with the shared scheduler
//    and step seed (kernel/harness/locus_scheduler.h, step_seed.h); a crash
//    step flushes the disk and boots again (recovery) in the same boot,
//    then prints "SC CRASH <step index>" and the recovered state in the
//    readback format below, as the in-process runner reads it back after
//    each crash step. Events, marks and kEnd go to the host through the
//    control channel; then "SC RECORDED <steps> steps". If the power goes
//    off under a data request (a live cut), "SC POWER OFF during a disk
//    <read|write|flush>" and the boot ends there.
//  * recover: boot (recovery) and print the recovered state in the readback
//    format below, whatever the boot status (the host judges it).
// Readback format, one record a line, numbers decimal unless named hex:
//   SC BOOT <status> <failed manager> <had cut 0|1> <epoch>
//   SC CONT <container> <page count>          a workload container that exists
//   SC PAGE <container> <page> <hash hex>     checksum64 via the fault path; 0 = unreadable
//   SC ENUMFAIL <container> <status>          the manager refused to list its pages
//   SC DONE <guest microseconds since the last machine reset> <when kPowerOn
//           was sent> <when the plugin had served it> (microseconds since the
//           reset: the reset path, the wait for the image, recovery + readback)
// Before SC DONE one line counts what ran in U-mode since the machine reset
// (user_stats.h):
//   SC USER managers=<n> loci=<n> ecalls=<n> faults=<n> nested=<n>
// A malformed blob panics with FailCode::bad_workload.
#pragma once

#include "kernel/core/kernel.h"

namespace rv {

bool blob_present();
[[noreturn]] void run_workload();
sc::Kernel& workload_kernel();

}  // namespace rv
