// crash_model.cpp — sets of enumeration modes (see crash_model.h).
#include "crash_model.h"

namespace sc::crash {

ModeSet power_cut_modes() {
  ModeSet modes;
  for (size_t m = 0; m < kPowerCutModeCount; ++m) modes.set(m);
  return modes;
}

ModeSet only(Mode mode) { return ModeSet{}.set(static_cast<size_t>(mode)); }

bool mode_enumerated(Mode mode) {
  return !is_fault_mode(mode) || mode == Mode::io_error || mode == Mode::read_error;
}

bool may_destroy_durable_data(const CrashState& state) {
  for (const Fault& f : state.faults)
    if (destroys_durable_data(f.kind)) return true;
  return false;
}

}  // namespace sc::crash
