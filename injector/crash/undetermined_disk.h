// undetermined_disk.h — UndeterminedDisk: the crash image of one cut with
// its in-flight sectors not yet determined, as a BlockDevice for recovery.
// A read of a sector some in-flight write may leave (cut_variables.h)
// decides, newest write first, whether each such write's chunk was kept,
// through the ChoicePath (choice_path.h), until one was: the sector holds
// that write's data; if none was, its durable content. Any other sector
// holds its durable content. So a run decides only what recovery read, and
// the ChoicePath's search runs recovery once per distinct thing it could see.
// Writes go to a private copy-on-write layer and are read back from it, so
// recovery may write without touching anything shared.
// Invariants: out-of-range requests return Status::bad_argument and touch
// nothing; the trace, DurableState, CutVariables and ChoicePath must outlive
// the disk.
#pragma once
#include <cstdint>

#include "choice_path.h"
#include "cut_variables.h"
#include "durable_state.h"
#include "kernel/core/block_device.h"
#include "sector_map.h"

namespace sc::crash {

class UndeterminedDisk final : public BlockDevice {
 public:
  UndeterminedDisk(const DurableState& durable, const CutVariables& variables, ChoicePath& path)
      : durable_(durable), variables_(variables), path_(path) {}

  uint64_t sector_count() const override { return durable_.trace().sector_count(); }
  Status read(uint64_t sector, uint32_t count, void* buf) override;
  Status write(uint64_t sector, uint32_t count, const void* buf, bool fua) override;
  Status flush() override { return Status::ok; }
  void set_phase(Phase) override {}

 private:
  bool in_range(uint64_t sector, uint32_t count) const;
  const uint8_t* content(uint64_t sector);  // nullptr: zeros

  const DurableState& durable_;
  const CutVariables& variables_;
  ChoicePath& path_;
  SectorMap cow_;
};

}  // namespace sc::crash
