// system_state.cpp — see system_state.h.
#include "injector/oracle/system_state.h"

#include <fmt/format.h>

namespace sc {

namespace {

std::string hash_text(uint64_t h) { return h == kUnreadablePage ? "unreadable" : fmt::format("{:016x}", h); }

class DiffWriter {
 public:
  DiffWriter(std::vector<std::string>& out, size_t limit) : out_(out), limit_(limit) {}
  void finish() {
    if (extra_ > 0) out_.push_back(fmt::format("... and {} more differences", extra_));
  }
  void add(std::string line) {
    if (out_.size() < limit_) out_.push_back(std::move(line));
    else ++extra_;
  }

 private:
  std::vector<std::string>& out_;
  size_t limit_;
  size_t extra_ = 0;
};

void diff_pages(const std::string& name, const PageHashes& expected, const PageHashes& actual, DiffWriter& out) {
  for (const auto& [page, hash] : expected) {
    auto it = actual.find(page);
    if (it == actual.end()) out.add(fmt::format("{} page {}: expected {}, recovered missing", name, page, hash_text(hash)));
    else if (it->second != hash)
      out.add(fmt::format("{} page {}: expected {}, recovered {}", name, page, hash_text(hash), hash_text(it->second)));
  }
  for (const auto& [page, hash] : actual)
    if (!expected.count(page)) out.add(fmt::format("{} page {}: expected missing, recovered {}", name, page, hash_text(hash)));
}

}  // namespace

std::vector<std::string> diff_states(const Workload& w, const SystemState& expected, const SystemState& actual,
                                     size_t limit) {
  std::vector<std::string> lines;
  DiffWriter out(lines, limit);
  auto name = [&](ContainerId c) { return "container " + w.container_names.at(c); };
  for (const auto& [c, pages] : expected) {
    auto it = actual.find(c);
    if (it == actual.end()) out.add(fmt::format("{}: expected with {} pages, recovered missing", name(c), pages.size()));
    else diff_pages(name(c), pages, it->second, out);
  }
  for (const auto& [c, pages] : actual)
    if (!expected.count(c)) out.add(fmt::format("{}: expected missing, recovered with {} pages", name(c), pages.size()));
  out.finish();
  return lines;
}

}  // namespace sc
