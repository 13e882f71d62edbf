// protocol_decoder_test.cpp — what fuzz_protocol decodes is a workload a
// user can replay and a correct system can run: for seeded pseudo-random
// inputs and the regression inputs, the decoded workload survives
// workload_to_json → parse_workload (the checks `stablecut run --workload`
// applies, partition sizes included) unchanged, and recording it on the
// correct managers reports nothing (a stabilisation refused with no_space
// would be a finding: the partitions hold every page a decoded workload can
// write, protocol_decoder.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "fuzz/byte_reader.h"
#include "fuzz/protocol_decoder.h"
#include "injector/check/beyond_memory.h"
#include "injector/inproc/recording.h"
#include "injector/workload/workload_file.h"
#include "kernel/core/prng.h"

namespace sc::fuzz {
namespace {

using Input = std::vector<uint8_t>;

std::vector<Input> inputs() {
  std::vector<Input> out;
  const std::filesystem::path dir = std::filesystem::path(STABLECUT_FUZZ_CORPUS) / "fuzz_protocol" / "regressions";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  Prng prng(23);
  for (int i = 0; i < 64; ++i) {
    Input random(64 + prng.below(400));
    for (auto& b : random) b = static_cast<uint8_t>(prng.next());
    out.push_back(std::move(random));
  }
  return out;
}

TEST(ProtocolDecoder, DecodedWorkloadsAreReplayableAndRunCleanOnTheCorrectManagers) {
  for (const Input& input : inputs()) {
    ByteReader in(input);
    const Workload w = decode_workload(in, self_managing_programs());
    const nlohmann::json json = workload_to_json(w);
    Workload parsed;
    ASSERT_NO_THROW(parsed = parse_workload(json, "decoded")) << json.dump();
    EXPECT_EQ(workload_to_json(parsed), json);
    try {
      const Recording rec = record_inproc(w, {});
      EXPECT_TRUE(rec.findings.empty()) << rec.findings.front() << "\n" << json.dump();
    } catch (const BeyondMemory&) {
      continue;  // more pages than the kernel's frames: fuzz_protocol skips it too
    }
  }
}

}  // namespace
}  // namespace sc::fuzz
