// qemu_runner.h — boots the riscv64 kernel under QEMU against a disk served
// by nbdkit over a unix socket, and reports how the run ended.
// Interface:
//   QemuRunner runner(config);
//   RunResult r = runner.run();        // start_disk() + boot() + stop_disk()
// or, to keep one disk server across several boots (power cut, reboot):
//   runner.start_disk(); runner.boot(); ...; runner.boot(); runner.stop_disk();
// power_cut() may be called from any thread while boot() runs: QEMU is
// SIGKILLed at once and boot() reports Outcome::power_cut.
// The nbdkit command is `nbdkit -f -U SOCK -P PIDFILE --exit-with-parent
// [--filter=F ...] PLUGIN [ARGS...]`; plugin, filters and arguments come from
// NbdServerConfig (a built-in plugin name or a path to a plugin .so).
// The disk is virtio-blk with werror=report,rerror=report: every error the
// server returns reaches the guest as VIRTIO_BLK_S_IOERR (never a VM stop).
// Power-cycle mode (RunConfig::boot_end_marker set): QEMU runs without
// -no-reboot and outlives boot(): boot() returns Outcome::rebooted as soon as
// the console shows a whole line starting with the marker (the guest then
// resets itself), and the next boot() reads on from where that one stopped,
// starting QEMU again only if it is not running. A hang, crash or exit ends
// QEMU as in the normal mode. stop_guest() ends a QEMU left running (it is
// SIGKILLed and reaped; what its console printed since is dropped), so the
// next boot() starts a new one.
// Exit codes: QEMU's exit status is the test finisher's code (0 = pass, the
// kernel's FailCode, >= 10, on failure); status 1 is QEMU's own error exit
// and is reported as Outcome::qemu_error with QEMU's first stderr line.
// boot() starts the disk server if none is running, and reports a setup
// error (rather than silently starting a fresh disk) if it died.
// QEMU and nbdkit run bound to one host CPU, the runner's CpuLease
// (cpu_lease.h; STABLECUT_NO_AFFINITY turns binding off).
// Invariants: every child is reaped before boot()/stop_disk()/the destructor
// returns, on every path (timeout, power cut, setup error); a hang is a
// SIGKILL at the timeout; the private 0700 temp directory is removed by the
// destructor; errors are one line naming what failed and what to install.
// Not copyable; one boot at a time per runner.
#pragma once
#include <sys/types.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "injector/qemu/child_process.h"
#include "injector/qemu/cpu_lease.h"
#include "injector/qemu/temp_dir.h"

namespace sc::qemu {

struct NbdServerConfig {
  std::string binary = "nbdkit";
  std::vector<std::string> filters;             // e.g. {"log"}
  std::string plugin = "memory";                // built-in name or .so path
  std::vector<std::string> plugin_args = {"4M"};  // e.g. {"size=4M"}
};

struct RunConfig {
  std::string qemu_binary = "qemu-system-riscv64";
  std::string kernel_elf;
  bool attach_disk = true;
  NbdServerConfig nbd;
  unsigned memory_mb = 128;
  std::vector<std::string> extra_qemu_args;
  std::chrono::milliseconds timeout{10000};
  std::chrono::milliseconds server_start_timeout{5000};
  std::string console_log_path;  // if set, every boot's console is also written here
  std::string boot_end_marker;   // if set, power-cycle mode (see above)
};

enum class Outcome {
  exited,       // the guest ended through the finisher; see exit_code
  hang,         // killed at the timeout
  power_cut,    // killed by power_cut()
  crashed,      // QEMU died of a signal nobody sent
  qemu_error,   // QEMU exited with its own error status (1)
  setup_error,  // could not start something; see error
  rebooted,     // power-cycle mode: the boot printed its end marker and reset
};

const char* outcome_name(Outcome outcome);

struct RunResult {
  Outcome outcome = Outcome::setup_error;
  int exit_code = -1;  // QEMU exit status when outcome == exited
  std::string console;
  std::string error;  // one line, for every outcome but exited/hang/power_cut
  std::chrono::microseconds boot_to_exit{0};  // boot() called until QEMU reaped (or the end marker)
  std::chrono::microseconds server_start{0};  // nbdkit spawn until ready
};

// Whether the guest finished its boot normally: exited with status 0, or
// reached its end marker in power-cycle mode.
bool finished_cleanly(const RunResult& result);

class QemuRunner {
 public:
  explicit QemuRunner(RunConfig config);
  ~QemuRunner();
  QemuRunner(const QemuRunner&) = delete;
  QemuRunner& operator=(const QemuRunner&) = delete;

  RunResult run();
  std::string start_disk();  // "" or a one-line error
  RunResult boot();
  void stop_disk();
  void power_cut();
  void stop_guest();
  // The timeout of the next boots (a calibration boot may need longer).
  void set_timeout(std::chrono::milliseconds timeout) { config_.timeout = timeout; }
  std::chrono::milliseconds timeout() const { return config_.timeout; }

  // Where the NBD socket is (empty before start_disk), and every pid this
  // runner has started, for tests that check nothing is left running.
  std::string socket_path() const;
  std::string temp_dir() const;
  std::vector<pid_t> started_pids() const { return started_; }
  int cpu() const { return cpu_.cpu(); }  // -1 if unbound (cpu_lease.h)
  size_t qemu_starts() const { return qemu_starts_; }

 private:
  std::string check_guest() const;
  std::string check_flash() const;
  std::string ensure_disk();
  std::vector<std::string> nbdkit_argv() const;
  std::vector<std::string> qemu_argv() const;
  std::string wait_for_server();
  std::string spawn_qemu(int console_fd);
  std::string ensure_qemu();
  bool pump_console(RunResult* result);
  size_t boot_end(const std::string& console, size_t old_size) const;
  void end_qemu(RunResult* result);
  void classify(int status, RunResult* result);
  std::string first_line_of(const std::string& file) const;

  RunConfig config_;
  CpuLease cpu_ = CpuLease::acquire();  // QEMU and nbdkit run bound to it
  std::unique_ptr<TempDir> dir_;
  ChildProcess nbdkit_;
  std::chrono::microseconds server_start_{0};
  std::mutex qemu_mutex_;  // guards qemu_ and the kill reasons against power_cut()
  ChildProcess qemu_;
  int console_fd_ = -1;     // read end of QEMU's console while QEMU runs
  std::string carry_;       // console bytes read past the last boot's end marker
  std::ofstream console_log_;
  bool cut_requested_ = false;
  bool timed_out_ = false;
  std::vector<pid_t> started_;
  size_t qemu_starts_ = 0;
};

}  // namespace sc::qemu
