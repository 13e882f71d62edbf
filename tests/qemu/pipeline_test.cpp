// pipeline_test.cpp — the pipelined handover (qemu_tier.h, "Handover
// order"): each recovery boot is told the next state's image, which the
// plugin queues while the current boot runs. A boot judged against another
// state's image would show here:
//  (a) the QEMU explore loop (one and two workers, each told its next state)
//      gives the in-process verdicts state by state, in the same order, on a
//      planted bug whose legal and illegal states are mixed;
//  (b) states ordered so that neighbours differ in verdict and recovered
//      state, each announced by the boot before it, recover what the
//      in-process tier recovers, all in one QEMU;
//  (c) a call given another image than the one announced boots its own;
//  (d) read-error faults travel with their image: one image with and
//      without failing sectors, announced in turn, refuses and recovers in turn.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "injector/check/explore.h"
#include "injector/inproc/recording.h"
#include "injector/qemu/qemu_checker.h"
#include "tests/qemu/crash_check.h"

namespace sc::qemu::test {
namespace {

struct Seen {
  std::string outcome;
  size_t matched;
  bool operator==(const Seen&) const = default;
};

std::vector<Seen> explore_verdicts(const Workload& w, const Recording& rec, const ExplorePlan& plan,
                                   const CheckerFactory& make) {
  ExploreOptions options;
  options.enumerate.seed = 1;
  options.max_states = 24;
  std::vector<Seen> seen;
  options.observe = [&](const LegalWindow&, const Verdict& v) { seen.push_back({outcome_name(v.outcome), v.matched}); };
  explore(w, rec, options, plan, make);
  return seen;
}

TEST(Pipeline, ExploreGivesTheInprocVerdictsInOrder) {
  const Workload w = corpus("basic");
  const SeededBugs bugs = bug("shadow-skip-flush");
  const Recording rec = record_inproc(w, bugs);
  const std::vector<Seen> inproc = explore_verdicts(w, rec, ExplorePlan{true, 1, 0, false},
                                                    [&] { return std::make_unique<InprocChecker>(w, bugs); });
  ASSERT_EQ(inproc.size(), 24u);
  size_t changes = 0;
  for (size_t i = 1; i < inproc.size(); ++i) changes += inproc[i] == inproc[i - 1] ? 0 : 1;
  ASSERT_GE(changes, 4u) << "too few neighbours differ: a mix-up of images would not show";
  for (const size_t workers : {size_t{1}, size_t{2}}) {
    const std::vector<Seen> qemu = explore_verdicts(
        w, rec, explore_plan(workers), [&] { return std::make_unique<QemuChecker>(w, bugs, tier_config()); });
    ASSERT_EQ(qemu.size(), inproc.size()) << workers << " workers";
    for (size_t i = 0; i < inproc.size(); ++i)
      EXPECT_EQ(qemu[i], inproc[i]) << "state " << i << " with " << workers << " workers: QEMU " << qemu[i].outcome
                                    << " S" << qemu[i].matched << ", in-process " << inproc[i].outcome << " S"
                                    << inproc[i].matched;
  }
}

std::vector<uint8_t> image_of(const crash::Trace& trace, const crash::CrashState& s) {
  return crash::build_crash_image(trace, s).view().bytes();
}

// Prefix states of the planted bug, legal and illegal ones alternating.
std::vector<crash::CrashState> alternating(const Workload& w, const SeededBugs& bugs, const InprocRun& inproc,
                                           const std::vector<StabilisationSpan>& spans, size_t each) {
  std::vector<crash::CrashState> legal, illegal;
  for (const auto& s : pick_states(inproc.trace, 100000, crash::only(crash::Mode::prefix))) {
    auto& into = recover_inproc(w, bugs, inproc.trace, s, inproc.history, spans).legal ? legal : illegal;
    if (into.size() < each) into.push_back(s);
  }
  std::vector<crash::CrashState> out;
  for (size_t i = 0; i < each && i < legal.size() && i < illegal.size(); ++i) {
    out.push_back(legal[i]);
    out.push_back(illegal[i]);
  }
  return out;
}

TEST(Pipeline, EachAnnouncedBootRecoversItsOwnImage) {
  const Workload w = corpus("basic");
  const SeededBugs bugs = bug("shadow-skip-flush");
  const InprocRun inproc = record_inproc_run(w, bugs);
  const QemuRecording rec = record_qemu(w, bugs, tier_config());
  ASSERT_EQ(rec.error, "");
  const auto states = alternating(w, bugs, inproc, rec.guest.spans, 4);
  ASSERT_GE(states.size(), 6u);
  QemuSession session(w, bugs, tier_config());
  std::vector<uint8_t> current = image_of(inproc.trace, states[0]);
  for (size_t i = 0; i < states.size(); ++i) {
    std::vector<uint8_t> next = i + 1 < states.size() ? image_of(inproc.trace, states[i + 1]) : std::vector<uint8_t>();
    const NextBoot after{next, {}};
    const QemuRecovery r = session.recover(current, {}, next.empty() ? nullptr : &after);
    const Judged q = judge_qemu(w, bugs, r, inproc.trace, states[i], inproc.history, rec.guest.spans);
    const Judged h = recover_inproc(w, bugs, inproc.trace, states[i], inproc.history, rec.guest.spans);
    EXPECT_EQ(q.legal, h.legal) << "state " << i << " cut " << states[i].cut;
    EXPECT_EQ(q.state, h.state) << "state " << i << " cut " << states[i].cut;
    current = std::move(next);
  }
  EXPECT_EQ(session.qemu_starts(), 1u) << "every announced boot is a reset, not a new QEMU";
}

TEST(Pipeline, AnotherImageThanTheAnnouncedOneBootsItself) {
  const Workload w = corpus("basic");
  const SeededBugs bugs = bug("shadow-skip-flush");
  const InprocRun inproc = record_inproc_run(w, bugs);
  const QemuRecording rec = record_qemu(w, bugs, tier_config());
  ASSERT_EQ(rec.error, "");
  const auto states = alternating(w, bugs, inproc, rec.guest.spans, 2);
  ASSERT_EQ(states.size(), 4u);
  QemuSession session(w, bugs, tier_config());
  const std::vector<uint8_t> announced = image_of(inproc.trace, states[1]);
  const NextBoot after{announced, {}};
  session.recover(image_of(inproc.trace, states[0]), {}, &after);
  for (const size_t i : {size_t{2}, size_t{1}}) {
    const QemuRecovery r = session.recover(image_of(inproc.trace, states[i]));
    const Judged q = judge_qemu(w, bugs, r, inproc.trace, states[i], inproc.history, rec.guest.spans);
    const Judged h = recover_inproc(w, bugs, inproc.trace, states[i], inproc.history, rec.guest.spans);
    EXPECT_EQ(q.legal, h.legal) << "state " << i;
    EXPECT_EQ(q.state, h.state) << "state " << i;
  }
  EXPECT_EQ(session.qemu_starts(), 2u) << "the guest that had claimed the announced image is replaced once";
}

TEST(Pipeline, ReadErrorsTravelWithTheirImage) {
  const Workload w = corpus("basic");
  const Recording rec = record_inproc(w, {});
  const std::vector<uint8_t> image = image_of(rec.trace, {rec.trace.requests().size(), crash::Mode::prefix, {}, {}});
  std::vector<uint64_t> failing;
  for (const crash::Request& r : rec.trace.requests())
    if (r.kind == crash::Kind::write) failing.push_back(r.sector);
  std::sort(failing.begin(), failing.end());
  failing.erase(std::unique(failing.begin(), failing.end()), failing.end());
  QemuSession session(w, {}, tier_config());
  const NextBoot clean{image, {}};
  const NextBoot faulty{image, failing};
  const std::vector<std::pair<const NextBoot*, bool>> boots = {
      {&faulty, false}, {&clean, true}, {&faulty, false}, {&faulty, false}, {&clean, true}, {&clean, true}};
  for (size_t i = 0; i < boots.size(); ++i) {
    const NextBoot* next = i + 1 < boots.size() ? boots[i + 1].first : nullptr;
    const QemuRecovery r = session.recover(boots[i].first->image, boots[i].first->read_errors, next);
    ASSERT_EQ(r.run.outcome, Outcome::rebooted) << "boot " << i << "\n" << r.run.console;
    const bool recovered = r.readback.boot_reported && !failed(r.readback.boot_status) && !failed(r.readback.enum_failure);
    EXPECT_EQ(recovered, boots[i].second) << "boot " << i << (boots[i].second ? " had no" : " had") << " failing sectors";
  }
  EXPECT_EQ(session.qemu_starts(), 1u);
}

}  // namespace
}  // namespace sc::qemu::test
