// checker.h — the one interface through which the explore loop recovers a
// crash image, whatever the tier: the in-process checker boots the kernel
// core on the image in this process (injector/inproc/inproc_checker.h), the
// QEMU checker boots the riscv64 kernel on it through a recovery session
// (injector/qemu/qemu_checker.h). Both return what recovery produced as a
// Recovered, which classify() (injector/oracle/verdict.h) judges.
// recover() is given the crash state's faults: those that act during
// recovery (read-error: reads of a sector fail, failing_read_disk.h) are the
// checker's to inject; the others are already in the image.
// Invariant: a Checker is used by one thread at a time; recover() leaves no
// state behind that a later recover() could see.
#pragma once
#include <functional>
#include <memory>
#include <span>

#include "injector/crash/crash_image.h"
#include "injector/oracle/verdict.h"

namespace sc {

class Checker {
 public:
  virtual ~Checker() = default;
  virtual Recovered recover(const crash::ImageView& image, std::span<const crash::Fault> faults) = 0;
};

using CheckerFactory = std::function<std::unique_ptr<Checker>()>;

}  // namespace sc
