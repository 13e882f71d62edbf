// merge_test.cpp — merging shard databases equals recording everything into
// one database (stored campaign options and kept states' image fingerprints
// included), and merging again never counts twice; a damaged input is
// refused before the output is made. Mutate and detect runs are copied with
// their references translated, runs numbered alike in two shards stay two,
// and a detect run merged again gains only the results recorded since.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "dataset.h"
#include "injector/results/detect_records.h"
#include "injector/results/merge.h"
#include "injector/results/mutants.h"
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

MutantRow mutant(const std::string& target, const std::string& verdict, double seconds) {
  return MutantRow{0, kDay2, target, "drop-flush", std::nullopt, 2, 3, "w2", verdict, 12, seconds,
                   "0x0000000000000007", "lost", std::nullopt};
}

// Every mutant row of a database, one line each: run, target, verdict, seconds.
std::string mutant_lines(const std::filesystem::path& path) {
  std::string out;
  for (const MutantRow& m : mutant_rows(ResultsDb::open(path, OpenMode::read_only)))
    out += std::to_string(m.run) + " " + m.target + " " + m.verdict + " " + std::to_string(m.seconds) + "\n";
  return out;
}

std::int64_t table_rows(const std::filesystem::path& path, const std::string& table) {
  ResultsDb db = ResultsDb::open(path, OpenMode::read_only);
  Statement st(db.connection(), "SELECT count(*) FROM " + table);
  st.step();
  return st.column_int(0);
}

// A detect result of `bug` in nightly 1/2 of shard "b" whose first case is
// w2's state at cut 41: its third kept state, so that matching the workload
// alone would find another.
DetectResult detected_in_w2(const ResultsDb& db, const std::string& bug) {
  Statement at_cut(db.connection(),
                   "SELECT s.id, w.campaign_id FROM crash_state s JOIN workload w ON w.id = s.workload_id "
                   "WHERE w.name = 'w2' AND s.cut_index = 41");
  at_cut.step();
  DetectResult r;
  r.bug = bug;
  r.campaign_id = at_cut.column_int(1);
  r.detected = true;
  r.seconds = 4.5;
  r.states = 9;
  r.illegal = 4;
  r.first_case_id = at_cut.column_int(0);
  const CrashCase first = db.crash_case(*r.first_case_id);
  r.phase = first.phase;
  r.kind = first.kind;
  r.outcome = first.outcome;
  r.replay = DetectReplay{Tier::qemu, Outcome::corrupt, false, true};
  return r;
}

// Shards as in ResultsMerge, plus mutate run 1 in each (target "journal" in
// "a", "kernel" in "b") and in "b" an unfinished detect run with one result.
class ResultsMergeRuns : public ResultsMerge {
 protected:
  void SetUp() override {
    ResultsMerge::SetUp();
    ResultsDb a = ResultsDb::open(shard_a, OpenMode::read_write);
    record_mutation_run(a, {mutant("journal", "killed", 1.5), mutant("journal", "survived", 2.5)});
    ResultsDb b = ResultsDb::open(shard_b, OpenMode::read_write);
    record_mutation_run(b, {mutant("kernel", "equivalent", 3.5)});
    detect_run = begin_detect_run(b, DetectRunSpec{Tier::inproc, 60, 7, kDay2, "stablecut bench detect", "0.1.0"});
    record_detect_result(b, detect_run, detected_in_w2(b, "journal-skip-flush"));
  }
  std::int64_t detect_run = 0;
};

TEST_F(ResultsMergeRuns, MutateAndDetectRunsKeepTheirReferences) {
  const MergeReport r = merge(out, {shard_a, shard_b});  // shard "b"'s ids all move up in the output
  EXPECT_EQ(r.mutate_runs_added, 2);
  EXPECT_EQ(r.detect_runs_added, 1);
  EXPECT_EQ(r.detect_results_added, 1);
  EXPECT_EQ(mutant_lines(out),
            "1 journal killed 1.500000\n1 journal survived 2.500000\n2 kernel equivalent 3.500000\n");
  ResultsDb merged = ResultsDb::open(out, OpenMode::read_only);
  ResultsDb shard = ResultsDb::open(shard_b, OpenMode::read_only);
  const DetectResult want = detect_results(shard, detect_run).at(0);
  const std::vector<DetectResult> got = detect_results(merged, 1);
  ASSERT_EQ(got.size(), 1U);
  EXPECT_EQ(got[0].bug, want.bug);
  EXPECT_EQ(got[0].replay->outcome, Outcome::corrupt);
  EXPECT_EQ(merged.campaign(got[0].campaign_id).uuid, shard.campaign(want.campaign_id).uuid);
  ASSERT_TRUE(got[0].first_case_id.has_value());
  const CrashCase first = merged.crash_case(*got[0].first_case_id);
  const CrashCase expected = shard.crash_case(*want.first_case_id);
  EXPECT_NE(first.id, expected.id);  // the ids differ, so the test shows they were translated
  EXPECT_EQ(merged.campaign(first.campaign_id).uuid, shard.campaign(expected.campaign_id).uuid);
  EXPECT_EQ(first.workload_name, "w2");
  EXPECT_EQ(first.state_key, expected.state_key);
  EXPECT_EQ(first.image_fingerprint, expected.image_fingerprint);
  EXPECT_TRUE(integrity_ok(out));
}

TEST_F(ResultsMergeRuns, MutateRunsNumberedAlikeStayTwoRuns) {
  merge(out, {shard_b});
  merge(out, {shard_a});
  EXPECT_EQ(mutant_lines(out),
            "1 kernel equivalent 3.500000\n2 journal killed 1.500000\n2 journal survived 2.500000\n");
}

TEST_F(ResultsMergeRuns, MergingTwiceAddsNoRun) {
  merge(out, {shard_a, shard_b});
  const std::string mutants = mutant_lines(out);
  const MergeReport again = merge(out, {shard_b, shard_a});
  EXPECT_EQ(again.mutate_runs_added, 0);
  EXPECT_EQ(again.detect_runs_added, 0);
  EXPECT_EQ(again.detect_results_added, 0);
  EXPECT_EQ(mutant_lines(out), mutants);
  EXPECT_EQ(table_rows(out, "detect_run"), 1);
  EXPECT_EQ(table_rows(out, "detect_result"), 1);
}

TEST_F(ResultsMergeRuns, GrownDetectRunGainsOnlyNewResults) {
  merge(out, {shard_a, shard_b});
  {
    ResultsDb b = ResultsDb::open(shard_b, OpenMode::read_write);
    record_detect_result(b, detect_run, detected_in_w2(b, "shadow-torn-root"));
    finish_detect_run(b, detect_run, kDay2 + 3600);
  }
  const MergeReport r = merge(out, {shard_b});
  EXPECT_EQ(r.detect_runs_added, 0);
  EXPECT_EQ(r.detect_results_added, 1);
  ResultsDb merged = ResultsDb::open(out, OpenMode::read_only);
  const std::vector<DetectResult> got = detect_results(merged, 1);
  ASSERT_EQ(got.size(), 2U);
  EXPECT_EQ(got[1].bug, "shadow-torn-root");
  Statement finished(merged.connection(), "SELECT finished_at FROM detect_run");
  ASSERT_TRUE(finished.step());
  EXPECT_EQ(finished.column_int(0), kDay2 + 3600);
}

// A second detect run begun with the same flags in the same second (on
// another machine, later copied in): two runs, each keeping its result.
TEST_F(ResultsMergeRuns, DetectRunsBegunAlikeInTheSameSecondStayTwo) {
  {
    ResultsDb b = ResultsDb::open(shard_b, OpenMode::read_write);
    const std::int64_t run = begin_detect_run(b, DetectRunSpec{Tier::inproc, 60, 7, kDay2, "stablecut bench detect", "0.1.0"});
    record_detect_result(b, run, detected_in_w2(b, "shadow-torn-root"));
  }
  const MergeReport r = merge(out, {shard_a, shard_b});
  EXPECT_EQ(r.detect_runs_added, 2);
  EXPECT_EQ(r.detect_results_added, 2);
  EXPECT_EQ(table_rows(out, "detect_run"), 2);
  EXPECT_EQ(merge(out, {shard_b, shard_a}).detect_runs_added, 0);
}

// A run recorded before detect runs had a uuid is still one run however
// often it is merged.
TEST_F(ResultsMergeRuns, ADetectRunWithoutUuidIsIdentifiedByHowItBegan) {
  {
    ResultsDb b = ResultsDb::open(shard_b, OpenMode::read_write);
    b.connection().exec("UPDATE detect_run SET uuid = NULL");
  }
  EXPECT_EQ(merge(out, {shard_b}).detect_runs_added, 1);
  const MergeReport again = merge(out, {shard_b});
  EXPECT_EQ(again.detect_runs_added, 0);
  EXPECT_EQ(again.detect_results_added, 0);
  EXPECT_EQ(table_rows(out, "detect_run"), 1);
}

}  // namespace
}  // namespace sc::results::testing
