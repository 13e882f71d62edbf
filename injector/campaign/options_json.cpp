// options_json.cpp — see options_json.h.
#include "injector/campaign/options_json.h"

#include <algorithm>

#include "injector/common/input_error.h"

namespace sc::campaign {

namespace {

using nlohmann::json;

void put_limit(json& j, const char* key, uint64_t value) {
  if (value != UINT64_MAX) j[key] = value;
}

json mode_names(const crash::ModeSet& modes) {
  json names = json::array();
  for (size_t m = 0; m < crash::kModeCount; ++m)
    if (modes.test(m)) names.push_back(crash::mode_name(static_cast<crash::Mode>(m)));
  return names;
}

// Reads stored options, each failure an InputError naming where and the key.
class Reader {
 public:
  Reader(const json& j, std::string where) : j_(j), where_(std::move(where)) {
    if (!j_.is_object()) fail("options", "a JSON object");
  }

  template <typename T>
  T get(const char* key) const {
    if (!j_.contains(key)) fail(key, "present");
    try {
      return j_.at(key).get<T>();
    } catch (const json::exception&) {
      fail(key, "a value of the right type");
    }
  }
  template <typename T>
  std::optional<T> optional(const char* key) const {
    if (!j_.contains(key)) return std::nullopt;
    return get<T>(key);
  }
  [[noreturn]] void fail(const std::string& key, const std::string& expected) const {
    throw InputError(where_ + ": stored option '" + key + "': expected " + expected);
  }

 private:
  const json& j_;
  std::string where_;
};

crash::ModeSet modes_from(const Reader& r) {
  crash::ModeSet modes;
  for (const auto& name : r.get<std::vector<std::string>>("modes")) {
    crash::Mode m;
    if (!crash::parse_mode(name.c_str(), &m)) r.fail("modes", "prefix, reorder or torn");
    modes.set(static_cast<size_t>(m));
  }
  return modes;
}

}  // namespace

json options_to_json(const CampaignOptions& o) {
  std::vector<std::string> bugs = enabled_bug_names(o.bugs);
  std::sort(bugs.begin(), bugs.end());
  json j = {{"tier", o.tier.name()},
            {"name", o.name},
            {"corpus", o.corpus_dir},
            {"manager", o.manager},
            {"seed", o.seed},
            {"shard", std::to_string(o.shard_index) + "/" + std::to_string(o.shard_count)},
            {"modes", mode_names(o.enumerate.modes)},
            {"k", o.enumerate.k},
            {"samples", o.enumerate.samples_per_cut},
            {"torn-samples", o.enumerate.torn_samples_per_write},
            {"bug", bugs},
            {"no-minimize", !o.minimize},
            {"jobs", o.jobs},
            {"timeout", o.tier.timeout_s},
            {"cases-dir", o.cases_dir}};
  put_limit(j, "max-states", o.max_states);
  if (o.states_per_workload) j["states-per-workload"] = *o.states_per_workload;
  put_limit(j, "workloads", o.max_workloads);
  if (o.duration_s) j["duration"] = *o.duration_s;
  return j;
}

CampaignOptions options_from_json(const json& j, const std::string& where) {
  const Reader r(j, where);
  CampaignOptions o;
  const auto tier = r.get<std::string>("tier");
  if (tier != "inproc" && tier != "qemu") r.fail("tier", "inproc or qemu");
  o.tier.kind = tier == "qemu" ? tier::Kind::qemu : tier::Kind::inproc;
  o.tier.timeout_s = r.get<double>("timeout");
  o.name = r.get<std::string>("name");
  o.corpus_dir = r.get<std::string>("corpus");
  o.manager = r.get<std::string>("manager");
  o.seed = r.get<uint64_t>("seed");
  try {
    std::tie(o.shard_index, o.shard_count) = parse_shard(r.get<std::string>("shard"));
  } catch (const InputError&) {
    r.fail("shard", "i/N with 0 <= i < N");
  }
  o.enumerate.modes = modes_from(r);
  o.enumerate.k = r.get<size_t>("k");
  o.enumerate.samples_per_cut = r.get<uint32_t>("samples");
  o.enumerate.torn_samples_per_write = r.get<uint32_t>("torn-samples");
  o.enumerate.seed = o.seed;
  for (const auto& name : r.get<std::vector<std::string>>("bug")) enable_seeded_bug(&o.bugs, name);
  o.minimize = !r.get<bool>("no-minimize");
  o.jobs = r.get<unsigned>("jobs");
  o.cases_dir = r.get<std::string>("cases-dir");
  o.max_states = r.optional<uint64_t>("max-states").value_or(UINT64_MAX);
  o.states_per_workload = r.optional<uint64_t>("states-per-workload");
  o.max_workloads = r.optional<uint64_t>("workloads").value_or(UINT64_MAX);
  o.duration_s = r.optional<double>("duration");
  return o;
}

}  // namespace sc::campaign
