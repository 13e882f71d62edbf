// test_system.h — a small in-process system for kernel tests: a workload
// parsed from inline JSON, a MemDisk, and a runner, plus helpers to reach the
// kernel as a locus or as a manager would.
#pragma once
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "injector/inproc/workload_runner.h"
#include "injector/workload/json_field.h"
#include "injector/workload/workload_file.h"
#include "kernel/hosted/mem_disk.h"

namespace sc::test {

inline Workload workload_from(const std::string& json) { return parse_workload(parse_json_text(json, "inline"), "inline"); }

inline Workload corpus_workload(const std::string& name) {
  return load_workload_file(std::string(STABLECUT_SOURCE_DIR) + "/corpus/workloads/" + name + ".json");
}

struct TestSystem {
  explicit TestSystem(const Workload& workload, const RunOptions& options = {})
      : w(workload), disk(w.disk_sectors()), runner(w, disk, [this] { disk.crash(); }, options) {}
  Kernel& kernel() { return runner.machine().kernel(); }

  Workload w;
  MemDisk disk;
  WorkloadRunner runner;
};

constexpr const char* kOneManager = R"({"format":"stablecut-workload","version":1,"name":"t",
  "managers":[{"name":"A","kind":"shadow","partition_blocks":64},{"name":"M","kind":"ordinary","managed_by":"A"}],
  "steps":[{"run":[{"locus":"w","home":"A","ops":[{"op":"create","container":"c","manager":"A"},
    {"op":"write","container":"c","page":1,"value":9}]}]}]})";

}  // namespace sc::test
