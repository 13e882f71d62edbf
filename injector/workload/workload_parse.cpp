// workload_parse.cpp — the validating parser of the workload format; see
// workload_file.h. Names are resolved to ids as they are met, so every
// later reference is checked against what was declared.
#include <fmt/format.h>

#include <map>
#include <set>
#include <utility>

#include "injector/workload/json_field.h"
#include "injector/workload/workload_file.h"
#include "kernel/core/limits.h"

namespace sc {

namespace {

class Parser {
 public:
  explicit Parser(Workload& w) : w_(w) {}

  void managers(const JsonField& list, int version);
  void steps(const JsonField& list);

 private:
  Step step(const JsonField& f);
  LocusSpec locus(const JsonField& f);
  Op op(const JsonField& f);
  ManagerId manager_ref(const JsonField& f, bool self_managing_only) const;
  ContainerId container_ref(const JsonField& f, bool may_create);

  Workload& w_;
  std::map<std::string, ManagerId> managers_;
  std::map<std::string, ContainerId> containers_;
  std::set<std::pair<ContainerId, uint32_t>> pages_;
};

void Parser::managers(const JsonField& list, int version) {
  w_.managers = parse_managers(list, version);
  for (const auto& m : w_.managers) {
    managers_[m.name] = static_cast<ManagerId>(w_.container_names.size());
    containers_[m.name] = static_cast<ContainerId>(w_.container_names.size());
    w_.container_names.push_back(m.name);
  }
}

ManagerId Parser::manager_ref(const JsonField& f, bool self_managing_only) const {
  const std::string name = f.identifier();
  auto it = managers_.find(name);
  if (it == managers_.end()) f.fail("expected the name of a manager, found '" + name + "'");
  if (self_managing_only && !w_.managers[it->second].self_managing())
    f.fail("expected a self-managing manager; '" + name + "' is managed by '" + w_.managers[it->second].managed_by + "'");
  return it->second;
}

ContainerId Parser::container_ref(const JsonField& f, bool may_create) {
  const std::string name = f.identifier();
  auto it = containers_.find(name);
  if (it != containers_.end()) return it->second;
  if (!may_create) f.fail("expected a container created earlier in the file or a manager name, found '" + name + "'");
  if (containers_.size() >= kMaxContainers) f.fail("too many containers (at most " + std::to_string(kMaxContainers) + ")");
  const auto id = static_cast<ContainerId>(containers_.size());
  containers_[name] = id;
  w_.container_names.push_back(name);
  return id;
}

Op Parser::op(const JsonField& f) {
  Op o;
  const std::string kind = f.child("op").string();
  if (kind == "create") {
    f.only_keys({"op", "container", "manager"});
    o.kind = OpKind::create;
    o.manager = manager_ref(f.child("manager"), false);
    o.container = container_ref(f.child("container"), true);
    if (w_.is_home(o.container)) f.child("container").fail("a manager's own container cannot be created");
  } else if (kind == "write" || kind == "read") {
    const bool write = kind == "write";
    if (write) f.only_keys({"op", "container", "page", "value"});
    else f.only_keys({"op", "container", "page"});
    o.kind = write ? OpKind::write : OpKind::read;
    o.container = container_ref(f.child("container"), false);
    o.page = static_cast<uint32_t>(f.child("page").integer(0, kMaxPageNumber - 1));
    if (write) {
      if (w_.is_home(o.container)) f.child("container").fail("workloads may not write a manager's own container");
      o.value = f.child("value").integer(0, UINT64_MAX);
      pages_.insert({o.container, o.page});
      if (pages_.size() > kMaxWorkloadPages)
        f.fail("too many distinct pages written (at most " + std::to_string(kMaxWorkloadPages) + ")");
    }
  } else if (kind == "stabilise") {
    f.only_keys({"op", "manager"});
    o.kind = OpKind::stabilise;
    o.manager = manager_ref(f.child("manager"), true);
  } else {
    f.child("op").fail("expected \"create\", \"write\", \"read\" or \"stabilise\"");
  }
  return o;
}

LocusSpec Parser::locus(const JsonField& f) {
  f.only_keys({"locus", "home", "ops"});
  LocusSpec spec;
  spec.name = f.child("locus").identifier();
  spec.home = container_ref(f.child("home"), false);
  const JsonField ops = f.child("ops");
  const size_t n = ops.array_size(0, 100000);
  for (size_t i = 0; i < n; ++i) spec.ops.push_back(op(ops.at(i)));
  return spec;
}

Step Parser::step(const JsonField& f) {
  Step s;
  if (f.has("crash")) {
    f.only_keys({"crash"});
    f.child("crash").only_keys({});
    s.crash = true;
    return s;
  }
  f.only_keys({"run"});
  const JsonField loci = f.child("run");
  const size_t n = loci.array_size(1, kMaxLoci);
  std::set<std::string> names;
  for (size_t i = 0; i < n; ++i) {
    s.loci.push_back(locus(loci.at(i)));
    if (!names.insert(s.loci.back().name).second)
      loci.at(i).child("locus").fail("duplicate locus name '" + s.loci.back().name + "' in this step");
  }
  return s;
}

void Parser::steps(const JsonField& list) {
  const size_t n = list.array_size(1, 100000);
  for (size_t i = 0; i < n; ++i) w_.steps.push_back(step(list.at(i)));
}

}  // namespace

Workload parse_workload(const nlohmann::json& doc, const std::string& source) {
  const JsonField top(doc, source, "");
  if (doc.is_object() && doc.contains("format") && doc["format"] == "stablecut-trace")
    top.child("format").fail("this is a trace or case file, not a workload (replay it with: stablecut replay FILE)");
  top.only_keys({"format", "version", "name", "description", "seed", "managers", "steps"});
  if (top.child("format").string() != "stablecut-workload")
    top.child("format").fail("expected \"stablecut-workload\"");
  const auto version = static_cast<int>(top.child("version").integer(0, UINT32_MAX));
  if (version < kOldestWorkloadFormatVersion || version > kWorkloadFormatVersion)
    top.child("version").fail(fmt::format("expected a version this build reads ({} to {})", kOldestWorkloadFormatVersion,
                                          kWorkloadFormatVersion));
  Workload w;
  w.name = top.child("name").identifier();
  if (top.has("description")) w.description = top.child("description").string();
  if (top.has("seed")) w.seed = top.child("seed").integer(0, UINT64_MAX);
  Parser parser(w);
  parser.managers(top.child("managers"), version);
  parser.steps(top.child("steps"));
  return w;
}

Workload load_workload_file(const std::string& path) { return parse_workload(read_json_file(path), path); }

}  // namespace sc
