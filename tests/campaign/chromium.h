// chromium.h — test helpers that load a local page in headless Chromium:
// the DOM after the page's scripts ran, and a PNG screenshot. Chromium's
// profile lives inside the TempDir; nothing is fetched from the network.
// chart_summary() reads the report's #chart-summary JSON out of a DOM dump.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "process.h"

namespace sc::campaign::testing {

bool chromium_available();
// The serialised DOM of file://page once its scripts ran ("" on failure).
std::string dump_dom(const TempDir& dir, const std::string& page);
// Writes a width×height screenshot of file://page to png; true if written.
bool screenshot(const TempDir& dir, const std::string& page, const std::string& png, int width, int height);
// The JSON text of the element with id="chart-summary" in dom (null if absent).
nlohmann::json chart_summary(const std::string& dom);
// The DOM without its <script> elements (what a reader can see, plus markup).
std::string without_scripts(const std::string& dom);

}  // namespace sc::campaign::testing
