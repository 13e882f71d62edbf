// kind_count.h — how many states of one crash-state kind a SQLite
// exploration judged, whatever their outcome (the SQLite tests' shared count).
#pragma once
#include <cstdint>

#include "injector/sqlite/explore.h"

namespace sc::sqlite {

inline uint64_t of_kind(const SqliteExploreResult& r, crash::Mode kind) {
  uint64_t n = 0;
  for (const auto& row : r.counts) n += row[static_cast<size_t>(kind)];
  return n;
}

}  // namespace sc::sqlite
