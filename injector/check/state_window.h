// state_window.h — the legal window of one crash state: the window of its
// cut (legal_window.h), widened when one of the state's faults destroyed
// durable data (crash_model.h, FAULT CLASSES) to allow a clean refusal and a
// fall-back to any stable state legal at the fault's floor (the data a
// correct system could still trust without what the fault destroyed).
#pragma once
#include <algorithm>
#include <span>

#include "injector/crash/crash_model.h"
#include "injector/oracle/legal_window.h"

namespace sc {

inline LegalWindow legal_window_of(std::span<const StabilisationSpan> spans, const crash::CrashState& state) {
  LegalWindow window = legal_window(spans, state.cut);
  window.may_refuse = crash::may_destroy_durable_data(state);
  if (window.may_refuse)
    window.previous = std::min(window.previous, legal_window(spans, crash::fault_floor(state)).previous);
  return window;
}

}  // namespace sc
