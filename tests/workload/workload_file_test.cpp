// Workload files: every shipped workload parses and round-trips; every
// malformed one is refused with one line naming the file, the field and
// what was expected.
#include <gtest/gtest.h>

#include <filesystem>

#include "injector/workload/json_field.h"
#include "injector/workload/workload_file.h"
#include "managers/registry/registry.h"

namespace sc {
namespace {

const std::string kCorpus = std::string(STABLECUT_SOURCE_DIR) + "/corpus/workloads";

std::string doc2(const std::string& managers, const std::string& steps) {
  return R"({"format":"stablecut-workload","version":2,"name":"t","managers":)" + managers + R"(,"steps":)" + steps + "}";
}

TEST(WorkloadFile, ShippedWorkloadsParseAndRoundTrip) {
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(kCorpus)) {
    const Workload w = load_workload_file(e.path().string());
    const nlohmann::json once = workload_to_json(w);
    EXPECT_EQ(workload_to_json(parse_workload(once, "again")), once) << e.path();
    ++n;
  }
  EXPECT_GE(n, 5u);
}

TEST(WorkloadFile, ContainerIdsFollowTheFile) {
  const Workload w = load_workload_file(kCorpus + "/hierarchy.json");
  ASSERT_EQ(w.container_names.size(), 5u);
  EXPECT_EQ(w.container_names[0], "A");
  EXPECT_EQ(w.container_names[1], "M");
  EXPECT_EQ(w.container_names[2], "m1");
  EXPECT_EQ(w.managed_by(1), 0);
}

// Version 1 named the implementation by its kind; it loads as the
// registered program of that name.
TEST(WorkloadFile, VersionOneKindsLoadAsTheirPrograms) {
  const Workload w = parse_workload(parse_json_text(
      R"({"format":"stablecut-workload","version":1,"name":"t","managers":[{"name":"A","kind":"shadow"},
          {"name":"M","kind":"ordinary","managed_by":"A"}],"steps":[{"crash":{}}]})", "v1"), "v1");
  ASSERT_EQ(w.managers.size(), 2u);
  EXPECT_EQ(w.managers[0].program, "shadow");
  EXPECT_TRUE(w.managers[0].self_managing());
  EXPECT_EQ(w.managers[1].program, "ordinary");
  EXPECT_EQ(w.managers[1].managed_by, "A");
  EXPECT_EQ(workload_to_json(w)["version"], kWorkloadFormatVersion);
}

// Every registered program survives a write and a read back under its own
// name (a writer that wrote "shadow" for every self-managing program would
// replay the wrong manager from case files).
TEST(WorkloadFile, EveryRegisteredProgramRoundTripsByName) {
  for (uint32_t i = 0; i < registered_manager_count(); ++i) {
    const ManagerProgram& p = registered_manager(i);
    const bool self = p.role == ManagerRole::self_managing;
    const std::string managers = self ? R"([{"name":"X","program":")" + std::string(p.name) + R"("}])"
                                      : R"([{"name":"A","program":"shadow"},{"name":"X","program":")" +
                                            std::string(p.name) + R"(","managed_by":"A"}])";
    const Workload w = parse_workload(parse_json_text(doc2(managers, R"([{"crash":{}}])"), "w"), "w");
    const Workload again = parse_workload(workload_to_json(w), "again");
    EXPECT_EQ(again.managers.back().program, p.name);
    EXPECT_EQ(again.managers.back().self_managing(), self) << p.name;
    EXPECT_EQ(boot_config(again, SeededBugs{}).managers[w.managers.size() - 1].entry, p.entry) << p.name;
  }
}

TEST(WorkloadFile, MissingFileIsOneLine) {
  try {
    load_workload_file("/nonexistent/w.json");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/w.json: cannot open file");
  }
}

struct BadCase {
  const char* label;
  std::string json;
  std::string expected_fragment;
};

std::string doc(const std::string& managers, const std::string& steps, const std::string& extra = "") {
  return R"({"format":"stablecut-workload","version":1,"name":"t",)" + extra + R"("managers":)" + managers +
         R"(,"steps":)" + steps + "}";
}
const std::string kA = R"([{"name":"A","kind":"shadow"}])";
std::string ops(const std::string& list) { return R"([{"run":[{"locus":"w","home":"A","ops":)" + list + "}]}]"; }

class Malformed : public ::testing::TestWithParam<BadCase> {};

TEST_P(Malformed, IsRefusedWithOneLine) {
  const BadCase& c = GetParam();
  try {
    parse_workload(parse_json_text(c.json, "w.json"), "w.json");
    FAIL() << c.label << " was accepted";
  } catch (const InputError& e) {
    const std::string msg = e.what();
    EXPECT_EQ(msg.rfind("w.json: ", 0), 0u) << msg;
    EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
    EXPECT_NE(msg.find(c.expected_fragment), std::string::npos) << c.label << ": " << msg;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, Malformed,
    ::testing::Values(
        BadCase{"not json", "{\"format\": ", "expected valid JSON"},
        BadCase{"number overflow", doc(kA, ops("[]"), R"("seed":1e400,)"), "expected valid JSON"},
        BadCase{"array", "[1,2]", "(top level): expected an object"},
        BadCase{"wrong format", R"({"format":"x","version":1})", "format: expected \"stablecut-workload\""},
        BadCase{"newer version", R"({"format":"stablecut-workload","version":3})", "version: expected a version this build reads (1 to 2)"},
        BadCase{"missing managers", R"({"format":"stablecut-workload","version":1,"name":"t","steps":[]})", "managers: missing"},
        BadCase{"unknown field", doc(kA, ops("[]"), R"("sede":1,)"), "unknown field 'sede'"},
        BadCase{"bad name", R"({"format":"stablecut-workload","version":1,"name":"a b"})", "name: expected a name"},
        BadCase{"bad kind", doc(R"([{"name":"A","kind":"magic"}])", ops("[]")), "managers[0].kind"},
        BadCase{"unknown parent", doc(R"([{"name":"A","kind":"shadow"},{"name":"M","kind":"ordinary","managed_by":"Z"}])", ops("[]")), "managers[1].managed_by"},
        BadCase{"ordinary first", doc(R"([{"name":"A","kind":"shadow"},{"name":"M","kind":"ordinary","managed_by":"A"},{"name":"B","kind":"shadow"}])", ops("[]")), "self-managing managers listed before managed ones"},
        BadCase{"five self-managing", doc(R"([{"name":"A","kind":"shadow"},{"name":"B","kind":"shadow"},{"name":"C","kind":"shadow"},{"name":"D","kind":"shadow"},{"name":"E","kind":"shadow"}])", ops("[]")), "at most 4 self-managing"},
        BadCase{"tiny partition", doc(R"([{"name":"A","kind":"shadow","partition_blocks":3}])", ops("[]")), "partition_blocks: expected an integer in 64..4096"},
        BadCase{"create home", doc(kA, ops(R"([{"op":"create","container":"A","manager":"A"}])")), "cannot be created"},
        BadCase{"unknown container", doc(kA, ops(R"([{"op":"write","container":"nope","page":0,"value":1}])")), "found 'nope'"},
        BadCase{"page range", doc(kA, ops(R"([{"op":"create","container":"c","manager":"A"},{"op":"write","container":"c","page":1048576,"value":1}])")), "ops[1].page: expected an integer in 0..1048575"},
        BadCase{"negative value", doc(kA, ops(R"([{"op":"create","container":"c","manager":"A"},{"op":"write","container":"c","page":1,"value":-1}])")), "ops[1].value"},
        BadCase{"write home", doc(kA, ops(R"([{"op":"write","container":"A","page":1,"value":1}])")), "may not write a manager's own container"},
        BadCase{"stabilise ordinary", doc(R"([{"name":"A","kind":"shadow"},{"name":"M","kind":"ordinary","managed_by":"A"}])", ops(R"([{"op":"stabilise","manager":"M"}])")), "'M' is managed by 'A'"},
        BadCase{"unknown op", doc(kA, ops(R"([{"op":"delete"}])")), "ops[0].op: expected"},
        BadCase{"crash with fields", doc(kA, R"([{"crash":{"now":true}}])"), "steps[0].crash: unknown field 'now'"},
        BadCase{"empty step", doc(kA, R"([{}])"), "steps[0].run: missing"},
        BadCase{"duplicate locus", doc(kA, R"([{"run":[{"locus":"w","home":"A","ops":[]},{"locus":"w","home":"A","ops":[]}]}])"), "duplicate locus name"},
        BadCase{"no steps", doc(kA, "[]"), "steps: expected 1 to"},
        BadCase{"unknown program", doc2(R"([{"name":"A","program":"nosuch"}])", ops("[]")), "managers[0].program: expected a registered manager program (one of: shadow, ordinary"},
        BadCase{"v2 with kind", doc2(R"([{"name":"A","kind":"shadow"}])", ops("[]")), "managers[0].program: missing"},
        BadCase{"missing manager", doc2(R"([{"name":"A","program":"shadow"},{"name":"M","program":"ordinary","managed_by":"Z"}])", ops("[]")), "managers[1].managed_by: expected the name of a manager of this workload, found 'Z'"},
        BadCase{"cycle", doc2(R"([{"name":"A","program":"shadow"},{"name":"M","program":"ordinary","managed_by":"N"},{"name":"N","program":"ordinary","managed_by":"M"}])", ops("[]")), "found the cycle M -> N -> M"},
        BadCase{"self cycle", doc2(R"([{"name":"A","program":"shadow"},{"name":"M","program":"ordinary","managed_by":"M"}])", ops("[]")), "found the cycle M -> M"},
        BadCase{"manager listed later", doc2(R"([{"name":"A","program":"shadow"},{"name":"M","program":"ordinary","managed_by":"N"},{"name":"N","program":"ordinary","managed_by":"A"}])", ops("[]")), "list 'N' before 'M'"},
        BadCase{"managed self-managing", doc2(R"([{"name":"A","program":"shadow","managed_by":"A"}])", ops("[]")), "managed_by: expected no managed_by: 'shadow' is a self-managing program"},
        BadCase{"managed with partition", doc2(R"([{"name":"A","program":"shadow"},{"name":"M","program":"ordinary","managed_by":"A","partition_blocks":64}])", ops("[]")), "expected no partition"},
        BadCase{"managed without manager", doc2(R"([{"name":"A","program":"shadow"},{"name":"M","program":"ordinary"}])", ops("[]")), "managers[1].managed_by: missing"},
        BadCase{"duplicate manager", doc2(R"([{"name":"A","program":"shadow"},{"name":"A","program":"shadow"}])", ops("[]")), "'A' is used twice"}));

}  // namespace
}  // namespace sc
