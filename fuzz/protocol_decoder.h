// protocol_decoder.h — decodes fuzz bytes into a valid workload and a crash
// state choice, for fuzz_protocol. Almost every input decodes to a valid
// workload: the topology is fixed (self-managing managers A and B, ordinary
// manager M managed by A) and every op names only managers and containers
// that exist by then, so the bytes choose only the shape and which
// self-managing program A and B run (one of `programs`: by default every
// self-managing program of the registry; fuzz_protocol narrows it with
// STABLECUT_FUZZ_PROGRAMS). A and B get kProtocolPartitionBlocks each: room
// for every page a decoded workload can write, so a correct manager never
// refuses one with no_space and that refusal stays a finding (no
// "may_fill_partition"), and within the range a workload file takes, so the
// workload a finding prints replays with `stablecut run --workload`.
//
// Workload encoding (ByteReader, zeros past the end): seed byte; program
// byte (A runs programs[b % n], B programs[(b / n) % n]); step count
// byte (1..kMaxSteps); per step a kind byte (1 in 6 is a crash step, never
// the first) or, for a run step, a locus count byte (1..3) and per locus a
// home byte and an op count byte (1..kMaxOpsPerLocus), then ops: a kind
// byte (create / write×4 / read / stabilise×2) and its argument bytes.
// Crash choice encoding (after the workload): a two-byte cut, then one byte
// per in-flight write (drop, keep whole, tear with an eight-byte mask).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "fuzz/byte_reader.h"
#include "injector/crash/crash_model.h"
#include "injector/crash/trace.h"
#include "injector/workload/workload.h"

namespace sc::fuzz {

constexpr size_t kMaxSteps = 4;
constexpr size_t kMaxOpsPerLocus = 12;
constexpr size_t kMaxLociPerStep = 3;
constexpr size_t kMaxCreated = 6;

// A decoded workload writes pages 0..kPagesPerContainer-1 of at most
// kMaxCreated containers, 48 pages, all of them possibly in A's domain (A's
// containers and M's), besides the few M keeps of its own. 160 blocks give
// the journal a log of 79 blocks (one transaction of up to 77 records) and
// 78 home slots, and the shadow manager more than it needs. On 40 blocks,
// the journal's 18 home slots and 19-block log refused a workload of 16
// pages in A's domain with no_space, which fuzz_protocol reported as a
// finding in the correct code.
constexpr uint32_t kPagesPerContainer = 8;
constexpr uint32_t kProtocolPartitionBlocks = 160;
static_assert(kProtocolPartitionBlocks >= kMinPartitionBlocks && kProtocolPartitionBlocks <= kMaxPartitionBlocks);

// Every self-managing program of the registry, in registration order.
std::vector<std::string> self_managing_programs();
Workload decode_workload(ByteReader& in, const std::vector<std::string>& programs);
crash::CrashState decode_crash_state(ByteReader& in, const crash::Trace& trace);

}  // namespace sc::fuzz
