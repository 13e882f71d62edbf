// pingpong_check.cpp — the format checker of the pingpong manager (host
// only; see managers/sdk/format_check.h). It checks what a correct pingpong
// manager guarantees at every instant: the half the stable root page names
// holds a table that decodes, carries the root's generation, lists each
// (container, page) once, only for containers it lists, and every page's
// data matches its checksum. The other half is scratch and never checked.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "pingpong_format.h"
#include "kernel/core/checksum.h"
#include "managers/sdk/format_check.h"

namespace sc::pingpong {
namespace {

void check_entries(const FormatCheckInput& in, const Table& t, uint64_t base, std::vector<std::string>& out) {
  const std::set<uint16_t> containers(t.containers, t.containers + t.container_count);
  std::set<std::pair<uint16_t, uint32_t>> seen;
  uint8_t data[kPageSize];
  for (uint32_t i = 0; i < t.entry_count; ++i) {
    const Entry& e = t.entries[i];
    const std::string what = "pingpong: entry " + std::to_string(i) + " (container " + std::to_string(e.container) +
                             ", page " + std::to_string(e.page) + ")";
    if (!seen.insert({e.container, e.page}).second) out.push_back(what + " is listed twice");
    if (containers.count(e.container) == 0) out.push_back(what + " names a container the table does not list");
    if (!in.read_block(base + 1 + i, data))
      out.push_back(what + ": block " + std::to_string(base + 1 + i) + " is unreadable");
    else if (checksum64(data, kPageSize) != e.checksum)
      out.push_back(what + ": block " + std::to_string(base + 1 + i) + " fails its checksum");
  }
}

void check_pingpong(const FormatCheckInput& in, std::vector<std::string>& out) {
  Root root{};
  if (failed(decode_root(in.root_page, &root)) || root.entry != kEntryPingpong) {
    out.push_back("pingpong: the root page is not a pingpong root page");
    return;
  }
  if (root.half == kNoHalf) return;  // never stabilised: no image to check
  const uint64_t half_blocks = in.partition_blocks() / 2;
  const uint64_t base = root.half * half_blocks;
  uint8_t block[kPageSize];
  Table table{};
  if (!in.read_block(base, block) || failed(decode_table(block, half_blocks, &table))) {
    out.push_back("pingpong: the table of half " + std::to_string(root.half) + " (block " + std::to_string(base) +
                  ") is unreadable or fails its checksum");
    return;
  }
  if (table.generation != root.generation)
    out.push_back("pingpong: the table of half " + std::to_string(root.half) + " has generation " +
                  std::to_string(table.generation) + ", the root page names " + std::to_string(root.generation));
  check_entries(in, table, base, out);
}

}  // namespace
}  // namespace sc::pingpong

STABLECUT_REGISTER_FORMAT_CHECK(pingpong) = ::sc::pingpong::check_pingpong;
