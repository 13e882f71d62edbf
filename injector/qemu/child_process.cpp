// child_process.cpp — see child_process.h.
#include "injector/qemu/child_process.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <utility>

namespace sc::qemu {

namespace {

// Reports errno to the parent through the error pipe and ends the child.
[[noreturn]] void fail_child(int error_fd) {
  const int err = errno;
  ssize_t ignored = write(error_fd, &err, sizeof err);
  (void)ignored;
  _exit(127);
}

// Runs in the forked child: only async-signal-safe calls until exec.
[[noreturn]] void exec_child(const char* path, char* const* argv, Stdio stdio, int null_fd,
                             int error_fd, pid_t parent, int cpu) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(127);
  setpgid(0, 0);
  if (cpu >= 0) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0) fail_child(error_fd);
  }
  const int fds[3] = {stdio.in, stdio.out, stdio.err};
  for (int target = 0; target < 3; ++target) {
    if (dup2(fds[target] >= 0 ? fds[target] : null_fd, target) < 0) fail_child(error_fd);
  }
  execv(path, argv);
  fail_child(error_fd);
}

// Reads the child's exec errno from the error pipe; 0 if exec succeeded.
int read_exec_errno(int fd) {
  int err = 0;
  ssize_t n;
  do {
    n = read(fd, &err, sizeof err);
  } while (n < 0 && errno == EINTR);
  return n == static_cast<ssize_t>(sizeof err) ? err : 0;
}

}  // namespace

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)), reaped_(other.reaped_), status_(other.status_) {}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
  if (this != &other) {
    kill_and_reap();
    pid_ = std::exchange(other.pid_, -1);
    reaped_ = other.reaped_;
    status_ = other.status_;
  }
  return *this;
}

ChildProcess::~ChildProcess() { kill_and_reap(); }

ChildProcess ChildProcess::spawn(const std::string& path, const std::vector<std::string>& argv,
                                 Stdio stdio, std::string* error, int cpu) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const int null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
  int error_pipe[2];
  if (null_fd < 0 || pipe2(error_pipe, O_CLOEXEC) != 0) {
    *error = std::string("cannot set up a child process: ") + strerror(errno);
    if (null_fd >= 0) close(null_fd);
    return ChildProcess();
  }
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid == 0) exec_child(path.c_str(), args.data(), stdio, null_fd, error_pipe[1], parent, cpu);
  close(error_pipe[1]);
  close(null_fd);
  if (pid < 0) {
    *error = std::string("fork failed: ") + strerror(errno);
    close(error_pipe[0]);
    return ChildProcess();
  }
  ChildProcess child(pid);
  const int exec_errno = read_exec_errno(error_pipe[0]);
  close(error_pipe[0]);
  if (exec_errno != 0) {
    child.reap();
    *error = "cannot run " + path + ": " + strerror(exec_errno);
    return ChildProcess();
  }
  return child;
}

void ChildProcess::signal(int sig) const {
  if (running()) ::kill(pid_, sig);
}

std::optional<int> ChildProcess::try_reap() {
  if (pid_ <= 0) return std::nullopt;
  if (reaped_) return status_;
  int status = 0;
  const pid_t r = waitpid(pid_, &status, WNOHANG);
  if (r != pid_) return std::nullopt;
  reaped_ = true;
  status_ = status;
  return status_;
}

int ChildProcess::reap() {
  if (pid_ <= 0 || reaped_) return status_;
  int status = 0;
  pid_t r;
  do {
    r = waitpid(pid_, &status, 0);
  } while (r < 0 && errno == EINTR);
  reaped_ = true;
  status_ = status;
  return status_;
}

void ChildProcess::kill_and_reap() {
  if (!running()) return;
  ::kill(pid_, SIGKILL);
  reap();
}

std::string find_executable(const std::string& name) {
  if (name.find('/') != std::string::npos) return access(name.c_str(), X_OK) == 0 ? name : "";
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    const std::string dir = end > start ? dirs.substr(start, end - start) : ".";
    const std::string candidate = dir + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return "";
}

}  // namespace sc::qemu
