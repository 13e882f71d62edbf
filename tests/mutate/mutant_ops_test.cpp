// mutant_ops_test.cpp — each durability operator changes the recorded trace
// as specified, at the site the census names, and site numbering is the
// same in every run and across boots.
#include <gtest/gtest.h>

#include <algorithm>

#include "injector/inproc/recording.h"
#include "injector/mutate/site_census.h"
#include "injector/workload/workload_file.h"
#include "kernel/core/root_store.h"

namespace sc {
namespace {

using crash::Kind;
using crash::Request;

Workload corpus(const std::string& name) {
  return load_workload_file(std::string(STABLECUT_SOURCE_DIR) + "/corpus/workloads/" + name);
}

std::vector<mutate::MutantCase> sites(const Workload& w, const std::string& target, MutantOp op) {
  return mutate::census(w, 0, SeededBugs{}, target, {op});
}

std::vector<Request> record(const Workload& w, const std::optional<mutate::MutantCase>& c) {
  MutantRun run(c ? MutantPlan{true, c->op, c->site} : MutantPlan{});
  const Recording rec = record_inproc(w, SeededBugs{}, &run);
  if (c) EXPECT_TRUE(run.applied()) << mutate::site_name(c->site);
  return {rec.trace.requests().begin(), rec.trace.requests().end()};
}

size_t count_kind(const std::vector<Request>& t, Kind kind) {
  return static_cast<size_t>(std::count_if(t.begin(), t.end(), [kind](const Request& r) { return r.kind == kind; }));
}

bool same_request(const Request& a, const Request& b) {
  return a.kind == b.kind && a.sector == b.sector && a.count == b.count && a.fua == b.fua && a.phase == b.phase;
}

// Index of the first write of the `n`-th ROOT_COPY phase run of the trace.
size_t root_copy_start(const std::vector<Request>& t, uint32_t n) {
  uint32_t seen = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].phase != Phase::ROOT_COPY || (i > 0 && t[i - 1].phase == Phase::ROOT_COPY)) continue;
    if (seen++ == n) return i;
  }
  return t.size();
}

// Manager-area writes issued after the last flush before `index`.
size_t unflushed_manager_writes(const std::vector<Request>& t, size_t index) {
  size_t n = 0;
  for (size_t i = 0; i < index; ++i) {
    if (t[i].kind == Kind::flush) n = 0;
    else if (t[i].sector >= kKernelAreaSectors) ++n;
  }
  return n;
}

TEST(MutantOps, CountingChangesNothing) {
  const Workload w = corpus("basic.json");
  const auto plain = record_inproc(w, SeededBugs{});
  const auto counted = record(w, std::nullopt);
  ASSERT_EQ(plain.trace.requests().size(), counted.size());
  for (size_t i = 0; i < counted.size(); ++i) EXPECT_TRUE(same_request(plain.trace.requests()[i], counted[i])) << i;
}

TEST(MutantOps, DropFlushRemovesOneFlush) {
  const Workload w = corpus("basic.json");
  const auto cases = sites(w, "shadow", MutantOp::drop_flush);
  ASSERT_FALSE(cases.empty());
  const auto orig = record(w, std::nullopt);
  const auto mut = record(w, cases.front());
  EXPECT_EQ(count_kind(mut, Kind::flush) + 1, count_kind(orig, Kind::flush));
  EXPECT_EQ(count_kind(mut, Kind::write), count_kind(orig, Kind::write));
}

TEST(MutantOps, DropWriteRemovesOneWrite) {
  const Workload w = corpus("basic.json");
  const auto cases = sites(w, "shadow", MutantOp::drop_write);
  ASSERT_FALSE(cases.empty());
  const auto mut = record(w, cases.back());
  EXPECT_EQ(count_kind(mut, Kind::write) + 1, count_kind(record(w, std::nullopt), Kind::write));
}

TEST(MutantOps, MisdirectLandsOnAnotherBlockOfThePartition) {
  const Workload w = corpus("basic.json");
  const auto cases = sites(w, "shadow", MutantOp::misdirect);
  ASSERT_FALSE(cases.empty());
  const auto orig = record(w, std::nullopt);
  const auto mut = record(w, cases.front());
  ASSERT_EQ(orig.size(), mut.size());
  size_t moved = 0;
  for (size_t i = 0; i < orig.size() && moved == 0; ++i) {
    if (same_request(orig[i], mut[i])) continue;
    ++moved;
    EXPECT_EQ(mut[i].kind, Kind::write);
    EXPECT_EQ(mut[i].count, orig[i].count);
    EXPECT_GE(mut[i].sector, kKernelAreaSectors);
    EXPECT_EQ(mut[i].sector, orig[i].sector + kSectorsPerPage) << "the next block of the partition";
  }
  EXPECT_EQ(moved, 1u);
}

TEST(MutantOps, DelayWriteIssuesTheWriteAfterTheNextFlush) {
  const Workload w = corpus("basic.json");
  const auto cases = sites(w, "shadow", MutantOp::delay_write);
  ASSERT_FALSE(cases.empty());
  const auto orig = record(w, std::nullopt);
  const auto mut = record(w, cases.front());
  ASSERT_EQ(orig.size(), mut.size());
  size_t first = 0;
  while (first < orig.size() && same_request(orig[first], mut[first])) ++first;
  ASSERT_LT(first, orig.size());
  const Request delayed = orig[first];
  size_t later = first;
  while (later < mut.size() && !(mut[later].kind == Kind::write && mut[later].sector == delayed.sector)) ++later;
  ASSERT_LT(later, mut.size());
  EXPECT_EQ(mut[later - 1].kind, Kind::flush) << "issued right after a flush";
}

TEST(MutantOps, PublishEarlyLeavesWritesUnflushedAtTheRootCopy) {
  const Workload w = corpus("basic.json");
  const auto cases = sites(w, "shadow", MutantOp::publish_early);
  ASSERT_FALSE(cases.empty());
  for (const auto& c : cases) {
    const auto orig = record(w, std::nullopt);
    const auto mut = record(w, c);
    const uint32_t s = c.site.stabilisation;
    EXPECT_EQ(unflushed_manager_writes(orig, root_copy_start(orig, s)), 0u);
    EXPECT_GT(unflushed_manager_writes(mut, root_copy_start(mut, s)), 0u) << mutate::site_name(c.site);
  }
}

TEST(MutantOps, KernelDropFuaClearsTheFuaBit) {
  const Workload w = corpus("basic.json");
  for (MutantOp op : {MutantOp::kernel_drop_fua_root, MutantOp::kernel_drop_fua_cut}) {
    const auto cases = sites(w, "kernel", op);
    ASSERT_FALSE(cases.empty());
    const auto orig = record(w, std::nullopt);
    const auto mut = record(w, cases.front());
    ASSERT_EQ(orig.size(), mut.size());
    size_t changed = 0;
    for (size_t i = 0; i < orig.size(); ++i) {
      if (same_request(orig[i], mut[i])) continue;
      ++changed;
      EXPECT_TRUE(orig[i].fua);
      EXPECT_FALSE(mut[i].fua);
      EXPECT_LT(mut[i].sector, kKernelAreaSectors);
      EXPECT_EQ(mut[i].sector < root_copy_sector(0, 0), op == MutantOp::kernel_drop_fua_cut);
    }
    EXPECT_EQ(changed, 1u) << mutant_op_name(op);
  }
}

TEST(MutantOps, KernelSwapPutsTheCutRecordBeforeTheRootCopy) {
  const Workload w = corpus("basic.json");
  const auto cases = sites(w, "kernel", MutantOp::kernel_swap_cut_root);
  ASSERT_FALSE(cases.empty());
  const auto& c = cases.front();
  const auto mut = record(w, c);
  const auto orig = record(w, std::nullopt);
  const size_t o = root_copy_start(orig, c.site.stabilisation);
  const size_t m = root_copy_start(mut, c.site.stabilisation);
  ASSERT_LT(o + 1, orig.size());
  ASSERT_LT(m + 1, mut.size());
  EXPECT_GE(orig[o].sector, root_copy_sector(0, 0));
  EXPECT_LT(orig[o + 1].sector, root_copy_sector(0, 0));
  EXPECT_LT(mut[m].sector, root_copy_sector(0, 0)) << "cut record first";
  EXPECT_GE(mut[m + 1].sector, root_copy_sector(0, 0)) << "then the root copy";
}

TEST(MutantOps, SitesAreTheSameInEveryRunAndCountedAcrossBoots) {
  const Workload w = corpus("crash_cycles.json");
  const std::vector<MutantOp> ops = mutate::all_mutant_ops();
  const auto first = mutate::census(w, 0, SeededBugs{}, "shadow", ops);
  const auto again = mutate::census(w, 0, SeededBugs{}, "shadow", ops);
  ASSERT_EQ(first.size(), again.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].op, again[i].op);
    EXPECT_TRUE(first[i].site == again[i].site);
  }
  uint32_t last_stabilisation = 0;
  for (const auto& c : first) last_stabilisation = std::max(last_stabilisation, c.site.stabilisation);
  size_t stabilisations = 0;
  for (const auto& step : w.steps)
    for (const auto& locus : step.loci)
      for (const auto& op : locus.ops) stabilisations += op.kind == OpKind::stabilise;
  EXPECT_EQ(last_stabilisation + 1, stabilisations) << "ordinals run on over every boot, not from 0 at each";
  const auto kernel_sites = mutate::census(w, 0, SeededBugs{}, "kernel", ops);
  uint32_t kernel_last = 0;
  for (const auto& c : kernel_sites) kernel_last = std::max(kernel_last, c.site.stabilisation);
  EXPECT_EQ(kernel_last + 1, stabilisations);
}

}  // namespace
}  // namespace sc
