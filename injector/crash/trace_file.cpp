// trace_file.cpp — writing trace files and reading their bytes; the
// validation of the document is in trace_file_parse.cpp.
#include "trace_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base64.h"
#include "whole_file.h"

namespace sc::crash {

namespace {

nlohmann::json sector_data(std::span<const uint8_t> bytes) { return base64_encode(bytes); }

nlohmann::json base_to_json(const Trace& trace) {
  auto base = nlohmann::json::array();
  for (const uint64_t s : trace.base().sectors())
    base.push_back({{"sector", s}, {"data", sector_data({trace.base_sector(s), kSectorSize})}});
  return base;
}

nlohmann::json request_to_json(const Trace& trace, const Request& r) {
  if (r.kind == Kind::flush) return {{"op", "flush"}, {"phase", phase_name(r.phase)}};
  const std::span<const uint8_t> data{trace.write_data(r), uint64_t{r.count} * kSectorSize};
  return {{"op", "write"}, {"sector", r.sector},           {"count", r.count},
          {"fua", r.fua},  {"phase", phase_name(r.phase)}, {"data", sector_data(data)}};
}

nlohmann::json faults_to_json(const std::vector<Fault>& faults) {
  auto out = nlohmann::json::array();
  for (const Fault& f : faults)
    out.push_back({{"kind", mode_name(f.kind)}, {"request", f.request}, {"sector", f.sector}, {"detail", f.detail}});
  return out;
}

nlohmann::json crash_state_to_json(const std::optional<CrashState>& state) {
  if (!state) return nullptr;
  auto kept = nlohmann::json::array();
  for (const KeptWrite& k : state->kept)
    kept.push_back({{"request", k.request}, {"sector_mask", k.sector_mask}});
  nlohmann::json out = {{"cut", state->cut}, {"kind", mode_name(state->kind)}, {"kept", kept}};
  if (!state->faults.empty()) out["faults"] = faults_to_json(state->faults);
  return out;
}

// One line: JSON parser messages may quote raw input bytes.
std::string single_line(std::string text) {
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  return text;
}

}  // namespace

nlohmann::json trace_file_to_json(const TraceFile& file) {
  auto requests = nlohmann::json::array();
  for (const Request& r : file.trace.requests()) requests.push_back(request_to_json(file.trace, r));
  return {{"format", kTraceFormat},
          {"version", kTraceVersion},
          {"sector_count", file.trace.sector_count()},
          {"seed", file.seed},
          {"workload", file.workload},
          {"meta", file.meta},
          {"base", base_to_json(file.trace)},
          {"requests", requests},
          {"crash_state", crash_state_to_json(file.crash_state)}};
}

std::string trace_file_text(const TraceFile& file) { return trace_file_to_json(file).dump(1) + '\n'; }

void save_trace_file(const std::string& path, const TraceFile& file) {
  const std::string text = trace_file_text(file);
  write_whole_file(path, text.data(), text.size());
}

TraceFile load_trace_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError(path + ": is a directory; expected a trace or case file");
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) throw InputError(path + ": (file): expected a readable trace file");
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) throw InputError(path + ": (file): expected a readable trace file");
  return parse_trace_file(text.str(), path);
}

TraceFile parse_trace_file(const std::string& text, const std::string& name) {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(name + ": byte " + std::to_string(e.byte) + ": expected valid JSON (" +
                     single_line(e.what()) + ")");
  } catch (const nlohmann::json::exception& e) {  // e.g. a number too large for any JSON number type
    throw InputError(name + ": (file): expected valid JSON (" + single_line(e.what()) + ")");
  }
  return trace_file_from_json(document, name);
}

}  // namespace sc::crash
