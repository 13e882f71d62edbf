// fuzz_trace_file.cpp — bytes → the trace file loader (parse_trace_file(),
// what load_trace_file() runs on a file's text). Legal outcomes: InputError, or a TraceFile that
// survives a round trip and whose crash state (if any) builds a crash image.
// Anything else — another exception, a sanitizer report — is a bug.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz/digest.h"
#include "fuzz/harnesses.h"
#include "injector/crash/crash_image.h"
#include "injector/crash/trace_file.h"

namespace sc::fuzz {

uint64_t run_trace_file(Bytes input) {
  Digest digest;
  try {
    const crash::TraceFile file = crash::parse_trace_file(std::string(input.begin(), input.end()), "fuzz");
    const std::string once = crash::trace_file_to_json(file).dump();
    const std::string twice = crash::trace_file_to_json(crash::parse_trace_file(once, "round-trip")).dump();
    if (once != twice) {
      std::fprintf(stderr, "fuzz_trace_file: round trip changed the trace file\n");
      std::abort();
    }
    digest.add(once);
    if (file.crash_state) {
      const crash::CrashImage image = crash::build_crash_image(file.trace, *file.crash_state);
      digest.add(image.view().fingerprint());
    }
  } catch (const InputError& e) {
    digest.add(e.what());
  }
  return digest.value();
}

}  // namespace sc::fuzz
