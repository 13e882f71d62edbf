// system_state.cpp — see system_state.h.
#include "injector/oracle/system_state.h"

#include <fmt/format.h>

namespace sc {

namespace {

std::string hash_text(uint64_t h) { return h == kUnreadablePage ? "unreadable" : fmt::format("{:016x}", h); }

void page_differences(ContainerId c, const PageHashes& expected, const PageHashes& actual,
                      std::vector<StateDifference>& out) {
  for (const auto& [page, hash] : expected) {
    auto it = actual.find(page);
    if (it == actual.end()) out.push_back({c, false, page, DiffKind::missing, hash, 0});
    else if (it->second != hash) out.push_back({c, false, page, DiffKind::wrong_content, hash, it->second});
  }
  for (const auto& [page, hash] : actual)
    if (!expected.count(page)) out.push_back({c, false, page, DiffKind::unexpected, 0, hash});
}

std::string difference_text(const Workload& w, const StateDifference& d) {
  const std::string name = "container " + w.container_names.at(d.container);
  if (d.whole_container)
    return d.kind == DiffKind::missing
               ? fmt::format("{}: expected with {} pages, recovered missing", name, d.expected)
               : fmt::format("{}: expected missing, recovered with {} pages", name, d.recovered);
  switch (d.kind) {
    case DiffKind::missing:
      return fmt::format("{} page {}: expected {}, recovered missing", name, d.page, hash_text(d.expected));
    case DiffKind::unexpected:
      return fmt::format("{} page {}: expected missing, recovered {}", name, d.page, hash_text(d.recovered));
    case DiffKind::wrong_content: break;
  }
  return fmt::format("{} page {}: expected {}, recovered {}", name, d.page, hash_text(d.expected),
                     hash_text(d.recovered));
}

}  // namespace

std::vector<StateDifference> state_differences(const SystemState& expected, const SystemState& actual) {
  std::vector<StateDifference> out;
  for (const auto& [c, pages] : expected) {
    auto it = actual.find(c);
    if (it == actual.end()) out.push_back({c, true, 0, DiffKind::missing, pages.size(), 0});
    else page_differences(c, pages, it->second, out);
  }
  for (const auto& [c, pages] : actual)
    if (!expected.count(c)) out.push_back({c, true, 0, DiffKind::unexpected, 0, pages.size()});
  return out;
}

std::vector<std::string> diff_lines(const Workload& w, const std::vector<StateDifference>& all, size_t limit) {
  std::vector<std::string> lines;
  for (size_t i = 0; i < all.size() && i < limit; ++i) lines.push_back(difference_text(w, all[i]));
  if (all.size() > limit) lines.push_back(fmt::format("... and {} more differences", all.size() - limit));
  return lines;
}

std::vector<std::string> diff_states(const Workload& w, const SystemState& expected, const SystemState& actual,
                                     size_t limit) {
  return diff_lines(w, state_differences(expected, actual), limit);
}

}  // namespace sc
