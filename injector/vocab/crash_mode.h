// crash_mode.h — how a crash state was produced (DESIGN.md §4 enumeration
// modes), the one vocabulary the crash model enumerates in and the results
// database stores as a crash state's kind.
// Invariant: the names are the strings stored in the results database
// (results/schema.sql) and in trace files; never rename or reorder them.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sc::crash {

enum class Mode : uint8_t { prefix = 0, reorder = 1, torn = 2 };
constexpr size_t kModeCount = 3;

inline constexpr const char* kModeNames[kModeCount] = {"prefix", "reorder", "torn"};

inline const char* mode_name(Mode mode) {
  const auto i = static_cast<size_t>(mode);
  return i < kModeCount ? kModeNames[i] : "unknown";
}

// False (and *out untouched) for a name mode_name() never returns.
inline bool parse_mode(std::string_view name, Mode* out) {
  for (size_t i = 0; i < kModeCount; ++i) {
    if (name == kModeNames[i]) {
      *out = static_cast<Mode>(i);
      return true;
    }
  }
  return false;
}

}  // namespace sc::crash
