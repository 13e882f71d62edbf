// worker.cpp — see worker.h.
#include "injector/campaign/worker.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <utility>

#include "injector/campaign/convert.h"
#include "injector/campaign/options_json.h"
#include "injector/campaign/state_key.h"
#include "injector/crash/crash_image.h"
#include "injector/check/beyond_memory.h"
#include "injector/check/case_file.h"
#include "injector/crash/whole_file.h"
#include "injector/tier/tier_dispatch.h"
#include "injector/workload/workload_file.h"

namespace sc::campaign {

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Releases every claim it holds unless dismissed (the workload completed).
class ClaimGuard {
 public:
  explicit ClaimGuard(SignatureClaims* claims) : claims_(claims) {}
  ~ClaimGuard() {
    for (const auto& s : held_) claims_->release(s);
  }
  ClaimGuard(const ClaimGuard&) = delete;
  ClaimGuard& operator=(const ClaimGuard&) = delete;
  bool claim(const std::string& s) {
    if (!claims_->claim(s)) return false;
    held_.push_back(s);
    return true;
  }
  void dismiss() { held_.clear(); }

 private:
  SignatureClaims* claims_;
  std::vector<std::string> held_;
};

// Removes the case files it holds unless released (the workload completed).
class CaseFiles {
 public:
  CaseFiles() = default;
  ~CaseFiles() { remove_case_files(paths); }
  CaseFiles(const CaseFiles&) = delete;
  CaseFiles& operator=(const CaseFiles&) = delete;
  std::vector<std::string> release() { return std::exchange(paths, {}); }
  std::vector<std::string> paths;
};

// Adds the states checked since the last call to the live counter.
void count_states(const WorkerContext& ctx, uint64_t states, uint64_t* reported) {
  if (ctx.states_checked) *ctx.states_checked += states - *reported;
  *reported = states;
}

ExploreOptions explore_options(const WorkerContext& ctx, crash::EnumeratorOptions enumerate, uint64_t* reported) {
  ExploreOptions o;
  o.enumerate = enumerate;
  o.max_states = ctx.max_states;
  o.progress = [&ctx, reported](const ExploreProgress& p) { count_states(ctx, p.states, reported); };
  o.should_stop = ctx.should_stop;
  o.stop_at_first_illegal = ctx.stop_at_first_illegal;
  o.memoise = ctx.memoise;
  o.cores = ctx.cores;
  return o;
}

// Minimises the failure; nullopt if it does not reproduce alone or the
// campaign is stopping (then the case is kept as found).
std::optional<Minimized> minimized(const WorkloadJob& job, const WorkerContext& ctx,
                                   const crash::EnumeratorOptions& enumerate, const StateFailure& f) {
  if (!ctx.minimize) return std::nullopt;
  try {
    return minimize(job.workload, f.signature, MinimizeOptions{ctx.bugs, enumerate, 150, ctx.should_stop});
  } catch (const Stopped&) {
    return std::nullopt;
  }
}

// Saves the failure as found (content-addressed, see case_file.h) and
// minimised (the same name + "-min"); appends each file written to
// `written`; returns the path of the reproducer (the minimised case if any).
std::string save_cases(const WorkloadJob& job, const WorkerContext& ctx, const crash::EnumeratorOptions& enumerate,
                       const Recording& rec, const StateFailure& f, std::vector<std::string>* written) {
  const std::string found = save_case_in(ctx.cases_dir, ctx.case_prefix + job.name, job.workload, ctx.bugs, rec, f,
                                         enumerate.seed, ctx.tier.name());
  written->push_back(found);
  const auto m = minimized(job, ctx, enumerate, f);
  if (!m) return found;
  const std::string min = found.substr(0, found.size() - std::string(".trace.json").size()) + "-min.trace.json";
  save_case(min, m->workload, ctx.bugs, m->recording, m->failure, enumerate.seed);
  written->push_back(min);
  return min;
}

// A workload whose recording disagreed with the reference model: keeps the
// workload beside the cases and returns the command that records it again
// the same way (the findings come from its recording and, with io-error,
// from its runs re-recorded with one request failing).
std::string save_recording_replay(const WorkloadJob& job, const WorkerContext& ctx,
                                  const crash::EnumeratorOptions& enumerate, const std::string& workload_json,
                                  std::vector<std::string>* written) {
  const std::string path = fmt::format("{}/{}.workload.json", ctx.cases_dir, case_label(ctx.case_prefix + job.name));
  std::filesystem::create_directories(ctx.cases_dir);
  crash::write_whole_file(path, workload_json.data(), workload_json.size());
  written->push_back(path);
  std::string command = fmt::format("stablecut run --tier {} --workload {} --modes {} --seed {}", ctx.tier.name(), path,
                                    fmt::join(mode_names(enumerate), ","), enumerate.seed);
  for (const auto& bug : enabled_bug_names(ctx.bugs)) command += " --bug " + bug;
  return command;
}

results::StateRow state_row(const Recording& rec, const StateFailure& f, uint64_t check_us) {
  const uint64_t fingerprint = crash::CrashImage(rec.trace, f.state).view().fingerprint();
  return results::StateRow{f.state.cut,
                           f.phase,
                           f.state.kind,
                           state_key(f.state),
                           f.verdict.outcome,
                           static_cast<uint32_t>(f.verdict.fsck.size()),
                           check_us,
                           f.signature,
                           fingerprint};
}

}  // namespace

void remove_case_files(const std::vector<std::string>& paths) {
  for (const auto& path : paths) {
    std::error_code ignored;  // best effort: a file already gone is no harm
    std::filesystem::remove(path, ignored);
  }
}

bool SignatureClaims::claim(const std::string& signature) {
  std::lock_guard lock(mutex_);
  return claimed_.insert(signature).second;
}

void SignatureClaims::release(const std::string& signature) {
  std::lock_guard lock(mutex_);
  claimed_.erase(signature);
}

WorkloadResult run_workload(const WorkloadJob& job, const WorkerContext& ctx) {
  crash::EnumeratorOptions enumerate = ctx.enumerate;
  enumerate.seed = job.enumeration_seed;
  ClaimGuard claims(ctx.claims);
  CaseFiles cases;
  WorkloadResult out;
  results::WorkloadRecord& w = out.record;
  w.name = job.name;
  w.origin = job.origin;
  w.workload_json = workload_to_json(job.workload).dump();
  w.seed = job.enumeration_seed;

  auto t = Clock::now();
  std::optional<Recording> recorded;
  try {
    recorded = tier::record_on(ctx.tier, job.workload, ctx.bugs);
  } catch (const BeyondMemory& e) {
    w.record_s = since(t);
    out.beyond_memory = e.what();  // committed with no state: the kernel cannot hold this workload
    return out;
  }
  const Recording& rec = *recorded;
  w.record_s = since(t);
  w.request_count = rec.trace.requests().size();
  out.recording_findings = rec.findings;

  uint64_t reported = 0;
  const auto explore_start = Clock::now();
  const ExploreResult r =
      tier::explore_on(ctx.tier, job.workload, ctx.bugs, rec, explore_options(ctx, enumerate, &reported));
  if (r.stopped && r.states == 0) throw Stopped{};  // nothing checked: nothing to commit
  out.recording_findings.insert(out.recording_findings.end(), r.run_findings.begin(), r.run_findings.end());
  if (!out.recording_findings.empty())
    out.recording_replay = save_recording_replay(job, ctx, enumerate, w.workload_json, &cases.paths);
  count_states(ctx, r.states, &reported);
  w.partial = r.stopped;
  w.enumerate_s = r.enumerate_seconds;
  w.check_s = r.seconds - r.enumerate_seconds;
  w.counts = outcome_counts(r);
  out.states = r.states;
  out.recalled = r.recalled;
  out.exhaustive = r.exhaustive;
  out.illegal = r.illegal;
  if (r.first_illegal)
    out.first_illegal = FirstIllegalState{
        explore_start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(r.first_illegal->seconds)),
        r.first_illegal->states};
  for (const StateFailure& f : r.failures) {
    results::FailureHit hit{f.signature, f.phase, f.verdict.outcome, r.signatures.at(f.signature), std::nullopt};
    if (claims.claim(f.signature)) {
      const std::string path = save_cases(job, ctx, enumerate, f.recording ? *f.recording : rec, f, &cases.paths);
      hit.reproducer = results::Reproducer{path, enumerate.seed,
                                           "stablecut replay " + path + " --tier " + ctx.tier.name()};
      out.new_signatures.push_back(f.signature);
      ++out.new_failures;
    }
    w.failures.push_back(std::move(hit));
    w.states.push_back(state_row(f.recording ? *f.recording : rec, f, check_us_per_state(r)));
  }
  claims.dismiss();
  out.case_files = cases.release();
  return out;
}

}  // namespace sc::campaign
