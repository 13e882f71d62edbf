// replay_gdb_test.cpp — `replay --case ID --tier qemu --gdb` through the real
// binary: it prints the gdb-multiarch command that attaches to QEMU's
// gdbstub, QEMU waits paused (the socket is there, no verdict after a
// second), gdb-multiarch in batch mode — the printed command itself — stops
// at recovery (sc::Kernel::boot) and continues, and the replay then ends
// with the same verdict as without --gdb. Without gdb-multiarch on PATH the
// test continues the guest with the gdb remote protocol's own `c` packet.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "tests/campaign/process.h"
#include "tests/support/run_binary.h"

namespace sc::campaign::testing {

namespace {

std::string verdict_line(const std::string& out) {
  const size_t at = out.find("verdict: ");
  return at == std::string::npos ? "" : out.substr(at, out.find('\n', at) - at);
}

// The printed gdb command line, once the replay has printed it.
std::string wait_for_gdb_command(const std::string& out_file) {
  const std::string start = "  gdb-multiarch ";
  for (int i = 0; i < 600; ++i) {
    const std::string out = slurp(out_file);
    const size_t at = out.find(start);
    if (at != std::string::npos && out.find('\n', at) != std::string::npos)
      return out.substr(at + 2, out.find('\n', at) - at - 2);
    usleep(50000);
  }
  return "";
}

bool wait_for_file(const std::string& path) {
  for (int i = 0; i < 600 && !std::filesystem::exists(path); ++i) usleep(50000);
  return std::filesystem::exists(path);
}

bool running(pid_t pid) { return waitpid(pid, nullptr, WNOHANG) == 0; }

// Continues the paused guest by the gdb remote protocol; the connection is
// closed by the caller once the replay has ended. -1 (and no fd left open)
// if it cannot.
int continue_by_hand(const std::string& socket_path) {
  const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  socket_path.copy(addr.sun_path, sizeof addr.sun_path - 1);
  const std::string packet = "+$c#63";
  if (connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 ||
      write(fd, packet.data(), packet.size()) != static_cast<ssize_t>(packet.size())) {
    close(fd);
    return -1;
  }
  return fd;
}

// gdb's `info registers pc` lines in out, in order, e.g.
// "pc             0x1000\t0x1000": the value, then the rest of the line.
std::vector<std::pair<std::string, std::string>> pc_lines(const std::string& out) {
  const std::string start = "pc             0x";
  std::vector<std::pair<std::string, std::string>> lines;
  for (size_t at = out.find(start); at != std::string::npos; at = out.find(start, at + 1)) {
    const size_t value = at + start.size() - 2, end = out.find_first_of(" \t\n", value);
    lines.emplace_back(out.substr(value, end - value), out.substr(end, out.find('\n', end) - end));
  }
  return lines;
}

bool have_gdb_multiarch() { return std::system("command -v gdb-multiarch > /dev/null 2>&1") == 0; }

TEST(QemuReplayGdb, RecoveryBootWaitsForGdbThenGivesTheSameVerdict) {
  TempDir dir;
  const std::string db = dir.file("r.db");
  ASSERT_EQ(run_stablecut(dir, campaign_args(db, {"--workloads", "1", "--bug", "shadow-skip-flush", "--no-minimize"}))
                .rc,
            1);
  const std::string id = std::to_string(sql_int(db, "SELECT min(id) FROM crash_state"));
  const RunResult plain = run_stablecut(dir, {"replay", "--db", db, "--case", id, "--tier", "qemu"});
  ASSERT_EQ(plain.rc, 1) << plain.out << plain.err;
  ASSERT_NE(verdict_line(plain.out), "");

  const std::string out = dir.file("gdb-replay.out"), err = dir.file("gdb-replay.err");
  const pid_t pid = spawn_stablecut_to({"replay", "--db", db, "--case", id, "--tier", "qemu", "--gdb"}, out, err);
  const std::string command = wait_for_gdb_command(out);
  ASSERT_NE(command, "") << slurp(out) << slurp(err);
  EXPECT_EQ(command.rfind(std::string("gdb-multiarch ") + STABLECUT_KERNEL_ELF + " -ex 'target remote ", 0), 0u)
      << command;
  const size_t from = command.find("target remote ") + 14;
  const std::string socket_path = command.substr(from, command.find('\'', from) - from);
  ASSERT_TRUE(wait_for_file(socket_path)) << socket_path;
  sleep(1);
  EXPECT_TRUE(running(pid)) << slurp(out);  // paused: a recovery boot takes milliseconds
  EXPECT_EQ(verdict_line(slurp(out)), "");

  int fd = -1;
  if (have_gdb_multiarch()) {
    const std::string batch = "gdb-multiarch -batch " + command.substr(14) +
                              " -ex 'info registers pc' -ex continue -ex 'info registers pc' -ex continue";
    const auto gdb = sc::test::run_binary("timeout 60", batch);  // exits 1: QEMU ends under it
    const auto pcs = pc_lines(gdb.out);
    EXPECT_NE(gdb.out.find("Breakpoint 1, sc::Kernel::boot"), std::string::npos) << gdb.out;
    EXPECT_EQ(pcs.size(), 2u) << gdb.out;
    if (pcs.size() == 2) {
      EXPECT_EQ(pcs[0].first, "0x1000") << gdb.out;  // paused at reset
      EXPECT_NE(pcs[1].first, "0x1000") << gdb.out;  // after `continue`: stopped at the breakpoint...
      EXPECT_NE(pcs[1].second.find("<sc::Kernel::boot"), std::string::npos) << gdb.out;  // ...in sc::Kernel::boot
    }
  } else {
    fd = continue_by_hand(socket_path);
    ASSERT_GE(fd, 0) << socket_path;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (fd >= 0) close(fd);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1) << slurp(out) << slurp(err);
  EXPECT_EQ(verdict_line(slurp(out)), verdict_line(plain.out)) << slurp(out);
  EXPECT_NE(slurp(out).find("boot timeout off"), std::string::npos);
}

}  // namespace

}  // namespace sc::campaign::testing
