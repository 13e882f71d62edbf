// mutant_check.cpp — see mutant_check.h.
#include "injector/mutate/mutant_check.h"

#include <algorithm>
#include <chrono>
#include <optional>

#include <fmt/format.h>

#include "injector/check/beyond_memory.h"
#include "injector/check/explore.h"
#include "injector/inproc/inproc_checker.h"
#include "injector/inproc/recording.h"
#include "injector/mutate/image_set.h"
#include "injector/mutate/survivor_hint.h"

namespace sc::mutate {

namespace {

ExploreResult explore_until_illegal(const MutantCheckContext& ctx, const Recording& rec, RecoveryCollector* seen) {
  uint64_t illegal = 0;
  ExploreOptions options;
  options.enumerate = ctx.enumerate;
  options.observe = seen->observer();
  options.progress = [&illegal](const ExploreProgress& p) { illegal = p.illegal; };
  options.should_stop = [&] { return illegal > 0 || (ctx.out_of_time && ctx.out_of_time()); };
  const ExplorePlan plan{false, 1, 0};  // progress after every state, so the first illegal one stops it
  return explore(ctx.workload, rec, options, plan,
                 [&] { return std::make_unique<InprocChecker>(ctx.workload, ctx.bugs); });
}

uint64_t count_missing(const std::vector<uint64_t>& from, const std::vector<uint64_t>& in) {
  std::vector<uint64_t> diff;
  std::set_difference(from.begin(), from.end(), in.begin(), in.end(), std::back_inserter(diff));
  return diff.size();
}

bool has_crash_step(const Workload& w) {
  return std::any_of(w.steps.begin(), w.steps.end(), [](const Step& s) { return s.crash; });
}

std::string failure_evidence(const StateFailure& f) {
  return fmt::format("{} at cut {} ({} phase, {} state)", outcome_name(f.verdict.outcome), f.state.cut,
                     phase_name(f.phase), crash::mode_name(f.state.kind));
}

}  // namespace

std::optional<MutantOutcome> check_mutant(const MutantCheckContext& ctx, const MutantCase& mutant) {
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  MutantRun run(MutantPlan{true, mutant.op, mutant.site});
  MutantOutcome out;
  out.original_images = ctx.original_images.size();
  std::optional<Recording> recorded;
  try {
    recorded = record_inproc(ctx.workload, ctx.bugs, &run);
  } catch (const BeyondMemory& e) {  // the original run fits: the mutant changed what the system does
    out.verdict = MutantVerdict::killed;
    out.evidence = std::string("while recording, unlike the original: ") + e.what();
    out.seconds = elapsed();
    return out;
  }
  const Recording& rec = *recorded;
  if (!rec.findings.empty()) {
    out.verdict = MutantVerdict::killed;
    out.evidence = "while recording: " + rec.findings.front();
    out.seconds = elapsed();
    return out;
  }
  RecoveryCollector recoveries;
  const ExploreResult r = explore_until_illegal(ctx, rec, &recoveries);
  out.states = r.states;
  if (r.illegal > 0) {
    out.verdict = MutantVerdict::killed;
    out.evidence = r.failures.empty() ? "an illegal crash state" : failure_evidence(r.failures.front());
    out.seconds = elapsed();
    return out;
  }
  if (r.stopped) return std::nullopt;
  const std::vector<uint64_t> images = reachable_images(rec, ctx.enumerate);
  out.images = images.size();
  out.seconds = elapsed();
  if (images == ctx.original_images) {
    out.verdict = MutantVerdict::equivalent;
    out.evidence = fmt::format("all {} reachable crash images identical to the original's", images.size());
    return out;
  }
  if (const RecoverySet seen = recoveries.take(); seen == ctx.original_recoveries) {
    out.verdict = MutantVerdict::equivalent;
    out.evidence = fmt::format(
        "images differ, but all {} crash states recover only what the original's recover under the same legal "
        "window ({} window/state pairs, identical): no crash state tells it apart",
        r.states, seen.size());
    return out;
  }
  out.verdict = MutantVerdict::survived;
  SurvivorEvidence e{mutant.op, ctx.enumerate.modes, r.states, count_missing(images, ctx.original_images),
                     count_missing(ctx.original_images, images), has_crash_step(ctx.workload)};
  out.evidence = fmt::format("{} crash states, all legal", r.states);
  out.hint = survivor_hint(e);
  return out;
}

}  // namespace sc::mutate
