// site_census.cpp — see site_census.h.
#include "injector/mutate/site_census.h"

#include <algorithm>

#include "injector/inproc/recording.h"

namespace sc::mutate {

namespace {

class CensusSink final : public MutantSiteSink {
 public:
  CensusSink(const Workload& w, size_t index, const std::string& target, const std::vector<MutantOp>& ops)
      : w_(w), index_(index), target_(target), ops_(ops) {}

  void site(MutantOp op, const MutantSite& where) override {
    if (std::find(ops_.begin(), ops_.end(), op) == ops_.end() || !targeted(where)) return;
    cases.push_back(MutantCase{index_, op, where});
  }

  std::vector<MutantCase> cases;

 private:
  bool targeted(const MutantSite& where) const {
    if (where.manager == kKernelSite) return target_ == kKernelTarget;
    return where.manager < w_.managers.size() && w_.managers[where.manager].program == target_;
  }

  const Workload& w_;
  size_t index_;
  const std::string& target_;
  const std::vector<MutantOp>& ops_;
};

}  // namespace

std::vector<MutantCase> census(const Workload& w, size_t workload_index, const SeededBugs& bugs,
                               const std::string& target, const std::vector<MutantOp>& ops) {
  CensusSink sink(w, workload_index, target, ops);
  MutantRun run(MutantPlan{}, &sink);
  record_inproc(w, bugs, &run);
  return std::move(sink.cases);
}

bool exercises(const Workload& w, const std::string& target) {
  if (target == kKernelTarget) return true;
  return std::any_of(w.managers.begin(), w.managers.end(), [&](const ManagerSpec& m) { return m.program == target; });
}

}  // namespace sc::mutate
