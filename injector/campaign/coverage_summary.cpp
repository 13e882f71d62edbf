// coverage_summary.cpp — see coverage_summary.h.
#include "injector/campaign/coverage_summary.h"

#include <fmt/format.h>

#include <map>

namespace sc::campaign {

namespace {

constexpr const char* kSeededBugsPart = "seeded-bug code (runs only with --bug)";

std::string part_of(const std::string& file) {
  if (file.ends_with("seeded_bugs.cpp")) return kSeededBugsPart;
  if (file.rfind("kernel/core/", 0) == 0) return "kernel/core";
  const auto slash = file.find('/', std::string("managers/").size());
  return slash == std::string::npos ? "managers" : file.substr(0, slash);
}

// Per file: line -> reached.
using FileLines = std::map<uint32_t, bool>;

void add_unreached(const std::string& file, const FileLines& lines, std::vector<std::string>* out) {
  uint32_t first = 0, last = 0;
  auto flush = [&] {
    if (first == 0) return;
    out->push_back(first == last ? fmt::format("{}:{}", file, first) : fmt::format("{}:{}-{}", file, first, last));
    first = 0;
  };
  for (const auto& [line, reached] : lines) {
    if (reached) {
      flush();
      continue;
    }
    if (first == 0) first = line;
    last = line;
  }
  flush();
}

CoveragePart group(const std::string& part, const std::string& prefix, const std::vector<CoveragePart>& parts) {
  CoveragePart g;
  g.part = part;
  for (const auto& p : parts) {
    if (p.part.rfind(prefix, 0) != 0) continue;
    g.lines += p.lines;
    g.lines_hit += p.lines_hit;
    g.edges += p.edges;
    g.edges_hit += p.edges_hit;
  }
  return g;
}

}  // namespace

double percent(uint64_t part, uint64_t whole) {
  return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

std::vector<CoveragePart> summarize(const std::vector<results::CoverageEdge>& edges) {
  std::map<std::string, std::map<std::string, FileLines>> files;  // part -> file -> lines
  std::map<std::string, CoveragePart> parts;
  for (const auto& e : edges) {
    const std::string part = part_of(e.file);
    CoveragePart& p = parts[part];
    p.part = part;
    ++p.edges;
    p.edges_hit += e.hit ? 1 : 0;
    bool& reached = files[part][e.file][e.line];
    reached = reached || e.hit;
  }
  std::vector<CoveragePart> out;
  for (auto& [name, p] : parts) {
    for (const auto& [file, lines] : files[name]) {
      p.lines += lines.size();
      for (const auto& [line, reached] : lines) p.lines_hit += reached ? 1 : 0;
      add_unreached(file, lines, &p.unreached);
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::string format_percentages(const std::vector<CoveragePart>& parts) {
  std::string text;
  for (const auto& [name, prefix] : {std::pair{"managers/", "managers"}, std::pair{"kernel/core", "kernel/core"},
                                     std::pair{kSeededBugsPart, kSeededBugsPart}}) {
    const CoveragePart g = group(name, prefix, parts);
    if (g.edges == 0) continue;
    if (!text.empty()) text += "; ";
    text += fmt::format("{} lines {:.1f}% ({}/{}), branches {:.1f}% ({}/{})", name, percent(g.lines_hit, g.lines),
                        g.lines_hit, g.lines, percent(g.edges_hit, g.edges), g.edges_hit, g.edges);
  }
  return text;
}

}  // namespace sc::campaign
