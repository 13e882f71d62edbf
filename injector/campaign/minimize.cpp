// minimize.cpp — see minimize.h.
#include "injector/campaign/minimize.h"

#include <optional>
#include <utility>

#include "injector/campaign/mutator.h"
#include "injector/check/beyond_memory.h"
#include "injector/common/input_error.h"
#include "injector/inproc/recording.h"

namespace sc::campaign {

namespace {

// Removes flat ops [first, first + n) (flat = every op in file order).
Workload without_ops(const Workload& w, size_t first, size_t n) {
  Workload out = w;
  size_t flat = 0;
  for (auto& step : out.steps)
    for (auto& locus : step.loci) {
      std::vector<Op> kept;
      for (const Op& op : locus.ops) {
        if (flat < first || flat >= first + n) kept.push_back(op);
        ++flat;
      }
      locus.ops = std::move(kept);
    }
  return out;
}

class Shrinker {
 public:
  Shrinker(Minimized best, std::string signature, const MinimizeOptions& options)
      : best_(std::move(best)), signature_(std::move(signature)), options_(options) {}

  Minimized run() {
    bool progress = true;
    while (progress && budget_left()) {
      progress = false;
      for (size_t s = best_.workload.steps.size(); s-- > 0 && budget_left();) progress |= try_drop_step(s);
      for (size_t s = best_.workload.steps.size(); s-- > 0 && budget_left();)
        for (size_t l = best_.workload.steps[s].loci.size(); l-- > 1 && budget_left();) progress |= try_drop_locus(s, l);
      progress |= drop_op_runs();
    }
    return std::move(best_);
  }

 private:
  bool budget_left() const { return best_.attempts < options_.max_attempts; }

  bool try_drop_step(size_t s) {
    if (s >= best_.workload.steps.size() || best_.workload.steps.size() == 1) return false;
    Workload c = best_.workload;
    c.steps.erase(c.steps.begin() + static_cast<std::ptrdiff_t>(s));
    return attempt(c);
  }

  bool try_drop_locus(size_t s, size_t l) {
    if (s >= best_.workload.steps.size() || l >= best_.workload.steps[s].loci.size()) return false;
    Workload c = best_.workload;
    c.steps[s].loci.erase(c.steps[s].loci.begin() + static_cast<std::ptrdiff_t>(l));
    return attempt(c);
  }

  bool drop_op_runs() {
    bool progress = false;
    for (size_t n = op_count(best_.workload) / 2; n >= 1 && budget_left(); n /= 2)
      for (size_t first = 0; first < op_count(best_.workload) && budget_left();) {
        if (attempt(without_ops(best_.workload, first, n))) progress = true;
        else first += n;
      }
    return progress;
  }

  bool attempt(const Workload& candidate) {
    if (options_.should_stop()) throw Stopped{};
    ++best_.attempts;
    Workload valid;
    try {
      valid = validated(candidate);
    } catch (const InputError&) {
      return false;
    }
    std::optional<std::pair<Recording, StateFailure>> hit;
    try {
      hit = reproduce(valid, signature_, options_);
    } catch (const BeyondMemory&) {
      return false;  // the kernel cannot hold this candidate: it reproduces nothing
    }
    if (!hit) return false;
    best_.workload = std::move(valid);
    best_.recording = std::move(hit->first);
    best_.failure = std::move(hit->second);
    ++best_.accepted;
    return true;
  }

  Minimized best_;
  std::string signature_;
  const MinimizeOptions& options_;
};

}  // namespace

size_t op_count(const Workload& w) {
  size_t n = 0;
  for (const auto& step : w.steps)
    for (const auto& locus : step.loci) n += locus.ops.size();
  return n;
}

std::optional<std::pair<Recording, StateFailure>> reproduce(const Workload& w, const std::string& signature,
                                                            const MinimizeOptions& options) {
  if (options.should_stop()) throw Stopped{};
  Recording rec = record_inproc(w, options.bugs);
  ExploreOptions explore;
  explore.enumerate = options.enumerate;
  explore.should_stop = options.should_stop;
  explore.stop_at_signature = signature;  // the first failure of it is the one kept: no need to look further
  ExploreResult r = explore_inproc(w, options.bugs, rec, explore);
  for (auto& f : r.failures)
    if (f.signature == signature)  // a fault state's own run (io-error) is the one its case needs
      return std::make_pair(f.recording ? *f.recording : std::move(rec), std::move(f));
  if (r.stopped) throw Stopped{};
  return std::nullopt;
}

std::optional<Minimized> minimize(const Workload& w, const std::string& signature, const MinimizeOptions& options) {
  auto hit = reproduce(w, signature, options);
  if (!hit) return std::nullopt;
  Minimized start{w, std::move(hit->first), std::move(hit->second), 1, 0};
  return Shrinker(std::move(start), signature, options).run();
}

}  // namespace sc::campaign
