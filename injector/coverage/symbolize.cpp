// symbolize.cpp — see symbolize.h. The edge PCs, made relative to the
// executable's load address, go to llvm-symbolizer in one batch through a
// temporary file; its answer per address is a function line, then
// "file:line:column" of the innermost (possibly inlined) frame first, then a
// blank line after the outer frames. llvm-dwarfdump ($STABLECUT_DWARFDUMP,
// else on PATH; package llvm) lists the inlined subroutines, to fold
// out-of-line copies (symbolize.h). The answer is cached in the temporary
// directory, keyed by the executable's path, size and modification time, so
// later processes of the same build (every campaign of a test run) read it
// instead of running the symbolizer again.
#include "injector/coverage/symbolize.h"

#include <cxxabi.h>
#include <fmt/format.h>
#include <link.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
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

// A function as both kinds of frame can name it: an inlined frame gives the
// bare name ("find_entry"), an outermost one the qualified signature
// ("sc::ShadowManager::find_entry(unsigned short) const"); the file of the
// frame's location tells apart most functions sharing a bare name.
using FunctionKey = std::pair<std::string, std::string>;

// The bare name of a demangled function name: without its parameter list
// and qualifiers, without scopes ("(anonymous namespace)::" included).
// Empty for lambdas and operators, which are never folded.
std::string bare_name(std::string name) {
  const std::string anon = "(anonymous namespace)::";
  for (size_t at; (at = name.find(anon)) != std::string::npos;) name.erase(at, anon.size());
  if (name.find("$_") != std::string::npos || name.find("{lambda") != std::string::npos ||
      name.find("operator") != std::string::npos)
    return "";
  const auto close = name.rfind(')');
  if (close != std::string::npos) {
    int depth = 0;
    for (size_t i = close + 1; i-- > 0;) {
      depth += name[i] == ')' ? 1 : name[i] == '(' ? -1 : 0;
      if (depth == 0) {
        name.erase(i);
        break;
      }
    }
  }
  const auto scope = name.rfind("::");
  return scope == std::string::npos ? name : name.substr(scope + 2);
}

FunctionKey function_key(const std::string& name, const std::string& file) { return {bare_name(name), file}; }

// A DWARF name as a demangled one: full debug info names inlined functions
// by their linkage name ("_ZN2sc…"), line tables only by their bare name.
std::string demangled(const std::string& name) {
  if (name.rfind("_Z", 0) != 0) return name;
  int status = 0;
  char* text = abi::__cxa_demangle(name.c_str(), nullptr, nullptr, &status);
  std::string out = status == 0 && text ? text : name;
  std::free(text);
  return out;
}

// One answer per address: the innermost frame's location, the function the
// address lies in (the outermost frame) and the functions inlined there.
struct Answer {
  EdgeSite site;
  FunctionKey function;
  std::vector<FunctionKey> inlined;
};

// Reads one answer per address: function, location, [more frame pairs], blank.
std::vector<Answer> read_answers(std::istream& out, size_t count) {
  std::vector<Answer> answers;
  std::vector<std::string> block;
  std::string line;
  while (answers.size() < count && std::getline(out, line)) {
    while (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) {
      block.push_back(line);
      continue;
    }
    Answer a;
    if (block.size() >= 2) {
      const auto file_of = [&](size_t frame) { return parse_location(block[frame + 1]).file; };
      a.site = parse_location(block[1]);
      a.function = function_key(block[block.size() - 2], file_of(block.size() - 2));
      for (size_t f = 0; f + 2 < block.size(); f += 2) a.inlined.push_back(function_key(block[f], file_of(f)));
    }
    answers.push_back(std::move(a));
    block.clear();
  }
  return answers;
}

// The functions the optimiser inlined somewhere: by (bare name, file) from
// the inlined frames of the edges, and from the debug info's inlined
// subroutines by (bare name, file of their compile unit), plus their bare
// names alone for functions a header defines (inlined into any unit).
struct InlinedFunctions {
  std::set<FunctionKey> keys;
  std::set<std::string> names;

  bool has(const FunctionKey& f) const {
    return keys.count(f) != 0 || (f.second.ends_with(".h") && names.count(f.first) != 0);
  }
};

// Reads llvm-dwarfdump --debug-info: a compile unit's first DW_AT_name is
// its source; a DW_TAG_inlined_subroutine's DW_AT_abstract_origin ends with
// the inlined function's name in quotes. Only units of the kernel core and
// the managers count (a std header's size() is not ours).
void read_inlined_subroutines(std::istream& debug_info, InlinedFunctions* out) {
  std::string line, unit;
  enum class Expect { nothing, unit_name, origin } expect = Expect::nothing;
  while (std::getline(debug_info, line)) {
    if (line.find("DW_TAG_") != std::string::npos) {
      expect = line.find("DW_TAG_compile_unit") != std::string::npos         ? Expect::unit_name
               : line.find("DW_TAG_inlined_subroutine") != std::string::npos ? Expect::origin
                                                                              : Expect::nothing;
      continue;
    }
    const auto close = line.rfind('"');
    const auto open = close == std::string::npos || close == 0 ? std::string::npos : line.rfind('"', close - 1);
    if (open == std::string::npos) continue;
    const std::string quoted = line.substr(open + 1, close - open - 1);
    if (expect == Expect::unit_name && line.find("DW_AT_name") != std::string::npos) {
      unit = source_relative(quoted);
      expect = Expect::nothing;
    } else if (expect == Expect::origin && line.find("DW_AT_abstract_origin") != std::string::npos) {
      const std::string bare = bare_name(demangled(quoted));
      if (!unit.empty() && !bare.empty()) {
        out->keys.insert({bare, unit});
        out->names.insert(bare);
      }
      expect = Expect::nothing;
    }
  }
}

// An out-of-line copy of a function the optimiser also inlined elsewhere is
// a second body of the same source: its edges do not count on their own (a
// copy nobody calls would show its lines unreached although they run in the
// inlined bodies), and a run of one of them credits the counted edge at the
// same line and column (else the same line), so calls that reach the copy
// still count. Functions are told apart by bare name and file, so two
// same-named functions of one file (overloads) fold together: an
// approximation on the side of counting fewer lines.
std::vector<EdgeSite> fold_out_of_line_copies(std::vector<Answer> answers, InlinedFunctions inlined) {
  for (const auto& a : answers) inlined.keys.insert(a.inlined.begin(), a.inlined.end());
  using Column = std::tuple<std::string, uint32_t, uint32_t>;
  std::vector<bool> copy(answers.size());
  std::map<Column, std::vector<size_t>> at_column;  // counted edges, in table order
  std::map<std::pair<std::string, uint32_t>, size_t> at_line;
  for (size_t i = 0; i < answers.size(); ++i) {
    const EdgeSite& s = answers[i].site;
    copy[i] = !answers[i].function.first.empty() && inlined.has(answers[i].function);
    if (copy[i] || s.file.empty()) continue;
    at_column[{s.file, s.line, s.column}].push_back(i);
    at_line.emplace(std::pair{s.file, s.line}, i);
  }
  std::map<Column, size_t> copies_seen;  // the nth copy edge at a column credits the nth counted one there
  std::vector<EdgeSite> sites;
  for (size_t i = 0; i < answers.size(); ++i) {
    EdgeSite s = std::move(answers[i].site);
    s.credits = i;
    if (copy[i] && !s.file.empty()) {
      const Column key{s.file, s.line, s.column};
      const auto col = at_column.find(key);
      const auto line = at_line.find({s.file, s.line});
      const size_t nth = copies_seen[key]++;
      s.credits = col != at_column.end()   ? col->second[std::min(nth, col->second.size() - 1)]
                  : line != at_line.end() ? line->second
                                          : kNoEdge;
      s.file.clear();
    }
    sites.push_back(std::move(s));
  }
  return sites;
}

// Runs `command` with its output in a temporary file (the debug info of a
// big build is hundreds of MB: it is read line by line, never held whole).
std::filesystem::path tool_output_file(const std::string& command, const std::string& what) {
  const auto path = std::filesystem::temp_directory_path() / fmt::format("stablecut-{}-{}.txt", what, getpid());
  if (std::system(fmt::format("{} > '{}' 2>/dev/null", command, path.string()).c_str()) != 0) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
  return path;
}

// Folding needs the inlined subroutines only where the optimiser inlines:
// an unoptimised build (the asan and debug presets, whose kernel core and
// managers are built like this file) has next to none and a debug info of
// hundreds of MB.
#ifdef __OPTIMIZE__
constexpr bool kOptimisedBuild = true;
#else
constexpr bool kOptimisedBuild = false;
#endif

std::string dwarfdump() {
  const char* env = std::getenv("STABLECUT_DWARFDUMP");
  return env && *env ? env : "llvm-dwarfdump";
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
  return std::filesystem::temp_directory_path() / fmt::format("stablecut-edges-v3-{:016x}.txt", key);
}

std::vector<EdgeSite> read_cache(const std::filesystem::path& path, size_t count) {
  std::ifstream in(path);
  std::vector<EdgeSite> sites;
  EdgeSite s;
  std::string file;
  while (sites.size() < count && in >> file >> s.line >> s.column >> s.credits) {
    s.file = file == "-" ? "" : file;
    sites.push_back(s);
  }
  return sites.size() == count ? sites : std::vector<EdgeSite>{};
}

void write_cache(const std::filesystem::path& path, const std::vector<EdgeSite>& sites) {
  const auto part = path.string() + fmt::format(".{}", getpid());
  {
    std::ofstream out(part);
    for (const auto& s : sites) out << (s.file.empty() ? "-" : s.file) << ' ' << s.line << ' ' << s.column << ' ' << s.credits << '\n';
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
  const auto answers_path = tool_output_file(command, "symbols");
  // Without llvm-dwarfdump only the inlined frames of the edges name inlined functions.
  const auto debug_info_path =
      kOptimisedBuild ? tool_output_file(fmt::format("'{}' --debug-info '{}'", dwarfdump(), exe), "debug-info")
                      : std::filesystem::path();
  std::ifstream answers(answers_path), debug_info(debug_info_path);
  Symbols s;
  s.sites = sites_from_answers(answers, debug_info, n);
  for (const auto& path : {input, answers_path, debug_info_path}) {
    std::error_code ignored;  // best effort: temporary files
    if (!path.empty()) std::filesystem::remove(path, ignored);
  }
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

std::string source_relative(const std::string& raw, const std::vector<std::string>& manager_dirs) {
  const std::string path = std::filesystem::path(raw).lexically_normal().string();
  for (const auto& dir : manager_dirs) {
    std::filesystem::path folder = std::filesystem::path(dir).lexically_normal();
    if (!folder.has_filename()) folder = folder.parent_path();  // "/a/b/" is folder b
    const std::string prefix = (folder / "").string();
    if (path.starts_with(prefix)) return "managers/" + folder.filename().string() + "/" + path.substr(prefix.size());
  }
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

std::string source_relative(const std::string& path) {
  static const std::vector<std::string> dirs = [] {
    std::vector<std::string> out;
    std::istringstream list(STABLECUT_OUT_OF_TREE_MANAGER_DIRS);  // ':'-separated
    for (std::string dir; std::getline(list, dir, ':');)
      if (!dir.empty()) out.push_back(dir);
    return out;
  }();
  return source_relative(path, dirs);
}

std::vector<EdgeSite> sites_from_answers(std::istream& answers, std::istream& debug_info, size_t count) {
  auto read = read_answers(answers, count);
  if (read.size() != count) return {};
  InlinedFunctions inlined;
  read_inlined_subroutines(debug_info, &inlined);
  return fold_out_of_line_copies(std::move(read), std::move(inlined));
}

const std::vector<EdgeSite>& edge_sites() { return symbols().sites; }
const std::string& symbolizer_problem() { return symbols().problem; }

}  // namespace sc::coverage
