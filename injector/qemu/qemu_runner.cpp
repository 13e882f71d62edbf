// qemu_runner.cpp — see qemu_runner.h.
#include "injector/qemu/qemu_runner.h"

#include "injector/qemu/kernel_flash.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>
#include <utility>

namespace sc::qemu {

namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kMaxUnixSocketPath = 107;
constexpr auto kServerStopGrace = std::chrono::milliseconds(2000);
constexpr auto kDrainAfterKill = std::chrono::milliseconds(2000);
constexpr auto kStartPoll = std::chrono::microseconds(500);
constexpr int64_t kMaxPollMs = 1 << 30;

std::chrono::microseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
}

int open_log(const std::string& path) {
  return open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
}

bool file_has_line(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  return std::getline(in, line) && !in.eof();
}

RunResult setup_error(std::string error) {
  RunResult result;
  result.outcome = Outcome::setup_error;
  result.error = std::move(error);
  return result;
}

}  // namespace

const char* outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::exited: return "exited";
    case Outcome::hang: return "hang";
    case Outcome::power_cut: return "power_cut";
    case Outcome::crashed: return "crashed";
    case Outcome::qemu_error: return "qemu_error";
    case Outcome::setup_error: return "setup_error";
    case Outcome::rebooted: return "rebooted";
  }
  return "unknown";
}

bool finished_cleanly(const RunResult& result) {
  return result.outcome == Outcome::rebooted || (result.outcome == Outcome::exited && result.exit_code == 0);
}

QemuRunner::QemuRunner(RunConfig config) : config_(std::move(config)) {}

QemuRunner::~QemuRunner() {
  {
    std::lock_guard<std::mutex> lock(qemu_mutex_);
    qemu_.kill_and_reap();
  }
  if (console_fd_ >= 0) close(console_fd_);
  stop_disk();
}

std::string QemuRunner::socket_path() const { return dir_ ? dir_->file("nbd.sock") : ""; }
std::string QemuRunner::temp_dir() const { return dir_ ? dir_->path() : ""; }

RunResult QemuRunner::run() {
  if (std::string error = check_guest(); !error.empty()) return setup_error(error);
  if (config_.attach_disk) {
    std::string error = start_disk();
    if (!error.empty()) return setup_error(error);
  }
  RunResult result = boot();
  stop_disk();
  return result;
}

std::vector<std::string> QemuRunner::nbdkit_argv() const {
  std::vector<std::string> argv = {config_.nbd.binary, "-f", "-U", socket_path(),
                                   "-P", dir_->file("nbdkit.pid"), "--exit-with-parent"};
  for (const std::string& filter : config_.nbd.filters) argv.push_back("--filter=" + filter);
  argv.push_back(config_.nbd.plugin);
  argv.insert(argv.end(), config_.nbd.plugin_args.begin(), config_.nbd.plugin_args.end());
  return argv;
}

std::string QemuRunner::start_disk() {
  if (nbdkit_.running()) return "";
  std::string error;
  if (!dir_ && !(dir_ = TempDir::create(&error))) return error;
  if (socket_path().size() > kMaxUnixSocketPath)
    return "socket path too long for a unix socket: " + socket_path() + " (set a shorter TMPDIR)";
  const std::string binary = find_executable(config_.nbd.binary);
  if (binary.empty())
    return config_.nbd.binary + " not found in PATH (install the Debian package nbdkit)";
  std::filesystem::remove(socket_path());
  std::filesystem::remove(dir_->file("nbdkit.pid"));
  const int log_fd = open_log(dir_->file("nbdkit.log"));
  const auto start = Clock::now();
  nbdkit_ = ChildProcess::spawn(binary, nbdkit_argv(), Stdio{-1, log_fd, log_fd}, &error, cpu_.cpu());
  if (log_fd >= 0) close(log_fd);
  if (!nbdkit_.running()) return error;
  started_.push_back(nbdkit_.pid());
  error = wait_for_server();
  server_start_ = since(start);
  if (!error.empty()) stop_disk();
  return error;
}

// nbdkit writes its pid file once it accepts connections on the socket.
std::string QemuRunner::wait_for_server() {
  const auto deadline = Clock::now() + config_.server_start_timeout;
  const std::string pid_file = dir_->file("nbdkit.pid");
  while (Clock::now() < deadline) {
    if (nbdkit_.try_reap())
      return "nbdkit exited during startup: " + first_line_of(dir_->file("nbdkit.log"));
    if (file_has_line(pid_file) && std::filesystem::exists(socket_path())) return "";
    std::this_thread::sleep_for(kStartPoll);
  }
  return "nbdkit did not open " + socket_path() + " within " +
         std::to_string(config_.server_start_timeout.count()) + " ms";
}

std::string QemuRunner::ensure_disk() {
  if (!config_.attach_disk) return "";
  if (nbdkit_.running() && nbdkit_.try_reap())
    return "nbdkit exited unexpectedly: " + first_line_of(dir_->file("nbdkit.log"));
  return start_disk();
}

void QemuRunner::stop_disk() {
  if (!nbdkit_.running()) return;
  nbdkit_.signal(SIGTERM);
  const auto deadline = Clock::now() + kServerStopGrace;
  while (!nbdkit_.try_reap() && Clock::now() < deadline) std::this_thread::sleep_for(kStartPoll);
  nbdkit_.kill_and_reap();
}

std::vector<std::string> QemuRunner::qemu_argv() const {
  std::vector<std::string> argv = {config_.qemu_binary, "-machine", "virt", "-nographic",
                                   "-bios", "none", "-m", std::to_string(config_.memory_mb) + "M",
                                   "-kernel", config_.kernel_elf};
  if (runs_from_flash(config_.kernel_elf))
    argv.insert(argv.end(), {"-drive", "if=pflash,unit=0,format=raw,readonly=on,file=" + flash_image_of(config_.kernel_elf)});
  if (config_.boot_end_marker.empty()) argv.push_back("-no-reboot");
  if (config_.attach_disk) {
    argv.insert(argv.end(),
                {"-drive",
                 "if=none,id=d0,format=raw,cache=writeback,werror=report,rerror=report,file=nbd+unix:///?socket=" +
                     socket_path(),
                 "-device", "virtio-blk-device,drive=d0"});
  }
  argv.insert(argv.end(), config_.extra_qemu_args.begin(), config_.extra_qemu_args.end());
  return argv;
}

// "" if QEMU and the kernel image are there, else a one-line error.
std::string QemuRunner::check_guest() const {
  if (find_executable(config_.qemu_binary).empty())
    return config_.qemu_binary + " not found in PATH (install the Debian package qemu-system-misc)";
  if (access(config_.kernel_elf.c_str(), R_OK) != 0)
    return "kernel image not readable: " + config_.kernel_elf;
  return check_flash();
}

// "" unless the kernel runs from flash and its flash bank is missing or is
// not the size QEMU requires (kernel_flash.h).
std::string QemuRunner::check_flash() const {
  if (!runs_from_flash(config_.kernel_elf)) return "";
  const std::string flash = flash_image_of(config_.kernel_elf);
  std::error_code ec;
  const auto size = std::filesystem::file_size(flash, ec);
  if (ec || access(flash.c_str(), R_OK) != 0)
    return "kernel image " + config_.kernel_elf + " runs from flash, but its flash bank " + flash +
           " is not readable (the build writes it beside the image)";
  if (size != kFlashBankBytes)
    return "flash bank " + flash + " has " + std::to_string(size) + " bytes; QEMU virt needs " +
           std::to_string(kFlashBankBytes);
  return "";
}

// The guest's files are checked when a QEMU is to start, not at every
// power-cycle reset of a running one.
RunResult QemuRunner::boot() {
  std::string error;
  if (console_fd_ < 0 && !(error = check_guest()).empty()) return setup_error(error);
  if (!dir_ && !(dir_ = TempDir::create(&error))) return setup_error(error);
  if (!(error = ensure_disk()).empty()) return setup_error(error);
  RunResult result;
  result.server_start = server_start_;
  const auto start = Clock::now();
  if (!(error = ensure_qemu()).empty()) return setup_error(error);
  result.console = std::exchange(carry_, std::string());
  if (pump_console(&result)) {
    result.outcome = Outcome::rebooted;
  } else {
    end_qemu(&result);
  }
  result.boot_to_exit = since(start);
  return result;
}

// Starts QEMU on a fresh console pipe, unless it is still running from the
// last boot (power-cycle mode).
std::string QemuRunner::ensure_qemu() {
  if (console_fd_ >= 0) return "";
  int console[2];
  if (pipe2(console, O_CLOEXEC) != 0) return std::string("cannot create the console pipe: ") + strerror(errno);
  const std::string error = spawn_qemu(console[1]);
  close(console[1]);
  if (!error.empty()) {
    close(console[0]);
    return error;
  }
  console_fd_ = console[0];
  return "";
}

// QEMU has closed its console (it ended or was killed): reap and classify.
void QemuRunner::end_qemu(RunResult* result) {
  close(console_fd_);
  console_fd_ = -1;
  carry_.clear();
  int status;
  {
    std::lock_guard<std::mutex> lock(qemu_mutex_);
    status = qemu_.reap();
  }
  classify(status, result);
}

std::string QemuRunner::spawn_qemu(int console_fd) {
  const int err_fd = open_log(dir_->file("qemu.log"));
  std::string error;
  ChildProcess child = ChildProcess::spawn(find_executable(config_.qemu_binary), qemu_argv(),
                                           Stdio{-1, console_fd, err_fd}, &error, cpu_.cpu());
  if (err_fd >= 0) close(err_fd);
  std::lock_guard<std::mutex> lock(qemu_mutex_);
  cut_requested_ = false;
  timed_out_ = false;
  qemu_ = std::move(child);
  if (qemu_.running()) {
    started_.push_back(qemu_.pid());
    ++qemu_starts_;
  }
  return error;
}

// Reads the console until QEMU closes it (false), killing QEMU at the
// timeout or when the power-cut marker appears, or until the boot's end
// marker line (true: what follows it is kept for the next boot).
bool QemuRunner::pump_console(RunResult* result) {
  if (!config_.console_log_path.empty() && !console_log_.is_open())
    console_log_.open(config_.console_log_path, std::ios::binary);
  auto deadline = Clock::now() + config_.timeout;
  bool killed = false;
  char buf[4096];
  size_t old_size = 0;  // console size before the last read
  for (;;) {
    if (const size_t end = boot_end(result->console, old_size); end != std::string::npos) {
      carry_ = result->console.substr(end);
      result->console.resize(end);
      return true;
    }
    old_size = result->console.size();
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    pollfd p{console_fd_, POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(std::clamp<int64_t>(left.count(), 0, kMaxPollMs)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      if (killed) return false;  // nothing else should hold the pipe; do not wait forever
      {
        std::lock_guard<std::mutex> lock(qemu_mutex_);
        timed_out_ = true;
        qemu_.signal(SIGKILL);
      }
      killed = true;
      deadline = Clock::now() + kDrainAfterKill;
      continue;
    }
    const ssize_t n = read(console_fd_, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    result->console.append(buf, static_cast<size_t>(n));
    if (console_log_.is_open()) console_log_.write(buf, n).flush();
  }
}

// Where the first whole line starting with the boot end marker ends (just
// past its newline), searching from the line that was open at old_size.
size_t QemuRunner::boot_end(const std::string& console, size_t old_size) const {
  const std::string& marker = config_.boot_end_marker;
  if (marker.empty()) return std::string::npos;
  const size_t last_newline = old_size == 0 ? std::string::npos : console.rfind('\n', old_size - 1);
  for (size_t line = last_newline == std::string::npos ? 0 : last_newline + 1; line < console.size();) {
    const size_t newline = console.find('\n', line);
    if (newline == std::string::npos) return std::string::npos;
    if (console.compare(line, marker.size(), marker) == 0) return newline + 1;
    line = newline + 1;
  }
  return std::string::npos;
}

void QemuRunner::power_cut() {
  std::lock_guard<std::mutex> lock(qemu_mutex_);
  if (!qemu_.running()) return;
  cut_requested_ = true;
  qemu_.signal(SIGKILL);
}

void QemuRunner::stop_guest() {
  if (console_fd_ < 0) return;
  {
    std::lock_guard<std::mutex> lock(qemu_mutex_);
    qemu_.kill_and_reap();
  }
  close(console_fd_);
  console_fd_ = -1;
  carry_.clear();
}

void QemuRunner::classify(int status, RunResult* result) {
  if (WIFEXITED(status)) {
    result->exit_code = WEXITSTATUS(status);
    result->outcome = result->exit_code == 1 ? Outcome::qemu_error : Outcome::exited;
    if (result->outcome == Outcome::qemu_error)
      result->error = "qemu failed: " + first_line_of(dir_->file("qemu.log"));
    return;
  }
  const int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  if (sig == SIGKILL && cut_requested_) {
    result->outcome = Outcome::power_cut;
  } else if (sig == SIGKILL && timed_out_) {
    result->outcome = Outcome::hang;
  } else {
    result->outcome = Outcome::crashed;
    result->error = "qemu died of signal " + std::to_string(sig);
  }
}

std::string QemuRunner::first_line_of(const std::string& file) const {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line.empty() ? "(no message; see " + file + ")" : line;
}

}  // namespace sc::qemu
