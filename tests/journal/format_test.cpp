// Journal on-disk format: geometry of partitions, encode/decode round trips
// of every block kind, and rejection of a flipped byte, a wrong magic, a
// wrong transaction identity and out-of-range fields.
#include <gtest/gtest.h>

#include <vector>

#include "kernel/core/root_store.h"
#include "managers/journal/journal_format.h"

namespace sc::journal {
namespace {

using Block = std::vector<uint8_t>;

Geometry geometry(uint64_t blocks) {
  Geometry g{};
  EXPECT_EQ(make_geometry(blocks, &g), Status::ok) << blocks;
  return g;
}

TEST(JournalGeometry, AreasDoNotOverlapAndFillThePartition) {
  for (uint64_t blocks : {8u, 64u, 256u, 1000u, 4096u, 100000u}) {
    const Geometry g = geometry(blocks);
    EXPECT_EQ(g.catalog, 1 + g.log_blocks);
    EXPECT_EQ(g.dir_start, g.catalog + 1);
    EXPECT_EQ(g.data_start, g.dir_start + g.dir_blocks);
    EXPECT_LE(g.data_start + g.slots, blocks);
    EXPECT_LE(g.slots, uint64_t{g.dir_blocks} * kEntriesPerDirBlock);
    EXPECT_LE(g.slots, kMaxEntries);
    EXPECT_LE(g.dir_blocks, kMaxDirBlocks);
    EXPECT_GE(g.log_block(0), 1u);
    EXPECT_LT(g.log_block(g.log_blocks - 1), g.catalog);
    EXPECT_EQ(g.log_block(g.log_blocks), 1u);
  }
  Geometry g{};
  EXPECT_EQ(make_geometry(kMinPartitionBlocks - 1, &g), Status::no_space);
}

TEST(JournalFormat, RootRoundTripsWithTheEntryIdWhereTheKernelReadsIt) {
  Block page(kPageSize);
  encode_root(RootInfo{kEntryJournal, TxnRef{7, 123, 5}}, page.data());
  EXPECT_EQ(page[kRootPageEntryOffset], 0x4a);  // "J", little-endian
  RootInfo r{};
  ASSERT_EQ(decode_root(page.data(), &r), Status::ok);
  EXPECT_EQ(r.entry, kEntryJournal);
  EXPECT_EQ(r.txn.seq, 7u);
  EXPECT_EQ(r.txn.lsn, 123u);
  EXPECT_EQ(r.txn.count, 5u);
  page[20] ^= 1;
  EXPECT_EQ(decode_root(page.data(), &r), Status::corrupt);
}

TEST(JournalFormat, SuperblockRoundTripsAndZeroesDoNotDecode) {
  Block b(kPageSize);
  Superblock sb{};
  EXPECT_EQ(decode_superblock(b.data(), &sb), Status::corrupt);
  encode_superblock(Superblock{9, 40}, b.data());
  ASSERT_EQ(decode_superblock(b.data(), &sb), Status::ok);
  EXPECT_EQ(sb.applied_seq, 9u);
  EXPECT_EQ(sb.applied_lsn, 40u);
  b[100] ^= 0x10;
  EXPECT_EQ(decode_superblock(b.data(), &sb), Status::corrupt);
}

TEST(JournalFormat, HeaderRoundTripsAndChecksItsIdentity) {
  const Geometry g = geometry(256);
  TxnHeader h{};
  h.seq = 3;
  h.lsn = 300;
  h.count = 2;
  h.targets[0] = static_cast<uint32_t>(g.data_start);
  h.targets[1] = static_cast<uint32_t>(g.catalog);
  h.sums[0] = 0x1111;
  h.sums[1] = 0x2222;
  Block b(kPageSize);
  encode_header(h, b.data());
  TxnHeader out{};
  ASSERT_EQ(decode_header(b.data(), TxnRef{3, 300, 2}, g, &out), Status::ok);
  EXPECT_EQ(out.targets[1], g.catalog);
  EXPECT_EQ(out.sums[0], 0x1111u);
  EXPECT_EQ(decode_header(b.data(), TxnRef{4, 300, 2}, g, &out), Status::corrupt);
  EXPECT_EQ(decode_header(b.data(), TxnRef{3, 300 + g.log_blocks, 2}, g, &out), Status::corrupt);
  h.targets[1] = 1;  // a log block is no home target
  encode_header(h, b.data());
  EXPECT_EQ(decode_header(b.data(), TxnRef{3, 300, 2}, g, &out), Status::corrupt);
  h.targets[1] = static_cast<uint32_t>(g.catalog);
  encode_header(h, b.data());
  b[40] ^= 1;
  EXPECT_EQ(decode_header(b.data(), TxnRef{3, 300, 2}, g, &out), Status::corrupt);
}

TEST(JournalFormat, CommitMatchesOnlyItsTransactionAndHeader) {
  Block b(kPageSize);
  encode_commit(TxnRef{3, 300, 2}, 0xabcd, b.data());
  EXPECT_EQ(check_commit(b.data(), TxnRef{3, 300, 2}, 0xabcd), Status::ok);
  EXPECT_EQ(check_commit(b.data(), TxnRef{3, 300, 2}, 0xabce), Status::corrupt);
  EXPECT_EQ(check_commit(b.data(), TxnRef{3, 300, 3}, 0xabcd), Status::corrupt);
  b[9] ^= 1;
  EXPECT_EQ(check_commit(b.data(), TxnRef{3, 300, 2}, 0xabcd), Status::corrupt);
}

TEST(JournalFormat, CatalogRoundTripsAndRejectsOutOfRange) {
  const Geometry g = geometry(256);
  Catalog c{};
  c.seq = 12;
  c.container_count = 3;
  c.containers[0] = 0;
  c.containers[1] = 5;
  c.containers[2] = kMaxContainers - 1;
  c.entry_count = g.slots;
  Block b(kPageSize);
  encode_catalog(c, b.data());
  Catalog out{};
  ASSERT_EQ(decode_catalog(b.data(), g, &out), Status::ok);
  EXPECT_EQ(out.seq, 12u);
  EXPECT_EQ(out.container_count, 3u);
  EXPECT_EQ(out.containers[2], kMaxContainers - 1);
  c.entry_count = g.slots + 1;
  encode_catalog(c, b.data());
  EXPECT_EQ(decode_catalog(b.data(), g, &out), Status::corrupt);
  c.entry_count = 1;
  c.containers[1] = kMaxContainers;
  encode_catalog(c, b.data());
  EXPECT_EQ(decode_catalog(b.data(), g, &out), Status::corrupt);
}

TEST(JournalFormat, DirectoryBlockRoundTripsAndRejectsBadSlotsAndIndex) {
  const Geometry g = geometry(256);
  const DirEntry in[2] = {{1, 0, 0, 0x55}, {1, 77, 1, 0x66}};
  Block b(kPageSize);
  encode_dir_block(0, in, 2, b.data());
  DirEntry out[kEntriesPerDirBlock];
  uint32_t count = 0;
  ASSERT_EQ(decode_dir_block(b.data(), 0, g, out, kEntriesPerDirBlock, &count), Status::ok);
  ASSERT_EQ(count, 2u);
  EXPECT_EQ(out[1].page, 77u);
  EXPECT_EQ(out[1].checksum, 0x66u);
  EXPECT_EQ(decode_dir_block(b.data(), 1, g, out, kEntriesPerDirBlock, &count), Status::corrupt);
  EXPECT_EQ(decode_dir_block(b.data(), 0, g, out, 1, &count), Status::corrupt);  // more than the room given
  const DirEntry outside[1] = {{1, 0, g.slots, 0}};
  encode_dir_block(0, outside, 1, b.data());
  EXPECT_EQ(decode_dir_block(b.data(), 0, g, out, kEntriesPerDirBlock, &count), Status::corrupt);
  encode_dir_block(0, in, 2, b.data());
  b[kPageSize - 9] ^= 1;
  EXPECT_EQ(decode_dir_block(b.data(), 0, g, out, kEntriesPerDirBlock, &count), Status::corrupt);
}

}  // namespace
}  // namespace sc::journal
