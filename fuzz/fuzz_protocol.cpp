// fuzz_protocol.cpp — bytes → a structure-aware workload on two
// self-managing managers and a managed ordinary manager
// (protocol_decoder.h) → record it in-process → pick a cut and a crash
// state (in-flight writes dropped, kept or torn) → build that crash image →
// recover → classify against the reference model's legal states (oracle).
// The recovering checker is reused across inputs, one per boot
// configuration (checker_pool.h); everything that only serves a report
// (case file, replay lines, workload JSON) is built only for a finding.
//
// An illegal verdict (or a disagreement seen while recording) aborts after
// printing the outcome, the workload seed, the crash state and two replay
// commands: `stablecut replay CASE` for the case file saved under
// $STABLECUT_FUZZ_CASES (default results/fuzz/cases), and the harness on the
// crashing input. STABLECUT_FUZZ_BUG=<name>[,<name>...] seeds protocol bugs
// (seeded_bugs.h) so the fuzzer can hunt them; STABLECUT_FUZZ_PROGRAMS=<name>[,...]
// fuzzes only those self-managing programs (e.g. your own manager); an
// unknown name in either exits 2.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "fuzz/byte_reader.h"
#include "fuzz/checker_pool.h"
#include "fuzz/harnesses.h"
#include "fuzz/protocol_decoder.h"
#include "fuzz/protocol_digest.h"
#include "injector/check/beyond_memory.h"
#include "injector/crash/crash_image.h"
#include "injector/check/case_file.h"
#include "injector/inproc/recording.h"
#include "injector/oracle/legal_window.h"
#include "injector/oracle/verdict.h"
#include "injector/workload/workload_file.h"

namespace sc::fuzz {

namespace {

SeededBugs bugs_from_environment() {
  SeededBugs bugs;
  const char* names = std::getenv("STABLECUT_FUZZ_BUG");
  std::stringstream list(names == nullptr ? "" : names);
  try {
    for (std::string name; std::getline(list, name, ',');)
      if (!name.empty()) enable_seeded_bug(&bugs, name);
  } catch (const InputError& e) {
    std::fprintf(stderr, "fuzz_protocol: STABLECUT_FUZZ_BUG: %s\n", e.what());
    std::exit(2);
  }
  return bugs;
}

// STABLECUT_FUZZ_PROGRAMS=journal,shadow narrows the self-managing programs
// A and B may run; by default every one of the registry.
std::vector<std::string> programs_from_environment() {
  const char* names = std::getenv("STABLECUT_FUZZ_PROGRAMS");
  if (names == nullptr || *names == '\0') return self_managing_programs();
  const std::vector<std::string> known = self_managing_programs();
  std::vector<std::string> chosen;
  std::stringstream list(names);
  for (std::string name; std::getline(list, name, ',');) {
    if (name.empty()) continue;
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::fprintf(stderr, "fuzz_protocol: STABLECUT_FUZZ_PROGRAMS: '%s' is not a self-managing program (stablecut managers lists them)\n",
                   name.c_str());
      std::exit(2);
    }
    chosen.push_back(name);
  }
  if (chosen.empty()) return known;
  return chosen;
}

const std::vector<std::string>& fuzz_programs() {
  static const std::vector<std::string> programs = programs_from_environment();
  return programs;
}

const SeededBugs& fuzz_bugs() {
  static const SeededBugs bugs = bugs_from_environment();
  return bugs;
}

std::string bug_list() {
  std::string names;
  for (const auto& n : enabled_bug_names(fuzz_bugs())) names += (names.empty() ? "" : ",") + n;
  return names.empty() ? "none" : names;
}

Phase phase_at(const crash::Trace& trace, size_t cut) {
  const auto requests = trace.requests();
  if (requests.empty()) return Phase::RUN;
  return requests[cut < requests.size() ? cut : requests.size() - 1].phase;
}

[[noreturn]] void report(const Workload& w, const Recording& rec, const crash::CrashState& state, const Verdict& v,
                         uint64_t digest) {
  const Phase phase = phase_at(rec.trace, state.cut);
  std::fprintf(stderr, "fuzz_protocol: ILLEGAL %s at cut %zu (%s, %s, %zu kept) — %s\n", outcome_name(v.outcome),
               state.cut, phase_name(phase), crash::mode_name(state.kind), state.kept.size(), v.reason.c_str());
  for (const auto& line : v.diff) std::fprintf(stderr, "  diff: %s\n", line.c_str());
  for (const auto& line : v.fsck) std::fprintf(stderr, "  fsck: %s\n", line.c_str());
  std::fprintf(stderr, "  workload seed %llu, seeded bugs: %s\n", static_cast<unsigned long long>(w.seed),
               bug_list().c_str());
  const char* dir = std::getenv("STABLECUT_FUZZ_CASES");
  const std::filesystem::path cases = dir == nullptr ? "results/fuzz/cases" : dir;
  const std::string path = (cases / fmt::format("protocol-{:016x}.json", digest)).string();
  std::error_code ignored;
  std::filesystem::create_directories(cases, ignored);
  save_case(path, w, fuzz_bugs(), rec, StateFailure{state, phase, v, outcome_name(v.outcome), nullptr}, w.seed);
  std::fprintf(stderr, "  replay: stablecut replay %s\n", path.c_str());
  std::fprintf(stderr, "  replay: STABLECUT_FUZZ_BUG=%s fuzz_protocol <this input>\n", bug_list().c_str());
  std::abort();
}

[[noreturn]] void recording_disagreed(const Workload& w, const Recording& rec) {
  std::fprintf(stderr, "fuzz_protocol: ILLEGAL while recording (workload seed %llu, seeded bugs: %s): %s\n",
               static_cast<unsigned long long>(w.seed), bug_list().c_str(), rec.findings.front().c_str());
  std::fprintf(stderr, "  workload: %s\n", workload_to_json(w).dump().c_str());
  std::abort();
}

}  // namespace

uint64_t run_protocol(Bytes input) {
  static CheckerPool pool(fuzz_bugs());
  ByteReader in(input);
  CheckerSlot& slot = pool.adopt(decode_workload(in, fuzz_programs()));
  const Workload& w = slot.workload;
  std::optional<Recording> recorded;
  try {
    recorded = record_inproc(w, fuzz_bugs());
  } catch (const BeyondMemory&) {
    return 0;  // more pages than the kernel's frames: nothing to judge (beyond_memory.h)
  }
  const Recording& rec = *recorded;
  if (!rec.findings.empty()) recording_disagreed(w, rec);
  const crash::CrashState state = decode_crash_state(in, rec.trace);
  const crash::CrashImage image = crash::build_crash_image(rec.trace, state);
  const Recovered recovered = slot.checker.recover(image.view(), {});
  const Verdict v = classify(w, rec.history, legal_window(rec.spans, state.cut), recovered);
  const uint64_t digest = protocol_digest(rec.trace.requests().size(), image.view().fingerprint(), v);
  if (!v.legal()) report(w, rec, state, v, digest);
  return digest;
}

}  // namespace sc::fuzz
