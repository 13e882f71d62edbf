// journal_check.cpp — the journal manager's format checker (host only;
// managers/sdk/format_check.h). It reads the partition directly and reports
// only what a correct journal guarantees at every instant of a stable cut
// (journal_format.h, J1–J5):
//  - the root page decodes, carries the journal's entry id and names a
//    transaction;
//  - unless the superblock says that transaction was applied, it is intact in
//    the log: header, every record's checksum, commit block;
//  - home catalog and directory blocks that transaction does not rewrite
//    decode (blocks it rewrites may be torn: recovery repairs them); with an
//    applied transaction the catalog is the one it wrote and each directory
//    block it counts carries the seal it recorded (J6);
//  - no two directory entries share a home slot, and every slot lies in the
//    data area.
#include <set>
#include <string>
#include <vector>

#include "kernel/core/bytes.h"
#include "managers/journal/journal_format.h"
#include "managers/sdk/format_check.h"

namespace sc::journal {

namespace {

using Violations = std::vector<std::string>;

struct Block {
  uint8_t bytes[kPageSize];
};

std::string txn_name(const TxnRef& t) {
  return "transaction seq " + std::to_string(t.seq) + " at log position " + std::to_string(t.lsn);
}

bool applied(const FormatCheckInput& in, const TxnRef& txn) {
  Block b;
  Superblock sb{};
  return in.read_block(0, b.bytes) && !failed(decode_superblock(b.bytes, &sb)) && sb.applied_seq == txn.seq &&
         sb.applied_lsn == txn.lsn;
}

// Checks the transaction in the log; fills `covered` with the home blocks it rewrites.
void check_transaction(const FormatCheckInput& in, const Geometry& g, const TxnRef& txn, std::set<uint64_t>& covered,
                       Violations& v) {
  Block header_block;
  Block b;
  TxnHeader h{};
  if (txn.count + 2 > g.log_blocks) {
    v.push_back("journal: " + txn_name(txn) + " has " + std::to_string(txn.count) + " records, more than the log holds");
    return;
  }
  if (!in.read_block(g.log_block(txn.lsn), header_block.bytes) || failed(decode_header(header_block.bytes, txn, g, &h))) {
    v.push_back("journal: " + txn_name(txn) + ": its header in log block " + std::to_string(g.log_block(txn.lsn)) +
                " does not decode, and the superblock does not mark it applied");
    return;
  }
  for (uint32_t i = 0; i < h.count; ++i) {
    covered.insert(h.targets[i]);
    const uint64_t at = g.log_block(txn.lsn + 1 + i);
    if (!in.read_block(at, b.bytes) || block_sum(b.bytes) != h.sums[i])
      v.push_back("journal: " + txn_name(txn) + ": record " + std::to_string(i) + " in log block " + std::to_string(at) +
                  " does not match its checksum");
  }
  const uint64_t at = g.log_block(txn.lsn + 1 + txn.count);
  if (!in.read_block(at, b.bytes) || failed(check_commit(b.bytes, txn, block_sum(header_block.bytes))))
    v.push_back("journal: " + txn_name(txn) + ": commit block in log block " + std::to_string(at) + " is not valid");
}

void check_entries(const DirEntry* entries, uint32_t count, uint32_t block, std::set<uint32_t>& slots, Violations& v) {
  for (uint32_t i = 0; i < count; ++i)
    if (!slots.insert(entries[i].slot).second)
      v.push_back("journal: home slot " + std::to_string(entries[i].slot) + " is owned twice (directory block " +
                  std::to_string(block) + ")");
}

// Directory blocks not rewritten by the transaction: those the catalog
// counts must decode; the others must decode unless never written.
void check_directory(const FormatCheckInput& in, const Geometry& g, const std::set<uint64_t>& covered,
                     const Catalog* catalog, Violations& v) {
  std::set<uint32_t> slots;
  DirEntry entries[kEntriesPerDirBlock];
  Block b;
  Block zero{};
  for (uint32_t d = 0; d < g.dir_blocks; ++d) {
    if (covered.count(g.dir_start + d) != 0) continue;
    const bool counted = catalog != nullptr && uint64_t{d} * kEntriesPerDirBlock < catalog->entry_count;
    if (!in.read_block(g.dir_start + d, b.bytes)) {
      v.push_back("journal: directory block " + std::to_string(d) + " is unreadable");
      continue;
    }
    if (!counted && (catalog != nullptr || bytes_equal(b.bytes, zero.bytes, kPageSize))) continue;
    uint32_t count = 0;
    if (failed(decode_dir_block(b.bytes, d, g, entries, kEntriesPerDirBlock, &count))) {
      v.push_back("journal: directory block " + std::to_string(d) + " (partition block " +
                  std::to_string(g.dir_start + d) + ") does not decode");
      continue;
    }
    if (catalog != nullptr && block_seal(b.bytes) != catalog->dir_seals[d])
      v.push_back("journal: directory block " + std::to_string(d) + " is not the one the catalog sealed (J6)");
    check_entries(entries, count, d, slots, v);
  }
}

void check_home(const FormatCheckInput& in, const Geometry& g, const TxnRef& txn, bool txn_applied,
                const std::set<uint64_t>& covered, Violations& v) {
  Catalog catalog{};
  const Catalog* known = nullptr;
  if (covered.count(g.catalog) == 0) {
    Block b;
    if (!in.read_block(g.catalog, b.bytes) || failed(decode_catalog(b.bytes, g, &catalog)))
      v.push_back("journal: catalog (partition block " + std::to_string(g.catalog) + ") does not decode");
    else
      known = &catalog;
    if (known != nullptr && txn_applied && catalog.seq != txn.seq)
      v.push_back("journal: the superblock marks " + txn_name(txn) + " applied, but the catalog is from seq " +
                  std::to_string(catalog.seq));
  }
  check_directory(in, g, covered, known, v);
}

void check_journal(const FormatCheckInput& in, Violations& v) {
  Geometry g{};
  if (failed(make_geometry(in.partition_blocks(), &g))) {
    v.push_back("journal: a partition of " + std::to_string(in.partition_blocks()) + " blocks cannot hold the format");
    return;
  }
  RootInfo root{};
  if (failed(decode_root(in.root_page, &root))) {
    v.push_back("journal: the root page does not decode");
    return;
  }
  if (root.entry != kEntryJournal || root.txn.seq == 0) {
    v.push_back("journal: the root page names no transaction of the journal manager");
    return;
  }
  std::set<uint64_t> covered;
  const bool txn_applied = applied(in, root.txn);
  if (!txn_applied) check_transaction(in, g, root.txn, covered, v);
  check_home(in, g, root.txn, txn_applied, covered, v);
}

}  // namespace

}  // namespace sc::journal

STABLECUT_REGISTER_FORMAT_CHECK(journal) = &sc::journal::check_journal;
