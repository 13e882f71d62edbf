// workload_managers.cpp — parses a workload's "managers" list (see
// workload_file.h) against the manager registry: which program each manager
// runs, its role, and the hierarchy of managed_by. Errors name the field.
#include <fmt/format.h>

#include <map>

#include "injector/workload/workload.h"
#include "injector/workload/workload_file.h"
#include "kernel/core/limits.h"
#include "managers/registry/registry.h"

namespace sc {

namespace {

std::string registered_names() {
  std::string names;
  for (uint32_t i = 0; i < registered_manager_count(); ++i)
    names += (names.empty() ? "" : ", ") + std::string(registered_manager(i).name);
  return names;
}

const ManagerProgram& program_of(const JsonField& f, int version) {
  if (version == 1) {
    const JsonField kind = f.child("kind");
    const std::string k = kind.string();
    if (k != "shadow" && k != "ordinary") kind.fail("expected \"shadow\" or \"ordinary\"");
    return *find_manager_program(k.c_str());
  }
  const JsonField field = f.child("program");
  const std::string name = field.string();
  const ManagerProgram* p = find_manager_program(name.c_str());
  if (p == nullptr)
    field.fail(fmt::format("expected a registered manager program (one of: {}; `stablecut managers` describes them), found '{}'",
                           registered_names(), name));
  return *p;
}

bool may_fill_partition(const JsonField& f) {
  if (!f.has("may_fill_partition")) return false;
  const JsonField flag = f.child("may_fill_partition");
  if (!flag.value().is_boolean()) flag.fail("expected true or false");
  return flag.value().get<bool>();
}

ManagerSpec manager(const JsonField& f, int version) {
  ManagerSpec spec;
  spec.name = f.child("name").identifier();
  const ManagerProgram& program = program_of(f, version);
  spec.program = program.name;
  const char* program_key = version == 1 ? "kind" : "program";
  if (program.role == ManagerRole::self_managing) {
    if (f.has("managed_by"))
      f.child("managed_by").fail(fmt::format("expected no managed_by: '{}' is a self-managing program", spec.program));
    f.only_keys({"name", program_key, "partition_blocks", "may_fill_partition"});
    spec.may_fill_partition = may_fill_partition(f);
    spec.partition_blocks = f.has("partition_blocks")
                                ? static_cast<uint32_t>(f.child("partition_blocks").integer(kMinPartitionBlocks, kMaxPartitionBlocks))
                                : kDefaultPartitionBlocks;
  } else {
    if (f.has("partition_blocks"))
      f.child("partition_blocks").fail(fmt::format("expected no partition: '{}' is a managed program (its manager keeps its pages)", spec.program));
    f.only_keys({"name", program_key, "managed_by"});
    spec.managed_by = f.child("managed_by").identifier();
  }
  return spec;
}

// Follows managed_by from manager `i`; fails on a name no manager has or on
// a cycle, naming the chain.
void check_chain(const JsonField& list, const std::vector<ManagerSpec>& specs, const std::map<std::string, size_t>& index,
                 size_t i) {
  std::string chain = specs[i].name;
  std::vector<bool> seen(specs.size());
  for (size_t m = i; !specs[m].self_managing();) {
    seen[m] = true;
    auto it = index.find(specs[m].managed_by);
    if (it == index.end())
      list.at(m).child("managed_by").fail(fmt::format("expected the name of a manager of this workload, found '{}'", specs[m].managed_by));
    chain += " -> " + specs[it->second].name;
    if (seen[it->second])
      list.at(i).child("managed_by").fail(
          fmt::format("expected a chain of managers that ends at a self-managing one, found the cycle {}", chain));
    m = it->second;
  }
}

void check_order(const JsonField& list, const std::vector<ManagerSpec>& specs, const std::map<std::string, size_t>& index) {
  for (size_t i = 0; i < specs.size(); ++i) {
    if (i > 0 && specs[i].self_managing() && !specs[i - 1].self_managing())
      list.at(i).fail("expected self-managing managers listed before managed ones");
    if (!specs[i].self_managing() && index.at(specs[i].managed_by) > i)
      list.at(i).child("managed_by").fail(
          fmt::format("expected a manager listed earlier; list '{}' before '{}'", specs[i].managed_by, specs[i].name));
  }
}

}  // namespace

std::vector<ManagerSpec> parse_managers(const JsonField& list, int version) {
  const size_t n = list.array_size(1, kMaxManagers);
  std::vector<ManagerSpec> specs;
  std::map<std::string, size_t> index;
  size_t self_managing = 0;
  for (size_t i = 0; i < n; ++i) {
    specs.push_back(manager(list.at(i), version));
    if (!index.emplace(specs.back().name, i).second)
      list.at(i).child("name").fail("expected a name no other manager has; '" + specs.back().name + "' is used twice");
    if (specs.back().self_managing() && ++self_managing > kMaxSelfManaging)
      list.at(i).fail("expected at most " + std::to_string(kMaxSelfManaging) + " self-managing managers");
  }
  for (size_t i = 0; i < n; ++i) check_chain(list, specs, index, i);
  check_order(list, specs, index);
  return specs;
}

}  // namespace sc
