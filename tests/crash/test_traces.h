// test_traces.h — traces and images for the crash-model tests.
// Written data is recognisable: sector j of a write tagged t holds byte t
// everywhere except byte 1, which holds j. tag_at() reads the tag back
// (0 = zeros). reference_image() computes a crash image straight from the
// rules in crash_model.h (FAULT CLASSES included: it applies the writes
// forward, one by one), independently of the library's layers, as an oracle.
#pragma once
#include <cstdint>
#include <vector>

#include "crash_model.h"
#include "trace.h"

namespace sc::crash::test {

std::vector<uint8_t> tagged(uint8_t tag, uint32_t count);
void write_tagged(Trace& trace, uint64_t sector, uint32_t count, uint8_t tag, bool fua = false);
uint8_t tag_at(const std::vector<uint8_t>& image, uint64_t sector);

// A random trace over `sectors` sectors: overlapping writes of 1..max_count
// sectors, some FUA, and flushes, `requests` requests in all.
Trace random_trace(uint64_t seed, uint64_t sectors, size_t requests, uint32_t max_count);

std::vector<uint8_t> reference_image(const Trace& trace, const CrashState& state);

}  // namespace sc::crash::test
