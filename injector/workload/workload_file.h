// workload_file.h — the JSON workload format (corpus/workloads/*.json).
//
//   {"format": "stablecut-workload", "version": 2, "name": "basic",
//    "description": "...", "seed": 7,
//    "managers": [{"name": "A", "program": "shadow", "partition_blocks": 512},
//                 {"name": "M", "program": "ordinary", "managed_by": "A"}],
//    "steps": [{"run": [{"locus": "w1", "home": "A", "ops": [
//                 {"op": "create", "container": "c1", "manager": "A"},
//                 {"op": "write", "container": "c1", "page": 3, "value": 17},
//                 {"op": "read", "container": "c1", "page": 3},
//                 {"op": "stabilise", "manager": "A"}]}]},
//              {"crash": {}}]}
//
// A manager runs a registered program (`stablecut managers` lists them);
// a self-managing one has a partition (partition_blocks, optional), a
// managed one names the manager that manages it. Version 1 files, whose
// managers say "kind": "shadow" or "ordinary", still load.
// A locus's home is a manager name (its container) or a created container.
// parse_workload() checks every field and throws InputError with one line
// naming the source, the field path and what was expected.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "injector/workload/json_field.h"
#include "injector/workload/workload.h"

namespace sc {

constexpr int kWorkloadFormatVersion = 2;
constexpr int kOldestWorkloadFormatVersion = 1;

Workload parse_workload(const nlohmann::json& doc, const std::string& source);
// The "managers" list of a workload of format `version` (workload_managers.cpp):
// every program registered, every managed_by naming a manager of the list,
// no cycles, every manager listed after its manager, self-managing first.
std::vector<ManagerSpec> parse_managers(const JsonField& list, int version);
Workload load_workload_file(const std::string& path);
nlohmann::json workload_to_json(const Workload& w);

}  // namespace sc
