// bench_history.cpp — see bench_history.h.
#include "injector/campaign/bench_history.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>

#include "injector/common/input_error.h"

namespace sc::campaign {

namespace {

// A rate: checked_per_s, checked_per_s_all_workers, reboots_per_s_per_core, …
bool is_rate(const std::string& key) {
  const size_t at = key.find("_per_s");
  return at != std::string::npos && (at + 6 == key.size() || key[at + 6] == '_');
}

// One line as a point, and the name of its series; throws a message.
std::pair<std::string, nlohmann::json> point_of(const std::string& line) {
  const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded()) throw std::runtime_error("not valid JSON");
  if (!j.is_object()) throw std::runtime_error("not a JSON object");
  if (!j.contains("bench") || !j["bench"].is_string() || !j.contains("workload") || !j["workload"].is_string())
    throw std::runtime_error("no \"bench\" and \"workload\": not a line of stablecut bench --format json");
  if (j.contains("at") && !j["at"].is_number_unsigned())
    throw std::runtime_error("\"at\" is not a unix time in whole seconds");
  if (j.contains("workers") && !j["workers"].is_number_unsigned())
    throw std::runtime_error("\"workers\" is not a count");
  nlohmann::json figures = nlohmann::json::object();
  for (const auto& [key, value] : j.items()) {
    if (!is_rate(key) || !value.is_number()) continue;
    if (!(value.get<double>() >= 0)) throw std::runtime_error("\"" + key + "\" is negative");
    figures[key] = value;
  }
  if (figures.empty()) throw std::runtime_error("no figure (a number named …_per_s…)");
  std::string name = j["bench"].get<std::string>() + " " + j["workload"].get<std::string>();
  if (j.contains("workers")) name += fmt::format(", {} workers", j["workers"].get<uint64_t>());
  const int64_t at = j.contains("at") ? static_cast<int64_t>(std::min<uint64_t>(j["at"].get<uint64_t>(), INT64_MAX)) : 0;
  return {name, {{"at", at}, {"figures", figures}}};
}

// The regressions of one series: its newest point against the best before it.
void find_regressions(const nlohmann::json& series, nlohmann::json* out) {
  const nlohmann::json& points = series["points"];
  if (points.size() < 2) return;
  const nlohmann::json& newest = points.back();
  for (const auto& [figure, value] : newest["figures"].items()) {
    double best = 0;
    int64_t best_at = 0;
    for (size_t i = 0; i + 1 < points.size(); ++i)
      if (points[i]["figures"].contains(figure) && points[i]["figures"][figure].get<double>() > best) {
        best = points[i]["figures"][figure].get<double>();
        best_at = points[i]["at"].get<int64_t>();
      }
    const double now = value.get<double>();
    if (best <= 0 || now >= best * (1 - kBenchRegression)) continue;
    out->push_back({{"series", series["name"]}, {"figure", figure}, {"newest", now}, {"best", best},
                    {"best_at", best_at}, {"drop", 1 - now / best}});
  }
}

}  // namespace

nlohmann::json read_bench_history(const std::string& path) {
  std::ifstream in(path);
  if (!std::filesystem::is_regular_file(path) || !in) throw InputError("--bench-history " + path + ": cannot be read; expected the lines of stablecut bench --format json");
  std::map<std::string, nlohmann::json> by_name;
  std::vector<std::string> order;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      auto [name, point] = point_of(line);
      if (!by_name.count(name)) order.push_back(name);
      by_name[name].push_back(std::move(point));
    } catch (const std::exception& e) {
      throw InputError(fmt::format("--bench-history {}:{}: {}", path, number, e.what()));
    }
  }
  nlohmann::json out = {{"series", nlohmann::json::array()}, {"regressions", nlohmann::json::array()}};
  for (const auto& name : order) {
    out["series"].push_back({{"name", name}, {"points", by_name[name]}});
    find_regressions(out["series"].back(), &out["regressions"]);
  }
  return out;
}

}  // namespace sc::campaign
