// case_location.cpp — see case_location.h.
#include "injector/cli/case_location.h"

#include <vector>

#include "injector/common/input_error.h"

namespace sc::cli {

namespace {

// The tails of path, longest first: a/b/c gives a/b/c, b/c, c.
std::vector<std::filesystem::path> tails(const std::filesystem::path& path) {
  const std::filesystem::path relative = path.relative_path();
  std::vector<std::filesystem::path> parts(relative.begin(), relative.end());
  std::vector<std::filesystem::path> out;
  for (size_t first = 0; first < parts.size(); ++first) {
    std::filesystem::path tail;
    for (size_t i = first; i < parts.size(); ++i) tail /= parts[i];
    out.push_back(tail);
  }
  return out;
}

}  // namespace

std::string locate_case(const std::string& stored, const std::filesystem::path& db) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(stored, ec)) return stored;
  const std::filesystem::path dir = std::filesystem::absolute(db).parent_path();
  for (const auto& tail : tails(stored)) {
    const std::filesystem::path candidate = dir / tail;
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate.string();
  }
  throw InputError(stored + ": case file not found, nor under " + dir.string() +
                   "/ (copy the campaign's cases directory beside the database)");
}

}  // namespace sc::cli
