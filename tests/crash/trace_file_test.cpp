// trace_file_test.cpp — trace files: a full round trip (requests, payloads,
// base image, seed, crash state, opaque objects), rebuilding a crash image
// twice from one file, and malformed files each rejected with one line
// naming the file and the field.
#include "trace_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "crash_image.h"
#include "recording_disk.h"
#include "test_traces.h"

namespace sc::crash {
namespace {

using nlohmann::json;

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("stablecut-crash-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
           "-" + name))
      .string();
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

TraceFile sample_file() {
  SectorMap base;
  base.put(6, test::tagged(42, 1).data());
  RecordingDisk disk(64, std::move(base));
  disk.set_phase(Phase::SNAPSHOT);
  (void)disk.write(0, 8, test::tagged(1, 8).data(), false);
  (void)disk.write(16, 2, test::tagged(2, 2).data(), true);
  disk.set_phase(Phase::ROOT_COPY);
  (void)disk.flush();
  (void)disk.write(4, 4, test::tagged(3, 4).data(), false);
  (void)disk.write(6, 1, test::tagged(4, 1).data(), false);
  TraceFile file(disk.trace());
  file.seed = 0xfedcba9876543210ULL;
  file.crash_state = CrashState{5, Mode::torn, {{3, 0b1010}, {4, kWholeWrite}}, {}};
  file.workload = {{"ops", {"create", "write"}}, {"pages", 3}};
  file.meta = {{"tool", "test"}};
  return file;
}

void expect_same_trace(const Trace& a, const Trace& b) {
  ASSERT_EQ(a.sector_count(), b.sector_count());
  ASSERT_EQ(a.requests().size(), b.requests().size());
  for (size_t i = 0; i < a.requests().size(); ++i) {
    const Request& x = a.requests()[i];
    const Request& y = b.requests()[i];
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.sector, y.sector);
    EXPECT_EQ(x.count, y.count);
    EXPECT_EQ(x.fua, y.fua);
    EXPECT_EQ(x.phase, y.phase);
  }
  EXPECT_TRUE(std::equal(a.payload().begin(), a.payload().end(), b.payload().begin(), b.payload().end()));
  EXPECT_EQ(a.base().sectors(), b.base().sectors());
}

TEST(TraceFile, RoundTripsEverything) {
  const TraceFile original = sample_file();
  const std::string path = temp_path("roundtrip.json");
  save_trace_file(path, original);
  const TraceFile loaded = load_trace_file(path);
  expect_same_trace(original.trace, loaded.trace);
  EXPECT_EQ(loaded.trace.base_sector(6)[0], 42);
  EXPECT_EQ(loaded.seed, original.seed);
  EXPECT_EQ(loaded.crash_state, original.crash_state);
  EXPECT_EQ(loaded.workload, original.workload);
  EXPECT_EQ(loaded.meta, original.meta);
  std::filesystem::remove(path);
}

TEST(TraceFile, RebuildingFromOneFileTwiceGivesIdenticalBytes) {
  const TraceFile original = sample_file();
  const std::string path = temp_path("rebuild.json");
  save_trace_file(path, original);
  const TraceFile first = load_trace_file(path);
  const TraceFile second = load_trace_file(path);
  const auto a = build_crash_image(first.trace, *first.crash_state).view().bytes();
  const auto b = build_crash_image(second.trace, *second.crash_state).view().bytes();
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, build_crash_image(original.trace, *original.crash_state).view().bytes());
  EXPECT_EQ(test::tag_at(a, 5), 3) << "chunk 1 of the torn write";
  EXPECT_EQ(test::tag_at(a, 4), 1) << "chunk 0 of the torn write was dropped: durable data";
  EXPECT_EQ(test::tag_at(a, 6), 4) << "kept later write over the base sector";
  std::filesystem::remove(path);
}

TEST(TraceFile, RoundTripsAFaultStateAndItsImage) {
  TraceFile original = sample_file();
  original.crash_state = CrashState{5, Mode::bit_rot, {{3, kWholeWrite}}, {{Mode::bit_rot, 1, 17, 4095}}};
  const TraceFile loaded = parse_trace_file(trace_file_text(original), "fault.json");
  EXPECT_EQ(loaded.crash_state, original.crash_state);
  const auto image = build_crash_image(loaded.trace, *loaded.crash_state).view().bytes();
  EXPECT_EQ(image, build_crash_image(original.trace, *original.crash_state).view().bytes());
  EXPECT_EQ(image[17 * kSectorSize + 511], 2 ^ 0x80);
}

TEST(TraceFile, AbsentCrashStateLoadsAsNone) {
  TraceFile file = sample_file();
  file.crash_state.reset();
  const std::string path = temp_path("nostate.json");
  save_trace_file(path, file);
  EXPECT_FALSE(load_trace_file(path).crash_state.has_value());
  std::filesystem::remove(path);
}

struct Malformed {
  const char* name;
  std::function<std::string(json)> make;  // document text from a valid document
  const char* field;                      // expected after "<file>: "
  const char* expected;                   // expected in the message
};

std::string dump(const json& doc) { return doc.dump(); }

std::string edit(json doc, const std::function<void(json&)>& change) {
  change(doc);
  return doc.dump();
}

// The sample's crash state made a `kind` state with one fault.
std::string with_fault(json doc, const char* kind, uint64_t request, uint64_t sector, uint64_t detail) {
  doc["crash_state"]["kind"] = kind;
  doc["crash_state"]["faults"] = {{{"kind", kind}, {"request", request}, {"sector", sector}, {"detail", detail}}};
  return doc.dump();
}

const Malformed kMalformed[] = {
    {"garbage", [](json) { return std::string("\x01\xff not json", 11); }, "byte ", "expected valid JSON"},
    {"empty", [](json) { return std::string(); }, "byte ", "expected valid JSON"},
    {"truncated", [](json d) { const auto t = dump(d); return t.substr(0, t.size() / 2); }, "byte ",
     "expected valid JSON"},
    {"top_level_array", [](json) { return std::string("[1,2]"); }, "(top level)", "expected a JSON object"},
    {"wrong_format", [](json d) { return edit(d, [](json& j) { j["format"] = "other"; }); }, "format",
     "stablecut-trace"},
    {"version_mismatch", [](json d) { return edit(d, [](json& j) { j["version"] = 2; }); }, "version",
     "expected 1 (the only version this build supports), got 2"},
    {"missing_sector_count", [](json d) { return edit(d, [](json& j) { j.erase("sector_count"); }); },
     "sector_count", "missing"},
    {"disk_of_one_gib", [](json d) { return edit(d, [](json& j) { j["sector_count"] = uint64_t{1} << 21; }); },
     "sector_count", "expected 1 to 524288 sectors (kMaxTraceSectors, a 256 MiB disk), got 2097152"},
    {"disk_of_512_tib", [](json d) { return edit(d, [](json& j) { j["sector_count"] = uint64_t{1} << 40; }); },
     "sector_count", "expected 1 to 524288 sectors"},
    {"disk_of_2_62_bytes", [](json d) { return edit(d, [](json& j) { j["sector_count"] = uint64_t{1} << 53; }); },
     "sector_count", "expected 1 to 524288 sectors"},
    {"disk_of_no_sectors", [](json d) { return edit(d, [](json& j) { j["sector_count"] = 0; }); }, "sector_count",
     "expected 1 to 524288 sectors"},
    {"negative_seed", [](json d) { return edit(d, [](json& j) { j["seed"] = -1; }); }, "seed",
     "unsigned integer"},
    {"unknown_field", [](json d) { return edit(d, [](json& j) { j["extra"] = 1; }); }, "extra",
     "unknown field"},
    {"workload_not_object", [](json d) { return edit(d, [](json& j) { j["workload"] = 3; }); },
     "workload", "expected a JSON object"},
    {"sector_out_of_range", [](json d) { return edit(d, [](json& j) { j["requests"][0]["sector"] = 64; }); },
     "requests[0].sector", "no greater than 63"},
    {"write_past_the_end", [](json d) { return edit(d, [](json& j) { j["requests"][0]["sector"] = 60; }); },
     "requests[0].count", "sector_count 64"},
    {"payload_length_mismatch",
     [](json d) { return edit(d, [](json& j) { j["requests"][1]["data"] = "AAAA"; }); }, "requests[1].data",
     "expected 1024 bytes of data, got 3"},
    {"payload_not_base64", [](json d) { return edit(d, [](json& j) { j["requests"][1]["data"] = "!!!!"; }); },
     "requests[1].data", "base64"},
    {"unknown_phase", [](json d) { return edit(d, [](json& j) { j["requests"][2]["phase"] = "NAP"; }); },
     "requests[2].phase", "expected a phase name"},
    {"unknown_op", [](json d) { return edit(d, [](json& j) { j["requests"][2]["op"] = "trim"; }); },
     "requests[2].op", "\"write\" or \"flush\""},
    {"fua_not_bool", [](json d) { return edit(d, [](json& j) { j["requests"][0]["fua"] = 1; }); },
     "requests[0].fua", "true or false"},
    {"base_sector_twice",
     [](json d) { return edit(d, [](json& j) { j["base"].push_back(j["base"][0]); }); }, "base[1].sector",
     "once"},
    {"cut_out_of_range", [](json d) { return edit(d, [](json& j) { j["crash_state"]["cut"] = 6; }); },
     "crash_state.cut", "no greater than 5"},
    {"kept_not_in_flight",
     [](json d) { return edit(d, [](json& j) { j["crash_state"]["kept"][0]["request"] = 1; }); },
     "crash_state.kept[0].request", "in flight at cut 5"},
    {"mask_beyond_write",
     [](json d) { return edit(d, [](json& j) { j["crash_state"]["kept"][0]["sector_mask"] = 0x10; }); },
     "crash_state.kept[0].sector_mask", "within the write"},
    {"unknown_kind", [](json d) { return edit(d, [](json& j) { j["crash_state"]["kind"] = "bitrot"; }); },
     "crash_state.kind", "\"torn\""},
    {"fault_request_out_of_range", [](json d) { return with_fault(d, "lost-write", 99, 0, 0); },
     "crash_state.faults[0].request", "expected a write durable at cut 5"},
    {"fault_wrong_kind_for_request", [](json d) { return with_fault(d, "lost-write", 2, 0, 0); },
     "crash_state.faults[0].request", "expected a write durable at cut 5"},
    {"fault_not_a_flush", [](json d) { return with_fault(d, "lying-flush", 0, 0, 0); },
     "crash_state.faults[0].request", "expected a FLUSH or FUA write"},
    {"fault_sector_outside_device", [](json d) { return with_fault(d, "misdirected", 0, 60, 0); },
     "crash_state.faults[0].sector", "fit on the device of 64 sectors"},
    {"fault_bit_out_of_range", [](json d) { return with_fault(d, "bit-rot", 1, 16, 4096); },
     "crash_state.faults[0].detail", "expected a bit index 0..4095"},
    {"fault_tear_out_of_range", [](json d) { return with_fault(d, "sub-sector-tear", 3, 4, 512); },
     "crash_state.faults[0].detail", "expected a byte count 1..511"},
    {"fault_unknown_kind",
     [](json d) {
       return edit(d, [](json& j) { j["crash_state"]["faults"] = {{{"kind", "bitrot"}, {"request", 1}, {"sector", 16}, {"detail", 0}}}; });
     },
     "crash_state.faults[0].kind", "expected a fault class"},
    {"fault_of_another_kind",
     [](json d) {
       return edit(d, [](json& j) { j["crash_state"]["faults"] = {{{"kind", "bit-rot"}, {"request", 1}, {"sector", 16}, {"detail", 0}}}; });
     },
     "crash_state.faults[0].kind", "expected the state's kind torn"},
    {"too_many_faults",
     [](json d) {
       return edit(d, [](json& j) {
         j["crash_state"]["kind"] = "bit-rot";
         j["crash_state"]["faults"] = json::array();
         for (int i = 0; i < 9; ++i)
           j["crash_state"]["faults"].push_back({{"kind", "bit-rot"}, {"request", 1}, {"sector", 16}, {"detail", i}});
       });
     },
     "crash_state.faults", "expected at most 8 faults"},
    {"fault_state_without_faults", [](json d) { return edit(d, [](json& j) { j["crash_state"]["kind"] = "lost-write"; }); },
     "crash_state.faults", "expected at least one fault"},
};

void PrintTo(const Malformed& m, std::ostream* out) { *out << m.name; }

class MalformedTraceFile : public ::testing::TestWithParam<Malformed> {};

TEST_P(MalformedTraceFile, IsRejectedWithOneLineNamingTheField) {
  const Malformed& m = GetParam();
  const std::string path = temp_path(std::string(m.name) + ".json");
  write_text(path, m.make(trace_file_to_json(sample_file())));
  try {
    (void)load_trace_file(path);
    FAIL() << "accepted a malformed trace file";
  } catch (const InputError& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind(path + ": " + m.field, 0), 0u) << message;
    EXPECT_NE(message.find(m.expected), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
  std::filesystem::remove(path);
}

INSTANTIATE_TEST_SUITE_P(Cases, MalformedTraceFile, ::testing::ValuesIn(kMalformed),
                         [](const auto& test_case) { return std::string(test_case.param.name); });

TEST(TraceFile, MissingFileIsAnInputError) {
  const std::string path = temp_path("does-not-exist.json");
  EXPECT_THROW(
      {
        try {
          (void)load_trace_file(path);
        } catch (const InputError& e) {
          EXPECT_EQ(std::string(e.what()), path + ": (file): expected a readable trace file");
          throw;
        }
      },
      InputError);
}

}  // namespace
}  // namespace sc::crash
