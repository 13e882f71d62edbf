// golden_trace_test.cpp — pins today's behaviour of the in-process tier, so
// that refactoring cannot change it unnoticed. For every shipped workload
// (corpus/workloads/*.json) under every seeded bug (and none), it records the
// workload in-process and fingerprints the recorded trace (every request:
// kind, sector, count, FUA, phase tag, and the written sector data), the
// stable-state history S_0..S_k, the stabilisation spans, the online
// findings, and the result of exploring the prefix and reorder crash states
// (outcome counts by phase and mode, and every failure signature).
// Interface: the fingerprints are compared line by line with
// tests/explore/golden/traces.txt. Set STABLECUT_WRITE_GOLDEN=<path> to write
// the current fingerprints there instead (only ever from unchanged code).
// Invariant: the fingerprint of a case depends on nothing but the code under
// test and the workload file (no clocks, no addresses, no map order beyond
// the sorted std::map).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "injector/common/seeded_bugs.h"
#include "injector/inproc/explore.h"
#include "injector/inproc/recording.h"
#include "injector/workload/workload_file.h"
#include "kernel/core/checksum.h"

namespace sc {
namespace {

const std::filesystem::path kSource = STABLECUT_SOURCE_DIR;
const std::filesystem::path kGolden = kSource / "tests/explore/golden/traces.txt";

// FNV-1a over everything folded in, in order.
class Fingerprint {
 public:
  void add(uint64_t v) {
    for (int i = 0; i < 8; ++i) byte(static_cast<uint8_t>(v >> (8 * i)));
  }
  void add(const std::string& s) {
    add(s.size());
    for (char c : s) byte(static_cast<uint8_t>(c));
  }
  void add_bytes(const uint8_t* p, size_t n) {
    add(n);
    for (size_t i = 0; i < n; ++i) byte(p[i]);
  }
  uint64_t value() const { return h_; }

 private:
  void byte(uint8_t b) { h_ = (h_ ^ b) * 0x100000001b3ULL; }
  uint64_t h_ = 0xcbf29ce484222325ULL;
};

uint64_t trace_fingerprint(const crash::Trace& t) {
  Fingerprint f;
  f.add(t.sector_count());
  f.add(t.requests().size());
  for (const crash::Request& r : t.requests()) {
    f.add(static_cast<uint64_t>(r.kind));
    f.add(r.sector);
    f.add(r.count);
    f.add(r.fua ? 1 : 0);
    f.add(static_cast<uint64_t>(r.phase));
    if (r.kind == crash::Kind::write) f.add_bytes(t.write_data(r), uint64_t{r.count} * 512);
  }
  return f.value();
}

uint64_t history_fingerprint(const Recording& rec) {
  Fingerprint f;
  f.add(rec.history.size());
  for (const SystemState& s : rec.history) {
    f.add(s.size());
    for (const auto& [container, pages] : s) {
      f.add(container);
      f.add(pages.size());
      for (const auto& [page, hash] : pages) {
        f.add(page);
        f.add(hash);
      }
    }
  }
  for (const StabilisationSpan& span : rec.spans) {
    f.add(span.begin);
    f.add(span.end);
  }
  for (const std::string& finding : rec.findings) f.add(finding);
  f.add(rec.events);
  return f.value();
}

uint64_t explore_fingerprint(const Workload& w, const SeededBugs& bugs, const Recording& rec) {
  ExploreOptions options;
  options.enumerate.modes = crash::only(crash::Mode::prefix) | crash::only(crash::Mode::reorder);
  options.max_states = 3000;
  const ExploreResult r = explore_inproc(w, bugs, rec, options);
  Fingerprint f;
  f.add(r.states);
  f.add(r.illegal);
  f.add(r.duplicates);
  for (const auto& by_phase : r.counts)
    for (const auto& by_mode : by_phase)
      for (uint64_t n : by_mode) f.add(n);
  for (const auto& [signature, states] : r.signatures) {
    f.add(signature);
    f.add(states);
  }
  return f.value();
}

std::vector<std::vector<std::string>> bug_sets() {
  std::vector<std::vector<std::string>> sets{{}};
  for (const std::string& name : seeded_bug_names()) sets.push_back({name});
  return sets;
}

std::string case_line(const std::filesystem::path& file, const std::vector<std::string>& bug_names) {
  const Workload w = load_workload_file(file.string());
  SeededBugs bugs;
  for (const std::string& b : bug_names) enable_seeded_bug(&bugs, b);
  const Recording rec = record_inproc(w, bugs);
  std::ostringstream line;
  line << file.filename().string() << ' ' << (bug_names.empty() ? "none" : bug_names.front()) << ' '
       << rec.trace.requests().size() << ' ' << std::hex << trace_fingerprint(rec.trace) << ' '
       << history_fingerprint(rec) << ' ' << explore_fingerprint(w, bugs, rec);
  return line.str();
}

std::vector<std::string> current_lines() {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(kSource / "corpus/workloads"))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> lines;
  for (const auto& file : files)
    for (const auto& bugs : bug_sets()) lines.push_back(case_line(file, bugs));
  return lines;
}

std::vector<std::string> golden_lines() {
  std::ifstream in(kGolden);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  return lines;
}

TEST(GoldenTraces, EveryShippedWorkloadRecordsAndExploresAsBefore) {
  const std::vector<std::string> now = current_lines();
  if (const char* out = std::getenv("STABLECUT_WRITE_GOLDEN")) {
    std::ofstream file(out);
    file << "# workload bug requests trace-fingerprint history-fingerprint explore-fingerprint\n";
    for (const std::string& line : now) file << line << '\n';
    GTEST_SKIP() << "wrote " << now.size() << " golden lines to " << out;
  }
  const std::vector<std::string> golden = golden_lines();
  ASSERT_EQ(golden.size(), now.size()) << "golden file " << kGolden << " has a different number of cases";
  for (size_t i = 0; i < now.size(); ++i) EXPECT_EQ(golden[i], now[i]) << "case " << i;
}

}  // namespace
}  // namespace sc
