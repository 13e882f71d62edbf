// records.cpp — names of the record enums (the strings stored in the
// database: they must match the CHECK constraints and enumeration tables of
// results/schema.sql) and seed formatting.
#include "records.h"

#include <array>
#include <charconv>
#include <cstdio>

namespace sc::results {

namespace {

template <typename E, std::size_t N>
const char* lookup(const std::array<const char*, N>& names, E v) {
  const auto i = static_cast<std::size_t>(v);
  return i < N ? names[i] : "unknown";
}

template <typename E, std::size_t N>
std::optional<E> reverse(const std::array<const char*, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i) {
    if (s == names[i]) return static_cast<E>(i);
  }
  return std::nullopt;
}

constexpr std::array<const char*, 2> kTiers = {"inproc", "qemu"};
constexpr std::array<const char*, 3> kStatuses = {"running", "finished", "interrupted"};
constexpr std::array<const char*, 2> kOrigins = {"corpus", "mutation"};
constexpr std::array<const char*, 2> kSources = {"crash_state", "fuzzer"};
constexpr std::array<const char*, 2> kEngines = {"libfuzzer", "aflpp"};

}  // namespace

const char* name(Tier v) { return lookup(kTiers, v); }
const char* name(CampaignStatus v) { return lookup(kStatuses, v); }
const char* name(OriginKind v) { return lookup(kOrigins, v); }
const char* name(FailureSource v) { return lookup(kSources, v); }
const char* name(FuzzEngine v) { return lookup(kEngines, v); }

std::optional<Tier> parse_tier(std::string_view s) { return reverse<Tier>(kTiers, s); }
std::optional<CampaignStatus> parse_campaign_status(std::string_view s) {
  return reverse<CampaignStatus>(kStatuses, s);
}
std::optional<OriginKind> parse_origin_kind(std::string_view s) { return reverse<OriginKind>(kOrigins, s); }
std::optional<FailureSource> parse_failure_source(std::string_view s) {
  return reverse<FailureSource>(kSources, s);
}
std::optional<FuzzEngine> parse_fuzz_engine(std::string_view s) { return reverse<FuzzEngine>(kEngines, s); }

std::optional<Phase> parse_phase_name(std::string_view s) {
  for (int i = 0; i < kPhaseCount; ++i) {
    const auto p = static_cast<Phase>(i);
    if (s == phase_name(p)) return p;
  }
  return std::nullopt;
}

std::string format_seed(std::uint64_t seed) {
  char buf[19];
  std::snprintf(buf, sizeof buf, "0x%016llx", static_cast<unsigned long long>(seed));
  return buf;
}

std::optional<std::uint64_t> parse_seed(std::string_view s) {
  if (s.size() != 18 || s.substr(0, 2) != "0x") return std::nullopt;
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(s.data() + 2, s.data() + s.size(), value, 16);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

}  // namespace sc::results
