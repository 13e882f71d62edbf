// merge_test.cpp — merging shard databases equals recording everything into
// one database (stored campaign options and kept states' image fingerprints
// included), and merging again never counts twice; a damaged input is
// refused before the output is made.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "dataset.h"
#include "injector/results/merge.h"
#include "injector/results/sqlite.h"
#include "injector/results/stats.h"

namespace sc::results::testing {
namespace {

// Every statistic and every failure, as text, for comparing two databases.
std::string summary(const std::filesystem::path& path) {
  ResultsDb db = ResultsDb::open(path, OpenMode::read_only);
  std::string out;
  for (auto d : {StatsDimension::outcome, StatsDimension::phase, StatsDimension::kind, StatsDimension::manager,
                 StatsDimension::tier, StatsDimension::day})
    out += format_csv(stats(db, StatsQuery{{d}, std::nullopt}));
  for (const Failure& f : db.failures())
    out += f.signature + " count=" + std::to_string(f.count) + " first=" + std::to_string(f.first_seen) +
           " last=" + std::to_string(f.last_seen) + " repro=" + (f.reproducer ? f.reproducer->trace_path : "-") +
           "\n";
  Statement rows(db.connection(),
                 "SELECT (SELECT count(*) FROM crash_state), (SELECT count(*) FROM fuzz_finding), "
                 "(SELECT count(*) FROM workload), (SELECT count(*) FROM campaign)");
  rows.step();
  for (int i = 0; i < 4; ++i) out += std::to_string(rows.column_int(i)) + " ";
  Statement kept(db.connection(),
                 "SELECT (SELECT group_concat(coalesce(image_fingerprint, '-')) FROM (SELECT image_fingerprint FROM "
                 "crash_state ORDER BY cut_index, image_fingerprint)), (SELECT group_concat(coalesce(options, '-'), "
                 "' ') FROM (SELECT options FROM campaign ORDER BY name, shard_index))");
  kept.step();
  out += "\nfingerprints " + kept.column_text(0) + "\noptions " + kept.column_text(1) + "\n";
  return out;
}

class ResultsMerge : public ::testing::Test {
 protected:
  void SetUp() override {
    ResultsDb all = ResultsDb::open(single, OpenMode::create);
    record_all(all);
    ResultsDb a = ResultsDb::open(shard_a, OpenMode::create);
    record_shard_a(a);
    ResultsDb b = ResultsDb::open(shard_b, OpenMode::create);
    record_shard_b(b);
  }
  TempDir dir;
  std::filesystem::path single = dir.file("single.db");
  std::filesystem::path shard_a = dir.file("shard-a.db");
  std::filesystem::path shard_b = dir.file("shard-b.db");
  std::filesystem::path out = dir.file("merged.db");
};

TEST_F(ResultsMerge, ShardsEqualOneDatabase) {
  const MergeReport r = merge(out, {shard_a, shard_b});
  EXPECT_EQ(r.campaigns_added, 3);
  EXPECT_EQ(r.workloads_added, 3);
  EXPECT_EQ(r.workloads_skipped, 0);
  EXPECT_EQ(r.fuzz_findings_added, 1);
  EXPECT_EQ(summary(out), summary(single));
  ResultsDb merged = ResultsDb::open(out, OpenMode::read_only);
  EXPECT_EQ(merged.failure_by_signature(kMix)->count, 3U);
  EXPECT_EQ(merged.failure_by_signature(kMix)->first_seen, kDay1);
  EXPECT_TRUE(integrity_ok(out));
}

TEST_F(ResultsMerge, MergingTwiceIsIdempotent) {
  merge(out, {shard_a, shard_b});
  const std::string once = summary(out);
  const MergeReport again = merge(out, {shard_b, shard_a, shard_a});
  EXPECT_EQ(again.campaigns_added, 0);
  EXPECT_EQ(again.workloads_added, 0);
  EXPECT_EQ(again.workloads_skipped, 4);
  EXPECT_EQ(again.fuzz_findings_added, 0);
  EXPECT_EQ(summary(out), once);
}

TEST_F(ResultsMerge, GrownShardAddsOnlyNewWorkloads) {
  merge(out, {shard_a, shard_b});
  WorkloadRecord extra = w2();
  extra.name = "w2-rerun";
  for (const auto& path : {shard_b, single}) {
    ResultsDb db = ResultsDb::open(path, OpenMode::read_write);
    const auto c = db.find_resumable_campaign({"qemu-check", 0, 1});
    ASSERT_TRUE(c.has_value());
    db.resume_campaign(c->id);
    db.record_workload(c->id, extra);
    db.finish_campaign(c->id, CampaignStatus::finished, kDay2 + 7200);
  }
  const MergeReport r = merge(out, {shard_b});
  EXPECT_EQ(r.workloads_added, 1);
  EXPECT_EQ(r.workloads_skipped, 2);
  EXPECT_EQ(summary(out), summary(single));
  ResultsDb merged = ResultsDb::open(out, OpenMode::read_only);
  const auto qemu = merged.find_resumable_campaign({"qemu-check", 0, 1});
  EXPECT_FALSE(qemu.has_value());  // finished, as in the newer shard
}

TEST_F(ResultsMerge, RefusesDamagedInputNamingIt) {
  const auto junk = dir.file("junk.db");
  std::ofstream(junk) << std::string(200, 'j');
  try {
    merge(out, {shard_a, junk});
    ADD_FAILURE() << "merged a junk file";
  } catch (const DbError& e) {
    EXPECT_EQ(std::string(e.what()).rfind(junk + ": not a SQLite database", 0), 0U) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(out));  // every input is checked before the output is made
  EXPECT_THROW(merge(shard_a, {shard_a}), DbError);
}

}  // namespace
}  // namespace sc::results::testing
