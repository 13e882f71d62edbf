// crash_model.cpp — sets of enumeration modes (see crash_model.h).
#include "crash_model.h"

#include <algorithm>

namespace sc::crash {

ModeSet power_cut_modes() {
  ModeSet modes;
  for (size_t m = 0; m < kPowerCutModeCount; ++m) modes.set(m);
  return modes;
}

ModeSet only(Mode mode) { return ModeSet{}.set(static_cast<size_t>(mode)); }

ModeSet call_fault_modes() {
  ModeSet modes;
  for (size_t m = 0; m < kModeCount; ++m)
    if (is_call_fault(static_cast<Mode>(m))) modes.set(m);
  return modes;
}

std::optional<Mode> call_fault_in(const ModeSet& modes) {
  for (size_t m = 0; m < kModeCount; ++m)
    if (modes.test(m) && is_call_fault(static_cast<Mode>(m))) return static_cast<Mode>(m);
  return std::nullopt;
}

bool mode_enumerated(Mode mode) {
  return !is_fault_mode(mode) || mode == Mode::bit_rot || mode == Mode::lost_write ||
         mode == Mode::misdirected || mode == Mode::lying_flush || mode == Mode::sub_sector_tear ||
         mode == Mode::io_error || mode == Mode::read_error || is_call_fault(mode);
}

size_t fault_floor(const CrashState& state) {
  size_t floor = state.cut;
  for (const Fault& f : state.faults) {
    if (!destroys_durable_data(f.kind)) continue;
    const bool names_its_victim = f.kind == Mode::lying_flush || f.kind == Mode::lost_write || f.kind == Mode::bit_rot;
    floor = std::min(floor, names_its_victim ? f.request : size_t{0});
  }
  return floor;
}

std::optional<Fault> run_fault(const CrashState& state) {
  for (const Fault& f : state.faults)
    if (f.kind == Mode::io_error || is_call_fault(f.kind)) return f;
  return std::nullopt;
}

bool may_destroy_durable_data(const CrashState& state) {
  for (const Fault& f : state.faults)
    if (destroys_durable_data(f.kind)) return true;
  return false;
}

}  // namespace sc::crash
