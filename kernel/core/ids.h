// ids.h — names of kernel objects: container, manager and locus ids, and the
// capref (capability reference) a user presents to name a container.
// A capref is only a handle: its meaning lives in the kernel's CapTable and
// the kernel checks it on every call.
#pragma once
#include <stdint.h>

namespace sc {

using ContainerId = uint16_t;
using ManagerId = uint8_t;
using LocusId = uint8_t;

constexpr ContainerId kNoContainer = 0xffff;
constexpr ManagerId kNoManager = 0xff;
constexpr LocusId kNoLocus = 0xff;

// Rights a capref may carry; a call needs all the rights it names.
enum Right : uint8_t {
  kRightRead = 1,
  kRightWrite = 2,
  kRightManage = 4,    // supply pages, read frames, see dirty state
  kRightSnapshot = 8,  // request stabilisation, map the root page
};

struct Capref {
  uint32_t slot = 0xffffffff;
  uint32_t generation = 0;
};

}  // namespace sc
