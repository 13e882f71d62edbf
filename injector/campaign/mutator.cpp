// mutator.cpp — see mutator.h. Each edit works on a copy; the copy is kept
// only if it still parses, so a child is always a valid workload.
#include "injector/campaign/mutator.h"

#include <set>
#include <utility>
#include <vector>

#include "injector/common/input_error.h"
#include "injector/workload/workload_file.h"
#include "kernel/core/limits.h"
#include "kernel/core/prng.h"

namespace sc::campaign {

namespace {

struct OpRef {
  size_t step, locus, op;
};

std::vector<OpRef> ops_where(const Workload& w, bool (*pred)(const Op&)) {
  std::vector<OpRef> out;
  for (size_t s = 0; s < w.steps.size(); ++s)
    for (size_t l = 0; l < w.steps[s].loci.size(); ++l)
      for (size_t o = 0; o < w.steps[s].loci[l].ops.size(); ++o)
        if (pred(w.steps[s].loci[l].ops[o])) out.push_back({s, l, o});
  return out;
}

bool is_write(const Op& o) { return o.kind == OpKind::write; }
bool is_removable(const Op& o) { return o.kind != OpKind::create; }
bool is_any(const Op&) { return true; }

template <typename T>
const T& pick(Prng& prng, const std::vector<T>& v) {
  return v[prng.below(v.size())];
}

Op& op_at(Workload& w, const OpRef& r) { return w.steps[r.step].loci[r.locus].ops[r.op]; }

// Containers usable by a new op at `at`: created in an earlier step, or
// earlier in the same locus.
std::vector<ContainerId> usable_containers(const Workload& w, const OpRef& at) {
  std::set<ContainerId> ids;
  for (size_t s = 0; s <= at.step; ++s)
    for (size_t l = 0; l < w.steps[s].loci.size(); ++l)
      for (size_t o = 0; o < w.steps[s].loci[l].ops.size(); ++o) {
        const bool before = s < at.step || (l == at.locus && o < at.op);
        const Op& op = w.steps[s].loci[l].ops[o];
        if (before && op.kind == OpKind::create) ids.insert(op.container);
      }
  return {ids.begin(), ids.end()};
}

std::vector<ManagerId> self_managing(const Workload& w) {
  std::vector<ManagerId> out;
  for (size_t m = 0; m < w.managers.size(); ++m)
    if (w.managers[m].self_managing()) out.push_back(static_cast<ManagerId>(m));
  return out;
}

// Mostly the low pages the corpus uses, 1 in 8 one of the 16 highest page
// numbers (map entries pack page numbers: truncation shows at the top).
uint32_t random_page(Prng& prng) {
  const auto offset = static_cast<uint32_t>(prng.below(16));
  return prng.below(8) == 0 ? kMaxPageNumber - 1 - offset : offset;
}

void change_value(Workload& w, Prng& prng) {
  const auto writes = ops_where(w, is_write);
  if (!writes.empty()) op_at(w, pick(prng, writes)).value = prng.next();
}

void change_page(Workload& w, Prng& prng) {
  const auto writes = ops_where(w, is_write);
  if (!writes.empty()) op_at(w, pick(prng, writes)).page = random_page(prng);
}

// Inserts a write or read of a random page of a container usable there (a
// read of a page never written must give zeros; after an inserted crash, a
// container created since the last stabilisation is gone: not_found).
void add_access(Workload& w, Prng& prng, OpKind kind) {
  const auto ops = ops_where(w, is_any);
  if (ops.empty()) return;
  OpRef at = pick(prng, ops);
  at.op += prng.below(2);  // before or after the chosen op
  const auto containers = usable_containers(w, at);
  if (containers.empty()) return;
  const ContainerId container = pick(prng, containers);
  const uint32_t page = random_page(prng);
  const Op op{kind, container, kNoManager, page, kind == OpKind::write ? prng.next() : 0};
  auto& list = w.steps[at.step].loci[at.locus].ops;
  list.insert(list.begin() + static_cast<std::ptrdiff_t>(at.op), op);
}

void add_write(Workload& w, Prng& prng) { add_access(w, prng, OpKind::write); }
void add_read(Workload& w, Prng& prng) { add_access(w, prng, OpKind::read); }

void remove_op(Workload& w, Prng& prng) {
  const auto ops = ops_where(w, is_removable);
  if (ops.empty()) return;
  const OpRef r = pick(prng, ops);
  auto& list = w.steps[r.step].loci[r.locus].ops;
  list.erase(list.begin() + static_cast<std::ptrdiff_t>(r.op));
}

void insert_stabilise(Workload& w, Prng& prng) {
  const auto ops = ops_where(w, is_any);
  const auto managers = self_managing(w);
  if (ops.empty() || managers.empty()) return;
  const OpRef at = pick(prng, ops);
  auto& list = w.steps[at.step].loci[at.locus].ops;
  list.insert(list.begin() + static_cast<std::ptrdiff_t>(at.op + prng.below(2)),
              Op{OpKind::stabilise, kNoContainer, pick(prng, managers), 0, 0});
}

void insert_crash(Workload& w, Prng& prng) {
  const size_t at = 1 + prng.below(w.steps.size());  // never before the first step
  if (w.steps[at - 1].crash || (at < w.steps.size() && w.steps[at].crash)) return;
  w.steps.insert(w.steps.begin() + static_cast<std::ptrdiff_t>(at), Step{true, {}});
}

void change_schedule_seed(Workload& w, Prng& prng) { w.seed = prng.next(); }

using Edit = void (*)(Workload&, Prng&);
constexpr Edit kEdits[] = {change_value, change_page, add_write, add_write, add_read,
                           remove_op, insert_stabilise, insert_crash, change_schedule_seed};

}  // namespace

Workload validated(const Workload& w) { return parse_workload(workload_to_json(w), "mutated workload " + w.name); }

Workload mutate(const Workload& parent, uint64_t seed) {
  Prng prng(seed);
  Workload child = parent;
  const uint64_t edits = 1 + prng.below(4);
  for (uint64_t i = 0; i < edits; ++i) {
    Workload attempt = child;
    kEdits[prng.below(std::size(kEdits))](attempt, prng);
    try {
      child = validated(attempt);
    } catch (const InputError&) {
      // The edit broke the workload (e.g. too many pages): drop it.
    }
  }
  return child;
}

}  // namespace sc::campaign
