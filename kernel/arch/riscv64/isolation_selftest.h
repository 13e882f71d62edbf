// isolation_selftest.h — the self-test of manager isolation: manager-style
// probe programs run in U-mode through the real machinery of managers
// (UserManager, EcallSys, the manager system calls) and misbehave; the
// kernel must kill each offender, refuse what must be refused, and go on.
// Interface: check_manager_isolation() returns nullptr when every check
// passed, else a one-line reason; it prints one line per probe:
//   probe kernel-pointer: returned bad_argument   (a system call given a pointer
//                                                  into kernel data; the data is unchanged)
//   probe kernel-data: killed (load page fault)   (a load from the kernel object;
//                                                  later upcalls into it are refused)
//   probe other-context: killed (store page fault) (a store into another
//                                                  manager's data; it is unchanged)
//   probe unknown-call: killed (unknown system call)
//   probe after-kill: returned ok                 (a well-behaved probe still works)
// Invariant: the probes' system calls go to workload_kernel(), never
// booted, so none of them reaches the disk.
#pragma once

namespace rv {

const char* check_manager_isolation();

}  // namespace rv
