// report_chartjs.cpp — finds and reads Chart.js for inlining into the report
// (see report.h). The library comes from the Debian package libjs-chart.js
// (installed by setup.sh); $STABLECUT_CHART_JS names another copy. The source
// must be non-empty and must not contain "</script" (it is inlined whole).
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "injector/campaign/report.h"
#include "injector/common/input_error.h"

namespace sc::campaign {

namespace {

constexpr const char* kDebianChartJs = "/usr/share/javascript/chart.js/chart.min.js";

bool closes_script(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text.find("</script") != std::string::npos;
}

}  // namespace

std::string chart_js_source() {
  const char* env = std::getenv("STABLECUT_CHART_JS");
  const std::string path = env && *env ? env : kDebianChartJs;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in || text.str().empty())
    throw InputError(path + ": Chart.js not found; install the Debian package libjs-chart.js (setup.sh does)");
  if (closes_script(text.str())) throw InputError(path + ": expected Chart.js that can be inlined (it contains </script)");
  return text.str();
}

}  // namespace sc::campaign
