// limits.h — fixed sizes of the kernel core's tables. The core has no heap:
// every table is a fixed array sized here, and exceeding one is a
// Status::no_space (Status::no_memory for the page frames) returned to the
// caller, never an overflow.
#pragma once
#include <stdint.h>

namespace sc {

constexpr uint32_t kPageSize = 4096;
constexpr uint32_t kSectorsPerPage = kPageSize / 512;
constexpr uint32_t kMaxContainers = 32;    // container ids are 0..kMaxContainers-1
constexpr uint32_t kMaxManagers = 8;       // manager programs, self-managing or not
constexpr uint32_t kMaxSelfManaging = 4;   // self-managing managers (root-page slots)
constexpr uint32_t kMaxLoci = 16;
constexpr uint32_t kMaxFrames = 512;       // resident page frames (2 MiB)
constexpr uint32_t kMaxCaps = 128;
constexpr uint32_t kMaxPageNumber = 1u << 20;  // pages of a container are 0..kMaxPageNumber-1

}  // namespace sc
