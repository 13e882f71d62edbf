// guest_workload.h — workload mode of the riscv64 kernel: runs the workload
// blob that the runner placed at blob::kBlobAddress (workload_blob.h).
// Interface: blob_present() says whether there is one; run_workload() never
// returns (it ends QEMU through the finisher, or resets the machine after a
// recovery); workload_kernel() is the
// kernel instance it boots (the self-test borrows it, never booted, as the
// target of its probes' system calls: every call of an unknown manager is
// refused).
//  * record mode: boot, then every step as the in-process tier runs it
//    (injector/inproc/workload_runner.cpp): a run step creates one locus per
//    spec whose home exists and schedules them with the shared scheduler
//    and step seed (kernel/harness/locus_scheduler.h, step_seed.h); a crash
//    step flushes the disk and boots again (recovery) in the same QEMU,
//    then prints "SC CRASH <step index>" and the recovered state in the
//    readback format below (without SC DONE), as the in-process runner reads
//    it back after each crash step.
//    Events, marks and kEnd go to the host through the control channel;
//    exits with status 0.
//  * recover mode: kPowerOn, boot (recovery) and print the recovered state
//    on the console in the readback format below, then reset the machine
//    whatever the boot status (the host judges it): one QEMU recovers one
//    crash image after another, the plugin swapping the image at each
//    kPowerOn; under -no-reboot the reset ends QEMU with status 0.
// Readback format, one record a line, numbers decimal unless named hex:
//   SC BOOT <status> <failed manager> <had cut 0|1> <epoch>
//   SC CONT <container> <page count>          a workload container that exists
//   SC PAGE <container> <page> <hash hex>     checksum64 via the fault path; 0 = unreadable
//   SC ENUMFAIL <container> <status>          the manager refused to list its pages
//   SC DONE <guest microseconds since the last machine reset> <when kPowerOn
//           was sent> <when the plugin had served it> (microseconds since the
//           reset: the reset path, the wait for the image, recovery + readback)
// Before SC DONE, and at the end of a record run, one line counts what ran
// in U-mode since the machine reset (user_stats.h):
//   SC USER managers=<n> loci=<n> ecalls=<n> faults=<n> nested=<n>
// A malformed blob panics with FailCode::bad_workload.
#pragma once

#include "kernel/core/kernel.h"

namespace rv {

bool blob_present();
[[noreturn]] void run_workload();
sc::Kernel& workload_kernel();

}  // namespace rv
