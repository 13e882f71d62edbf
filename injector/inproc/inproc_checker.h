// inproc_checker.h — recovers a crash image in-process and reads back what
// the recovered managers hold. One Machine is reused for every image (a boot
// resets all of its state), so a check costs a recovery and a read-back,
// not an allocation of the whole machine. It is the in-process tier's
// Checker (injector/check/checker.h). replay_inproc() checks one case again.
// A read-error fault of the state fails every read of its sector during
// recovery (failing_read_disk.h; boot and read-back, not the fsck hook,
// which sees the image as it is); sectors_read() recovers an image with no
// fault and returns the sectors recovery read (sorted, distinct). A boot or read-back that fails with Status corrupt or io_error is
// a clean refusal (legal where the state's faults allow it).
#pragma once
#include "injector/check/case_file.h"
#include "injector/check/checker.h"
#include "injector/common/seeded_bugs.h"
#include "injector/crash/overlay_disk.h"
#include "kernel/hosted/machine.h"
#include "kernel/hosted/mem_disk.h"

namespace sc {

class InprocChecker final : public Checker {
 public:
  InprocChecker(const Workload& w, const SeededBugs& bugs);

  Recovered recover(const crash::ImageView& image, std::span<const crash::Fault> faults) override;
  bool notes_reads() const override { return true; }
  Recovered recover_noting_reads(const crash::ImageView& image, std::vector<uint64_t>& reads) override;

  std::vector<uint64_t> sectors_read(const crash::ImageView& image);

  // Recovers whatever `disk` holds (fsck, boot, read-back), e.g. an
  // UndeterminedDisk (injector/crash/undetermined_disk.h). The disk must
  // keep recovery's writes to itself.
  Recovered recover_on(BlockDevice& disk);

 private:
  using ReadLog = std::vector<crash::OverlayDisk::ReadSpan>;
  // fsck_reads, if given, logs fsck's reads too (it precedes boot's).
  Recovered recover_logged(const crash::ImageView& image, std::span<const crash::Fault> faults, ReadLog* boot_reads,
                           ReadLog* fsck_reads);

  Recovered boot_and_read_back(BlockDevice& disk);

  const Workload& w_;
  MemDisk placeholder_{1};
  Machine machine_;
};

// Rebuilds the case's crash image and checks it again in-process.
Verdict replay_inproc(const Case& c);

}  // namespace sc
