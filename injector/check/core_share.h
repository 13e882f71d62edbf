// core_share.h — CoreShare: the cores a process divides among its
// explorations, so that a core left idle by one job (a campaign worker
// waiting for work, the end of a campaign, `run` itself) checks the crash
// states of another job's workload (explore_by_cuts.h).
// Interface: a share of N cores holds N tokens. An owner — a thread that runs
// a workload: `run`'s main thread, each campaign worker — holds one token
// for as long as it works (HeldCore). A borrower — a helper thread of an
// exploration — borrows a token for one cut at a time (borrow(), then
// give_back()), and only while no owner waits for one: an owner that needs
// its core back gets it within one cut of a helper's work.
// Invariants: at most N tokens are out at once, so at most N threads check
// crash states at once; borrow() returns false without a token once its
// `over` flag is set and wake() was called after setting it.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace sc {

class CoreShare {
 public:
  explicit CoreShare(size_t cores);
  CoreShare(const CoreShare&) = delete;
  CoreShare& operator=(const CoreShare&) = delete;

  size_t cores() const { return cores_; }
  size_t owners_waiting();  // owners in hold() now
  bool idle();              // a core is free and no owner waits for one

  void hold();  // an owner's token: waits for one, before any borrower
  bool borrow(const std::atomic<bool>& over);  // a borrower's; false once `over`
  void give_back();  // either kind
  void wake();       // a borrower waiting in borrow() sees its `over` flag

 private:
  const size_t cores_;
  std::mutex lock_;
  std::condition_variable changed_;
  size_t free_;
  size_t owners_waiting_ = 0;
};

// An owner's token for the lifetime of the object.
class HeldCore {
 public:
  explicit HeldCore(CoreShare& share) : share_(share) { share_.hold(); }
  ~HeldCore() { share_.give_back(); }
  HeldCore(const HeldCore&) = delete;
  HeldCore& operator=(const HeldCore&) = delete;

 private:
  CoreShare& share_;
};

}  // namespace sc
