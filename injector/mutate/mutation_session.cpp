// mutation_session.cpp — see mutation_session.h.
#include "injector/mutate/mutation_session.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "injector/common/input_error.h"
#include "injector/inproc/explore.h"
#include "injector/inproc/recording.h"
#include "injector/mutate/image_set.h"
#include "injector/mutate/mutant_check.h"
#include "injector/mutate/recovery_set.h"
#include "injector/mutate/site_census.h"
#include "kernel/core/prng.h"

namespace sc::mutate {

namespace {

using Clock = std::chrono::steady_clock;

void shuffle(std::vector<MutantCase>& cases, uint64_t seed) {
  Prng prng(seed);
  for (size_t i = cases.size(); i > 1; --i) std::swap(cases[i - 1], cases[prng.below(i)]);
}

struct Original {
  std::vector<uint64_t> images;
  RecoverySet recoveries;
};

// The unmutated run's reachable images and recovery set; InputError if it is
// not legal.
Original original_run(const NamedWorkload& nw, const SessionOptions& options) {
  const Recording rec = record_inproc(nw.workload, options.bugs);
  if (!rec.findings.empty())
    throw InputError(fmt::format("workload {}: illegal without any mutant ({}); mutation needs a corpus "
                                 "its target passes", nw.name, rec.findings.front()));
  RecoveryCollector recoveries;
  ExploreOptions explore;
  explore.enumerate = options.enumerate;
  explore.observe = recoveries.observer();
  const ExploreResult r = explore_inproc(nw.workload, options.bugs, rec, explore);
  if (r.illegal > 0)
    throw InputError(fmt::format("workload {}: {} illegal crash states without any mutant; mutation needs a "
                                 "corpus its target passes", nw.name, r.illegal));
  return Original{reachable_images(rec, options.enumerate), recoveries.take()};
}

bool before(const MutantResult& a, const MutantResult& b) {
  const auto key = [](const MutantCase& c) {
    return std::tuple(c.workload, static_cast<int>(c.op), c.site.manager, c.site.stabilisation, c.site.call);
  };
  return key(a.mutant) < key(b.mutant);
}

}  // namespace

SessionResult run_session(const std::vector<NamedWorkload>& corpus, const SessionOptions& options) {
  const auto start = Clock::now();
  const auto seconds = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  const auto out_of_time = [&] { return seconds() >= options.budget_seconds; };
  SessionResult result;
  std::vector<MutantCase> cases;
  for (size_t i = 0; i < corpus.size(); ++i) {
    if (!exercises(corpus[i].workload, options.target)) continue;
    const auto found = census(corpus[i].workload, i, options.bugs, options.target, options.ops);
    cases.insert(cases.end(), found.begin(), found.end());
  }
  result.sites = cases.size();
  shuffle(cases, options.seed);
  if (cases.size() > options.max_mutants) cases.resize(options.max_mutants);
  result.planned = cases.size();
  std::map<size_t, Original> originals;
  for (const MutantCase& c : cases) {
    if (out_of_time()) break;
    auto it = originals.find(c.workload);
    if (it == originals.end()) it = originals.emplace(c.workload, original_run(corpus[c.workload], options)).first;
    const MutantCheckContext ctx{corpus[c.workload].workload, options.bugs, it->second.images, it->second.recoveries,
                                 options.enumerate, out_of_time};
    const auto outcome = check_mutant(ctx, c);
    if (!outcome) break;
    result.results.push_back(MutantResult{c, *outcome});
    if (options.progress) options.progress(result.results.size(), result.planned, seconds());
  }
  std::sort(result.results.begin(), result.results.end(), before);
  result.seconds = seconds();
  return result;
}

}  // namespace sc::mutate
