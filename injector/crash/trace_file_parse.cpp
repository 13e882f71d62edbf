// trace_file_parse.cpp — trace_file_from_json(): checks every field of a
// trace-file document and builds the TraceFile, or throws InputError with one
// line naming the file, the field and what was expected.
#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <string_view>

#include "base64.h"
#include "crash_image.h"
#include "injector/common/phase_tag.h"
#include "trace_file.h"

namespace sc::crash {

namespace {

using nlohmann::json;

class DocumentReader {
 public:
  explicit DocumentReader(std::string name) : name_(std::move(name)) {}

  [[noreturn]] void fail(const std::string& field, const std::string& expected) const {
    throw InputError(name_ + ": " + field + ": " + expected);
  }

  void expect_object(const json& value, const std::string& field) const {
    if (!value.is_object()) fail(field, "expected a JSON object");
  }

  void expect_only(const json& object, const std::string& field,
                   std::initializer_list<std::string_view> keys) const {
    for (const auto& item : object.items())
      if (std::find(keys.begin(), keys.end(), item.key()) == keys.end())
        fail(join(field, item.key()), "expected no such field (unknown field)");
  }

  const json& member(const json& object, const std::string& field, const char* key) const {
    const auto it = object.find(key);
    if (it == object.end()) fail(join(field, key), "expected this field (missing)");
    return *it;
  }

  uint64_t unsigned_member(const json& object, const std::string& field, const char* key,
                           uint64_t max) const {
    const json& value = member(object, field, key);
    if (!value.is_number_unsigned() || value.get<uint64_t>() > max)
      fail(join(field, key), "expected an unsigned integer no greater than " + std::to_string(max));
    return value.get<uint64_t>();
  }

  const std::string& string_member(const json& object, const std::string& field, const char* key) const {
    const json& value = member(object, field, key);
    if (!value.is_string()) fail(join(field, key), "expected a string");
    return value.get_ref<const std::string&>();
  }

  const json& array_member(const json& object, const std::string& field, const char* key) const {
    const json& value = member(object, field, key);
    if (!value.is_array()) fail(join(field, key), "expected an array");
    return value;
  }

  std::vector<uint8_t> data_member(const json& object, const std::string& field, uint64_t bytes) const {
    std::vector<uint8_t> data;
    if (!base64_decode(string_member(object, field, "data"), data))
      fail(join(field, "data"), "expected base64 text");
    if (data.size() != bytes)
      fail(join(field, "data"), "expected " + std::to_string(bytes) + " bytes of data, got " +
                                    std::to_string(data.size()));
    return data;
  }

  static std::string join(const std::string& field, const std::string& key) {
    return field.empty() ? key : field + "." + key;
  }
  static std::string index(const char* field, size_t i) {
    return std::string(field) + "[" + std::to_string(i) + "]";
  }

 private:
  std::string name_;
};

void check_header(const DocumentReader& r, const json& doc) {
  r.expect_object(doc, "(top level)");
  if (doc.contains("format") && doc["format"] == "stablecut-workload")
    r.fail("format", "this is a workload file, not a trace or case file (check it with: stablecut run --workload FILE)");
  r.expect_only(doc, "", {"format", "version", "sector_count", "seed", "workload", "meta", "base",
                          "requests", "crash_state"});
  if (r.string_member(doc, "", "format") != kTraceFormat)
    r.fail("format", std::string("expected \"") + kTraceFormat + "\"");
  const json& version = r.member(doc, "", "version");
  if (!version.is_number_unsigned() || version.get<uint64_t>() != kTraceVersion)
    r.fail("version", "expected " + std::to_string(kTraceVersion) +
                          " (the only version this build supports), got " + version.dump());
}

SectorMap read_base(const DocumentReader& r, const json& doc, uint64_t sector_count) {
  SectorMap base;
  const json& entries = r.array_member(doc, "", "base");
  for (size_t i = 0; i < entries.size(); ++i) {
    const std::string field = DocumentReader::index("base", i);
    r.expect_object(entries[i], field);
    r.expect_only(entries[i], field, {"sector", "data"});
    const uint64_t sector = r.unsigned_member(entries[i], field, "sector", sector_count - 1);
    if (base.find(sector)) r.fail(field + ".sector", "expected each base sector once");
    base.put(sector, r.data_member(entries[i], field, kSectorSize).data());
  }
  return base;
}

Phase read_phase(const DocumentReader& r, const json& request, const std::string& field) {
  Phase phase = Phase::RUN;
  if (!parse_tag_phase(r.string_member(request, field, "phase"), &phase))
    r.fail(field + ".phase", "expected a phase name such as RUN, SNAPSHOT or RECOVERY");
  return phase;
}

void read_write(const DocumentReader& r, const json& request, const std::string& field, Trace& trace) {
  r.expect_only(request, field, {"op", "sector", "count", "fua", "phase", "data"});
  const uint64_t n = trace.sector_count();
  const uint64_t sector = r.unsigned_member(request, field, "sector", n - 1);
  const uint64_t count = r.unsigned_member(request, field, "count", std::min<uint64_t>(n, UINT32_MAX));
  if (count == 0 || !trace.in_range(sector, count))
    r.fail(field + ".count", "expected 1 or more sectors ending at or before sector_count " + std::to_string(n));
  const json& fua = r.member(request, field, "fua");
  if (!fua.is_boolean()) r.fail(field + ".fua", "expected true or false");
  const Phase phase = read_phase(r, request, field);
  const auto data = r.data_member(request, field, count * kSectorSize);
  (void)trace.append_write(sector, static_cast<uint32_t>(count), data.data(), fua.get<bool>(), phase);
}

void read_requests(const DocumentReader& r, const json& doc, Trace& trace) {
  const json& requests = r.array_member(doc, "", "requests");
  for (size_t i = 0; i < requests.size(); ++i) {
    const std::string field = DocumentReader::index("requests", i);
    r.expect_object(requests[i], field);
    const std::string& op = r.string_member(requests[i], field, "op");
    if (op == "write") {
      read_write(r, requests[i], field, trace);
    } else if (op == "flush") {
      r.expect_only(requests[i], field, {"op", "phase"});
      trace.append_flush(read_phase(r, requests[i], field));
    } else {
      r.fail(field + ".op", "expected \"write\" or \"flush\"");
    }
  }
}

KeptWrite read_kept(const DocumentReader& r, const json& entry, const std::string& field) {
  r.expect_object(entry, field);
  r.expect_only(entry, field, {"request", "sector_mask"});
  return {r.unsigned_member(entry, field, "request", SIZE_MAX),
          r.unsigned_member(entry, field, "sector_mask", kWholeWrite)};
}

std::string quoted_mode_names(size_t first = 0) {
  std::string names;
  for (size_t m = first; m < kModeCount; ++m) names += (names.empty() ? "\"" : ", \"") + std::string(kModeNames[m]) + "\"";
  return names;
}

Fault read_fault(const DocumentReader& r, const json& entry, const std::string& field) {
  r.expect_object(entry, field);
  r.expect_only(entry, field, {"kind", "request", "sector", "detail"});
  Fault f;
  if (!parse_mode(r.string_member(entry, field, "kind").c_str(), &f.kind) || !is_fault_mode(f.kind))
    r.fail(field + ".kind", "expected a fault class: " + quoted_mode_names(kPowerCutModeCount));
  f.request = r.unsigned_member(entry, field, "request", SIZE_MAX);
  f.sector = r.unsigned_member(entry, field, "sector", UINT64_MAX);
  f.detail = static_cast<uint32_t>(r.unsigned_member(entry, field, "detail", UINT32_MAX));
  return f;
}

std::vector<Fault> read_faults(const DocumentReader& r, const json& object) {
  std::vector<Fault> faults;
  if (!object.contains("faults")) return faults;
  const json& list = r.array_member(object, "crash_state", "faults");
  if (list.size() > kMaxFaults)
    r.fail("crash_state.faults", "expected at most " + std::to_string(kMaxFaults) + " faults");
  for (size_t i = 0; i < list.size(); ++i)
    faults.push_back(read_fault(r, list[i], "crash_state." + DocumentReader::index("faults", i)));
  return faults;
}

std::optional<CrashState> read_crash_state(const DocumentReader& r, const json& doc, const Trace& trace) {
  const auto it = doc.find("crash_state");
  if (it == doc.end() || it->is_null()) return std::nullopt;
  const json& object = *it;
  r.expect_object(object, "crash_state");
  r.expect_only(object, "crash_state", {"cut", "kind", "kept", "faults"});
  CrashState state;
  state.cut = r.unsigned_member(object, "crash_state", "cut", trace.requests().size());
  if (!parse_mode(r.string_member(object, "crash_state", "kind").c_str(), &state.kind))
    r.fail("crash_state.kind", "expected a crash mode: " + quoted_mode_names());
  const json& kept = r.array_member(object, "crash_state", "kept");
  for (size_t i = 0; i < kept.size(); ++i)
    state.kept.push_back(read_kept(r, kept[i], "crash_state." + DocumentReader::index("kept", i)));
  state.faults = read_faults(r, object);
  const TraceHashes hashes(trace);
  DurableState durable(trace, hashes);
  durable.advance_to(state.cut);
  if (const auto error = crash_state_error(durable, state))
    r.fail("crash_state." + error->field, error->expected);
  return state;
}

nlohmann::json opaque_object(const DocumentReader& r, const json& doc, const char* key) {
  const json& value = r.member(doc, "", key);
  r.expect_object(value, key);
  return value;
}

}  // namespace

TraceFile trace_file_from_json(const json& document, const std::string& name) {
  const DocumentReader r(name);
  check_header(r, document);
  const json& sectors = r.member(document, "", "sector_count");
  if (!sectors.is_number_unsigned() || sectors.get<uint64_t>() == 0 || sectors.get<uint64_t>() > kMaxTraceSectors)
    r.fail("sector_count", "expected 1 to " + std::to_string(kMaxTraceSectors) + " sectors (kMaxTraceSectors, a " +
                               std::to_string(kMaxTraceSectors * kSectorSize >> 20) + " MiB disk), got " +
                               sectors.dump());
  const uint64_t sector_count = sectors.get<uint64_t>();
  TraceFile file{Trace(sector_count, read_base(r, document, sector_count))};
  file.seed = r.unsigned_member(document, "", "seed", UINT64_MAX);
  file.workload = opaque_object(r, document, "workload");
  file.meta = opaque_object(r, document, "meta");
  read_requests(r, document, file.trace);
  file.crash_state = read_crash_state(r, document, file.trace);
  return file;
}

}  // namespace sc::crash
