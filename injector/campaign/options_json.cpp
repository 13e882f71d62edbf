// options_json.cpp — see options_json.h.
#include "injector/campaign/options_json.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <optional>
#include <type_traits>

#include "injector/campaign/option_ranges.h"
#include "injector/common/input_error.h"

namespace sc::campaign {

namespace {

using nlohmann::json;

void put_limit(json& j, const char* key, uint64_t value) {
  if (value != UINT64_MAX) j[key] = value;
}

constexpr OptionRange<uint64_t> kAnyU64{0, UINT64_MAX};

// The exhaustive mode's budget per cut before --runs-per-cut was stored.
constexpr uint64_t kRunsPerCutBefore = uint64_t{1} << 14;

// Above 2^53 a JSON number is not exact for readers that parse numbers as
// doubles (SQLite's json_extract, JavaScript, jq), so such a seed is stored
// as its decimal text.
constexpr uint64_t kExactInEveryReader = uint64_t{1} << 53;

json seed_json(uint64_t seed) { return seed <= kExactInEveryReader ? json(seed) : json(std::to_string(seed)); }

std::optional<uint64_t> decimal_u64(const std::string& text) {
  uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [at, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc{} || at != end) return std::nullopt;
  return value;
}

// "a whole number from 1 to 1024", "a number of at least 1", "a whole
// number, not negative".
template <typename T>
std::string describe(OptionRange<T> range) {
  const std::string kind = std::is_floating_point_v<T> ? "a number" : "a whole number";
  if (range.max != std::numeric_limits<T>::max()) return fmt::format("{} from {} to {}", kind, range.min, range.max);
  return range.min == 0 ? kind + ", not negative" : fmt::format("{} of at least {}", kind, range.min);
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
  // A number within `range`, as the flag accepts it: whole unless T is
  // floating-point.
  template <typename T>
  T number(const char* key, OptionRange<T> range) const {
    if (!j_.contains(key)) fail(key, "present");
    const json& v = j_.at(key);
    if constexpr (std::is_floating_point_v<T>) {
      if (v.is_number() && range.contains(v.get<T>())) return v.get<T>();
    } else {
      if (v.is_number_unsigned() && v.get<uint64_t>() >= range.min && v.get<uint64_t>() <= range.max)
        return static_cast<T>(v.get<uint64_t>());
    }
    fail(key, describe(range));
  }
  // A seed: a whole JSON number, or its decimal text (see seed_json).
  uint64_t seed(const char* key) const {
    if (!j_.contains(key)) fail(key, "present");
    const json& v = j_.at(key);
    if (v.is_number_unsigned()) return v.get<uint64_t>();
    if (v.is_string())
      if (const auto value = decimal_u64(v.get<std::string>())) return *value;
    fail(key, "a whole number from 0 to 2^64-1, or its decimal text");
  }
  template <typename T>
  std::optional<T> optional_number(const char* key, OptionRange<T> range) const {
    if (!j_.contains(key)) return std::nullopt;
    return number(key, range);
  }
  [[noreturn]] void fail(const std::string& key, const std::string& expected) const {
    refuse(key, "expected " + expected);
  }
  [[noreturn]] void refuse(const std::string& key, const std::string& why) const {
    throw InputError(where_ + ": stored option '" + key + "': " + why);
  }

 private:
  const json& j_;
  std::string where_;
};

// Sets e->modes and e->exhaustive.
void modes_from(const Reader& r, crash::EnumeratorOptions* e) {
  e->modes.reset();
  e->exhaustive = false;
  for (const auto& name : r.get<std::vector<std::string>>("modes")) {
    crash::Mode m;
    if (name == crash::kExhaustiveModeName) {
      e->exhaustive = true;
      continue;
    }
    if (!crash::parse_mode(name.c_str(), &m) || !crash::mode_enumerated(m))
      r.fail("modes", "a mode this build enumerates (exhaustive, prefix, reorder, torn or an implemented fault class)");
    e->modes.set(static_cast<size_t>(m));
  }
  if (e->modes.none() && !e->exhaustive) r.fail("modes", "at least one of exhaustive, prefix, reorder, torn");
}

}  // namespace

std::vector<std::string> mode_names(const crash::EnumeratorOptions& e) {
  std::vector<std::string> names;
  if (e.exhaustive) names.push_back(crash::kExhaustiveModeName);
  for (size_t m = 0; m < crash::kModeCount; ++m)
    if (e.modes.test(m)) names.push_back(crash::mode_name(static_cast<crash::Mode>(m)));
  return names;
}

json options_to_json(const CampaignOptions& o) {
  std::vector<std::string> bugs = enabled_bug_names(o.bugs);
  std::sort(bugs.begin(), bugs.end());
  json j = {{"tier", o.tier.name()},
            {"name", o.name},
            {"corpus", o.corpus_dir},
            {"manager", o.manager},
            {"seed", seed_json(o.seed)},
            {"shard", std::to_string(o.shard_index) + "/" + std::to_string(o.shard_count)},
            {"modes", mode_names(o.enumerate)},
            {"runs-per-cut", o.enumerate.runs_per_cut},
            {"k", o.enumerate.k},
            {"samples", o.enumerate.samples_per_cut},
            {"torn-samples", o.enumerate.torn_samples_per_write},
            {"faults", o.enumerate.faults},
            {"fault-samples", o.enumerate.fault_samples_per_cut},
            {"bug", bugs},
            {"no-minimize", !o.minimize},
            {"steer", o.steer},
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
  if (tier == "qemu" && !tier::qemu_tier_built())
    r.refuse("tier", "qemu, but this build has no QEMU tier (configure with -DSTABLECUT_QEMU=ON)");
  o.tier.kind = tier == "qemu" ? tier::Kind::qemu : tier::Kind::inproc;
  o.tier.timeout_s = r.number("timeout", kTimeoutRange);
  o.name = r.get<std::string>("name");
  o.corpus_dir = r.get<std::string>("corpus");
  o.manager = r.get<std::string>("manager");
  o.seed = r.seed("seed");
  try {
    std::tie(o.shard_index, o.shard_count) = parse_shard(r.get<std::string>("shard"));
  } catch (const InputError&) {
    r.fail("shard", "i/N with 0 <= i < N");
  }
  modes_from(r, &o.enumerate);
  if (j.contains("runs-per-cut")) o.enumerate.runs_per_cut = r.number("runs-per-cut", kRunsPerCutRange);  // stored since the exhaustive default
  else o.enumerate.runs_per_cut = kRunsPerCutBefore;
  o.enumerate.k = r.number("k", kReorderKRange);
  o.enumerate.samples_per_cut = r.number("samples", kSamplesRange);
  o.enumerate.torn_samples_per_write = r.number("torn-samples", kSamplesRange);
  if (j.contains("faults")) o.enumerate.faults = r.number("faults", kFaultsRange);  // stored since #15
  if (j.contains("fault-samples")) o.enumerate.fault_samples_per_cut = r.number("fault-samples", kFaultSamplesRange);
  o.enumerate.seed = o.seed;
  for (const auto& name : r.get<std::vector<std::string>>("bug")) {
    try {
      enable_seeded_bug(&o.bugs, name);
    } catch (const InputError& e) {
      r.refuse("bug", e.what());
    }
  }
  o.minimize = !r.get<bool>("no-minimize");
  o.steer = j.contains("steer") && r.get<bool>("steer");  // stored since schema 5
  o.jobs = r.number("jobs", kJobsRange);
  o.cases_dir = r.get<std::string>("cases-dir");
  o.max_states = r.optional_number("max-states", kAnyU64).value_or(UINT64_MAX);
  o.states_per_workload = r.optional_number("states-per-workload", kStatesPerWorkloadRange);
  o.max_workloads = r.optional_number("workloads", kAnyU64).value_or(UINT64_MAX);
  // --duration is a whole number of seconds (or minutes, hours, days), at least 1.
  o.duration_s = r.optional_number("duration", OptionRange<double>{1, std::numeric_limits<double>::max()});
  return o;
}

}  // namespace sc::campaign
