// image_regions.h — where the on-disk structures of the base system live in
// its image, so a fuzz input can patch them by name instead of by raw
// offset, and can then reseal every checksum so patched structures still
// pass the checksum and reach the decoders' deeper checks.
//
// Regions: the two kernel cut records, every root copy (header sector +
// page), and for every checkpoint a valid root copy names, its checkpoint,
// bitmap and map blocks and the data blocks its map entries name (the
// ordinary manager's header page among them).
// reseal() recomputes, in dependency order: the ordinary manager's header
// checksum, every map entry's data checksum, the seal of every map, bitmap
// and checkpoint block, every root copy checksum, every cut record checksum.
// Invariant: regions lie inside the image; reseal() reads only inside it
// whatever the patched bytes say.
#pragma once
#include <cstdint>
#include <vector>

#include "injector/workload/workload.h"

namespace sc::fuzz {

enum class RegionKind : uint8_t { cut_record, root_copy, checkpoint, bitmap, map_block, data_block, ordinary_header };

struct Region {
  RegionKind kind;
  uint64_t offset;            // bytes into the image
  uint32_t size;              // bytes
  uint64_t partition_offset;  // manager blocks: the partition's first byte
  uint32_t partition_blocks;
};

std::vector<Region> find_regions(const std::vector<uint8_t>& image, const Workload& w);
void reseal(std::vector<uint8_t>& image, const std::vector<Region>& regions);

}  // namespace sc::fuzz
