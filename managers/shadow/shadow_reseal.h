// shadow_reseal.h — for tools that alter shadow blocks on purpose (the
// fuzzers), host only: make an altered block pass the manager's checks
// again, so a fuzzer reaches what lies behind them.
//
// Interface: reseal_map_entries() recomputes every entry's data checksum of
// a map block from its partition (partition_blocks blocks at `partition`;
// entries naming a block outside it are left alone), then seals the block;
// reseal_checkpoint() recomputes a checkpoint's map and bitmap seals from the
// partition (reseal those blocks first), then seals the block.
//
// Invariant: the layout is shadow_format.h's; nothing here is manager code
// (it is built with the format checker, not into the manager program).
#pragma once
#include <cstdint>

namespace sc::shadow {

void reseal_map_entries(uint8_t* block, const uint8_t* partition, uint64_t partition_blocks);
void reseal_checkpoint(uint8_t* block, const uint8_t* partition, uint64_t partition_blocks);

}  // namespace sc::shadow
