// shadow_check.cpp — the shadow manager's format checker (host only,
// managers/sdk/format_check.h): from the stable root page, the checkpoint,
// map and bitmap blocks carry valid checksums, no block is owned twice, no
// block is outside the partition, and no reachable block is marked free in
// the bitmap. Uses the format definitions (shadow_format.h) but none of
// the manager's recovery code.
#include <fmt/format.h>

#include <array>
#include <vector>

#include "managers/sdk/format_check.h"
#include "managers/shadow/shadow_format.h"

namespace {

class ShadowCheck {
 public:
  ShadowCheck(const sc::FormatCheckInput& in, std::vector<std::string>& out)
      : in_(in), out_(out), blocks_(in.partition_blocks()) {
    if (blocks_ > sc::shadow::kMaxPartitionBlocks) blocks_ = sc::shadow::kMaxPartitionBlocks;
    owners_.assign(blocks_, 0);
  }

  void run();

 private:
  bool read(uint64_t block) { return block < blocks_ && in_.read_block(block, buf_.data()); }
  void violation(std::string what) { out_.push_back(std::move(what)); }
  void own(uint64_t block, const char* what);
  void check_map_block(uint32_t block, uint64_t seal);
  void check_bitmap(uint32_t block, uint64_t seal);

  const sc::FormatCheckInput& in_;
  std::vector<std::string>& out_;
  uint64_t blocks_;
  std::vector<uint8_t> owners_;
  std::array<uint8_t, sc::kPageSize> buf_{};
};

void ShadowCheck::own(uint64_t block, const char* what) {
  if (block >= blocks_) return violation(fmt::format("{} block {} is outside the partition", what, block));
  if (owners_[block]++) violation(fmt::format("block {} is owned twice ({})", block, what));
}

void ShadowCheck::check_map_block(uint32_t block, uint64_t seal) {
  own(block, "map");
  std::array<sc::shadow::MapEntry, sc::shadow::kEntriesPerMapBlock> entries{};
  uint32_t count = 0;
  if (!read(block) || failed(sc::shadow::decode_map_block(buf_.data(), blocks_, entries.data(),
                                                          sc::shadow::kEntriesPerMapBlock, &count)))
    return violation(fmt::format("map block {} fails its checksum", block));
  if (sc::shadow::block_seal(buf_.data()) != seal)
    return violation(fmt::format("map block {} is not the one its checkpoint sealed", block));
  for (uint32_t e = 0; e < count; ++e) own(entries[e].block, "data");
}

void ShadowCheck::check_bitmap(uint32_t block, uint64_t seal) {
  std::vector<uint8_t> allocated(blocks_);
  if (!read(block) || failed(sc::shadow::decode_bitmap(buf_.data(), blocks_, allocated.data())))
    return violation(fmt::format("bitmap block {} fails its checksum", block));
  if (sc::shadow::block_seal(buf_.data()) != seal)
    return violation(fmt::format("bitmap block {} is not the one its checkpoint sealed", block));
  for (uint64_t b = 0; b < blocks_; ++b)
    if (owners_[b] && !allocated[b]) violation(fmt::format("reachable block {} is marked free", b));
}

void ShadowCheck::run() {
  sc::shadow::RootInfo root{};
  if (failed(sc::shadow::decode_root(in_.root_page, &root))) return violation("root page has no valid header");
  if (root.checkpoint == sc::shadow::kNoBlock) return violation("stabilised root page names no checkpoint");
  sc::shadow::Checkpoint cp{};
  if (!read(root.checkpoint) || failed(sc::shadow::decode_checkpoint(buf_.data(), blocks_, &cp)))
    return violation(fmt::format("checkpoint block {} fails its checksum", root.checkpoint));
  own(root.checkpoint, "checkpoint");
  own(cp.bitmap_block, "bitmap");
  if (cp.generation != root.generation)
    return violation(fmt::format("checkpoint block {} has generation {}, the root page names {}", root.checkpoint,
                                 cp.generation, root.generation));
  for (uint32_t i = 0; i < cp.map_block_count; ++i) check_map_block(cp.map_blocks[i], cp.map_seals[i]);
  check_bitmap(cp.bitmap_block, cp.bitmap_seal);
}

void check_shadow(const sc::FormatCheckInput& in, std::vector<std::string>& violations) {
  ShadowCheck(in, violations).run();
}

}  // namespace

STABLECUT_REGISTER_FORMAT_CHECK(shadow) = &check_shadow;
