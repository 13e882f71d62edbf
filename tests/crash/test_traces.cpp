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
bool has_fault(const CrashState& state, Mode kind, size_t request) {
  for (const Fault& f : state.faults)
    if (f.kind == kind && f.request == request) return true;
  return false;
}

// Durable under the rules, where a lied FLUSH or FUA makes nothing durable.
bool durable_at(const Trace& trace, const CrashState& state, size_t write) {
  const auto requests = trace.requests();
  if (requests[write].fua && !has_fault(state, Mode::lying_flush, write)) return true;
  for (size_t f = write + 1; f < state.cut; ++f)
    if (requests[f].kind == Kind::flush && !has_fault(state, Mode::lying_flush, f)) return true;
  return false;
}

const KeptWrite* kept_entry(const CrashState& state, size_t request) {
  for (const KeptWrite& k : state.kept)
    if (k.request == request) return &k;
  return nullptr;
}

const Fault* fault_of(const CrashState& state, Mode kind, size_t request) {
  for (const Fault& f : state.faults)
    if (f.kind == kind && f.request == request) return &f;
  return nullptr;
}

// The tear of write w at `sector`, if the state has one.
const Fault* tear_at(const CrashState& state, size_t w, uint64_t sector) {
  for (const Fault& f : state.faults)
    if (f.kind == Mode::sub_sector_tear && f.request == w && f.sector == sector) return &f;
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
    if (r.kind != Kind::write || has_fault(state, Mode::lost_write, w)) continue;
    const bool durable = durable_at(trace, state, w);
    const KeptWrite* kept = kept_entry(state, w);
    const Fault* misdirected = fault_of(state, Mode::misdirected, w);
    const uint64_t start = misdirected ? misdirected->sector : r.sector;
    for (uint32_t j = 0; j < r.count; ++j) {
      const Fault* tear = tear_at(state, w, start + j);
      if (!durable && !tear && !(kept && sector_kept(kept->sector_mask, r.count, j))) continue;
      std::memcpy(image.data() + (start + j) * kSectorSize, trace.write_data(r) + uint64_t{j} * kSectorSize,
                  tear ? tear->detail : kSectorSize);
    }
  }
  for (const Fault& f : state.faults)
    if (f.kind == Mode::bit_rot)
      image[f.sector * kSectorSize + f.detail / 8] ^= static_cast<uint8_t>(1u << (f.detail % 8));
  return image;
}

}  // namespace sc::crash::test
