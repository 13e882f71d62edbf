// reference_model.cpp — see reference_model.h.
#include "injector/oracle/reference_model.h"

#include <fmt/format.h>

#include "injector/workload/page_content.h"

namespace sc {

ReferenceModel::ReferenceModel(const Workload& w) : w_(w), history_(1) {
  for (uint32_t i = 0; i < kMaxSelfManaging; ++i) ties_[i] = 1u << i;
}

// The self-managing manager at the bottom of c's chain of managers.
ManagerId ReferenceModel::domain_of(ContainerId c) const {
  ManagerId m;
  if (c < w_.managers.size()) {
    m = static_cast<ManagerId>(c);
    if (!w_.managers[m].self_managing()) m = w_.managed_by(m);
  } else {
    auto it = managers_.find(c);
    if (it == managers_.end()) return kNoManager;
    m = it->second;
  }
  while (m != kNoManager && !w_.managers[m].self_managing()) m = w_.managed_by(m);
  return m;
}

void ReferenceModel::tie(ContainerId a, ContainerId b) {
  const ManagerId x = domain_of(a);
  const ManagerId y = domain_of(b);
  if (x == y || x >= kMaxSelfManaging || y >= kMaxSelfManaging) return;
  const uint32_t merged = ties_[x] | ties_[y];
  for (uint32_t m = 0; m < kMaxSelfManaging; ++m)
    if (merged & (1u << m)) ties_[m] = merged;
}

namespace {
const char* container_op_word(OpKind kind) {
  return kind == OpKind::create ? "create" : kind == OpKind::write ? "write" : "read";
}
}  // namespace

std::string ReferenceModel::check_status(const Event& e, Status expected) const {
  if (e.status == expected) return "";
  return fmt::format("{} of container {} page {} returned {}, expected {}", container_op_word(e.kind),
                     w_.container_names.at(e.container), e.page, status_name(e.status), status_name(expected));
}

std::string ReferenceModel::describe_op(const Event& e) const {
  if (e.kind == OpKind::stabilise) return "stabilise " + w_.managers[e.manager].name;
  if (e.kind == OpKind::create) return "create of container " + w_.container_names.at(e.container);
  return fmt::format("{} of container {} page {}", container_op_word(e.kind), w_.container_names.at(e.container),
                     e.page);
}

// V restricted to the domains of `group`, over the last counted stable state.
SystemState ReferenceModel::saved_by(uint32_t group) const {
  SystemState next = last_stable();
  for (const auto& [c, manager] : managers_) {
    const ManagerId d = domain_of(c);
    if (d < kMaxSelfManaging && (group & (1u << d))) next[c] = volatile_.count(c) ? volatile_.at(c) : PageHashes{};
  }
  return next;
}

// The stable managers after `group` saved: each of its containers' managers.
std::map<ContainerId, ManagerId> ReferenceModel::managers_saved_by(uint32_t group) const {
  std::map<ContainerId, ManagerId> saved = stable_managers_;
  for (const auto& [c, manager] : managers_) {
    const ManagerId d = domain_of(c);
    if (d < kMaxSelfManaging && (group & (1u << d))) saved[c] = manager;
  }
  return saved;
}

void ReferenceModel::stabilise(const Event& e) {
  const uint32_t group = ties_[e.manager];
  history_.push_back(saved_by(group));
  spans_.push_back(StabilisationSpan{e.disk_begin, e.disk_end});
  stable_managers_ = managers_saved_by(group);
  last_counted_ = history_.size() - 1;
  refused_ &= ~group;
  for (uint32_t i = 0; i < kMaxSelfManaging; ++i)
    if (group & (1u << i)) ties_[i] = 1u << i;
}

// An attempt that issued no disk request (the kernel refused it at once,
// K5) wrote nothing that could come back: it is no legal state.
void ReferenceModel::record_failed_attempt(const Event& e) {
  if (e.disk_begin == e.disk_end) return;
  history_.push_back(saved_by(ties_[e.manager]));
  spans_.push_back(StabilisationSpan{e.disk_begin, e.disk_end, true});
  attempt_managers_[history_.size() - 1] = managers_saved_by(ties_[e.manager]);
}

bool ReferenceModel::adopt_recovered(const SystemState& recovered) {
  for (size_t k = history_.size() - 1; k > last_counted_; --k) {
    const auto attempt = attempt_managers_.find(k);
    if (attempt == attempt_managers_.end() || history_[k] != recovered) continue;
    last_counted_ = k;
    stable_managers_ = attempt->second;
    power_cut();
    return true;
  }
  return false;
}

bool ReferenceModel::failed_attempt(const Event& e) const {
  return e.status != Status::ok && e.disk_end >= failures_from_;
}

void ReferenceModel::allow_failed_calls(size_t from_event, ManagerId manager) {
  failed_calls_from_ = from_event;
  failed_call_domain_ = domain_of(manager);
}

// Inside the call-error window: an event of the failed call's domain or of
// a domain tied to it (a create's domain is its manager's).
bool ReferenceModel::may_fail_after_call(const Event& e, size_t index) const {
  if (index < failed_calls_from_ || failed_call_domain_ >= kMaxSelfManaging) return false;
  const ManagerId d = e.kind == OpKind::stabilise ? e.manager
                      : e.kind == OpKind::create  ? domain_of(e.manager)
                                                  : domain_of(e.container);
  return d < kMaxSelfManaging && (ties_[failed_call_domain_] & (1u << d)) != 0;
}

// A failed event inside the call-error window: nothing changes, except
// that a failed stabilisation is a failed attempt.
std::string ReferenceModel::after_failed_call(const Event& e) {
  if (e.kind == OpKind::stabilise) record_failed_attempt(e);
  return "";
}

std::string ReferenceModel::apply(const Event& e) {
  const size_t index = applied_++;
  if (!beyond_memory_.empty()) return "";
  if (e.status == Status::no_memory) {
    beyond_memory_ = describe_op(e);
    return "";
  }
  if (e.status != Status::ok && may_fail_after_call(e, index)) return after_failed_call(e);
  const bool home = e.container < w_.managers.size();
  switch (e.kind) {
    case OpKind::create: {
      std::string bad = check_status(e, exists(e.container) ? Status::exists : Status::ok);
      if (bad.empty() && e.status == Status::ok) {
        volatile_[e.container];
        managers_[e.container] = e.manager;
        tie(e.home, e.container);
      }
      return bad;
    }
    case OpKind::write:
    case OpKind::read: {
      std::string bad = check_status(e, exists(e.container) ? Status::ok : Status::not_found);
      if (!bad.empty() || e.status != Status::ok) return bad;
      tie(e.home, e.container);
      if (home) return "";
      PageHashes& pages = volatile_[e.container];
      if (e.kind == OpKind::write) {
        pages[e.page] = e.hash;
        return "";
      }
      auto it = pages.find(e.page);
      const uint64_t expected = it == pages.end() ? zero_page_hash() : it->second;
      if (e.hash == expected) return "";
      return fmt::format("read of container {} page {} returned content {:016x}, expected {:016x}",
                         w_.container_names.at(e.container), e.page, e.hash, expected);
    }
    case OpKind::stabilise:
      if (e.status == Status::no_space && w_.managers[e.manager].may_fill_partition) {
        refused_ |= ties_[e.manager];  // a clean refusal
        return "";
      }
      if (failed_attempt(e)) {
        record_failed_attempt(e);
        return "";
      }
      if (e.status != Status::ok && (refused_ & ties_[e.manager]) != 0) return "";  // fail-stop after a refusal
      if (e.status != Status::ok) return fmt::format("stabilise {} failed: {}", w_.managers[e.manager].name, status_name(e.status));
      stabilise(e);
      return "";
  }
  return "unknown event";
}

void ReferenceModel::power_cut() {
  failed_calls_from_ = SIZE_MAX;
  volatile_ = last_stable();
  managers_ = stable_managers_;
  refused_ = 0;
  for (uint32_t i = 0; i < kMaxSelfManaging; ++i) ties_[i] = 1u << i;
}

}  // namespace sc
