// detect_table.h — the report of `stablecut bench detect`: a fixed-width
// table for people (one line per seeded bug: detected, time to first
// detection, crash states checked until then, phase, crash-state kind and
// outcome of the first failing cut, and its replay on the other tier; then
// the correct system: states checked and false positives), or JSON with
// the same fields for scripts.
// Interface: detect_table(report), detect_json(report); both pure.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "injector/campaign/detect.h"

namespace sc::campaign {

std::string detect_table(const DetectReport& report);
nlohmann::json detect_json(const DetectReport& report);

}  // namespace sc::campaign
