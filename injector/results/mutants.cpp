// mutants.cpp — see mutants.h.
#include "injector/results/mutants.h"

#include "injector/results/sqlite.h"

namespace sc::results {

std::int64_t record_mutation_run(ResultsDb& db, const std::vector<MutantRow>& rows) {
  const Connection& conn = db.connection();
  Transaction tx(conn);
  Statement next(conn, "SELECT COALESCE(MAX(run), 0) + 1 FROM mutant");
  next.step();
  const std::int64_t run = next.column_int(0);
  Statement insert(conn,
                   "INSERT INTO mutant (run, started_at, target, operator, manager_id, stabilisation, call_ordinal, "
                   "workload, verdict, states, seconds, seed, evidence, hint) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const MutantRow& r : rows) {
    insert.reset();
    insert.bind(1, run).bind(2, r.started_at).bind(3, r.target).bind(4, r.op).bind(5, r.manager_id);
    insert.bind(6, r.stabilisation).bind(7, r.call).bind(8, r.workload).bind(9, r.verdict).bind(10, r.states);
    insert.bind(11, r.seconds).bind(12, r.seed).bind(13, r.evidence).bind(14, r.hint);
    insert.run();
  }
  tx.commit();
  return run;
}

std::vector<MutantRow> mutant_rows(const ResultsDb& db) {
  Statement q(db.connection(),
              "SELECT run, started_at, target, operator, manager_id, stabilisation, call_ordinal, workload, verdict, "
              "states, seconds, seed, evidence, hint FROM mutant ORDER BY run, id");
  std::vector<MutantRow> rows;
  while (q.step()) {
    rows.push_back(MutantRow{q.column_int(0), q.column_int(1), q.column_text(2), q.column_text(3),
                             q.column_optional_int(4), q.column_int(5), q.column_int(6), q.column_text(7),
                             q.column_text(8), q.column_int(9), q.column_double(10), q.column_text(11),
                             q.column_text(12), q.column_optional_text(13)});
  }
  return rows;
}

}  // namespace sc::results
