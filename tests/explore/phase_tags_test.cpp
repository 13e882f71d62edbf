// phase_tags_test.cpp — REQUEST is a protocol state, never a request tag
// (kernel/core/phase.h): no request of any shipped workload, recorded under
// any seeded bug, is tagged REQUEST, every request of a stabilisation is
// tagged with one of its later phases, and a phase name "REQUEST" is
// refused where tags are parsed (trace files).
#include <gtest/gtest.h>

#include <filesystem>

#include "injector/common/phase_tag.h"
#include "injector/common/seeded_bugs.h"
#include "injector/inproc/recording.h"
#include "injector/workload/workload_file.h"
#include "kernel/core/phase.h"

namespace sc {
namespace {

TEST(PhaseTags, NoRecordedRequestIsTaggedRequest) {
  size_t stabilisation_requests = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(STABLECUT_SOURCE_DIR) / "corpus/workloads")) {
    const Workload w = load_workload_file(e.path().string());
    for (const std::string& bug : seeded_bug_names()) {
      SeededBugs bugs;
      enable_seeded_bug(&bugs, bug);
      const Recording rec = record_inproc(w, bugs);
      for (const crash::Request& r : rec.trace.requests()) {
        EXPECT_NE(r.phase, Phase::REQUEST) << e.path() << " " << bug;
        if (r.phase != Phase::RUN && r.phase != Phase::RECOVERY) ++stabilisation_requests;
      }
    }
  }
  EXPECT_GT(stabilisation_requests, 0u);
}

TEST(PhaseTags, RequestIsNoTagName) {
  Phase p = Phase::RUN;
  EXPECT_FALSE(parse_tag_phase("REQUEST", &p));
  EXPECT_TRUE(parse_tag_phase("FREEZE", &p));
  EXPECT_EQ(p, Phase::FREEZE);
  EXPECT_STREQ(phase_name(Phase::REQUEST), "REQUEST");
}

}  // namespace
}  // namespace sc
