// system_state.h — the logical state of a system: for every workload
// container that exists, its pages and a hash of each page's content.
// Manager home containers are not part of it (their pages are the
// managers' own data structures, not workload data).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "injector/workload/workload.h"
#include "kernel/harness/readback.h"

namespace sc {

using PageHashes = std::map<uint32_t, uint64_t>;
using SystemState = std::map<ContainerId, PageHashes>;

// Hash value that marks a page the recovered manager listed but could not
// supply (its read failed).
constexpr uint64_t kUnreadablePage = kUnreadablePageHash;

// Human-readable differences, at most `limit` lines (plus a "... and N more").
std::vector<std::string> diff_states(const Workload& w, const SystemState& expected,
                                     const SystemState& actual, size_t limit = 20);

}  // namespace sc
