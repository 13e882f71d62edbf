// session_pool.h — this thread's idle QemuSessions (qemu_tier.h), so that a
// workload's record run and the recoveries after it boot in one QEMU
// instead of starting one each.
// Interface: lease_session(w, bugs, cfg) → a SessionLease, used like a
// pointer to a QemuSession: an idle session of this thread booting the same
// guest (the same workload blob, kernel, plugin, timeout and QEMU
// arguments) if there is one, else a new one. The lease gives it back when
// it ends, unless an exception is unwinding through it (a session that
// failed is not trusted again). drop_idle_sessions() ends this thread's
// idle sessions.
// Why per thread: a session's QEMU and nbdkit die with the thread that
// started them (PR_SET_PDEATHSIG, child_process.h), so a session is only
// ever used again by that thread, and the thread's pool ends its sessions
// when the thread ends.
// Invariants: a thread's idle sessions all boot the guest it leased or gave
// back last (a thread works on one workload at a time, so the others' QEMUs
// are ended at once rather than left waiting); at most kMaxIdleSessions of
// them (the oldest go first); none idle longer than kMaxIdle: a guest
// waiting that long for its next order would give up (disk_model.h
// kNextImageWait) and end QEMU in a way the next boot would misread.
#pragma once
#include <chrono>
#include <cstddef>
#include <memory>

#include "injector/qemu/qemu_tier.h"

namespace sc::qemu {

inline constexpr size_t kMaxIdleSessions = 2;
inline constexpr std::chrono::seconds kMaxIdle{20};

class SessionLease {
 public:
  SessionLease(std::unique_ptr<QemuSession> session, std::string key);
  ~SessionLease();
  SessionLease(const SessionLease&) = delete;
  SessionLease& operator=(const SessionLease&) = delete;

  QemuSession& operator*() { return *session_; }
  QemuSession* operator->() { return session_.get(); }

 private:
  std::unique_ptr<QemuSession> session_;
  std::string key_;
  int exceptions_ = 0;  // std::uncaught_exceptions() when leased
};

SessionLease lease_session(const Workload& w, const SeededBugs& bugs, const TierConfig& cfg);
void drop_idle_sessions();

}  // namespace sc::qemu
