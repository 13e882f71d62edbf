// mutation_score.cpp — see mutation_score.h.
#include "injector/mutate/mutation_score.h"

namespace sc::mutate {

namespace {

void add(ScoreRow& row, MutantVerdict v) {
  if (v == MutantVerdict::killed) ++row.killed;
  else if (v == MutantVerdict::survived) ++row.survived;
  else ++row.equivalent;
}

}  // namespace

std::vector<ScoreRow> score_rows(const std::vector<MutantResult>& results) {
  std::vector<ScoreRow> rows;
  ScoreRow all{"all"};
  for (MutantOp op : all_mutant_ops()) {
    ScoreRow row{mutant_op_name(op)};
    for (const MutantResult& r : results)
      if (r.mutant.op == op) add(row, r.outcome.verdict);
    if (row.killed + row.survived + row.equivalent > 0) rows.push_back(row);
  }
  for (const MutantResult& r : results) add(all, r.outcome.verdict);
  rows.push_back(all);
  return rows;
}

}  // namespace sc::mutate
