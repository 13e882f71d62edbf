// reference_model.h — the oracle's independent model of what the system
// must hold. It shares no code with the kernel or the managers: from the
// workload's manager topology and the executed events alone it computes the
// volatile state V and the stable state S_k after every completed
// stabilisation k (S_0 is the empty system), using the protocol's rules:
//  * a locus touching a container of another self-managing domain ties the
//    two domains; a stabilisation covers the requester's whole tied group;
//  * a stabilisation saves V restricted to the group's domains, then unties;
//  * a power cut replaces V by the last stable state;
//  * a stabilisation refused with no_space by a manager whose workload
//    says "may_fill_partition" is a clean refusal: nothing becomes stable,
//    the group stays tied, no finding — a crash afterwards must recover the
//    previous stable state. Any other failed stabilisation is a finding.
// apply() also checks each event against V (op status, read contents) and
// returns a description of any disagreement.
#pragma once
#include <string>
#include <vector>

#include "injector/oracle/system_state.h"
#include "injector/workload/event.h"
#include "kernel/core/limits.h"

namespace sc {

class ReferenceModel {
 public:
  explicit ReferenceModel(const Workload& w);

  std::string apply(const Event& e);
  void power_cut();

  size_t stabilisations() const { return history_.size() - 1; }
  const SystemState& stable(size_t k) const { return history_.at(k); }
  const SystemState& last_stable() const { return history_.back(); }
  const SystemState& current() const { return volatile_; }
  bool exists(ContainerId c) const { return c < w_.managers.size() || volatile_.count(c) > 0; }

 private:
  ManagerId domain_of(ContainerId c) const;
  void tie(ContainerId a, ContainerId b);
  std::string check_status(const Event& e, Status expected) const;
  void stabilise(ManagerId m);

  const Workload& w_;
  SystemState volatile_;
  std::map<ContainerId, ManagerId> managers_;         // manager of each existing created container
  std::map<ContainerId, ManagerId> stable_managers_;
  std::vector<SystemState> history_;                  // S_0 .. S_k
  uint32_t ties_[kMaxSelfManaging];
};

}  // namespace sc
