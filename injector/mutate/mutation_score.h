// mutation_score.h — the mutation score of a session's results: per operator
// and in total, killed / (decided − equivalent); a row with no
// non-equivalent mutant has no score (printed "n/a").
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "injector/mutate/mutation_session.h"

namespace sc::mutate {

struct ScoreRow {
  std::string op;  // operator name, or "all"
  size_t killed = 0;
  size_t survived = 0;
  size_t equivalent = 0;

  size_t scored() const { return killed + survived; }
  std::optional<double> score() const {
    return scored() == 0 ? std::nullopt : std::optional<double>(static_cast<double>(killed) / static_cast<double>(scored()));
  }
};

// One row per operator that has results, in operator order, then "all".
std::vector<ScoreRow> score_rows(const std::vector<MutantResult>& results);

}  // namespace sc::mutate
