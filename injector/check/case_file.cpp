// case_file.cpp — see case_file.h.
#include "injector/check/case_file.h"
#include "injector/check/state_window.h"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>

#include "injector/check/state_json.h"
#include "injector/crash/whole_file.h"
#include "injector/workload/json_field.h"
#include "injector/workload/workload_file.h"
#include "kernel/core/checksum.h"
#include "kernel/core/limits.h"
#include "kernel/core/root_store.h"
#include "managers/sdk/sys_call.h"

namespace sc {

namespace {

// The largest disk a workload can ask for fits a trace file.
static_assert(kKernelAreaSectors + uint64_t{kMaxManagers} * kMaxPartitionBlocks * kSectorsPerPage <=
              crash::kMaxTraceSectors);

// A case's trace is recorded on its workload's disk; a hand-edited
// sector_count that differs would build a crash image of another size.
void check_disk_size(const crash::TraceFile& file, const Workload& w, const std::string& path) {
  if (file.trace.sector_count() != w.disk_sectors())
    throw InputError(path + ": sector_count: expected " + std::to_string(w.disk_sectors()) +
                     " (the disk of its workload " + w.name + "), got " + std::to_string(file.trace.sector_count()));
}

// The meta member naming a run fault of `kind`.
const char* meta_key(crash::Mode kind) {
  return kind == crash::Mode::io_error ? "io_error" : kind == crash::Mode::call_error ? "call_error" : "call_misuse";
}

// The state's fault that changed its run, rebuilt from meta: io-error names
// the failed request in meta.io_error, call-error the failed system call in
// meta.call_error and call-misuse the misused one in meta.call_misuse
// ("call": its ordinal in the run, "name": which call).

crash::Fault run_fault_in(const JsonField& meta, crash::Mode kind, size_t cut) {
  if (kind == crash::Mode::io_error) {
    const JsonField f = meta.child("io_error");
    return crash::Fault{kind, f.child("request").integer(0, cut), 0,
                        static_cast<uint32_t>(f.child("lands").integer(0, 1))};
  }
  const JsonField f = meta.child(meta_key(kind));
  const std::string name = f.child("name").string();
  for (uint32_t c = 0; c < kSysCallCount; ++c)
    if (name == sys_call_name(static_cast<SysCall>(c))) return crash::Fault{kind, f.child("call").integer(0, SIZE_MAX), 0, c};
  f.child("name").fail("a system call of managers/sdk/sys.h (\"disk_write\")");
}

// The run of an io-error, call-error or call-misuse case was recorded with its fault
// (crash_model.h), which meta names (and the state's fault list, if given,
// says the same); a read-error state has one read-error fault.
void check_faults(const JsonField& meta, const JsonField& state_field, crash::CrashState* state) {
  for (const crash::Mode kind : {crash::Mode::io_error, crash::Mode::call_error, crash::Mode::call_misuse}) {
    const char* key = meta_key(kind);
    const bool of_kind = state->kind == kind;
    if (meta.has(key) != of_kind)
      (of_kind ? meta : meta.child(key))
          .fail(of_kind ? fmt::format("a {} member: a crash state of kind {} names its fault", key, crash::mode_name(kind))
                        : fmt::format("no {} member: the crash state is not of kind {}", key, crash::mode_name(kind)));
    if (!of_kind) continue;
    const crash::Fault fault = run_fault_in(meta, kind, state->cut);
    if (!state->faults.empty() && state->faults != std::vector<crash::Fault>{fault})
      state_field.fail(fmt::format("faults equal to meta.{}", key));
    state->faults = {fault};
  }
  const bool read = state->kind == crash::Mode::read_error;
  if (read && (state->faults.size() != 1 || state->faults.front().kind != crash::Mode::read_error))
    state_field.fail("faults: one read-error fault for a crash state of kind read-error");
}

crash::TraceFile case_trace_file(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                                 const StateFailure& failure, uint64_t seed, const std::string& tier) {
  crash::TraceFile file(rec.trace);
  file.workload = workload_to_json(w);
  file.seed = seed;
  file.crash_state = failure.state;
  file.meta = {{"tier", tier},
               {"bugs", bugs_to_json(bugs)},
               {"history", states_to_json(rec.history)},
               {"spans", spans_to_json(rec.spans)},
               {"verdict", {{"outcome", outcome_name(failure.verdict.outcome)},
                            {"phase", phase_name(failure.phase)},
                            {"signature", failure.signature},
                            {"reason", failure.verdict.reason}}}};
  const auto fault = crash::run_fault(failure.state);
  if (fault && fault->kind == crash::Mode::io_error)
    file.meta["io_error"] = {{"request", fault->request}, {"lands", fault->detail}};
  if (fault && crash::is_call_fault(fault->kind))
    file.meta[meta_key(fault->kind)] = {{"call", fault->request},
                               {"name", sys_call_name(static_cast<SysCall>(fault->detail))}};
  return file;
}

void make_parent(const std::string& path) {
  const std::filesystem::path p(path);
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
}

std::string bugs_part(const SeededBugs& bugs) {
  const auto names = enabled_bug_names(bugs);
  return names.empty() ? "no-bugs" : fmt::format("{}", fmt::join(names, "+"));
}

}  // namespace

void save_case(const std::string& path, const Workload& w, const SeededBugs& bugs, const Recording& rec,
               const StateFailure& failure, uint64_t seed, const std::string& tier) {
  make_parent(path);
  crash::save_trace_file(path, case_trace_file(w, bugs, rec, failure, seed, tier));
}

std::string case_label(const std::string& text) {
  std::string out = text.empty() ? "case" : text;
  for (char& c : out)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') c = '_';
  return out;
}

std::string save_case_in(const std::string& dir, const std::string& label, const Workload& w, const SeededBugs& bugs,
                         const Recording& rec, const StateFailure& failure, uint64_t seed, const std::string& tier) {
  const std::string text = crash::trace_file_text(case_trace_file(w, bugs, rec, failure, seed, tier));
  const std::string path = fmt::format("{}/{}-{}-{}-{:016x}.trace.json", dir, case_label(label),
                                       case_label(tier), bugs_part(bugs), checksum64(text.data(), text.size()));
  make_parent(path);
  crash::write_whole_file(path, text.data(), text.size());
  return path;
}

Case load_case(const std::string& path) {
  crash::TraceFile file = crash::load_trace_file(path);
  const JsonField meta(file.meta, path, "meta");
  if (!file.crash_state) JsonField(file.meta, path, "crash_state").fail("missing; a case names one crash state");
  Workload w = parse_workload(file.workload, path + " (embedded workload)");
  check_disk_size(file, w, path);
  SeededBugs bugs = bugs_from_json(meta.child("bugs").value(), path);
  auto history = states_from_json(meta.child("history").value(), w, path);
  auto spans = spans_from_json(meta.child("spans").value(), path);
  if (spans.size() + 1 != history.size()) meta.child("spans").fail("expected one span per stable state after S_0");
  check_faults(meta, JsonField(file.meta, path, "crash_state"), &*file.crash_state);
  return Case{path, std::move(w), bugs, std::move(file), std::move(history), std::move(spans)};
}

Verdict replay_case(const Case& c, Checker& checker) {
  const crash::CrashImage image = crash::build_crash_image(c.file.trace, *c.file.crash_state);
  const crash::CrashState& state = *c.file.crash_state;
  return classify(c.workload, c.history, legal_window_of(c.spans, state), checker.recover(image.view(), state.faults));
}

}  // namespace sc
