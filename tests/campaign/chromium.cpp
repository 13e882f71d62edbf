// chromium.cpp — see chromium.h.
#include "chromium.h"

#include <cstdlib>
#include <filesystem>

#include "tests/support/run_binary.h"

namespace sc::campaign::testing {

namespace {

std::string chromium_command(const TempDir& dir, int width, int height) {
  return "chromium --headless --no-sandbox --disable-gpu --disable-background-networking "
         "--disable-component-update --disable-sync --no-first-run --hide-scrollbars --user-data-dir=" +
         dir.file("chromium-profile") + " --window-size=" + std::to_string(width) + "," + std::to_string(height);
}

std::string unescape_text(std::string s) {
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"&lt;", "<"}, {"&gt;", ">"}, {"&nbsp;", " "},
                                 {"&amp;", "&"}})
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
      s.replace(at, from.size(), to);
  return s;
}

}  // namespace

bool chromium_available() { return std::system("command -v chromium > /dev/null 2>&1") == 0; }

std::string dump_dom(const TempDir& dir, const std::string& page) {
  return sc::test::run_binary(chromium_command(dir, 1300, 2400), "--dump-dom file://" + page, false).out;
}

bool screenshot(const TempDir& dir, const std::string& page, const std::string& png, int width, int height) {
  const std::string cmd = chromium_command(dir, width, height) + " --screenshot=" + png + " file://" + page +
                          " > /dev/null 2>&1";
  return std::system(cmd.c_str()) == 0 && std::filesystem::exists(png);
}

nlohmann::json chart_summary(const std::string& dom) {
  const auto tag = dom.find("id=\"chart-summary\"");
  if (tag == std::string::npos) return nullptr;
  const auto begin = dom.find('>', tag) + 1;
  const auto end = dom.find("</pre>", begin);
  return nlohmann::json::parse(unescape_text(dom.substr(begin, end - begin)), nullptr, false);
}

std::string without_scripts(const std::string& dom) {
  std::string out;
  size_t at = 0;
  for (size_t open; (open = dom.find("<script", at)) != std::string::npos;) {
    out += dom.substr(at, open - at);
    const auto close = dom.find("</script>", open);
    if (close == std::string::npos) return out;
    at = close + 9;
  }
  return out + dom.substr(at);
}

}  // namespace sc::campaign::testing
