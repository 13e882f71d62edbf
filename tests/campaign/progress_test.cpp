// progress_test.cpp — the campaign's progress line off a terminal: one line
// per 10 s, and the final state printed once even when the last periodic
// line already showed it; on a terminal, redrawn in place and ended by a
// newline; mutate's line under the same rules.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "injector/campaign/progress.h"

namespace sc::campaign::testing {

namespace {

// Captures what a ProgressLine writes.
class Capture {
 public:
  Capture() : file_(open_memstream(&buf_, &size_)) {}
  ~Capture() {
    std::fclose(file_);
    std::free(buf_);
  }
  Capture(const Capture&) = delete;
  Capture& operator=(const Capture&) = delete;
  std::FILE* file() { return file_; }
  std::string text() {
    std::fflush(file_);
    return std::string(buf_, size_);
  }

 private:
  char* buf_ = nullptr;
  size_t size_ = 0;
  std::FILE* file_;
};

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

ProgressSnapshot at(double seconds, uint64_t workloads, uint64_t states) {
  return ProgressSnapshot{seconds, workloads, states, 0, 0, std::nullopt, std::nullopt, std::nullopt};
}

TEST(CampaignProgress, OffTerminalFinalStatePrintedOnce) {
  Capture out;
  ProgressLine line(out.file(), /*tty=*/false);
  line.update(at(0.2, 1, 10));
  line.update(at(5.0, 3, 30));  // rate-limited: not printed
  line.update(at(10.2, 6, 60));
  line.finish(at(10.3, 6, 60));  // nothing new since the last line
  const std::string text = out.text();
  EXPECT_EQ(count(text, "\n"), 2u) << text;
  EXPECT_EQ(count(text, "| 6 workloads | 60 states |"), 1u) << text;
  EXPECT_EQ(count(text, "| 3 workloads |"), 0u) << text;
}

TEST(CampaignProgress, OffTerminalFinishPrintsWhatIsNew) {
  Capture out;
  ProgressLine line(out.file(), /*tty=*/false);
  line.update(at(0.2, 1, 10));
  line.finish(at(0.9, 6, 60));
  const std::string text = out.text();
  EXPECT_EQ(count(text, "\n"), 2u) << text;
  EXPECT_EQ(count(text, "| 6 workloads | 60 states |"), 1u) << text;
}

TEST(CampaignProgress, AGivenIntervalReplacesTheDefault) {
  Capture out;
  ProgressLine line(out.file(), /*tty=*/false, 2.0);
  line.update(at(0.2, 1, 10));
  line.update(at(1.0, 2, 20));  // within 2 s of the last line: not printed
  line.update(at(2.3, 3, 30));  // 10 s would not have printed it
  const std::string text = out.text();
  EXPECT_EQ(count(text, "\n"), 2u) << text;
  EXPECT_EQ(count(text, "| 2 workloads |"), 0u) << text;
  EXPECT_EQ(count(text, "| 3 workloads |"), 1u) << text;
}

TEST(CampaignProgress, OnTerminalRedrawsInPlaceAndEndsWithNewline) {
  Capture out;
  ProgressLine line(out.file(), /*tty=*/true);
  line.update(at(0.2, 1, 10));
  line.update(at(0.9, 6, 60));
  line.finish(at(1.0, 6, 60));
  const std::string text = out.text();
  EXPECT_EQ(count(text, "\r"), 3u) << text;
  EXPECT_EQ(count(text, "\n"), 1u) << text;
  EXPECT_EQ(text.back(), '\n');
}

// mutate's line goes through the same rate limit: off a terminal one line per
// 10 s, and the last mutant's line once.
TEST(CampaignProgress, MutantLineOffTerminalIsRateLimitedAndEndsOnTheLastMutant) {
  Capture out;
  ProgressLine line(out.file(), /*tty=*/false);
  line.update(mutant_snapshot(1, 4, 0.5));
  line.update(mutant_snapshot(2, 4, 3.0));  // rate-limited: not printed
  line.update(mutant_snapshot(4, 4, 10.6));
  line.finish(mutant_snapshot(4, 4, 10.6));  // nothing new since the last line
  const std::string text = out.text();
  EXPECT_EQ(text, "mutants 1/4, 0.5 s\nmutants 4/4, 10.6 s\n");
}

}  // namespace

}  // namespace sc::campaign::testing
