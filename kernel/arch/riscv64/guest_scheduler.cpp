// guest_scheduler.cpp — see guest_scheduler.h.
#include "kernel/arch/riscv64/guest_scheduler.h"

#include "kernel/core/bytes.h"
#include "kernel/core/checksum.h"

namespace rv {

namespace {

constexpr int kMaxBlockedRounds = 64;
constexpr uint32_t kOpCreate = 0, kOpWrite = 1, kOpRead = 2, kOpStabilise = 3;

}  // namespace

void fill_page(uint64_t value, uint8_t* page) {
  const uint64_t base = sc::mix64(value ^ 0x5041474543544e54ULL);
  for (uint32_t i = 0; i < sc::kPageSize / 8; ++i) sc::store_u64(page + 8 * i, sc::mix64(base + i));
}

void GuestLocus::start(const blob::LocusHeader* spec, ChannelDisk* channel) {
  spec_ = spec;
  channel_ = channel;
  next_ = 0;
  for (bool& v : cap_valid_) v = false;
}

sc::Status GuestLocus::cap_for(sc::Kernel& kernel, sc::LocusId locus, sc::ContainerId id, sc::Capref* cap) {
  if (id < sc::kMaxContainers && cap_valid_[id]) {
    *cap = caps_[id];
    return sc::Status::ok;
  }
  const sc::Status s = kernel.locus_open(locus, id, cap);
  if (!sc::failed(s) && id < sc::kMaxContainers) {
    caps_[id] = *cap;
    cap_valid_[id] = true;
  }
  return s;
}

sc::Status GuestLocus::execute(sc::Kernel& kernel, sc::LocusId locus, const blob::Op& o, uint64_t* hash) {
  const auto container = static_cast<sc::ContainerId>(o.container);
  const auto manager = static_cast<sc::ManagerId>(o.manager);
  sc::Capref cap;
  switch (o.kind) {
    case kOpCreate: {
      const sc::Status s = kernel.locus_create_container(locus, container, manager, &cap);
      if (!sc::failed(s) && container < sc::kMaxContainers) {
        caps_[container] = cap;
        cap_valid_[container] = true;
      }
      return s;
    }
    case kOpWrite: {
      const sc::Status s = cap_for(kernel, locus, container, &cap);
      fill_page(o.value, page_);
      *hash = sc::checksum64(page_, sc::kPageSize);
      return sc::failed(s) ? s : kernel.locus_write(locus, cap, o.page, page_);
    }
    case kOpRead: {
      sc::Status s = cap_for(kernel, locus, container, &cap);
      if (!sc::failed(s)) s = kernel.locus_read(locus, cap, o.page, page_);
      if (!sc::failed(s)) *hash = sc::checksum64(page_, sc::kPageSize);
      return s;
    }
    case kOpStabilise: {
      const uint64_t mark[] = {channel::kMarkOpBegin, o.kind, home(), o.manager};
      channel_->send(channel::kMark, mark, 4);
      return kernel.locus_request_stabilisation(locus, manager);
    }
    default: return sc::Status::bad_argument;
  }
}

StepResult GuestLocus::step(sc::Kernel& kernel, sc::LocusId locus) {
  if (next_ == spec_->op_count) return StepResult::done;
  const blob::Op& o = op(next_);
  uint64_t hash = 0;
  const sc::Status status = execute(kernel, locus, o, &hash);
  if (status == sc::Status::busy) return StepResult::blocked;
  ++next_;
  const uint64_t event[] = {o.kind, home(), o.container, o.manager, o.page, hash,
                            static_cast<uint64_t>(static_cast<int64_t>(status))};
  channel_->send(channel::kEvent, event, 7);
  return StepResult::progressed;
}

bool GuestScheduler::add(sc::LocusId locus, GuestLocus* program) {
  if (count_ == sc::kMaxLoci) return false;
  entries_[count_++] = Entry{locus, program, false, false};
  return true;
}

uint32_t GuestScheduler::candidates(uint32_t* out) const {
  uint32_t n = 0;
  for (uint32_t i = 0; i < count_; ++i) {
    const Entry& e = entries_[i];
    if (!e.done && !e.in_step && kernel_.locus_state(e.locus) == sc::LocusState::runnable) out[n++] = i;
  }
  return n;
}

StepResult GuestScheduler::step(uint32_t index) {
  entries_[index].in_step = true;
  ++nesting_;
  const StepResult r = entries_[index].program->step(kernel_, entries_[index].locus);
  --nesting_;
  entries_[index].in_step = false;
  if (r == StepResult::done) entries_[index].done = true;
  return r;
}

bool GuestScheduler::run() {
  int blocked_rounds = 0;
  uint32_t ready[sc::kMaxLoci];
  for (;;) {
    const uint32_t n = candidates(ready);
    if (n == 0) break;
    const StepResult r = step(ready[prng_.below(n)]);
    blocked_rounds = r == StepResult::blocked ? blocked_rounds + 1 : 0;
    if (blocked_rounds > kMaxBlockedRounds * static_cast<int>(n)) return false;
  }
  for (uint32_t i = 0; i < count_; ++i)
    if (!entries_[i].done) return false;
  return true;
}

void GuestScheduler::yield_step() {
  if (nesting_ == 0) return;
  uint32_t ready[sc::kMaxLoci];
  const uint32_t n = candidates(ready);
  if (n > 0) step(ready[prng_.below(n)]);
}

}  // namespace rv
