// absolute_path.h — a path flag's value as printed commands and stored
// options hold it: absolute and lexically normal, so it means the same from
// any working directory. "" stays "" (no path given; std::filesystem would
// throw on it), for the command's own check to refuse or default.
#pragma once
#include <filesystem>
#include <string>

namespace sc::cli {

inline std::string absolute_path(const std::string& path) {
  return path.empty() ? path : std::filesystem::absolute(path).lexically_normal().string();
}

}  // namespace sc::cli
