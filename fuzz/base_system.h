// base_system.h — the system the machine-level harnesses start from: two
// self-managing shadow managers A and B and an ordinary manager M managed
// by A, with small partitions, and a fixed workload that creates a
// container under each, writes pages, ties A and B, and stabilises twice
// (so both cut records, both root copies and two generations of every
// manager structure exist on disk).
// Interface: base_workload() is that workload; base_image() is the durable
// disk image after running it (built once, immutable afterwards).
#pragma once
#include <cstdint>
#include <vector>

#include "injector/workload/workload.h"

namespace sc::fuzz {

constexpr uint32_t kBasePartitionBlocks = 40;

const Workload& base_workload();
const std::vector<uint8_t>& base_image();

}  // namespace sc::fuzz
