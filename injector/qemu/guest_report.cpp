// guest_report.cpp — see guest_report.h.
#include "injector/qemu/guest_report.h"

#include <array>
#include <charconv>
#include <sstream>
#include <stdexcept>

namespace sc::qemu {

namespace {

namespace ch = rv::channel;

Event event_of(const ch::Mark& m) {
  Event e;
  e.kind = static_cast<OpKind>(m.args[0]);
  e.home = static_cast<ContainerId>(m.args[1]);
  e.container = static_cast<ContainerId>(m.args[2]);
  e.manager = static_cast<ManagerId>(m.args[3]);
  e.page = static_cast<uint32_t>(m.args[4]);
  e.hash = m.args[5];
  e.status = static_cast<Status>(static_cast<int32_t>(m.args[6]));
  return e;
}

// "managers=<n> loci=<n> ecalls=<n> faults=<n> nested=<n>", in this order.
bool parse_user(std::istringstream& in, GuestUserStats& u) {
  const std::array<std::pair<const char*, uint64_t*>, 5> fields{{{"managers=", &u.managers},
                                                                 {"loci=", &u.loci},
                                                                 {"ecalls=", &u.ecalls},
                                                                 {"faults=", &u.faults},
                                                                 {"nested=", &u.nested}}};
  for (const auto& [key, value] : fields) {
    std::string token;
    const std::string_view prefix(key);
    if (!(in >> token) || token.rfind(prefix, 0) != 0) return false;
    const char* end = token.data() + token.size();
    const auto [at, ec] = std::from_chars(token.data() + prefix.size(), end, *value);
    if (ec != std::errc{} || at != end || at == token.data() + prefix.size()) return false;
  }
  u.reported = true;
  return true;
}

// One "SC ..." line into `r`; false if malformed.
bool parse_line(std::istringstream& in, Readback& r) {
  std::string tag;
  in >> tag;
  int status = 0;
  unsigned failed_manager = 0, had_cut = 0, container = 0, page = 0, count = 0;
  if (tag == "BOOT") {
    if (!(in >> status >> failed_manager >> had_cut >> r.epoch)) return false;
    r.boot_reported = true;
    r.boot_status = static_cast<Status>(status);
    r.failed_manager = static_cast<ManagerId>(failed_manager);
    r.had_cut = had_cut != 0;
  } else if (tag == "CONT") {
    if (!(in >> container >> count)) return false;
    r.state[static_cast<ContainerId>(container)];
  } else if (tag == "PAGE") {
    uint64_t hash = 0;
    if (!(in >> container >> page >> std::hex >> hash)) return false;
    r.state[static_cast<ContainerId>(container)][page] = hash;
  } else if (tag == "ENUMFAIL") {
    if (!(in >> container >> status)) return false;
    r.enum_failure = static_cast<Status>(status);
  } else if (tag == "USER") {
    return parse_user(in, r.user);
  } else if (tag == "DONE") {
    if (!(in >> r.guest_micros)) return false;
    in >> r.power_on_asked >> r.power_on_served;  // optional: 0 when absent
    r.done = true;
  } else {
    return tag == "RECORDED" || tag == "STUCK" || tag == "CRASH";
  }
  return true;
}

}  // namespace

GuestRun parse_marks(const nlohmann::json& meta) {
  GuestRun run;
  if (!meta.contains("marks") || !meta["marks"].is_array()) throw std::runtime_error("trace meta has no marks");
  uint64_t begin = 0;
  for (const auto& j : meta["marks"]) {
    ch::Mark m{};
    m.at = j.at("at").get<uint64_t>();
    m.kind = j.at("kind").get<uint32_t>();
    const auto args = j.at("args").get<std::vector<uint64_t>>();
    if (args.size() != ch::kArgs) throw std::runtime_error("trace meta: a mark without 7 args");
    std::copy(args.begin(), args.end(), std::begin(m.args));
    run.marks.push_back(m);
    if (m.kind == ch::kMark && m.args[0] == ch::kMarkOpBegin) begin = m.at;
    if (m.kind != ch::kEvent) continue;
    run.events.push_back(event_of(m));
    Event& e = run.events.back();
    if (e.kind != OpKind::stabilise) continue;
    e.disk_begin = begin;
    e.disk_end = m.at;
    if (e.status == Status::ok) run.spans.push_back(StabilisationSpan{begin, m.at});
  }
  run.ended = meta.value("ended", false);
  return run;
}

namespace {

// Calls `each` with every "SC ..." console line, without the "SC " prefix.
template <typename F>
void for_each_sc_line(const std::string& console, F each) {
  std::istringstream lines(console);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("SC ", 0) == 0) each(line);
  }
}

void parse_into(const std::string& line, Readback& r) {
  std::istringstream in(line.substr(3));
  if (!parse_line(in, r) && r.error.empty()) r.error = "malformed readback line: " + line;
}

}  // namespace

Readback parse_readback(const std::string& console) {
  Readback r;
  for_each_sc_line(console, [&](const std::string& line) { parse_into(line, r); });
  return r;
}

std::vector<Readback> parse_crash_readbacks(const std::string& console) {
  std::vector<Readback> out;
  for_each_sc_line(console, [&](const std::string& line) {
    if (line.rfind("SC CRASH ", 0) == 0) out.emplace_back();
    else if (line.rfind("SC USER ", 0) == 0 || line.rfind("SC RECORDED ", 0) == 0) return;
    else if (!out.empty()) parse_into(line, out.back());
  });
  return out;
}

}  // namespace sc::qemu
