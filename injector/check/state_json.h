// state_json.h — stable states, stabilisation spans and seeded bugs as JSON,
// for the meta section of case files (so a replay needs no re-recording).
// Parsing validates every field and throws InputError naming it.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "injector/common/seeded_bugs.h"
#include "injector/oracle/legal_window.h"
#include "injector/oracle/system_state.h"

namespace sc {

nlohmann::json states_to_json(const std::vector<SystemState>& history);
std::vector<SystemState> states_from_json(const nlohmann::json& j, const Workload& w, const std::string& where);

nlohmann::json spans_to_json(const std::vector<StabilisationSpan>& spans);
std::vector<StabilisationSpan> spans_from_json(const nlohmann::json& j, const std::string& where);

nlohmann::json bugs_to_json(const SeededBugs& bugs);
SeededBugs bugs_from_json(const nlohmann::json& j, const std::string& where);

}  // namespace sc
