// checker.h — the one interface through which the explore loop recovers a
// crash image, whatever the tier: the in-process checker boots the kernel
// core on the image in this process (injector/inproc/inproc_checker.h), the
// QEMU checker boots the riscv64 kernel on it through a recovery session
// (injector/qemu/qemu_checker.h). Both return what recovery produced as a
// Recovered, which classify() (injector/oracle/verdict.h) judges.
// recover() is given the crash state's faults: those that act during
// recovery (read-error: reads of a sector fail, failing_read_disk.h) are the
// checker's to inject; the others are already in the image.
// A checker that can tell which sectors of the image a recovery read
// (notes_reads()) lets the explore loop memoise recoveries
// (recovery_memo.h): recover_noting_reads() recovers an image with no
// faults and appends every sector recovery read from it (fsck included), in
// the order first read, each once.
// A checker told which state it will recover next (recover_then(), when the
// explore loop knows it: ExplorePlan::announce_next) may prepare that state
// while it recovers this one; the QEMU checker hands it to the plugin, so
// the next power-on finds its image waiting.
// Invariant: a Checker is used by one thread at a time; recover() leaves no
// state behind that a later recover() could see.
#pragma once
#include <functional>
#include <memory>
#include <span>
#include <stdexcept>
#include <vector>

#include "injector/crash/crash_image.h"
#include "injector/oracle/verdict.h"

namespace sc {

// The state a checker's next recover()/recover_then() call will be given.
struct NextState {
  crash::ImageView image;
  std::span<const crash::Fault> faults;
};

class Checker {
 public:
  virtual ~Checker() = default;
  virtual Recovered recover(const crash::ImageView& image, std::span<const crash::Fault> faults) = 0;
  // recover(), told the state of the next call; the default ignores it.
  virtual Recovered recover_then(const crash::ImageView& image, std::span<const crash::Fault> faults,
                                 const NextState& next) {
    (void)next;
    return recover(image, faults);
  }
  virtual bool notes_reads() const { return false; }
  virtual Recovered recover_noting_reads(const crash::ImageView&, std::vector<uint64_t>&) {
    throw std::logic_error("this checker cannot tell which sectors recovery read");
  }
};

using CheckerFactory = std::function<std::unique_ptr<Checker>()>;

}  // namespace sc
