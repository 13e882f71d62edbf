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
//    previous stable state;
//  * after such a refusal the refusing group may fail-stop: until a power
//    cut or a stabilisation of the group that succeeds, a stabilisation of
//    the group that fails (with any status; the managers say corrupt) is a
//    clean refusal too — a manager need not risk a retry on in-memory state
//    the refused attempt left half-changed;
//  * once allow_failed_stabilisations(position) was called (the disk failed
//    the request issued at `position`: io-error), a stabilisation that
//    returned an error and ended at or after that position is a FAILED ATTEMPT:
//    not counted as stable (last_stable() stays), no finding, the group
//    stays tied; its would-be state S_F (what it would have saved) is kept
//    in the history with a span marked failed, because its data may have
//    reached the media (the legal window allows it until the next counted
//    stabilisation ends, legal_window.h) — unless it issued no disk request
//    (the kernel refused it at once, K5): then nothing of it is kept, since
//    nothing of it can come back. After a power cut, if recovery
//    brought back a failed attempt's state (its commit reached the media),
//    adopt_recovered() makes it the last stable state from then on.
//  * once allow_failed_calls(from_event, manager) was called (a kernel call
//    of `manager` failed, call-error, or the kernel refused it misused,
//    call-misuse), every event from the from_event-th on (in apply()
//    order) until the next power cut may fail, with any
//    status, if it concerns that manager's domain or a domain tied to it
//    (the error reaches those through page faults and stabilisations): the
//    manager may fail-stop after an error. A failed create, write or read
//    changes nothing (the kernel undid or never did it); a failed
//    stabilisation is a failed attempt as under io-error. An event that
//    returned success, and a failure elsewhere, is judged as always.
//  Any other failed stabilisation is a finding.
//  * an op or stabilisation refused with no_memory (the kernel's page frames
//    are all in use) ends what the model judges: the workload needs more
//    memory than the system under test has, which is no crash-consistency
//    finding. beyond_memory() names that op; every later event is accepted
//    unjudged, and the runners stop the run there.
// The history S_0, S_1.. holds every counted stabilisation and failed
// attempt in order; spans()[j] is where entry j+1 began and ended.
// apply() also checks each event against V (op status, read contents) and
// returns a description of any disagreement.
#pragma once
#include <string>
#include <vector>

#include "injector/oracle/legal_window.h"
#include "injector/oracle/system_state.h"
#include "injector/workload/event.h"
#include "kernel/core/limits.h"

namespace sc {

class ReferenceModel {
 public:
  explicit ReferenceModel(const Workload& w);

  std::string apply(const Event& e);
  void power_cut();

  void allow_failed_stabilisations(uint64_t position) { failures_from_ = position; }
  void allow_failed_calls(size_t from_event, ManagerId manager);
  // After power_cut(): if `recovered` is the state of a failed attempt newer
  // than the last stable state, it becomes the last stable state; true then.
  bool adopt_recovered(const SystemState& recovered);

  size_t stabilisations() const { return history_.size() - 1; }  // failed attempts included
  const SystemState& stable(size_t k) const { return history_.at(k); }
  const SystemState& last_stable() const { return history_.at(last_counted_); }
  const std::vector<StabilisationSpan>& spans() const { return spans_; }
  const SystemState& current() const { return volatile_; }
  // Empty until an event was refused with no_memory; then what ran out.
  const std::string& beyond_memory() const { return beyond_memory_; }
  bool exists(ContainerId c) const { return c < w_.managers.size() || volatile_.count(c) > 0; }

 private:
  ManagerId domain_of(ContainerId c) const;
  void tie(ContainerId a, ContainerId b);
  std::string check_status(const Event& e, Status expected) const;
  std::string describe_op(const Event& e) const;
  void stabilise(const Event& e);
  void record_failed_attempt(const Event& e);
  SystemState saved_by(uint32_t group) const;
  std::map<ContainerId, ManagerId> managers_saved_by(uint32_t group) const;
  bool failed_attempt(const Event& e) const;
  bool may_fail_after_call(const Event& e, size_t index) const;
  std::string after_failed_call(const Event& e);

  const Workload& w_;
  SystemState volatile_;
  std::map<ContainerId, ManagerId> managers_;         // manager of each existing created container
  std::map<ContainerId, ManagerId> stable_managers_;
  std::vector<SystemState> history_;                  // S_0 .. S_k, failed attempts included
  std::vector<StabilisationSpan> spans_;              // spans_[j]: where history_[j + 1] was made
  size_t last_counted_ = 0;                           // history index of the last counted stabilisation
  uint64_t failures_from_ = UINT64_MAX;               // disk position of the injected failing request
  std::map<size_t, std::map<ContainerId, ManagerId>> attempt_managers_;  // history index -> its stable managers
  uint32_t ties_[kMaxSelfManaging];
  size_t applied_ = 0;                                 // events applied so far
  size_t failed_calls_from_ = SIZE_MAX;                // call-error, call-misuse: the first event that may fail, until a power cut
  ManagerId failed_call_domain_ = kNoManager;          // call-error, call-misuse: the domain of the manager whose call failed
  uint32_t refused_ = 0;  // domains of groups refused with no_space since the last power cut or success
  std::string beyond_memory_;
};

}  // namespace sc
