// system_state.h — the logical state of a system: for every workload
// container that exists, its pages and a hash of each page's content.
// Manager home containers are not part of it (their pages are the
// managers' own data structures, not workload data).
// Differences between two states are structured records (StateDifference:
// container, page or whole container, kind); diff_states() renders the first
// `limit` of them as text for people, and failure signatures are built from
// the records, never from the text.
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

// How many differences a verdict shows (and its failure signature reads).
constexpr size_t kShownDifferences = 20;

enum class DiffKind {
  missing,        // expected, not recovered
  unexpected,     // recovered, not expected
  wrong_content,  // both, with different hashes
};

struct StateDifference {
  ContainerId container = kNoContainer;
  bool whole_container = false;  // else one page of it
  uint32_t page = 0;
  DiffKind kind = DiffKind::wrong_content;
  uint64_t expected = 0;   // page hash (whole container: its page count)
  uint64_t recovered = 0;  // page hash (whole container: its page count)

  // A page that could not be read back takes part in the difference.
  bool unreadable() const { return !whole_container && (expected == kUnreadablePage || recovered == kUnreadablePage); }
};

// Every difference of `actual` from `expected`: per expected container in
// order, its pages then the unexpected pages; then the unexpected containers.
std::vector<StateDifference> state_differences(const SystemState& expected, const SystemState& actual);

// Human-readable differences, at most `limit` lines (plus a "... and N more").
std::vector<std::string> diff_lines(const Workload& w, const std::vector<StateDifference>& differences,
                                    size_t limit = kShownDifferences);
std::vector<std::string> diff_states(const Workload& w, const SystemState& expected, const SystemState& actual,
                                     size_t limit = kShownDifferences);

}  // namespace sc
