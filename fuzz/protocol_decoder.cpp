// protocol_decoder.cpp — see protocol_decoder.h.
#include "fuzz/protocol_decoder.h"

#include <string>
#include <vector>

#include "managers/registry/registry.h"

namespace sc::fuzz {

namespace {

constexpr ContainerId kFirstCreated = 3;  // after the homes of A, B and M

class WorkloadDecoder {
 public:
  WorkloadDecoder(ByteReader& in, const std::vector<std::string>& programs) : in_(in), programs_(programs) {}

  Workload decode() {
    w_.name = "fuzz-protocol";
    w_.seed = in_.u8();
    const size_t n = programs_.size();
    const uint8_t choice = in_.u8();
    w_.managers = {{"A", programs_[choice % n], "", kProtocolPartitionBlocks, false},
                   {"B", programs_[(choice / n) % n], "", kProtocolPartitionBlocks, false},
                   {"M", "ordinary", "A", 0, false}};
    w_.container_names = {"A", "B", "M"};
    const size_t steps = 1 + in_.below(kMaxSteps);
    for (size_t i = 0; i < steps; ++i) {
      const bool crash = i > 0 && in_.below(6) == 0;
      w_.steps.push_back(crash ? Step{true, {}} : run_step(i));
      visible_ = w_.container_names.size();  // later steps see every container created so far
    }
    return w_;
  }

 private:
  Step run_step(size_t index) {
    Step step;
    const size_t loci = 1 + in_.below(kMaxLociPerStep);
    for (size_t l = 0; l < loci; ++l) {
      LocusSpec locus{"s" + std::to_string(index) + "l" + std::to_string(l), static_cast<ContainerId>(in_.below(3)), {}};
      own_.clear();
      const size_t ops = 1 + in_.below(kMaxOpsPerLocus);
      for (size_t o = 0; o < ops; ++o) locus.ops.push_back(op());
      step.loci.push_back(std::move(locus));
    }
    return step;
  }

  // A container this locus may name: created in an earlier step or earlier
  // in its own ops; kNoContainer if there is none yet.
  ContainerId usable() {
    const size_t n = (visible_ - kFirstCreated) + own_.size();
    if (n == 0) return kNoContainer;
    const size_t i = in_.below(static_cast<uint32_t>(n));
    return i < visible_ - kFirstCreated ? static_cast<ContainerId>(kFirstCreated + i) : own_[i - (visible_ - kFirstCreated)];
  }

  Op op() {
    Op op;
    const uint32_t kind = in_.below(8);
    const ContainerId c = kind == 0 ? kNoContainer : usable();
    if (kind == 0 || (c == kNoContainer && kind < 6)) return create();
    if (kind >= 6) {
      op.kind = OpKind::stabilise;
      op.manager = static_cast<ManagerId>(in_.below(2));
      return op;
    }
    op.kind = kind == 5 ? OpKind::read : OpKind::write;
    op.container = c;
    op.page = in_.below(kPagesPerContainer);
    if (op.kind == OpKind::write) op.value = in_.u8();
    return op;
  }

  Op create() {
    Op op;
    op.kind = OpKind::create;
    op.manager = static_cast<ManagerId>(in_.below(3));
    if (w_.container_names.size() - kFirstCreated >= kMaxCreated) {
      op.kind = OpKind::stabilise;
      op.manager = 0;
      return op;
    }
    op.container = static_cast<ContainerId>(w_.container_names.size());
    w_.container_names.push_back("c" + std::to_string(op.container));
    own_.push_back(op.container);
    return op;
  }

  ByteReader& in_;
  const std::vector<std::string>& programs_;
  Workload w_;
  size_t visible_ = kFirstCreated;
  std::vector<ContainerId> own_;
};

// Writes in flight at `cut`: not FUA, and no flush between them and the cut.
std::vector<size_t> in_flight(const crash::Trace& trace, size_t cut) {
  std::vector<size_t> writes;
  for (size_t j = cut; j-- > 0;) {
    const crash::Request& r = trace.requests()[j];
    if (r.kind == crash::Kind::flush) break;
    if (!r.fua) writes.insert(writes.begin(), j);
  }
  return writes;
}

}  // namespace

std::vector<std::string> self_managing_programs() {
  std::vector<std::string> names;
  for (uint32_t i = 0; i < registered_manager_count(); ++i)
    if (registered_manager(i).role == ManagerRole::self_managing) names.emplace_back(registered_manager(i).name);
  return names;
}

Workload decode_workload(ByteReader& in, const std::vector<std::string>& programs) {
  return WorkloadDecoder(in, programs).decode();
}

crash::CrashState decode_crash_state(ByteReader& in, const crash::Trace& trace) {
  crash::CrashState state;
  state.cut = in.below(static_cast<uint32_t>(trace.cut_count()));
  const std::vector<size_t> writes = in_flight(trace, state.cut);
  bool torn = false;
  for (const size_t j : writes) {
    const uint8_t choice = in.u8() % 4;
    if (choice == 0 || choice == 3) continue;
    uint64_t mask = crash::kWholeWrite;
    if (choice == 2) {
      mask = in.u64() & crash::full_mask(trace.requests()[j].count);
      if (mask == 0) continue;
      torn = true;
    }
    state.kept.push_back(crash::KeptWrite{j, mask});
  }
  const bool subset = !state.kept.empty() && state.kept.size() < writes.size();
  state.kind = torn ? crash::Mode::torn : subset ? crash::Mode::reorder : crash::Mode::prefix;
  return state;
}

}  // namespace sc::fuzz
