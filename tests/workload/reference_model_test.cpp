// The reference model on hand-made event sequences: stable states, ties,
// power cuts and the disagreements it reports.
#include <gtest/gtest.h>

#include "injector/oracle/reference_model.h"
#include "injector/workload/json_field.h"
#include "injector/workload/page_content.h"
#include "injector/workload/workload_file.h"

namespace sc {
namespace {

class ReferenceModelTest : public ::testing::Test {
 protected:
  Workload w = parse_workload(parse_json_text(R"({"format":"stablecut-workload","version":1,"name":"m",
      "managers":[{"name":"A","kind":"shadow"},{"name":"B","kind":"shadow"}],
      "steps":[{"run":[{"locus":"x","home":"A","ops":[{"op":"create","container":"a","manager":"A"},
        {"op":"create","container":"b","manager":"B"}]}]}]})", "m"), "m");
  ReferenceModel model{w};
  static constexpr ContainerId kA = 0, kB = 1, ca = 2, cb = 3;

  std::string create(ContainerId home, ContainerId c, ManagerId m, Status s = Status::ok) {
    return model.apply(Event{OpKind::create, home, c, m, 0, 0, s});
  }
  std::string write(ContainerId home, ContainerId c, uint32_t p, uint64_t v, Status s = Status::ok) {
    return model.apply(Event{OpKind::write, home, c, kNoManager, p, page_hash(v), s});
  }
  std::string read(ContainerId home, ContainerId c, uint32_t p, uint64_t hash) {
    return model.apply(Event{OpKind::read, home, c, kNoManager, p, hash, Status::ok});
  }
  std::string stabilise(ManagerId m) { return model.apply(Event{OpKind::stabilise, kA, kNoContainer, m, 0, 0, Status::ok}); }
};

TEST_F(ReferenceModelTest, StabilisationSavesOnlyTheGroupsDomains) {
  EXPECT_EQ(create(kA, ca, 0), "");
  EXPECT_EQ(create(kB, cb, 1), "");
  EXPECT_EQ(write(kA, ca, 1, 10), "");
  EXPECT_EQ(write(kB, cb, 2, 20), "");
  EXPECT_EQ(stabilise(0), "");
  ASSERT_EQ(model.stabilisations(), 1u);
  EXPECT_EQ(model.stable(1), (SystemState{{ca, {{1, page_hash(10)}}}}));
  EXPECT_TRUE(model.stable(0).empty());
}

TEST_F(ReferenceModelTest, CrossDomainAccessTiesTheGroup) {
  create(kA, ca, 0);
  create(kB, cb, 1);
  write(kA, cb, 2, 20);  // a locus of A's domain writes B's container
  stabilise(0);
  EXPECT_EQ(model.stable(1).count(cb), 1u);
  write(kB, cb, 3, 30);
  stabilise(0);  // untied now: B's new write is not saved
  EXPECT_EQ(model.stable(2).at(cb).count(3), 0u);
}

TEST_F(ReferenceModelTest, PowerCutRestoresTheLastStableState) {
  create(kA, ca, 0);
  write(kA, ca, 1, 10);
  stabilise(0);
  write(kA, ca, 1, 11);
  create(kA, cb, 1);
  model.power_cut();
  EXPECT_FALSE(model.exists(cb));
  EXPECT_EQ(read(kA, ca, 1, page_hash(10)), "");
  EXPECT_NE(read(kA, ca, 1, page_hash(11)), "");
}

TEST_F(ReferenceModelTest, ReportsWrongStatusAndWrongContent) {
  EXPECT_NE(write(kA, ca, 0, 1, Status::ok), "");  // ca does not exist yet
  EXPECT_EQ(write(kA, ca, 0, 1, Status::not_found), "");
  create(kA, ca, 0);
  EXPECT_NE(create(kA, ca, 0, Status::ok), "");
  EXPECT_NE(read(kA, ca, 5, page_hash(1)), "");
  EXPECT_EQ(read(kA, ca, 5, zero_page_hash()), "");
}

// Running out of the kernel's page frames is no crash-consistency finding:
// the model names the op and judges nothing after it. Any other refusal
// (no_space) is still one.
TEST_F(ReferenceModelTest, AnOpRefusedForLackOfMemoryEndsWhatIsJudged) {
  create(kA, ca, 0);
  EXPECT_NE(write(kA, ca, 1, 10, Status::no_space), "");
  EXPECT_TRUE(model.beyond_memory().empty());
  EXPECT_EQ(write(kA, ca, 2, 10, Status::no_memory), "");
  EXPECT_EQ(model.beyond_memory(), "write of container a page 2");
  EXPECT_EQ(read(kA, ca, 5, page_hash(1)), "");
  EXPECT_EQ(model.apply(Event{OpKind::stabilise, kA, kNoContainer, 0, 0, 0, Status::no_memory}), "");
  EXPECT_EQ(model.beyond_memory(), "write of container a page 2");
  EXPECT_EQ(model.stabilisations(), 0u);
}

// A manager that refused a stabilisation for lack of partition space may
// refuse the next ones of its group too (fail-stop), until a power cut or
// a stabilisation of the group succeeds; another group's failure is still
// a finding.
TEST(ReferenceModelRefusal, AfterANoSpaceRefusalTheGroupMayFailStopUntilAPowerCut) {
  const Workload w = parse_workload(parse_json_text(R"({"format":"stablecut-workload","version":1,"name":"f",
      "managers":[{"name":"A","kind":"shadow","may_fill_partition":true},{"name":"B","kind":"shadow"}],
      "steps":[{"run":[{"locus":"x","home":"A","ops":[]}]}]})", "f"), "f");
  ReferenceModel model{w};
  const auto stabilise = [&](ManagerId m, Status s) {
    return model.apply(Event{OpKind::stabilise, m, kNoContainer, m, 0, 0, s});
  };
  EXPECT_NE(stabilise(0, Status::corrupt), "");  // no refusal yet
  EXPECT_EQ(stabilise(0, Status::no_space), "");
  EXPECT_EQ(stabilise(0, Status::corrupt), "");
  EXPECT_NE(stabilise(1, Status::corrupt), "");  // B was not refused
  EXPECT_EQ(model.stabilisations(), 0u);
  model.power_cut();
  EXPECT_NE(stabilise(0, Status::corrupt), "");
  EXPECT_EQ(stabilise(0, Status::no_space), "");
  EXPECT_EQ(stabilise(0, Status::ok), "");
  EXPECT_NE(stabilise(0, Status::corrupt), "");  // it succeeded since the refusal
}

TEST_F(ReferenceModelTest, AfterAFailedCallItsTiedDomainsMayFailUntilAPowerCutAndChangeNothing) {
  create(kA, ca, 0);
  create(kB, cb, 1);
  write(kA, ca, 1, 10);
  EXPECT_NE(write(kA, ca, 1, 11, Status::io_error), "");  // event 3: before the window
  model.allow_failed_calls(4, 0);                         // a call of manager A failed
  EXPECT_EQ(write(kA, ca, 1, 12, Status::io_error), "");
  EXPECT_NE(write(kB, cb, 1, 20, Status::io_error), "");  // B's domain is not tied to A's
  EXPECT_EQ(write(kA, cb, 2, 21), "");                    // now it is
  EXPECT_EQ(write(kB, cb, 3, 22, Status::corrupt), "");
  EXPECT_EQ(create(kA, ca, 0, Status::corrupt), "");
  EXPECT_EQ(model.apply(Event{OpKind::stabilise, kA, kNoContainer, 0, 0, 0, Status::io_error, 4, 9}), "");
  const SystemState expected{{ca, {{1, page_hash(10)}}}, {cb, {{2, page_hash(21)}}}};
  EXPECT_EQ(model.current(), expected);  // nothing that failed took effect
  ASSERT_EQ(model.stabilisations(), 1u);  // the failed attempt, not counted
  // One the kernel refused before any disk request (K5) wrote nothing: no attempt.
  EXPECT_EQ(model.apply(Event{OpKind::stabilise, kA, kNoContainer, 0, 0, 0, Status::io_error, 9, 9}), "");
  ASSERT_EQ(model.stabilisations(), 1u);
  EXPECT_TRUE(model.spans().back().failed);
  EXPECT_TRUE(model.last_stable().empty());
  EXPECT_NE(read(kA, ca, 1, page_hash(12)), "");  // what succeeds is judged as always
  EXPECT_EQ(stabilise(0), "");
  model.power_cut();
  EXPECT_NE(write(kA, ca, 1, 13, Status::io_error), "");  // the window closed
}

TEST_F(ReferenceModelTest, AStabilisationRefusedForLackOfMemoryIsNamed) {
  create(kA, ca, 0);
  EXPECT_EQ(model.apply(Event{OpKind::stabilise, kA, kNoContainer, 1, 0, 0, Status::no_memory}), "");
  EXPECT_EQ(model.beyond_memory(), "stabilise B");
}

}  // namespace
}  // namespace sc
