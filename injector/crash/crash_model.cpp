// crash_model.cpp — names of the enumeration modes (see crash_model.h).
#include "crash_model.h"

#include <cstring>

namespace sc::crash {

namespace {
const char* const kModeNames[kModeCount] = {"prefix", "reorder", "torn"};
}

const char* mode_name(Mode mode) {
  const auto i = static_cast<size_t>(mode);
  return i < kModeCount ? kModeNames[i] : "unknown";
}

bool parse_mode(const char* name, Mode* out) {
  for (size_t i = 0; i < kModeCount; ++i) {
    if (std::strcmp(name, kModeNames[i]) == 0) {
      *out = static_cast<Mode>(i);
      return true;
    }
  }
  return false;
}

ModeSet all_modes() { return ModeSet{}.set(); }

ModeSet only(Mode mode) { return ModeSet{}.set(static_cast<size_t>(mode)); }

}  // namespace sc::crash
