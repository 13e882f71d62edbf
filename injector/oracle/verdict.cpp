// verdict.cpp — see verdict.h.
#include "injector/oracle/verdict.h"

#include <fmt/format.h>

namespace sc {

namespace {

// True if every page `actual` holds equals the page in `expected` and
// something of `expected` is missing: recovery dropped data but made none up.
bool strictly_missing(const SystemState& expected, const SystemState& actual) {
  size_t actual_pages = 0;
  size_t expected_pages = 0;
  for (const auto& [c, pages] : expected) expected_pages += pages.size() + 1;
  for (const auto& [c, pages] : actual) {
    auto it = expected.find(c);
    if (it == expected.end()) return false;
    for (const auto& [page, hash] : pages) {
      auto p = it->second.find(page);
      if (p == it->second.end() || p->second != hash) return false;
    }
    actual_pages += pages.size() + 1;
  }
  return actual_pages < expected_pages;
}

size_t newest_match(std::span<const SystemState> history, size_t below, const SystemState& state) {
  for (size_t m = below; m-- > 0;)
    if (history[m] == state) return m;
  return SIZE_MAX;
}

// True if `recovered` is `legal` except for pages the recovery reported
// unreadable (a refusal that names what it could not trust), at least one.
bool legal_but_unreadable(const SystemState& legal, const SystemState& recovered) {
  if (legal.size() != recovered.size()) return false;
  bool refused = false;
  for (const auto& [c, pages] : recovered) {
    const auto it = legal.find(c);
    if (it == legal.end() || it->second.size() != pages.size()) return false;
    for (const auto& [page, hash] : pages) {
      const auto want = it->second.find(page);
      if (want == it->second.end()) return false;
      refused = refused || hash == kUnreadablePage;
      if (hash != want->second && hash != kUnreadablePage) return false;
    }
  }
  return refused;
}

// Under a fault that destroyed durable data: the recovered state is a legal
// one with some pages refused as unreadable (never wrong data as good).
bool refused_cleanly(std::span<const SystemState> history, LegalWindow window, const SystemState& recovered) {
  for (size_t k = window.previous; k <= window.current; ++k) {
    const bool legal = k == window.previous || k == window.current || window.any_between;
    if (legal && legal_but_unreadable(history[k], recovered)) return true;
  }
  return false;
}

}  // namespace

Verdict classify(const Workload& w, std::span<const SystemState> history, LegalWindow window, const Recovered& r) {
  Verdict v;
  v.fsck = r.fsck;
  if (!r.booted) {
    v.outcome = r.clean_refusal && window.may_refuse ? Outcome::detected : r.failure;
    v.reason = r.reason;
    return v;
  }
  const SystemState& current = history[window.current];
  const SystemState& previous = history[window.previous];
  if (r.state == current) {
    v.outcome = Outcome::ok_current;
    v.matched = window.current;
  } else if (r.state == previous) {
    v.outcome = Outcome::ok_previous;
    v.matched = window.previous;
  } else if (window.may_refuse && refused_cleanly(history, window, r.state)) {
    v.outcome = Outcome::detected;
    v.reason = "recovery refused the pages it could not read, the others are legal";
  } else if (window.any_between && (v.matched = newest_match(history, window.current, r.state)) != SIZE_MAX &&
             v.matched > window.previous) {
    v.outcome = Outcome::ok_previous;  // a failed attempt's state that reached the media (legal_window.h)
  } else if ((v.matched = newest_match(history, window.previous, r.state)) != SIZE_MAX) {
    v.outcome = Outcome::lost;
    v.reason = fmt::format("recovered S_{}, but the cut allows only S_{}..S_{}", v.matched, window.previous, window.current);
  } else {
    v.outcome = strictly_missing(previous, r.state) ? Outcome::lost : Outcome::corrupt;
    v.reason = fmt::format("recovered state equals no stable state (legal: S_{}..S_{})", window.previous, window.current);
  }
  if (!is_legal(v.outcome)) {
    v.differences = state_differences(current, r.state);
    v.diff = diff_lines(w, v.differences);
  }
  if (v.reason.empty() && !v.fsck.empty()) v.reason = "fsck: " + v.fsck.front();
  return v;
}

}  // namespace sc
