// stats_test.cpp — exact statistics of the hand-made dataset (dataset.h), in
// all three formats.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "dataset.h"
#include "injector/results/stats.h"

namespace sc::results::testing {
namespace {

using Rows = std::vector<std::pair<std::string, std::int64_t>>;

Rows one_dimension(const StatsTable& t) {
  Rows rows;
  for (const auto& row : t.rows) rows.emplace_back(std::get<std::string>(row.at(0)), std::get<std::int64_t>(row.at(1)));
  return rows;
}

class ResultsStats : public ::testing::Test {
 protected:
  void SetUp() override { record_all(db); }
  Rows by(StatsDimension d, std::optional<std::int64_t> campaign = std::nullopt) {
    return one_dimension(stats(db, StatsQuery{{d}, campaign}));
  }
  TempDir dir;
  ResultsDb db = ResultsDb::open(dir.file("s.db"), OpenMode::create);
};

TEST_F(ResultsStats, TotalCountsEveryCheckedState) {
  const StatsTable t = stats(db, StatsQuery{});
  EXPECT_EQ(t.columns, std::vector<std::string>{"states"});
  ASSERT_EQ(t.rows.size(), 1U);
  EXPECT_EQ(std::get<std::int64_t>(t.rows[0][0]), 53);
}

TEST_F(ResultsStats, EachDimension) {
  EXPECT_EQ(by(StatsDimension::outcome),
            (Rows{{"ok_current", 42}, {"ok_previous", 4}, {"lost", 3}, {"corrupt", 3}, {"hang", 1}}));
  EXPECT_EQ(by(StatsDimension::phase),
            (Rows{{"RUN", 37}, {"SNAPSHOT", 4}, {"ROOT_COPY", 8}, {"DISCARD", 1}, {"RECOVERY", 3}}));
  EXPECT_EQ(by(StatsDimension::kind), (Rows{{"prefix", 44}, {"reorder", 6}, {"torn", 3}}));
  // By the managers the workloads ran (not the campaign's --manager label).
  EXPECT_EQ(by(StatsDimension::manager), (Rows{{"journal+shadow", 11}, {"ordinary+shadow", 21}, {"shadow", 21}}));
  EXPECT_EQ(by(StatsDimension::tier), (Rows{{"inproc", 32}, {"qemu", 21}}));
  EXPECT_EQ(by(StatsDimension::day), (Rows{{"2026-01-01", 21}, {"2026-01-02", 32}}));
}

TEST_F(ResultsStats, FilteredByCampaign) {
  const std::int64_t first = db.campaigns().at(0).id;
  EXPECT_EQ(by(StatsDimension::phase, first), (Rows{{"RUN", 10}, {"SNAPSHOT", 4}, {"ROOT_COPY", 7}}));
  EXPECT_THROW(stats(db, StatsQuery{{StatsDimension::phase}, 999}), DbError);
  EXPECT_THROW(stats(db, StatsQuery{{StatsDimension::phase, StatsDimension::phase}, std::nullopt}), DbError);
}

TEST_F(ResultsStats, TwoDimensions) {
  const StatsTable t = stats(db, StatsQuery{{StatsDimension::tier, StatsDimension::outcome}, std::nullopt});
  EXPECT_EQ(t.columns, (std::vector<std::string>{"tier", "outcome", "states"}));
  std::vector<std::string> lines;
  for (const auto& row : t.rows)
    lines.push_back(std::get<std::string>(row[0]) + "/" + std::get<std::string>(row[1]) + "=" +
                    std::to_string(std::get<std::int64_t>(row[2])));
  EXPECT_EQ(lines, (std::vector<std::string>{"inproc/ok_current=22", "inproc/ok_previous=4", "inproc/lost=3",
                                             "inproc/corrupt=3", "qemu/ok_current=20", "qemu/hang=1"}));
}

TEST_F(ResultsStats, TableFormat) {
  const StatsTable t = stats(db, StatsQuery{{StatsDimension::phase}, std::nullopt});
  EXPECT_EQ(format_stats(t, StatsFormat::table),
            "phase      states\n"
            "---------  ------\n"
            "RUN            37\n"
            "SNAPSHOT        4\n"
            "ROOT_COPY       8\n"
            "DISCARD         1\n"
            "RECOVERY        3\n");
}

TEST_F(ResultsStats, CsvFormat) {
  const StatsTable t = stats(db, StatsQuery{{StatsDimension::day, StatsDimension::kind}, std::nullopt});
  EXPECT_EQ(format_stats(t, StatsFormat::csv),
            "day,kind,states\n"
            "2026-01-01,prefix,14\n"
            "2026-01-01,reorder,5\n"
            "2026-01-01,torn,2\n"
            "2026-01-02,prefix,30\n"
            "2026-01-02,reorder,1\n"
            "2026-01-02,torn,1\n");
  const StatsTable quoted{{"name, with comma", "states"}, {{std::string("say \"hi\""), std::int64_t{1}}}};
  EXPECT_EQ(format_csv(quoted), "\"name, with comma\",states\n\"say \"\"hi\"\"\",1\n");
}

TEST_F(ResultsStats, JsonFormat) {
  const StatsTable t = stats(db, StatsQuery{{StatsDimension::manager}, std::nullopt});
  const auto parsed = nlohmann::json::parse(format_stats(t, StatsFormat::json));
  EXPECT_EQ(parsed, nlohmann::json::parse(R"([{"manager": "journal+shadow", "states": 11},
    {"manager": "ordinary+shadow", "states": 21}, {"manager": "shadow", "states": 21}])"));
}

TEST_F(ResultsStats, ParsesNames) {
  EXPECT_EQ(parse_stats_dimension("day"), StatsDimension::day);
  EXPECT_FALSE(parse_stats_dimension("week").has_value());
  EXPECT_EQ(parse_stats_format("csv"), StatsFormat::csv);
  EXPECT_FALSE(parse_stats_format("xml").has_value());
}

}  // namespace
}  // namespace sc::results::testing
