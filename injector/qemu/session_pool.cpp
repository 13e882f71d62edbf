// session_pool.cpp — see session_pool.h.
#include "injector/qemu/session_pool.h"

#include <exception>
#include <list>
#include <string>

#include "injector/qemu/workload_blob.h"

namespace sc::qemu {

namespace {

using Clock = std::chrono::steady_clock;

struct Idle {
  std::string key;
  std::unique_ptr<QemuSession> session;
  Clock::time_point since;
};

// Newest first.
thread_local std::list<Idle> idle_sessions;

// What makes two sessions boot the same guest.
std::string session_key(const Workload& w, const SeededBugs& bugs, const TierConfig& cfg) {
  const std::vector<uint8_t> blob = encode_workload_blob(w, bugs);
  std::string key(blob.begin(), blob.end());
  for (const std::string& part : {cfg.kernel_elf, cfg.plugin, std::to_string(cfg.timeout.count())})
    key += '\0' + part;
  for (const std::string& arg : cfg.extra_qemu_args) key += '\0' + arg;
  return key;
}

// Keeps only idle sessions of `key` that have not waited too long.
void keep_only(const std::string& key) {
  const auto now = Clock::now();
  idle_sessions.remove_if([&](const Idle& i) { return i.key != key || now - i.since > kMaxIdle; });
}

}  // namespace

SessionLease::SessionLease(std::unique_ptr<QemuSession> session, std::string key)
    : session_(std::move(session)), key_(std::move(key)), exceptions_(std::uncaught_exceptions()) {}

SessionLease::~SessionLease() {
  if (std::uncaught_exceptions() > exceptions_) return;
  keep_only(key_);
  idle_sessions.push_front(Idle{std::move(key_), std::move(session_), Clock::now()});
  while (idle_sessions.size() > kMaxIdleSessions) idle_sessions.pop_back();
}

SessionLease lease_session(const Workload& w, const SeededBugs& bugs, const TierConfig& cfg) {
  std::string key = session_key(w, bugs, cfg);
  keep_only(key);
  for (auto it = idle_sessions.begin(); it != idle_sessions.end(); ++it) {
    if (it->key != key) continue;
    std::unique_ptr<QemuSession> session = std::move(it->session);
    idle_sessions.erase(it);
    return SessionLease(std::move(session), std::move(key));
  }
  return SessionLease(std::make_unique<QemuSession>(w, bugs, cfg), std::move(key));
}

void drop_idle_sessions() { idle_sessions.clear(); }

}  // namespace sc::qemu
