// symbolize.cpp — see symbolize.h. The edge PCs, made relative to the
// executable's load address, go to llvm-symbolizer in one batch through a
// temporary file; its answer per address is a function line, then
// "file:line:column" of the innermost (possibly inlined) frame first, then a
// blank line after the outer frames. The answer is cached in the temporary
// directory, keyed by the executable's path, size and modification time, so
// later processes of the same build (every campaign of a test run) read it
// instead of running the symbolizer again.
#include "injector/coverage/symbolize.h"

#include <fmt/format.h>
#include <link.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <tuple>

#include "injector/coverage/counters.h"

namespace sc::coverage {

namespace {

struct Symbols {
  std::vector<EdgeSite> sites;
  std::string problem;
};

uintptr_t executable_base() {
  uintptr_t base = 0;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* out) {
        *static_cast<uintptr_t*>(out) = info->dlpi_addr;
        return 1;  // the first object is the executable
      },
      &base);
  return base;
}

std::string symbolizer() {
  const char* env = std::getenv("STABLECUT_SYMBOLIZER");
  return env && *env ? env : "llvm-symbolizer";
}

EdgeSite parse_location(const std::string& text) {
  const auto col = text.rfind(':');
  const auto line = col == std::string::npos ? col : text.rfind(':', col - 1);
  if (line == std::string::npos) return {};
  EdgeSite s;
  s.file = source_relative(text.substr(0, line));
  s.line = static_cast<uint32_t>(std::strtoul(text.c_str() + line + 1, nullptr, 10));
  s.column = static_cast<uint32_t>(std::strtoul(text.c_str() + col + 1, nullptr, 10));
  if (s.line == 0) s.file.clear();
  return s;
}

// Reads one answer per address: function, location, [more frame pairs], blank.
std::vector<EdgeSite> read_answers(FILE* out, size_t count) {
  std::vector<EdgeSite> sites;
  char buffer[4096];
  std::vector<std::string> block;
  while (sites.size() < count && std::fgets(buffer, static_cast<int>(sizeof buffer), out)) {
    std::string line(buffer);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (!line.empty()) {
      block.push_back(line);
      continue;
    }
    sites.push_back(block.size() >= 2 ? parse_location(block[1]) : EdgeSite{});
    block.clear();
  }
  return sites;
}

void number_ordinals(std::vector<EdgeSite>& sites) {
  std::map<std::tuple<std::string, uint32_t, uint32_t>, uint32_t> seen;
  for (auto& s : sites)
    if (!s.file.empty()) s.ordinal = seen[{s.file, s.line, s.column}]++;
}

std::filesystem::path cache_path(const std::string& exe) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(exe, ec);
  const auto mtime = std::filesystem::last_write_time(exe, ec).time_since_epoch().count();
  const size_t key = std::hash<std::string>{}(fmt::format("{}|{}|{}", exe, size, mtime));
  return std::filesystem::temp_directory_path() / fmt::format("stablecut-edges-{:016x}.txt", key);
}

std::vector<EdgeSite> read_cache(const std::filesystem::path& path, size_t count) {
  std::ifstream in(path);
  std::vector<EdgeSite> sites;
  EdgeSite s;
  std::string file;
  while (sites.size() < count && in >> file >> s.line >> s.column) {
    s.file = file == "-" ? "" : file;
    sites.push_back(s);
  }
  return sites.size() == count ? sites : std::vector<EdgeSite>{};
}

void write_cache(const std::filesystem::path& path, const std::vector<EdgeSite>& sites) {
  const auto part = path.string() + fmt::format(".{}", getpid());
  {
    std::ofstream out(part);
    for (const auto& s : sites) out << (s.file.empty() ? "-" : s.file) << ' ' << s.line << ' ' << s.column << '\n';
  }
  std::error_code ignored;  // best effort: a cache that cannot be written is rebuilt next time
  std::filesystem::rename(part, path, ignored);
}

Symbols run_symbolizer(const std::string& exe, size_t n) {
  const auto input = std::filesystem::temp_directory_path() / fmt::format("stablecut-pcs-{}.txt", getpid());
  {
    std::ofstream f(input);
    const uintptr_t base = executable_base();
    for (size_t i = 0; i < n; ++i) f << fmt::format("0x{:x}\n", edge_pc(i) - base);
  }
  const std::string command = fmt::format("'{}' --obj='{}' --output-style=LLVM < '{}' 2>/dev/null", symbolizer(), exe,
                                          input.string());
  FILE* out = popen(command.c_str(), "r");
  Symbols s;
  if (out) {
    s.sites = read_answers(out, n);
    pclose(out);
  }
  std::error_code ignored;
  std::filesystem::remove(input, ignored);
  if (s.sites.size() != n) return {{}, "cannot run " + symbolizer() + " (package llvm; or set STABLECUT_SYMBOLIZER)"};
  return s;
}

Symbols symbolize_all() {
  const size_t n = edge_count();
  if (n == 0) return {{}, "this build has no coverage counters (STABLECUT_COVERAGE=OFF, e.g. the fuzz preset)"};
  const std::string exe = std::filesystem::read_symlink("/proc/self/exe").string();
  const auto cache = cache_path(exe);
  Symbols s{read_cache(cache, n), ""};
  if (!s.sites.empty()) {
    number_ordinals(s.sites);
    return s;
  }
  s = run_symbolizer(exe, n);
  if (s.problem.empty()) write_cache(cache, s.sites);
  number_ordinals(s.sites);
  return s;
}

const Symbols& symbols() {
  static const Symbols s = symbolize_all();
  return s;
}

}  // namespace

std::string source_relative(const std::string& raw) {
  const std::string path = std::filesystem::path(raw).lexically_normal().string();
  size_t best = std::string::npos;
  for (const char* root : {"managers/", "kernel/core/"}) {
    const std::string needle = root;
    for (auto at = path.rfind(needle); at != std::string::npos; at = at == 0 ? std::string::npos : path.rfind(needle, at - 1))
      if (at == 0 || path[at - 1] == '/') {
        if (best == std::string::npos || at > best) best = at;
        break;
      }
  }
  return best == std::string::npos ? std::string() : path.substr(best);
}

const std::vector<EdgeSite>& edge_sites() { return symbols().sites; }
const std::string& symbolizer_problem() { return symbols().problem; }

}  // namespace sc::coverage
