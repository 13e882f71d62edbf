// run_progress_test.cpp — `run` shows progress like `campaign`: off a
// terminal, plain progress lines on stderr (the last one with the final
// count of states), and its stdout is line-buffered, so a pipe or file sees
// each line when it is printed, long before a slow workload ends.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <thread>

#include "process.h"

namespace sc::campaign::testing {

namespace {

std::vector<std::string> run_args(const std::string& workload) {
  return {"run", "--workload", std::string(STABLECUT_CORPUS) + "/" + workload, "--modes", "prefix"};
}

TEST(RunProgress, OffTerminalPrintsProgressLinesEndingWithTheFinalCount) {
  TempDir dir;
  const RunResult r = run_stablecut(dir, run_args("basic.json"));
  ASSERT_EQ(r.rc, 0) << r.out << r.err;
  std::smatch checked;
  ASSERT_TRUE(std::regex_search(r.out, checked, std::regex(R"(checked (\d+) crash states)"))) << r.out;
  std::string last;
  const std::regex line(R"(run \d\d:\d\d:\d\d \| cut (\d+)/(\d+) \| (\d+) states \| \d+ states/s \| 0 illegal \| ETA)");
  for (std::sregex_iterator it(r.err.begin(), r.err.end(), line), end; it != end; ++it) {
    last = (*it)[3];
    EXPECT_EQ((*it)[1], (*it)[2]) << "the final line is at the last cut";
  }
  EXPECT_EQ(last, checked[1].str()) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << "no redraw off a terminal";
}

TEST(RunProgress, StdoutIsLineBufferedSoPipedOutputAppearsBeforeExit) {
  TempDir dir;
  const std::string out = dir.file("out.txt");
  const pid_t pid = spawn_stablecut_to(run_args("many_pages.json"), out, dir.file("err.txt"));
  bool seen_while_running = false;
  bool running = true;
  for (int i = 0; i < 1200 && running && !seen_while_running; ++i) {  // up to 60 s
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const bool printed = slurp(out).find("recorded on inproc") != std::string::npos;
    running = waitpid(pid, nullptr, WNOHANG) == 0;  // reaped once it has ended
    seen_while_running = printed && running;
  }
  if (running) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }
  EXPECT_TRUE(seen_while_running) << "stdout so far: " << slurp(out);
}

}  // namespace

}  // namespace sc::campaign::testing
