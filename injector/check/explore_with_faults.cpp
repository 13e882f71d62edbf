// explore_with_faults.cpp — see explore_with_faults.h.
#include "injector/check/explore_with_faults.h"

#include <fmt/format.h>

#include <memory>
#include <optional>
#include <vector>

#include "injector/check/call_fault_explore.h"
#include "injector/check/io_error_explore.h"
#include "injector/check/read_error_explore.h"
#include "injector/common/input_error.h"
#include "injector/crash/fault_image.h"

namespace sc {

namespace {

bool asks(const ExploreOptions& options, crash::Mode m) { return options.enumerate.modes.test(static_cast<size_t>(m)); }

bool asks_enumerated(const ExploreOptions& options) {
  for (size_t m = 0; m < crash::kModeCount; ++m)
    if (options.enumerate.modes.test(m) && crash::judged_on_trace_images(static_cast<crash::Mode>(m))) return true;
  return false;
}

// options with max_states cut to this phase's share: an even part of what
// is left for the `phases_left` phases still to run (this one included).
ExploreOptions phase_options(const ExploreOptions& options, const ExplorePlan& plan, const ExploreResult& so_far,
                             size_t phases_left) {
  ExploreOptions out = options;
  if (!plan.spread || phases_left <= 1) return out;
  const uint64_t left = options.max_states > so_far.states ? options.max_states - so_far.states : 0;
  out.max_states = so_far.states + left / phases_left;
  return out;
}

// `tools` whose census runs at most once, for call-error and call-misuse alike.
FaultTools with_one_census(const FaultTools& tools) {
  FaultTools out = tools;
  if (!tools.call_sites) return out;
  auto sites = std::make_shared<std::optional<std::vector<CallSite>>>();
  out.call_sites = [sites, census = tools.call_sites] {
    if (!*sites) *sites = census();
    return **sites;
  };
  return out;
}

}  // namespace

ExploreResult explore_with_faults(const Workload& w, const Recording& rec, const ExploreOptions& options,
                                  const ExplorePlan& plan, const FaultTools& tools) {
  const bool enumerated = asks_enumerated(options);
  const bool read_errors = asks(options, crash::Mode::read_error);
  const bool io_errors = asks(options, crash::Mode::io_error);
  const bool call_errors = asks(options, crash::Mode::call_error);
  const bool call_misuses = asks(options, crash::Mode::call_misuse);
  const auto call_fault = crash::call_fault_in(options.enumerate.modes);
  if (call_fault && !tools.call_sites)
    throw InputError(fmt::format("--modes {}: in-process only; drop --tier qemu", crash::mode_name(*call_fault)));
  size_t phases = (enumerated ? 1 : 0) + (read_errors ? 1 : 0) + (io_errors ? 1 : 0) + (call_errors ? 1 : 0) +
                  (call_misuses ? 1 : 0);
  ExploreResult result;
  if (enumerated)
    result = explore(w, rec, phase_options(options, plan, result, phases--), plan, tools.make_checker);
  if (read_errors && !result.stopped)
    explore_read_errors(w, rec, phase_options(options, plan, result, phases--), tools, &result);
  if (io_errors && !result.stopped)
    explore_io_errors(w, rec, phase_options(options, plan, result, phases--), tools, &result);
  const FaultTools call_tools = with_one_census(tools);
  if (call_errors && !result.stopped)
    explore_call_faults(w, crash::Mode::call_error, phase_options(options, plan, result, phases--), call_tools, &result);
  if (call_misuses && !result.stopped)
    explore_call_faults(w, crash::Mode::call_misuse, phase_options(options, plan, result, phases--), call_tools,
                        &result);
  return result;
}

}  // namespace sc
