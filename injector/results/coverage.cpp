// coverage.cpp — see coverage.h.
#include "coverage.h"

#include "sqlite.h"

namespace sc::results {

void record_coverage(const ResultsDb& db, std::int64_t campaign_id, const std::vector<CoverageEdge>& edges) {
  const Connection& conn = db.connection();
  Transaction tx(conn);
  Statement st(conn,
               "INSERT INTO coverage_edge (campaign_id, file, line, col, ordinal, hit, generation) "
               "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_id, file, line, col, ordinal) DO UPDATE SET "
               "generation = CASE WHEN hit = 0 THEN excluded.generation WHEN excluded.hit = 0 THEN generation "
               "ELSE min(generation, excluded.generation) END, hit = max(hit, excluded.hit)");
  for (const CoverageEdge& e : edges) {
    st.bind(1, campaign_id).bind(2, e.file).bind(3, std::int64_t{e.line}).bind(4, std::int64_t{e.column});
    st.bind(5, std::int64_t{e.ordinal}).bind(6, std::int64_t{e.hit ? 1 : 0});
    if (e.hit) st.bind(7, static_cast<std::int64_t>(e.generation));
    else st.bind_null(7);
    st.run();
    st.reset();
  }
  tx.commit();
}

std::vector<CoverageEdge> coverage(const ResultsDb& db, std::int64_t campaign_id) {
  Statement st(db.connection(),
               "SELECT file, line, col, ordinal, hit, coalesce(generation, 0) FROM coverage_edge WHERE campaign_id = ? "
               "ORDER BY file, line, col, ordinal");
  st.bind(1, campaign_id);
  std::vector<CoverageEdge> out;
  while (st.step())
    out.push_back(CoverageEdge{st.column_text(0), static_cast<std::uint32_t>(st.column_int(1)),
                               static_cast<std::uint32_t>(st.column_int(2)),
                               static_cast<std::uint32_t>(st.column_int(3)), st.column_int(4) != 0,
                               static_cast<std::uint64_t>(st.column_int(5))});
  return out;
}

void record_generation(const ResultsDb& db, std::int64_t campaign_id, const GenerationRecord& g) {
  Statement st(db.connection(),
               "INSERT OR REPLACE INTO coverage_generation (campaign_id, generation, new_edges) VALUES (?, ?, ?)");
  st.bind(1, campaign_id).bind(2, static_cast<std::int64_t>(g.generation));
  st.bind(3, static_cast<std::int64_t>(g.new_edges));
  st.run();
}

std::vector<GenerationRecord> generations(const ResultsDb& db, std::int64_t campaign_id) {
  Statement st(db.connection(),
               "SELECT generation, new_edges FROM coverage_generation WHERE campaign_id = ? ORDER BY generation");
  st.bind(1, campaign_id);
  std::vector<GenerationRecord> out;
  while (st.step())
    out.push_back(GenerationRecord{static_cast<std::uint64_t>(st.column_int(0)),
                                   static_cast<std::uint64_t>(st.column_int(1))});
  return out;
}

}  // namespace sc::results
