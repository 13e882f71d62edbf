// workload_json.cpp — writes a Workload back in the format parse_workload()
// reads (used to embed workloads in trace files and to save minimised or
// mutated workloads). parse_workload(workload_to_json(w)) == w.
#include "injector/workload/workload_file.h"

namespace sc {

namespace {

nlohmann::json op_json(const Workload& w, const Op& op) {
  switch (op.kind) {
    case OpKind::create:
      return {{"op", "create"}, {"container", w.container_names[op.container]}, {"manager", w.managers[op.manager].name}};
    case OpKind::write:
      return {{"op", "write"}, {"container", w.container_names[op.container]}, {"page", op.page}, {"value", op.value}};
    case OpKind::read:
      return {{"op", "read"}, {"container", w.container_names[op.container]}, {"page", op.page}};
    case OpKind::stabilise:
      return {{"op", "stabilise"}, {"manager", w.managers[op.manager].name}};
  }
  return {};
}

nlohmann::json manager_json(const ManagerSpec& m) {
  if (!m.self_managing()) return {{"name", m.name}, {"program", m.program}, {"managed_by", m.managed_by}};
  nlohmann::json j = {{"name", m.name}, {"program", m.program}, {"partition_blocks", m.partition_blocks}};
  if (m.may_fill_partition) j["may_fill_partition"] = true;
  return j;
}

nlohmann::json step_json(const Workload& w, const Step& step) {
  if (step.crash) return {{"crash", nlohmann::json::object()}};
  nlohmann::json loci = nlohmann::json::array();
  for (const auto& l : step.loci) {
    nlohmann::json ops = nlohmann::json::array();
    for (const auto& op : l.ops) ops.push_back(op_json(w, op));
    loci.push_back({{"locus", l.name}, {"home", w.container_names[l.home]}, {"ops", ops}});
  }
  return {{"run", loci}};
}

}  // namespace

nlohmann::json workload_to_json(const Workload& w) {
  nlohmann::json managers = nlohmann::json::array();
  for (const auto& m : w.managers) managers.push_back(manager_json(m));
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : w.steps) steps.push_back(step_json(w, s));
  nlohmann::json doc = {{"format", "stablecut-workload"}, {"version", kWorkloadFormatVersion},
                        {"name", w.name}, {"seed", w.seed}, {"managers", managers}, {"steps", steps}};
  if (!w.description.empty()) doc["description"] = w.description;
  return doc;
}

}  // namespace sc
