// interop_test.cpp — our plugin under nbdkit, driven by clients no one here
// wrote: nbdinfo (size, FLUSH, FUA, block size), qemu-io (reads see writes;
// FUA and FLUSH reach the trace; after freeze_at the disk refuses requests
// and the durable image ignores later writes) and qemu-img (whole-image copy
// out through NBD), and fault specs it refuses. Each test starts its own
// nbdkit on a socket in a private 0700 directory, waits for its pid file,
// and stops it only once the plugin has written its files.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "injector/crash/trace_file.h"
#include "injector/qemu/child_process.h"
#include "injector/qemu/temp_dir.h"

namespace sc::nbd {
namespace {

using qemu::ChildProcess;

struct Output {
  int status;
  std::string text;
};

// Runs argv to completion, capturing stdout and stderr.
Output run(const std::vector<std::string>& argv, const qemu::TempDir& dir) {
  const std::string out_path = dir.file("client.out");
  std::string error;
  FILE* out = std::fopen(out_path.c_str(), "w");
  ChildProcess child = ChildProcess::spawn(qemu::find_executable(argv[0]), argv, qemu::Stdio{-1, fileno(out), fileno(out)}, &error);
  std::fclose(out);
  EXPECT_TRUE(child.running()) << error;
  const int status = child.reap();
  std::ifstream in(out_path);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, std::string(std::istreambuf_iterator<char>(in), {})};
}

class Server {
 public:
  explicit Server(std::vector<std::string> args) {
    std::string error;
    dir_ = qemu::TempDir::create(&error);
    std::vector<std::string> argv = {"nbdkit", "-f", "-U", socket(), "-P", dir_->file("pid"), "--exit-with-parent",
                                     STABLECUT_NBDKIT_PLUGIN};
    argv.insert(argv.end(), args.begin(), args.end());
    nbdkit_ = ChildProcess::spawn(qemu::find_executable("nbdkit"), argv, qemu::Stdio{-1, -1, -1}, &error);
    for (int i = 0; i < 5000 && !listening(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~Server() { stop(); }
  void stop() {
    if (!nbdkit_.running()) return;
    nbdkit_.signal(SIGTERM);
    nbdkit_.reap();
  }
  std::string socket() const { return dir_->file("sock"); }
  std::string uri() const { return "nbd+unix:///?socket=" + socket(); }
  const qemu::TempDir& dir() const { return *dir_; }

 private:
  // nbdkit writes its pid file once the socket listens; the socket file alone
  // appears at bind(), before listen(), and a client may be refused then.
  bool listening() const {
    std::ifstream in(dir_->file("pid"));
    std::string line;
    return std::getline(in, line) && !in.eof();
  }

  std::unique_ptr<qemu::TempDir> dir_;
  ChildProcess nbdkit_;
};

bool have(const char* tool) { return !qemu::find_executable(tool).empty(); }

// The plugin writes its files when the connection closes, which may be after
// the client has exited; nbdkit stopped before that never writes them (the
// QEMU tier waits the same way before it stops the server).
bool appears(const std::string& path) {
  for (int i = 0; i < 5000; ++i, std::this_thread::sleep_for(std::chrono::milliseconds(1)))
    if (std::filesystem::exists(path)) return true;
  return false;
}

TEST(Interop, NbdinfoSeesFlushFuaAndBlockSize) {
  if (!have("nbdinfo")) GTEST_SKIP() << "nbdinfo not installed";
  Server server({"size=1M"});
  const Output o = run({"nbdinfo", server.uri()}, server.dir());
  EXPECT_EQ(o.status, 0) << o.text;
  EXPECT_NE(o.text.find("export-size: 1049088"), std::string::npos) << o.text;
  EXPECT_NE(o.text.find("can_flush: true"), std::string::npos);
  EXPECT_NE(o.text.find("can_fua: true"), std::string::npos);
  EXPECT_NE(o.text.find("block_size_minimum: 512"), std::string::npos);
}

TEST(Interop, QemuIoReadsSeeWritesAndFlushAndFuaAreRecorded) {
  if (!have("qemu-io")) GTEST_SKIP() << "qemu-io not installed";
  std::string error;
  auto out = qemu::TempDir::create(&error);
  const std::string trace = out->file("trace.json");
  Server server({"size=1M", "trace=" + trace});
  const Output o = run({"qemu-io", "-f", "raw", "-t", "writeback", server.uri(), "-c", "write -P 0xab 0 4k", "-c",
                        "read -P 0xab 0 4k", "-c", "flush", "-c", "write -f -P 0xcd 8k 512"},
                       server.dir());
  ASSERT_EQ(o.status, 0) << o.text;
  EXPECT_EQ(o.text.find("Pattern verification failed"), std::string::npos) << o.text;
  ASSERT_TRUE(appears(trace));
  server.stop();
  const crash::TraceFile file = crash::load_trace_file(trace);
  const auto reqs = file.trace.requests();
  ASSERT_GE(reqs.size(), 3u);
  EXPECT_EQ(reqs[0].kind, crash::Kind::write);
  EXPECT_FALSE(reqs[0].fua);
  EXPECT_EQ(reqs[1].kind, crash::Kind::flush);
  EXPECT_EQ(reqs[2].sector, 16u);
  EXPECT_TRUE(reqs[2].fua);
}

TEST(Interop, FrozenStateIgnoresLaterWrites) {
  if (!have("qemu-io")) GTEST_SKIP() << "qemu-io not installed";
  std::string error;
  auto out = qemu::TempDir::create(&error);
  const std::string durable = out->file("durable.raw");
  Server server({"size=64K", "freeze_at=2", "durable=" + durable});
  const Output o = run({"qemu-io", "-f", "raw", "-t", "writeback", server.uri(), "-c", "write -P 0x11 0 512", "-c",
                        "flush", "-c", "write -P 0x22 0 512", "-c", "write -P 0x33 512 512", "-c", "flush"},
                       server.dir());
  ASSERT_TRUE(appears(durable)) << "qemu-io said: " << o.text;
  server.stop();
  std::ifstream in(durable, std::ios::binary);
  const std::vector<char> image((std::istreambuf_iterator<char>(in)), {});
  ASSERT_EQ(image.size(), 64u * 1024);
  EXPECT_EQ(image[0], 0x11);
  EXPECT_EQ(image[512], 0);
}

TEST(Interop, QemuImgCopiesTheImageOut) {
  if (!have("qemu-img") || !have("qemu-io")) GTEST_SKIP() << "qemu-img not installed";
  std::string error;
  auto out = qemu::TempDir::create(&error);
  {
    std::vector<char> raw(64 * 1024, 0);
    raw[4096] = 0x42;
    std::ofstream(out->file("in.raw"), std::ios::binary).write(raw.data(), static_cast<std::streamsize>(raw.size()));
  }
  Server server({"image=" + out->file("in.raw")});
  const Output o = run({"qemu-img", "convert", "-f", "raw", "-O", "raw", server.uri(), out->file("copy.raw")}, server.dir());
  ASSERT_EQ(o.status, 0) << o.text;
  std::ifstream in(out->file("copy.raw"), std::ios::binary);
  const std::vector<char> copy((std::istreambuf_iterator<char>(in)), {});
  ASSERT_EQ(copy.size(), 64u * 1024 + 512) << "data plus the control sector";
  EXPECT_EQ(copy[4096], 0x42);
}

TEST(Interop, PluginRefusesNextImageWithFreezeAt) {
  std::string error;
  auto dir = qemu::TempDir::create(&error);
  ASSERT_TRUE(dir) << error;
  const Output o = run({"nbdkit", "-f", "-U", dir->file("sock"), STABLECUT_NBDKIT_PLUGIN, "size=64K", "freeze_at=2",
                        "next_image=" + dir->file("next.raw")},
                       *dir);
  EXPECT_NE(o.status, 0);
  EXPECT_NE(o.text.find("next_image= and freeze_at= exclude each other"), std::string::npos) << o.text;
}

// A fault spec the plugin cannot honour is refused when nbdkit starts.
TEST(Interop, PluginRefusesBadFaultSpecs) {
  std::string error;
  auto dir = qemu::TempDir::create(&error);
  ASSERT_TRUE(dir) << error;
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"io_error=3:7"}, "io_error=3:7: expected a request index"},
      {{"io_error=3", "next_image=" + dir->file("next.raw")}, "next_image= and io_error= exclude each other"},
      {{"next_faults=" + dir->file("f")}, "unknown parameter next_faults"},
  };
  for (const auto& [args, message] : cases) {
    std::vector<std::string> argv = {"nbdkit", "-f", "-U", dir->file("sock"), STABLECUT_NBDKIT_PLUGIN, "size=64K"};
    argv.insert(argv.end(), args.begin(), args.end());
    const Output o = run(argv, *dir);
    EXPECT_NE(o.status, 0) << args[0];
    EXPECT_NE(o.text.find(message), std::string::npos) << o.text;
  }
}

}  // namespace
}  // namespace sc::nbd
