// kept_state.cpp — see kept_state.h.
#include "injector/campaign/kept_state.h"

#include <fmt/format.h>

#include "injector/campaign/options_json.h"
#include "injector/campaign/state_key.h"
#include "injector/common/input_error.h"
#include "injector/crash/crash_image.h"
#include "injector/results/records.h"
#include "injector/tier/tier_dispatch.h"
#include "injector/workload/json_field.h"
#include "injector/workload/workload_file.h"

namespace sc::campaign {

namespace {

constexpr const char* kUseMinimized = "; replay its failure's reproducer with --minimized";

uint64_t fingerprint_of(const crash::Trace& trace, const crash::CrashState& state, const std::string& where) {
  try {
    return crash::CrashImage(trace, state).view().fingerprint();
  } catch (const std::invalid_argument& e) {
    throw InputError(where + ": not a crash state of the workload recorded again (" + e.what() + ")");
  }
}

}  // namespace

Case rebuild_kept_state(const results::CrashCase& row, const tier::TierSpec& tier) {
  const std::string where = fmt::format("case {}", row.id);
  if (!row.campaign_options || !row.image_fingerprint)
    throw InputError(where + ": kept before campaigns stored their options and image fingerprints" + kUseMinimized);
  const CampaignOptions options =
      options_from_json(parse_json_text(*row.campaign_options, where + " campaign options"), where);
  const auto state = parse_state_key(row.state_key);
  if (!state) throw InputError(where + ": state_key '" + row.state_key + "': expected cut=C kind=K kept=R:0xMASK,...");
  Workload w = parse_workload(parse_json_text(row.workload_json, where + " workload"), where + " workload");
  tier::TierSpec recorder = tier;
  recorder.kind = options.tier.kind;
  Recording rec = tier::record_on(recorder, w, options.bugs, crash::run_fault(*state));
  const uint64_t fingerprint = fingerprint_of(rec.trace, *state, where);
  if (fingerprint != *row.image_fingerprint)
    throw InputError(fmt::format("{}: the crash image rebuilt from workload {} has fingerprint {}, the campaign "
                                 "checked {}{}",
                                 where, row.workload_name, results::format_seed(fingerprint),
                                 results::format_seed(*row.image_fingerprint), kUseMinimized));
  crash::TraceFile file(std::move(rec.trace));
  file.workload = workload_to_json(w);
  file.seed = row.workload_seed;
  file.crash_state = *state;
  return Case{where, std::move(w), options.bugs, std::move(file), std::move(rec.history), std::move(rec.spans)};
}

}  // namespace sc::campaign
