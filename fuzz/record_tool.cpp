// record_tool.cpp — stablecut-fuzz-record: records one fuzzer crash into the
// results database (ResultsDb::record_fuzz_finding), for scripts/fuzz.sh.
//
//   stablecut-fuzz-record --db FILE --engine libfuzzer|aflpp --target NAME
//                         --input PATH --signature TEXT [--replay COMMAND]
//
// Prints the failure id. Recording the same (engine, target, input) twice
// changes nothing. Exit codes: 0 recorded, 2 bad flags or a database that
// cannot be opened or written (one-line error on stderr).
#include <cstdio>
#include <exception>
#include <map>
#include <string>

#include "injector/results/results_db.h"

namespace {

constexpr const char* kUsage =
    "usage: stablecut-fuzz-record --db FILE --engine libfuzzer|aflpp --target NAME --input PATH "
    "--signature TEXT [--replay COMMAND]";

int usage_error(const std::string& what) {
  std::fprintf(stderr, "stablecut-fuzz-record: %s (%s)\n", what.c_str(), kUsage);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> flags;
  for (int i = 1; i < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag != "--db" && flag != "--engine" && flag != "--target" && flag != "--input" && flag != "--signature" &&
        flag != "--replay")
      return usage_error("unknown flag '" + flag + "'");
    if (i + 1 >= argc) return usage_error("flag " + flag + " needs a value");
    flags[flag] = argv[i + 1];
  }
  for (const char* required : {"--db", "--engine", "--target", "--input", "--signature"})
    if (flags.count(required) == 0) return usage_error(std::string("missing ") + required);
  const auto engine = sc::results::parse_fuzz_engine(flags["--engine"]);
  if (!engine) return usage_error("--engine: expected libfuzzer or aflpp, got '" + flags["--engine"] + "'");
  sc::results::FuzzFinding finding;
  finding.engine = *engine;
  finding.target = flags["--target"];
  finding.input_path = flags["--input"];
  finding.signature = flags["--signature"];
  finding.found_at = sc::results::unix_now();
  if (flags.count("--replay") != 0) finding.reproducer = sc::results::Reproducer{flags["--input"], 0, flags["--replay"]};
  try {
    auto db = sc::results::ResultsDb::open(flags["--db"], sc::results::OpenMode::create);
    std::printf("%lld\n", static_cast<long long>(db.record_fuzz_finding(finding)));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "stablecut-fuzz-record: %s\n", e.what());
    return 2;
  }
  return 0;
}
