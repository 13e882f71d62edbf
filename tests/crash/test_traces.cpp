// test_traces.cpp — see test_traces.h.
#include "test_traces.h"

#include <algorithm>
#include <cstring>

#include "kernel/core/prng.h"

namespace sc::crash::test {

std::vector<uint8_t> tagged(uint8_t tag, uint32_t count) {
  std::vector<uint8_t> data(uint64_t{count} * kSectorSize, tag);
  for (uint32_t j = 0; j < count; ++j) data[uint64_t{j} * kSectorSize + 1] = static_cast<uint8_t>(j);
  return data;
}

void write_tagged(Trace& trace, uint64_t sector, uint32_t count, uint8_t tag, bool fua) {
  (void)trace.append_write(sector, count, tagged(tag, count).data(), fua, Phase::RUN);
}

uint8_t tag_at(const std::vector<uint8_t>& image, uint64_t sector) {
  return image.at(sector * kSectorSize);
}

Trace random_trace(uint64_t seed, uint64_t sectors, size_t requests, uint32_t max_count) {
  Prng prng(seed);
  Trace trace(sectors);
  for (size_t i = 0; i < requests; ++i) {
    if (prng.below(6) == 0) {
      trace.append_flush(Phase::SNAPSHOT);
      continue;
    }
    const auto count = static_cast<uint32_t>(1 + prng.below(max_count));
    const uint64_t sector = prng.below(sectors - count + 1);
    write_tagged(trace, sector, count, static_cast<uint8_t>(1 + i % 255), prng.below(8) == 0);
  }
  return trace;
}

namespace {
bool durable_at(const Trace& trace, size_t write, size_t cut) {
  const auto requests = trace.requests();
  if (requests[write].fua) return true;
  for (size_t f = write + 1; f < cut; ++f)
    if (requests[f].kind == Kind::flush) return true;
  return false;
}

const KeptWrite* kept_entry(const CrashState& state, size_t request) {
  for (const KeptWrite& k : state.kept)
    if (k.request == request) return &k;
  return nullptr;
}
}  // namespace

std::vector<uint8_t> reference_image(const Trace& trace, const CrashState& state) {
  std::vector<uint8_t> image(trace.sector_count() * kSectorSize, 0);
  for (const uint64_t s : trace.base().sectors())
    std::memcpy(image.data() + s * kSectorSize, trace.base_sector(s), kSectorSize);
  const auto requests = trace.requests();
  for (size_t w = 0; w < state.cut; ++w) {
    const Request& r = requests[w];
    if (r.kind != Kind::write) continue;
    const KeptWrite* kept = kept_entry(state, w);
    if (!durable_at(trace, w, state.cut) && kept == nullptr) continue;
    for (uint32_t j = 0; j < r.count; ++j) {
      if (kept && !durable_at(trace, w, state.cut) && !sector_kept(kept->sector_mask, r.count, j))
        continue;
      std::memcpy(image.data() + (r.sector + j) * kSectorSize,
                  trace.write_data(r) + uint64_t{j} * kSectorSize, kSectorSize);
    }
  }
  return image;
}

}  // namespace sc::crash::test
