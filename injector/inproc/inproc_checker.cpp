// inproc_checker.cpp — see inproc_checker.h.
#include "injector/inproc/inproc_checker.h"

#include <fmt/format.h>

#include "injector/crash/failing_read_disk.h"
#include "injector/crash/overlay_disk.h"
#include "injector/oracle/fsck.h"
#include "injector/inproc/readback.h"

namespace sc {

InprocChecker::InprocChecker(const Workload& w, const SeededBugs& bugs)
    : w_(w), machine_(placeholder_, boot_config(w, bugs)) {}

// The state's read-error faults fail reads of their sectors (failing_read_disk.h).
Recovered InprocChecker::recover(const crash::ImageView& image, std::span<const crash::Fault> faults) {
  return recover_logged(image, faults, nullptr, nullptr);
}

Recovered InprocChecker::recover_logged(const crash::ImageView& image, std::span<const crash::Fault> faults,
                                        ReadLog* boot_reads, ReadLog* fsck_reads) {
  crash::OverlayDisk disk(image);
  std::vector<uint64_t> failing = crash::read_error_sectors(faults);
  const bool faulty_reads = !failing.empty();
  crash::FailingReadDisk faulty(disk, std::move(failing));
  disk.note_reads(fsck_reads);
  std::vector<std::string> fsck = fsck_disk(disk, machine_.config());
  disk.note_reads(boot_reads);
  Recovered r = boot_and_read_back(faulty_reads ? static_cast<BlockDevice&>(faulty) : disk);
  r.fsck = std::move(fsck);
  return r;
}

Recovered InprocChecker::recover_on(BlockDevice& disk) {
  std::vector<std::string> fsck = fsck_disk(disk, machine_.config());
  Recovered r = boot_and_read_back(disk);
  r.fsck = std::move(fsck);
  return r;
}

Recovered InprocChecker::boot_and_read_back(BlockDevice& disk) {
  machine_.set_disk(disk);
  Recovered r;
  if (failed(machine_.boot())) {
    const BootReport& report = machine_.kernel().boot_report();
    const std::string who = report.failed_manager < w_.managers.size()
                                ? "manager " + w_.managers[report.failed_manager].name
                                : std::string("the kernel");
    r.reason = fmt::format("{} could not be restarted ({})", who, status_name(report.status));
    r.clean_refusal = report.status == Status::corrupt || report.status == Status::io_error;
  } else if (const Status s = read_back(machine_, w_, &r.state); failed(s)) {
    r.reason = fmt::format("a recovered manager refused to list its pages ({})", status_name(s));
    r.clean_refusal = s == Status::corrupt || s == Status::io_error;
  } else {
    r.booted = true;
  }
  machine_.set_disk(placeholder_);
  return r;
}

std::vector<uint64_t> InprocChecker::sectors_read(const crash::ImageView& image) {
  ReadLog reads;
  recover_logged(image, {}, &reads, nullptr);
  return crash::sectors_of(reads);
}

Recovered InprocChecker::recover_noting_reads(const crash::ImageView& image, std::vector<uint64_t>& reads) {
  ReadLog log;
  Recovered r = recover_logged(image, {}, &log, &log);
  crash::append_first_reads(log, reads);
  return r;
}

Verdict replay_inproc(const Case& c) {
  InprocChecker checker(c.workload, c.bugs);
  return replay_case(c, checker);
}

}  // namespace sc
