// fault_tier_test.cpp — storage faults reaching the real guest under QEMU:
//  * read-error: a recovery boot of a crash image whose sector fails to read
//    (the plugin answers those reads with an NBD error, the guest's virtio
//    driver sees VIRTIO_BLK_S_IOERR) gives the same outcome and reason as the
//    in-process recovery of that image through FailingReadDisk — and a boot
//    that fails with io_error is a clean refusal (detected) in both tiers;
//    the same QemuChecker's next boot without faults reads the disk whole,
//    and replay_qemu of a refused state (a case's replay) refuses again;
//  * io-error: a record run whose request k fails reaches the end without a
//    hang, the guest reports the failed request (a kIoError mark at k), an op
//    of the workload returns Status::io_error, and the trace is the run as
//    served: the clean run's first k requests, then request k only when its
//    data landed (as the write it was);
//  * fault specs the plugin cannot honour (a sector outside the disk, a
//    request the run never reached) are InputErrors (exit 2), not boots.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "injector/check/state_window.h"
#include "injector/common/input_error.h"
#include "injector/crash/crash_image.h"
#include "injector/crash/failing_read_disk.h"
#include "injector/inproc/inproc_checker.h"
#include "injector/inproc/recording.h"
#include "injector/qemu/qemu_checker.h"
#include "injector/qemu/qemu_explore.h"
#include "injector/qemu/qemu_oracle.h"
#include "tests/qemu/tier_fixture.h"

namespace sc::qemu::test {
namespace {

crash::Fault read_error(uint64_t sector) { return crash::Fault{crash::Mode::read_error, 0, sector, 0}; }

crash::Fault io_error(size_t request, uint32_t lands) { return crash::Fault{crash::Mode::io_error, request, 0, lands}; }

// The distinct first sectors of the trace's writes, newest first: what a
// recovery of the whole run reads first are its latest metadata writes.
std::vector<uint64_t> written_sectors(const crash::Trace& trace) {
  std::vector<uint64_t> out;
  const auto requests = trace.requests();
  for (auto r = requests.rbegin(); r != requests.rend(); ++r)
    if (r->kind == crash::Kind::write && std::find(out.begin(), out.end(), r->sector) == out.end())
      out.push_back(r->sector);
  return out;
}

TEST(ReadError, QemuRecoveryGivesTheInprocVerdict) {
  const Workload w = corpus("basic");
  const Recording rec = record_inproc(w, {});
  const crash::CrashState clean{rec.trace.requests().size(), crash::Mode::prefix, {}, {}};
  const crash::CrashImage image = crash::build_crash_image(rec.trace, clean);
  InprocChecker inproc(w, {});
  QemuChecker qemu(w, {}, tier_config());
  std::optional<crash::CrashState> refused;
  size_t boots = 0;
  for (const uint64_t sector : written_sectors(rec.trace)) {
    if (boots++ == 4) break;
    crash::CrashState state = clean;
    state.kind = crash::Mode::read_error;
    state.faults = {read_error(sector)};
    const LegalWindow window = legal_window_of(rec.spans, state);
    const Verdict here = classify(w, rec.history, window, inproc.recover(image.view(), state.faults));
    const Verdict there = classify(w, rec.history, window, qemu.recover(image.view(), state.faults));
    EXPECT_EQ(outcome_name(here.outcome), outcome_name(there.outcome)) << "sector " << sector;
    EXPECT_EQ(here.reason, there.reason) << "sector " << sector;
    if (there.outcome == sc::Outcome::detected && !refused) refused = state;
  }
  ASSERT_TRUE(refused) << "no failing sector made recovery refuse: the error never reached the managers";
  const Verdict ok = classify(w, rec.history, legal_window_of(rec.spans, clean), qemu.recover(image.view(), {}));
  EXPECT_TRUE(ok.legal()) << outcome_name(ok.outcome) << ": " << ok.reason;
  EXPECT_NE(ok.outcome, sc::Outcome::detected) << "the faults of an earlier boot must not outlive it";
  const Verdict replayed = replay_qemu(w, {}, rec.trace, *refused, rec.history, rec.spans, tier_config());
  EXPECT_EQ(replayed.outcome, sc::Outcome::detected) << "replay_qemu must pass the state's faults on";
}

TEST(ReadError, ASectorOutsideTheDiskIsAnInputError) {
  const Workload w = corpus("basic");
  QemuSession session(w, {}, tier_config());
  const std::vector<uint8_t> image(w.disk_sectors() * kSectorSize, 0);
  const std::vector<uint64_t> outside = {w.disk_sectors()};
  EXPECT_THROW(session.recover(image, outside), InputError);
}

bool has_io_error_mark(const GuestRun& guest, size_t at) {
  return std::any_of(guest.marks.begin(), guest.marks.end(),
                     [&](const rv::channel::Mark& m) { return m.kind == rv::channel::kIoError && m.at == at; });
}

// A write in the middle of the run (not the first: the kernel's own first writes).
size_t middle_write(const crash::Trace& trace) {
  const auto requests = trace.requests();
  for (size_t i = requests.size() / 2; i < requests.size(); ++i)
    if (requests[i].kind == crash::Kind::write) return i;
  return requests.size();
}

TEST(IoError, TheGuestSeesTheFailedRequestAndTheTraceIsTheRunAsServed) {
  const Workload w = corpus("basic");
  const Recording clean = record_inproc(w, {});
  const size_t k = middle_write(clean.trace);
  ASSERT_LT(k, clean.trace.requests().size());
  for (const uint32_t lands : {0u, 1u}) {
    const QemuRecording rec = record_qemu(w, {}, tier_config(), io_error(k, lands));
    ASSERT_TRUE(rec.trace.has_value()) << rec.error;
    EXPECT_NE(rec.run.outcome, Outcome::hang) << rec.run.console;
    EXPECT_TRUE(rec.io_error_served);
    EXPECT_TRUE(has_io_error_mark(rec.guest, k + lands)) << "lands=" << lands << "\n" << rec.run.console;
    EXPECT_TRUE(std::any_of(rec.guest.events.begin(), rec.guest.events.end(),
                            [](const Event& e) { return e.status == Status::io_error; }))
        << "no op of the run returned the error";
    const auto served = rec.trace->requests();
    const auto expected = clean.trace.requests();
    ASSERT_GT(served.size(), k);
    for (size_t i = 0; i < k; ++i) {
      ASSERT_EQ(served[i].kind, expected[i].kind) << "request " << i;
      ASSERT_EQ(served[i].sector, expected[i].sector) << "request " << i;
    }
    if (lands == 1) {
      EXPECT_EQ(served[k].sector, expected[k].sector);
      EXPECT_EQ(served[k].fua, expected[k].fua);
      EXPECT_EQ(0, std::memcmp(rec.trace->write_data(served[k]), clean.trace.write_data(expected[k]),
                               expected[k].count * kSectorSize));
    }
  }
}

TEST(IoError, ARequestTheRunNeverReachesIsAnInputError) {
  const Workload w = corpus("basic");
  EXPECT_THROW(record_qemu(w, {}, tier_config(), io_error(1000000, 0)), InputError);
  EXPECT_THROW(record_qemu(w, {}, tier_config(), io_error(1, 2)), InputError);
}

}  // namespace
}  // namespace sc::qemu::test
