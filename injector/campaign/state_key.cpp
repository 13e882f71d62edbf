// state_key.cpp — see state_key.h.
#include "injector/campaign/state_key.h"

#include <fmt/format.h>

#include <charconv>

namespace sc::campaign {

namespace {

// Reads an unsigned number in `base` from the front of `text`.
bool take_number(std::string_view* text, int base, uint64_t* out) {
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), *out, base);
  if (ec != std::errc() || end == text->data()) return false;
  text->remove_prefix(static_cast<size_t>(end - text->data()));
  return true;
}

bool take(std::string_view* text, std::string_view prefix) {
  if (text->substr(0, prefix.size()) != prefix) return false;
  text->remove_prefix(prefix.size());
  return true;
}

bool take_kept(std::string_view* text, crash::KeptWrite* out) {
  uint64_t request = 0;
  if (!take_number(text, 10, &request) || !take(text, ":0x") || !take_number(text, 16, &out->sector_mask))
    return false;
  out->request = static_cast<size_t>(request);
  return true;
}

// "bit-rot:12:340:7" — kind:request:sector:detail.
bool take_fault(std::string_view* text, crash::Fault* out) {
  const size_t colon = text->find(':');
  uint64_t request = 0, detail = 0;
  if (colon == std::string_view::npos || !crash::parse_mode(text->substr(0, colon), &out->kind)) return false;
  text->remove_prefix(colon + 1);
  if (!take_number(text, 10, &request) || !take(text, ":") || !take_number(text, 10, &out->sector) ||
      !take(text, ":") || !take_number(text, 10, &detail) || detail > UINT32_MAX)
    return false;
  out->request = static_cast<size_t>(request);
  out->detail = static_cast<uint32_t>(detail);
  return true;
}

bool take_faults(std::string_view* text, std::vector<crash::Fault>* out) {
  if (text->empty()) return true;
  if (!take(text, " faults=")) return false;
  while (!text->empty()) {
    if (!out->empty() && !take(text, ",")) return false;
    crash::Fault f;
    if (!take_fault(text, &f)) return false;
    out->push_back(f);
  }
  return !out->empty();
}

}  // namespace

std::string state_key(const crash::CrashState& s) {
  std::string key = fmt::format("cut={} kind={} kept=", s.cut, crash::mode_name(s.kind));
  for (size_t i = 0; i < s.kept.size(); ++i)
    key += fmt::format("{}{}:{:#x}", i ? "," : "", s.kept[i].request, s.kept[i].sector_mask);
  for (size_t i = 0; i < s.faults.size(); ++i)
    key += fmt::format("{}{}:{}:{}:{}", i ? "," : " faults=", crash::mode_name(s.faults[i].kind), s.faults[i].request,
                       s.faults[i].sector, s.faults[i].detail);
  return key;
}

std::optional<crash::CrashState> parse_state_key(const std::string& key) {
  std::string_view text(key);
  crash::CrashState s;
  uint64_t cut = 0;
  if (!take(&text, "cut=") || !take_number(&text, 10, &cut) || !take(&text, " kind=")) return std::nullopt;
  s.cut = static_cast<size_t>(cut);
  const size_t space = text.find(' ');
  if (space == std::string_view::npos || !crash::parse_mode(std::string(text.substr(0, space)).c_str(), &s.kind))
    return std::nullopt;
  text.remove_prefix(space);
  if (!take(&text, " kept=")) return std::nullopt;
  while (!text.empty() && text.front() != ' ') {
    if (!s.kept.empty() && !take(&text, ",")) return std::nullopt;
    crash::KeptWrite k{};
    if (!take_kept(&text, &k)) return std::nullopt;
    s.kept.push_back(k);
  }
  if (!take_faults(&text, &s.faults)) return std::nullopt;
  if (state_key(s) != key) return std::nullopt;  // only the canonical spelling
  return s;
}

}  // namespace sc::campaign
