// state_json.cpp — see state_json.h.
#include "injector/check/state_json.h"

#include <fmt/format.h>

#include "injector/workload/json_field.h"

namespace sc {

nlohmann::json states_to_json(const std::vector<SystemState>& history) {
  nlohmann::json out = nlohmann::json::array();
  for (const SystemState& s : history) {
    nlohmann::json state = nlohmann::json::object();
    for (const auto& [c, pages] : s) {
      nlohmann::json p = nlohmann::json::object();
      for (const auto& [page, hash] : pages) p[std::to_string(page)] = fmt::format("{:016x}", hash);
      state[std::to_string(c)] = p;
    }
    out.push_back(state);
  }
  return out;
}

namespace {

uint64_t number_key(const JsonField& f, const std::string& key, uint64_t max) {
  uint64_t v = 0;
  bool ok = !key.empty() && key.size() <= 10;
  for (char ch : key) ok = ok && ch >= '0' && ch <= '9';
  if (ok) v = std::stoull(key);
  if (!ok || v > max) f.fail(fmt::format("key '{}': expected a number in 0..{}", key, max));
  return v;
}

uint64_t hex_hash(const JsonField& f) {
  const std::string s = f.string();
  bool ok = s.size() == 16;
  for (char ch : s) ok = ok && std::isxdigit(static_cast<unsigned char>(ch));
  if (!ok) f.fail("expected 16 hex digits");
  return std::stoull(s, nullptr, 16);
}

}  // namespace

std::vector<SystemState> states_from_json(const nlohmann::json& j, const Workload& w, const std::string& where) {
  const JsonField list(j, where, "meta.history");
  std::vector<SystemState> history;
  const size_t n = list.array_size(1, 1u << 20);
  for (size_t i = 0; i < n; ++i) {
    const JsonField state = list.at(i);
    if (!state.value().is_object()) state.fail("expected an object");
    SystemState s;
    for (const auto& [key, pages] : state.value().items()) {
      const auto c = static_cast<ContainerId>(number_key(state, key, w.container_names.size() - 1));
      const JsonField pf(pages, where, state.path() + "." + key);
      if (!pages.is_object()) pf.fail("expected an object");
      for (const auto& [pkey, hash] : pages.items())
        s[c][static_cast<uint32_t>(number_key(pf, pkey, UINT32_MAX))] = hex_hash(JsonField(hash, where, pf.path() + "." + pkey));
    }
    history.push_back(std::move(s));
  }
  return history;
}

nlohmann::json spans_to_json(const std::vector<StabilisationSpan>& spans) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : spans) {
    if (s.failed) out.push_back({s.begin, s.end, 1});  // a failed attempt (io-error, legal_window.h)
    else out.push_back({s.begin, s.end});
  }
  return out;
}

std::vector<StabilisationSpan> spans_from_json(const nlohmann::json& j, const std::string& where) {
  const JsonField list(j, where, "meta.spans");
  std::vector<StabilisationSpan> spans;
  const size_t n = list.array_size(0, 1u << 20);
  for (size_t i = 0; i < n; ++i) {
    const JsonField pair = list.at(i);
    const size_t fields = pair.array_size(2, 3);
    StabilisationSpan s{pair.at(0).integer(0, UINT64_MAX), pair.at(1).integer(0, UINT64_MAX),
                        fields == 3 && pair.at(2).integer(1, 1) == 1};
    if (s.end < s.begin) pair.fail("expected begin <= end");
    spans.push_back(s);
  }
  return spans;
}

nlohmann::json bugs_to_json(const SeededBugs& bugs) { return enabled_bug_names(bugs); }

SeededBugs bugs_from_json(const nlohmann::json& j, const std::string& where) {
  const JsonField list(j, where, "meta.bugs");
  SeededBugs bugs;
  const size_t n = list.array_size(0, 16);
  for (size_t i = 0; i < n; ++i) {
    const JsonField name = list.at(i);
    try {
      enable_seeded_bug(&bugs, name.string());
    } catch (const InputError&) {
      name.fail("expected a seeded bug name");
    }
  }
  return bugs;
}

}  // namespace sc
