// workload_tier_test.cpp — the workload kernel under QEMU: for every corpus
// workload the QEMU tier (guest kernel core + managers, our nbdkit plugin
// recording) produces the same disk request sequence as the in-process tier
// (kind, sector, count, FUA, phase tag and data of every request) and the
// same executed events; a malformed blob is refused.
#include <gtest/gtest.h>

#include <cstring>

#include "injector/common/input_error.h"
#include "tests/qemu/tier_fixture.h"

namespace sc::qemu::test {
namespace {

std::string describe(const crash::Request& r) {
  return r.kind == crash::Kind::flush
             ? std::string("flush ") + phase_name(r.phase)
             : "write " + std::to_string(r.sector) + "+" + std::to_string(r.count) + (r.fua ? " fua " : " ") +
                   phase_name(r.phase);
}

void expect_same_trace(const crash::Trace& inproc, const crash::Trace& guest) {
  ASSERT_EQ(inproc.sector_count(), guest.sector_count());
  const auto a = inproc.requests();
  const auto b = guest.requests();
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    ASSERT_EQ(describe(a[i]), describe(b[i])) << "request " << i;
    if (a[i].kind == crash::Kind::write) {
      ASSERT_EQ(0, std::memcmp(inproc.write_data(a[i]), guest.write_data(b[i]), a[i].count * kSectorSize))
          << "data of request " << i;
    }
  }
  ASSERT_EQ(a.size(), b.size());
}

void expect_same_events(const std::vector<Event>& inproc, const std::vector<Event>& guest) {
  ASSERT_EQ(inproc.size(), guest.size());
  for (size_t i = 0; i < inproc.size(); ++i) {
    EXPECT_EQ(inproc[i].kind, guest[i].kind) << "event " << i;
    EXPECT_EQ(inproc[i].home, guest[i].home) << "event " << i;
    EXPECT_EQ(inproc[i].container, guest[i].container) << "event " << i;
    EXPECT_EQ(inproc[i].page, guest[i].page) << "event " << i;
    EXPECT_EQ(inproc[i].hash, guest[i].hash) << "event " << i;
    EXPECT_EQ(inproc[i].status, guest[i].status) << "event " << i;
  }
}

class CorpusTrace : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusTrace, SameRequestsAndEventsInBothTiers) {
  const Workload w = corpus(GetParam());
  const InprocRun inproc = record_inproc_run(w, {});
  const QemuRecording rec = record_qemu(w, {}, tier_config());
  ASSERT_EQ(rec.error, "") << rec.run.console;
  ASSERT_TRUE(rec.trace.has_value());
  EXPECT_GT(rec.trace->requests().size(), 10u);
  expect_same_trace(inproc.trace, *rec.trace);
  expect_same_events(inproc.events, rec.guest.events);
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusTrace, ::testing::ValuesIn(corpus_names()));

TEST(WorkloadKernel, PhaseTagsReachTheHost) {
  const QemuRecording rec = record_qemu(corpus("basic"), {}, tier_config());
  ASSERT_EQ(rec.error, "");
  bool seen[kPhaseCount] = {};
  for (const auto& r : rec.trace->requests()) seen[static_cast<int>(r.phase)] = true;
  EXPECT_TRUE(seen[static_cast<int>(Phase::SNAPSHOT)]);
  EXPECT_TRUE(seen[static_cast<int>(Phase::ROOT_COPY)]);
  EXPECT_FALSE(rec.guest.spans.empty());
}

// The kernel refuses the blob (exit 16, bad_workload) before the workload
// starts: a setup error (exit 2), not a finding of the system under test.
TEST(WorkloadKernel, MalformedBlobIsRefused) {
  Workload w = corpus("basic");
  w.container_names.resize(kMaxContainers + 1, "extra");
  try {
    (void)record_qemu(w, {}, tier_config());
    FAIL() << "a refused blob was returned as a recording";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("stopped before the workload (exit 16"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace sc::qemu::test
