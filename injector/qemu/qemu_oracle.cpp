// qemu_oracle.cpp — see qemu_oracle.h.
#include "injector/qemu/qemu_oracle.h"

#include <fmt/format.h>

#include "injector/check/beyond_memory.h"
#include "injector/crash/overlay_disk.h"
#include "injector/oracle/fsck.h"
#include "injector/oracle/reference_model.h"
#include "kernel/abi/host_channel.h"

namespace sc::qemu {

namespace {

namespace ch = rv::channel;

// A crash step of the record run: the model loses its volatile state, and
// the state the guest recovered must be the last stable one — or, under
// io-error, a failed attempt's whose commit reached the media, which the
// model then adopts (as the in-process runner's crash_and_check does).
void check_crash(const Workload& w, const Readback* recovered, size_t number, ReferenceModel* model,
                 Recording* rec) {
  model->power_cut();
  const std::string where = fmt::format("under QEMU after crash {}: ", number);
  if (recovered == nullptr) {
    rec->findings.push_back(where + "the guest printed no recovered state");
  } else if (!recovered->boot_reported || failed(recovered->boot_status)) {
    rec->findings.push_back(where + "recovery failed (" + status_name(recovered->boot_status) + ")");
  } else if (failed(recovered->enum_failure) || !recovered->error.empty()) {
    rec->findings.push_back(where + "a recovered manager refused to list its pages (" +
                            status_name(recovered->enum_failure) + ")" +
                            (recovered->error.empty() ? "" : "; " + recovered->error));
  } else {
    if (recovered->state != model->last_stable()) model->adopt_recovered(recovered->state);
    for (const std::string& line : diff_states(w, model->last_stable(), recovered->state))
      rec->findings.push_back(where + line);
  }
}

// The reference model over the guest's events and crash steps: the history,
// the spans (failed attempts included, once `io_error` names the failing
// request) and every disagreement.
void replay_marks(const Workload& w, const GuestRun& guest, const std::vector<Readback>& crashes,
                  const std::optional<crash::Fault>& io_error, Recording* rec) {
  ReferenceModel model(w);
  if (io_error) model.allow_failed_stabilisations(io_error->request);
  size_t next_event = 0, crash = 0;
  for (const ch::Mark& m : guest.marks) {
    if (m.kind == ch::kMark && m.args[0] == ch::kMarkCrash) {
      check_crash(w, crash < crashes.size() ? &crashes[crash] : nullptr, crash + 1, &model, rec);
      ++crash;
    }
    if (m.kind != ch::kEvent || next_event >= guest.events.size()) continue;
    std::string bad = model.apply(guest.events[next_event++]);
    if (!bad.empty()) rec->findings.push_back("under QEMU: " + bad);
    if (!model.beyond_memory().empty()) break;  // nothing past it is judged (beyond_memory.h)
  }
  rec->beyond_memory = model.beyond_memory();
  for (size_t k = 0; k <= model.stabilisations(); ++k) rec->history.push_back(model.stable(k));
  rec->spans = model.spans();
  rec->events = guest.events.size();
}

// The guest's "... killed: <why> ..." console line (user_manager.cpp).
std::string first_kill_line(const std::string& console) {
  const size_t at = console.find(" killed: ");
  if (at == std::string::npos) return "(no kill line on the console)";
  const size_t begin = console.rfind('\n', at);
  const size_t from = begin == std::string::npos ? 0 : begin + 1;
  return console.substr(from, console.find('\n', at) - from);
}

}  // namespace

std::optional<Recording> record_on_qemu(const Workload& w, const SeededBugs& bugs, const TierConfig& cfg,
                                        std::string* error, const std::optional<crash::Fault>& io_error) {
  QemuRecording q = record_qemu(w, bugs, cfg, io_error);
  if (!q.trace) {
    *error = q.error.empty() ? "QEMU produced no trace" : q.error;
    return std::nullopt;
  }
  Recording rec{*q.trace, {}, {}, {}, 0, {}};
  replay_marks(w, q.guest, parse_crash_readbacks(q.run.console), io_error, &rec);
  if (parse_readback(q.run.console).user.faults > 0)
    rec.findings.push_back("under QEMU a manager or locus was killed in U-mode while recording: " +
                           first_kill_line(q.run.console));
  if (!finished_cleanly(q.run))
    rec.findings.push_back(fmt::format("under QEMU the recording run ended with {} (exit {}): {}",
                                       outcome_name(q.run.outcome), q.run.exit_code, q.run.error));
  require_within_memory(w, rec);
  return rec;
}

Recovered recovered_from_qemu(const QemuRecovery& r, const crash::ImageView& image, const Workload& w,
                              const BootConfig& config) {
  Recovered out;
  crash::OverlayDisk disk(image);
  out.fsck = fsck_disk(disk, config);
  const Readback& b = r.readback;
  if (r.run.outcome == Outcome::hang) {
    out.failure = sc::Outcome::hang;
    out.reason = "recovery did not finish before the timeout";
  } else if (!finished_cleanly(r.run) || !b.error.empty()) {
    out.failure = sc::Outcome::recovery_crash;
    out.reason = fmt::format("QEMU {} (exit {}){}{}", outcome_name(r.run.outcome), r.run.exit_code,
                             r.run.error.empty() ? "" : ": " + r.run.error, b.error.empty() ? "" : "; " + b.error);
  } else if (b.user.faults > 0) {
    out.failure = sc::Outcome::recovery_crash;
    out.reason = "a manager was killed in U-mode during recovery: " + first_kill_line(r.run.console);
  } else if (!b.boot_reported || failed(b.boot_status)) {
    const std::string who = b.failed_manager < w.managers.size() ? "manager " + w.managers[b.failed_manager].name
                                                                   : std::string("the kernel");
    out.reason = fmt::format("{} could not be restarted ({})", who, status_name(b.boot_status));
    out.clean_refusal = b.boot_reported && (b.boot_status == Status::corrupt || b.boot_status == Status::io_error);
  } else if (failed(b.enum_failure) || !b.done) {
    out.reason = fmt::format("a recovered manager refused to list its pages ({})", status_name(b.enum_failure));
    out.clean_refusal = b.enum_failure == Status::corrupt || b.enum_failure == Status::io_error;
  } else {
    out.booted = true;
    out.state = b.state;
  }
  return out;
}

}  // namespace sc::qemu
