// plural.h — "1 state", "2 states", "0 states": a count with its noun in the
// right number, for every message a user reads.
// Interface: counted(n, "state") or counted(n, "fuzz", "fuzzes") for a noun
// whose plural is not noun + "s".
#pragma once
#include <cstdint>
#include <string>

namespace sc {

inline std::string counted(std::uint64_t n, const std::string& noun, const std::string& plural = {}) {
  return std::to_string(n) + " " + (n == 1 ? noun : plural.empty() ? noun + "s" : plural);
}

}  // namespace sc
