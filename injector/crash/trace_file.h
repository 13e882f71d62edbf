// trace_file.h — the trace file: one JSON document that replays a run.
//
//   { "format": "stablecut-trace", "version": 1,
//     "sector_count": N, "seed": S,
//     "workload": {...opaque...}, "meta": {...opaque...},
//     "base": [ {"sector": s, "data": "<base64, 512 bytes>"}, ... ],      sorted
//     "requests": [ {"op": "write", "sector": s, "count": c, "fua": false,
//                    "phase": "RUN", "data": "<base64, c*512 bytes>"},
//                   {"op": "flush", "phase": "SNAPSHOT"}, ... ],
//     "crash_state": null | {"cut": i, "kind": "torn",
//                            "kept": [ {"request": j, "sector_mask": m}, ... ],
//                            "faults": [ {"kind": "read-error", "request": 0,
//                                         "sector": s, "detail": 0}, ... ]} }
//     ("faults" only when the state has faults: CrashState::faults)
//
// Integers are JSON unsigned integers (nlohmann keeps all 64 bits).
// Interface: save_trace_file() (writes the file whole, whole_file.h),
// load_trace_file(); trace_file_to_json() and
// trace_file_from_json() for callers that embed the document elsewhere.
// Invariant: loading validates everything and throws InputError whose
// message is one line, "<file>: <field or offset>: <what was expected>";
// bad input never crashes.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>

#include "crash_model.h"
#include "injector/common/input_error.h"
#include "trace.h"

namespace sc::crash {

// Bad trace files are bad user input like any other.
using sc::InputError;

inline constexpr const char* kTraceFormat = "stablecut-trace";
inline constexpr uint64_t kTraceVersion = 1;

// The largest disk a trace file may describe: 2^19 sectors (256 MiB), twice
// the largest disk a workload can ask for (workload.cpp checks that), so a
// hand-edited sector_count can neither exhaust memory when a crash image is
// built nor make each recovery boot copy a huge image.
inline constexpr uint64_t kMaxTraceSectors = uint64_t{1} << 19;

struct TraceFile {
  explicit TraceFile(Trace t) : trace(std::move(t)) {}

  nlohmann::json workload = nlohmann::json::object();
  Trace trace;
  uint64_t seed = 0;
  std::optional<CrashState> crash_state;
  nlohmann::json meta = nlohmann::json::object();
};

nlohmann::json trace_file_to_json(const TraceFile& file);
// `name` is the file name used in error messages.
TraceFile trace_file_from_json(const nlohmann::json& document, const std::string& name);

// The file's bytes as save_trace_file() writes them.
std::string trace_file_text(const TraceFile& file);
// Throws std::runtime_error if the file cannot be written.
void save_trace_file(const std::string& path, const TraceFile& file);
// Throws InputError for anything but a valid trace file.
TraceFile load_trace_file(const std::string& path);
// The same, from the file's text; `name` is used in error messages.
TraceFile parse_trace_file(const std::string& text, const std::string& name);

}  // namespace sc::crash
