// fuzz_workload_file.cpp — bytes → the workload file parser, exactly as
// load_workload_file() reads a file (parse_json_text, then parse_workload).
// Legal outcomes: InputError, or a Workload that survives a round trip
// (workload_to_json → parse_workload gives the same JSON). Anything else —
// another exception, a sanitizer report, a round trip that differs — is a bug.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz/digest.h"
#include "fuzz/harnesses.h"
#include "injector/common/input_error.h"
#include "injector/workload/json_field.h"
#include "injector/workload/workload_file.h"

namespace sc::fuzz {

uint64_t run_workload_file(Bytes input) {
  Digest digest;
  const std::string text(input.begin(), input.end());
  try {
    const Workload w = parse_workload(parse_json_text(text, "fuzz"), "fuzz");
    const std::string once = workload_to_json(w).dump();
    const std::string twice = workload_to_json(parse_workload(nlohmann::json::parse(once), "round-trip")).dump();
    if (once != twice) {
      std::fprintf(stderr, "fuzz_workload_file: round trip changed the workload:\n%s\n%s\n", once.c_str(),
                   twice.c_str());
      std::abort();
    }
    digest.add(once);
  } catch (const InputError& e) {
    digest.add(e.what());
  }
  return digest.value();
}

}  // namespace sc::fuzz
