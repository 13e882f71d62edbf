// symbolize.h — source locations of this process's instrumented edges
// (counters.h), from llvm-symbolizer.
//
// Interface: edge_sites() returns one EdgeSite per edge (index = edge
// number), computed once per process by running llvm-symbolizer
// ($STABLECUT_SYMBOLIZER, else llvm-symbolizer on PATH) over the executable;
// symbolizer_problem() says why it could not (empty when it could).
//
// Invariants: file is relative to the source tree, from the last
// "managers/" or "kernel/core/" component of the path the debug info names
// (so objects shared through ccache between checkouts agree), or
// "managers/<folder name>/..." for an out-of-tree manager; an edge whose
// location is unknown or lies elsewhere (e.g. an inlined library header) has
// an empty file and is not counted. ordinal numbers the edges of one
// (file, line, column) in table order, so (file, line, column, ordinal) names
// the same edge in every run of one build. An edge in an out-of-line copy of
// a function that is also inlined elsewhere is not counted (empty file); its
// run credits the counted edge `credits` names (the same source line in an
// inlined body), or none (kNoEdge). A counted edge credits itself.
#pragma once
#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace sc::coverage {

constexpr size_t kNoEdge = SIZE_MAX;

struct EdgeSite {
  std::string file;  // e.g. "managers/shadow/shadow_snapshot.cpp"; empty: not counted
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t ordinal = 0;
  size_t credits = kNoEdge;  // the edge a run of this one counts for
};

const std::vector<EdgeSite>& edge_sites();
// The sites of `count` edges from llvm-symbolizer's LLVM-style answers (with
// inlined frames) and the executable's `llvm-dwarfdump --debug-info` (may be
// empty), folded as above; empty if there are fewer answers. ordinal is not
// yet numbered.
std::vector<EdgeSite> sites_from_answers(std::istream& answers, std::istream& debug_info, size_t count);
const std::string& symbolizer_problem();

// The part of a path from its last "managers/" or "kernel/core/" component;
// empty if it has neither. A path under one of manager_dirs (absolute
// folders of out-of-tree managers) is "managers/<folder name>/<the rest>"
// instead. The one-argument form uses this build's out-of-tree folders
// (STABLECUT_MANAGER_DIRS).
std::string source_relative(const std::string& path, const std::vector<std::string>& manager_dirs);
std::string source_relative(const std::string& path);

}  // namespace sc::coverage
