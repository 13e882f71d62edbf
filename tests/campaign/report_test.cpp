// report_test.cpp — `report` writes a static page whose four plots render
// in headless Chromium (each plot sets data-rendered="true" once drawn).
// Skipped only if chromium is not installed.
#include <gtest/gtest.h>

#include <cstdio>

#include "process.h"

namespace sc::campaign::testing {

namespace {

std::string dump_dom(const TempDir& dir, const std::string& page) {
  const std::string cmd = "chromium --headless --no-sandbox --disable-gpu --disable-background-networking "
                          "--disable-component-update --disable-sync --no-first-run --user-data-dir=" +
                          dir.file("chromium-profile") + " --dump-dom file://" + page + " 2>/dev/null";
  std::string dom;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) dom.append(buf, n);
  pclose(p);
  return dom;
}

TEST(CampaignReport, PlotsRenderInHeadlessChromium) {
  if (system("command -v chromium > /dev/null 2>&1") != 0) GTEST_SKIP() << "chromium is not installed";
  TempDir dir;
  const std::string db = dir.file("r.db");
  ASSERT_EQ(run_stablecut(dir, campaign_args(db, {"--workloads", "3", "--bug", "manager-skip-flush"})).rc, 1);
  ASSERT_EQ(run_stablecut(dir, campaign_args(db, {"--workloads", "3"})).rc, 0);
  const RunResult r = run_stablecut(dir, {"report", "--db", db, "--out", dir.file("report")});
  ASSERT_EQ(r.rc, 0) << r.err;
  const std::string dom = dump_dom(dir, dir.file("report/index.html"));
  for (const char* id : {"plot-outcomes", "plot-throughput", "plot-failures", "plot-coverage"}) {
    const auto at = dom.find(std::string("id=\"") + id + "\"");
    ASSERT_NE(at, std::string::npos) << id;
    const std::string tag = dom.substr(dom.rfind('<', at), dom.find('>', at) - dom.rfind('<', at));
    EXPECT_NE(tag.find("data-rendered=\"true\""), std::string::npos) << tag;
    EXPECT_EQ(tag.find("data-points=\"0\""), std::string::npos) << tag;
  }
  EXPECT_NE(dom.find("<svg"), std::string::npos);
  EXPECT_EQ(dom.find("http://"), dom.find("http://www.w3.org"));  // nothing fetched from the network
}

}  // namespace

}  // namespace sc::campaign::testing
