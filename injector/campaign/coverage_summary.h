// coverage_summary.h — line and branch (edge) coverage per part of the
// system under test, from a campaign's stored edges (results/coverage.h).
//
// Interface: summarize(edges) groups edges by part — "kernel/core",
// "managers/<folder>" (e.g. managers/shadow, managers/sdk), or "seeded-bug
// code (runs only with --bug)" for the files that hold only seeded-bug
// variants (*seeded_bugs.cpp: apart from the code a correct run can reach)
// — and gives, per part, lines with any edge / lines with a hit edge, edges
// / hit edges, and the lines never reached as "file:first-last" ranges of
// consecutive instrumented lines. format_percentages prints the one-line
// summary campaigns and stats show.
//
// Invariants: a line is a source line where an instrumented basic block
// begins (lines inside a block run with it); it counts once however many
// edges it has and is reached when any of its edges is hit. Parts and
// ranges come sorted.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "injector/results/coverage.h"

namespace sc::campaign {

struct CoveragePart {
  std::string part;
  uint64_t lines = 0, lines_hit = 0;
  uint64_t edges = 0, edges_hit = 0;
  std::vector<std::string> unreached;  // "managers/shadow/shadow_recover.cpp:40-42"
};

std::vector<CoveragePart> summarize(const std::vector<results::CoverageEdge>& edges);
double percent(uint64_t part, uint64_t whole);

// "lines 91.2% (1234/1353), branches 80.1% (...)" per group "managers/",
// "kernel/core" and the seeded-bug code; empty if there are no edges.
std::string format_percentages(const std::vector<CoveragePart>& parts);

}  // namespace sc::campaign
