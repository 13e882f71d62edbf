// child_process.h — one child process started with fork/exec (no shell),
// owned until reaped.
// Interface: ChildProcess::spawn(path, argv, stdio, &error, cpu) starts
// `path` with argv (argv[0] included) and the given stdin/stdout/stderr
// descriptors (-1 = /dev/null), bound to host CPU `cpu` unless it is -1
// (before exec, so every thread it starts is bound too); an exec failure is reported through
// `error` (one line) and leaves no child behind. signal() sends a signal
// until the child is reaped; try_reap() and reap() collect its wait status.
// Invariants: every spawned child is reaped exactly once — the destructor
// SIGKILLs and reaps a child that is still running, so no path leaves a
// process or a zombie behind. A child is also SIGKILLed by the kernel if
// the thread that spawned it dies (PR_SET_PDEATHSIG), so a crashed harness
// leaves no stray QEMU or nbdkit either. Each child leads a process group
// of its own, so a Ctrl-C at the terminal reaches stablecut alone, which
// stops its work and then its children (an interrupted campaign can be
// resumed), rather than killing QEMU and nbdkit under a running boot.
// Not thread-safe: callers that
// signal from another thread must serialise with reaping themselves.
#pragma once
#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace sc::qemu {

struct Stdio {
  int in = -1;
  int out = -1;
  int err = -1;
};

class ChildProcess {
 public:
  ChildProcess() = default;
  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&& other) noexcept;
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess();

  static ChildProcess spawn(const std::string& path, const std::vector<std::string>& argv,
                            Stdio stdio, std::string* error, int cpu = -1);

  pid_t pid() const { return pid_; }
  bool running() const { return pid_ > 0 && !reaped_; }
  void signal(int sig) const;
  std::optional<int> try_reap();  // wait status if the child has ended
  int reap();                     // blocks until the child ends; wait status
  void kill_and_reap();

 private:
  explicit ChildProcess(pid_t pid) : pid_(pid) {}

  pid_t pid_ = -1;
  bool reaped_ = false;
  int status_ = 0;
};

// The absolute path of an executable: `name` itself if it contains a '/',
// else the first match on $PATH; empty if there is none.
std::string find_executable(const std::string& name);

}  // namespace sc::qemu
