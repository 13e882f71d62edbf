// golden_trace_test.cpp — pins today's behaviour of the in-process tier, so
// that refactoring cannot change it unnoticed. For every shipped workload
// (corpus/workloads/*.json) under every seeded bug that applies to it (the
// kernel's and its programs'; and none), one test per workload, it records the
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

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "injector/common/seeded_bugs.h"
#include "injector/inproc/explore.h"
#include "injector/inproc/recording.h"
#include "injector/workload/workload_file.h"
#include "kernel/core/checksum.h"
#include "managers/registry/registry_checks.h"
#include "tests/support/param_name.h"

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
  // Only the cells that counted something, with their indices: appending a
  // mode or an outcome to the vocabulary leaves the fingerprint alone.
  for (size_t o = 0; o < r.counts.size(); ++o)
    for (size_t p = 0; p < r.counts[o].size(); ++p)
      for (size_t m = 0; m < r.counts[o][p].size(); ++m)
        if (const uint64_t n = r.counts[o][p][m]; n != 0) {
          f.add(uint64_t{o * 10000 + p * 100 + m});
          f.add(n);
        }
  for (const auto& [signature, states] : r.signatures) {
    f.add(signature);
    f.add(states);
  }
  return f.value();
}

// A program's seeded bug changes nothing in a workload that does not run
// the program, so only the kernel's bugs and those of the workload's
// programs are cases of it.
bool bug_applies(const Workload& w, const std::string& bug) {
  const FoundBug found = find_manager_bug(bug.c_str());
  if (found.program == nullptr) return true;
  for (const ManagerSpec& m : w.managers)
    if (m.program == found.program->name) return true;
  return false;
}

std::vector<std::vector<std::string>> bug_sets(const Workload& w) {
  std::vector<std::vector<std::string>> sets{{}};
  for (const std::string& name : seeded_bug_names())
    if (bug_applies(w, name)) sets.push_back({name});
  return sets;
}

std::string case_line(const std::filesystem::path& file, const Workload& w, const std::vector<std::string>& bug_names) {
  SeededBugs bugs;
  for (const std::string& b : bug_names) enable_seeded_bug(&bugs, b);
  const Recording rec = record_inproc(w, bugs);
  std::ostringstream line;
  line << file.filename().string() << ' ' << (bug_names.empty() ? "none" : bug_names.front()) << ' '
       << rec.trace.requests().size() << ' ' << std::hex << trace_fingerprint(rec.trace) << ' '
       << history_fingerprint(rec) << ' ' << explore_fingerprint(w, bugs, rec);
  return line.str();
}

std::vector<std::string> lines_of(const std::filesystem::path& file) {
  const Workload w = load_workload_file(file.string());
  std::vector<std::string> lines;
  for (const auto& bugs : bug_sets(w)) lines.push_back(case_line(file, w, bugs));
  return lines;
}

std::vector<std::string> shipped_workloads() {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(kSource / "corpus/workloads"))
    if (e.path().extension() == ".json") names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The golden lines of one workload file (all of them for an empty name).
std::vector<std::string> golden_lines(const std::string& workload) {
  std::ifstream in(kGolden);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#' && (workload.empty() || line.starts_with(workload + ' ')))
      lines.push_back(line);
  return lines;
}

TEST(GoldenTraces, GoldenFileCoversExactlyTheShippedWorkloads) {
  std::set<std::string> golden;
  for (const std::string& line : golden_lines("")) golden.insert(line.substr(0, line.find(' ')));
  const std::vector<std::string> shipped = shipped_workloads();
  EXPECT_EQ(golden, std::set<std::string>(shipped.begin(), shipped.end()));
}

// STABLECUT_WRITE_GOLDEN=<path> writes every current line there (only ever
// from unchanged code) instead of comparing.
TEST(GoldenTraces, WriteWhenAsked) {
  const char* out = std::getenv("STABLECUT_WRITE_GOLDEN");
  if (out == nullptr) GTEST_SKIP() << "STABLECUT_WRITE_GOLDEN is not set";
  std::ofstream file(out);
  file << "# workload bug requests trace-fingerprint history-fingerprint explore-fingerprint\n";
  for (const std::string& name : shipped_workloads())
    for (const std::string& line : lines_of(kSource / "corpus/workloads" / name)) file << line << '\n';
}

class GoldenWorkload : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenWorkload, RecordsAndExploresAsBefore) {
  if (std::getenv("STABLECUT_WRITE_GOLDEN") != nullptr) GTEST_SKIP() << "writing the golden file";
  const std::vector<std::string> now = lines_of(kSource / "corpus/workloads" / GetParam());
  const std::vector<std::string> golden = golden_lines(GetParam());
  ASSERT_EQ(golden.size(), now.size()) << "golden file " << kGolden << " has a different number of cases";
  for (size_t i = 0; i < now.size(); ++i) EXPECT_EQ(golden[i], now[i]) << "case " << i;
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  return test::param_name(info.param.substr(0, info.param.rfind('.')));
}

INSTANTIATE_TEST_SUITE_P(Shipped, GoldenWorkload, ::testing::ValuesIn(shipped_workloads()), test_name);

}  // namespace
}  // namespace sc
