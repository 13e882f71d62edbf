// state_key.h — the name of a crash state stored in the database
// (crash_state.state_key): "cut=C kind=K kept=R:MASK,..." — the cut, the
// mode, and each in-flight write kept (request index, hex mask of its
// sector chunks), then for a fault state " faults=KIND:REQUEST:SECTOR:DETAIL,..."
// (crash_model.h FAULT CLASSES). Interface: state_key(s) and its inverse parse_state_key.
// Invariant: parse_state_key(state_key(s)) == s.
#pragma once
#include <optional>
#include <string>

#include "injector/crash/crash_model.h"

namespace sc::campaign {

std::string state_key(const crash::CrashState& s);
// nullopt unless `key` is exactly what state_key() writes for some state.
std::optional<crash::CrashState> parse_state_key(const std::string& key);

}  // namespace sc::campaign
