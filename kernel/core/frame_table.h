// frame_table.h — resident page frames: which (container, page) each frame
// holds, whether it is dirty since its manager last saw it, and its bytes.
// Lookup is an open-addressed hash index over (container, page).
// Invariants: at most one frame per (container, page); the index always
// matches the frame metadata (frames are only released all at once, by
// reset()); no frame at or above end_ is used.
#pragma once
#include "ids.h"
#include "limits.h"
#include "status.h"

namespace sc {

class FrameTable {
 public:
  static constexpr int kNone = -1;

  void reset();
  int find(ContainerId container, uint32_t page) const;
  Status allocate(ContainerId container, uint32_t page, int* frame);

  uint8_t* data(int frame) { return data_[frame]; }
  void set_dirty(int frame, bool dirty) { meta_[frame].dirty = dirty; }

  // Writes the dirty page numbers of `container`, ascending, into `pages`
  // (room for kMaxFrames entries) and returns how many there are.
  uint32_t dirty_pages(ContainerId container, uint32_t* pages) const;

 private:
  static constexpr uint32_t kIndexSize = kMaxFrames * 2;
  struct Meta {
    bool used;
    bool dirty;
    ContainerId container;
    uint32_t page;
  };
  uint32_t slot_of(ContainerId container, uint32_t page) const;
  void index_insert(int frame);

  Meta meta_[kMaxFrames];
  int16_t index_[kIndexSize];
  uint32_t used_count_ = 0;
  uint32_t end_ = 0;  // every frame at or above end_ is unused (scans stop there)
  alignas(64) uint8_t data_[kMaxFrames][kPageSize];
};

}  // namespace sc
