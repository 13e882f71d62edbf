// state_window.h — the legal window of one crash state: the window of its
// cut (legal_window.h), widened to allow a clean refusal when one of the
// state's faults destroyed durable data (crash_model.h, FAULT CLASSES).
#pragma once
#include <span>

#include "injector/crash/crash_model.h"
#include "injector/oracle/legal_window.h"

namespace sc {

inline LegalWindow legal_window_of(std::span<const StabilisationSpan> spans, const crash::CrashState& state) {
  LegalWindow window = legal_window(spans, state.cut);
  window.may_refuse = crash::may_destroy_durable_data(state);
  return window;
}

}  // namespace sc
