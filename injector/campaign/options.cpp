// options.cpp — parsing of the campaign's --shard and --duration values
// (see campaign.h), errors being one-line InputErrors naming the flag; and
// the per-workload crash-state cap.
#include <algorithm>
#include <cstdlib>
#include <string>
#include <utility>

#include "injector/campaign/campaign.h"
#include "injector/common/input_error.h"

namespace sc::campaign {

namespace {

bool parse_u64(const std::string& s, uint64_t* out) {
  if (s.empty() || s.size() > 12 || s.find_first_not_of("0123456789") != std::string::npos) return false;
  *out = std::strtoull(s.c_str(), nullptr, 10);
  return true;
}

}  // namespace

std::pair<uint32_t, uint32_t> parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  uint64_t i = 0, n = 0;
  if (slash == std::string::npos || !parse_u64(text.substr(0, slash), &i) || !parse_u64(text.substr(slash + 1), &n) ||
      n == 0 || i >= n || n > 1000000)
    throw InputError("--shard " + text + ": expected i/N with 0 <= i < N (e.g. 0/4)");
  return {static_cast<uint32_t>(i), static_cast<uint32_t>(n)};
}

uint64_t workload_state_cap(const CampaignOptions& o) {
  const uint64_t cap = o.states_per_workload.value_or(o.tier.qemu() ? tier::kDefaultQemuStates : UINT64_MAX);
  return std::min(cap, o.max_states);
}

double parse_duration(const std::string& text) {
  static const std::pair<char, double> kUnits[] = {{'s', 1}, {'m', 60}, {'h', 3600}, {'d', 86400}};
  double unit = 1;
  std::string digits = text;
  for (const auto& [suffix, seconds] : kUnits)
    if (!text.empty() && text.back() == suffix) {
      unit = seconds;
      digits = text.substr(0, text.size() - 1);
    }
  uint64_t n = 0;
  if (!parse_u64(digits, &n) || n == 0)
    throw InputError("--duration " + text + ": expected a positive whole number with an optional unit s, m, h or d (e.g. 8h)");
  return static_cast<double>(n) * unit;
}

}  // namespace sc::campaign
