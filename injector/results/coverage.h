// coverage.h — a campaign's code coverage in the results database
// (schema.sql migration 7): the instrumented edges of the kernel core and
// the manager programs with whether the campaign ran them, and the
// generations of the campaign's steering (injector/campaign/steering.h).
//
// Interface: record_coverage(db, campaign, edges) unions edges into what is
// stored (an edge once hit stays hit, with the earliest generation that hit
// it: resume and reruns only add);
// coverage(db, campaign) reads them back; record_generation /
// generations store and read, per finished generation, how many edges it
// reached first.
//
// Invariants: an edge is named by (file, line, column, ordinal), see
// injector/coverage/symbolize.h; each call is one transaction; errors are
// DbError as everywhere in results_db.h.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "results_db.h"

namespace sc::results {

struct CoverageEdge {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t ordinal = 0;
  bool hit = false;
  std::uint64_t generation = 0;  // hit: the campaign generation that first ran it (steering.h)
};

struct GenerationRecord {
  std::uint64_t generation = 0;
  std::uint64_t new_edges = 0;  // edges no earlier generation (or the corpus) had reached
};

void record_coverage(const ResultsDb& db, std::int64_t campaign_id, const std::vector<CoverageEdge>& edges);
std::vector<CoverageEdge> coverage(const ResultsDb& db, std::int64_t campaign_id);

void record_generation(const ResultsDb& db, std::int64_t campaign_id, const GenerationRecord& g);
std::vector<GenerationRecord> generations(const ResultsDb& db, std::int64_t campaign_id);  // by generation

}  // namespace sc::results
