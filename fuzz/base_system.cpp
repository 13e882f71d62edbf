// base_system.cpp — see base_system.h.
#include "fuzz/base_system.h"

#include <cstdio>
#include <cstdlib>

#include "injector/crash/recording_disk.h"
#include "injector/inproc/workload_runner.h"

namespace sc::fuzz {

namespace {

Op write_op(ContainerId c, uint32_t page, uint64_t value) {
  Op op;
  op.kind = OpKind::write;
  op.container = c;
  op.page = page;
  op.value = value;
  return op;
}

Op manager_op(OpKind kind, ContainerId c, ManagerId m) {
  Op op;
  op.kind = kind;
  op.container = c;
  op.manager = m;
  return op;
}

Workload make_workload() {
  Workload w;
  w.name = "fuzz-base";
  w.seed = 1;
  w.managers = {{"A", "shadow", "", kBasePartitionBlocks},
                {"B", "shadow", "", kBasePartitionBlocks},
                {"M", "ordinary", "A", 0}};
  w.container_names = {"A", "B", "M", "a1", "b1", "m1"};
  LocusSpec locus{"w", 0, {}};
  auto& ops = locus.ops;
  ops.push_back(manager_op(OpKind::create, 3, 0));
  ops.push_back(manager_op(OpKind::create, 4, 1));
  ops.push_back(manager_op(OpKind::create, 5, 2));
  for (uint32_t p = 0; p < 3; ++p) ops.push_back(write_op(3, p, 10 + p));
  ops.push_back(write_op(4, 0, 20));
  ops.push_back(write_op(5, 1, 30));
  ops.push_back(manager_op(OpKind::stabilise, kNoContainer, 0));
  ops.push_back(write_op(3, 1, 11));
  ops.push_back(write_op(4, 2, 22));
  ops.push_back(write_op(5, 1, 31));
  ops.push_back(manager_op(OpKind::stabilise, kNoContainer, 1));
  ops.push_back(write_op(3, 4, 14));
  ops.push_back(manager_op(OpKind::stabilise, kNoContainer, 0));
  w.steps.push_back(Step{false, {locus}});
  return w;
}

std::vector<uint8_t> make_image() {
  const Workload& w = base_workload();
  crash::RecordingDisk disk(w.disk_sectors());
  WorkloadRunner runner(w, disk, [] {}, RunOptions{});
  const RunResult result = runner.run();
  if (!result.findings.empty()) {
    std::fprintf(stderr, "fuzz base system: the base workload failed: %s\n", result.findings.front().c_str());
    std::abort();
  }
  return disk.durable_image().view().bytes();
}

}  // namespace

const Workload& base_workload() {
  static const Workload w = make_workload();
  return w;
}

const std::vector<uint8_t>& base_image() {
  static const std::vector<uint8_t> image = make_image();
  return image;
}

}  // namespace sc::fuzz
