// workload_file.h — the JSON workload format (corpus/workloads/*.json).
//
//   {"format": "stablecut-workload", "version": 1, "name": "basic",
//    "description": "...", "seed": 7,
//    "managers": [{"name": "A", "kind": "shadow", "partition_blocks": 512},
//                 {"name": "M", "kind": "ordinary", "managed_by": "A"}],
//    "steps": [{"run": [{"locus": "w1", "home": "A", "ops": [
//                 {"op": "create", "container": "c1", "manager": "A"},
//                 {"op": "write", "container": "c1", "page": 3, "value": 17},
//                 {"op": "read", "container": "c1", "page": 3},
//                 {"op": "stabilise", "manager": "A"}]}]},
//              {"crash": {}}]}
//
// A locus's home is a manager name (its container) or a created container.
// parse_workload() checks every field and throws InputError with one line
// naming the source, the field path and what was expected.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "injector/workload/workload.h"

namespace sc {

constexpr int kWorkloadFormatVersion = 1;

Workload parse_workload(const nlohmann::json& doc, const std::string& source);
Workload load_workload_file(const std::string& path);
nlohmann::json workload_to_json(const Workload& w);

}  // namespace sc
