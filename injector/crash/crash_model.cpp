// crash_model.cpp — sets of enumeration modes (see crash_model.h).
#include "crash_model.h"

namespace sc::crash {

ModeSet all_modes() { return ModeSet{}.set(); }

ModeSet only(Mode mode) { return ModeSet{}.set(static_cast<size_t>(mode)); }

}  // namespace sc::crash
