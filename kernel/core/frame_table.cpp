// frame_table.cpp — see frame_table.h.
#include "frame_table.h"

namespace sc {

void FrameTable::reset() {
  for (auto& m : meta_) m = Meta{false, false, kNoContainer, 0};
  for (auto& i : index_) i = kNone;
  used_count_ = 0;
  end_ = 0;
}

uint32_t FrameTable::slot_of(ContainerId container, uint32_t page) const {
  const uint64_t key = (static_cast<uint64_t>(container) << 32) | page;
  return static_cast<uint32_t>((key * 0x9e3779b97f4a7c15ULL) >> 40) % kIndexSize;
}

int FrameTable::find(ContainerId container, uint32_t page) const {
  for (uint32_t s = slot_of(container, page), n = 0; n < kIndexSize; s = (s + 1) % kIndexSize, ++n) {
    const int f = index_[s];
    if (f == kNone) return kNone;
    if (meta_[f].container == container && meta_[f].page == page) return f;
  }
  return kNone;
}

void FrameTable::index_insert(int frame) {
  uint32_t s = slot_of(meta_[frame].container, meta_[frame].page);
  while (index_[s] != kNone) s = (s + 1) % kIndexSize;
  index_[s] = static_cast<int16_t>(frame);
}

Status FrameTable::allocate(ContainerId container, uint32_t page, int* frame) {
  if (find(container, page) != kNone) return Status::exists;
  if (used_count_ == kMaxFrames) return Status::no_memory;
  for (uint32_t f = 0; f < kMaxFrames; ++f) {
    if (meta_[f].used) continue;
    meta_[f] = Meta{true, false, container, page};
    ++used_count_;
    if (f >= end_) end_ = f + 1;
    index_insert(static_cast<int>(f));
    *frame = static_cast<int>(f);
    return Status::ok;
  }
  return Status::no_memory;
}

uint32_t FrameTable::dirty_pages(ContainerId container, uint32_t* pages) const {
  uint32_t count = 0;
  for (uint32_t f = 0; f < end_; ++f) {
    const Meta& m = meta_[f];
    if (!m.used || !m.dirty || m.container != container) continue;
    uint32_t i = count++;
    for (; i > 0 && pages[i - 1] > m.page; --i) pages[i] = pages[i - 1];
    pages[i] = m.page;
  }
  return count;
}

}  // namespace sc
