// mutant_case.h — one mutant of a corpus: which workload exercises it, the
// operator and the site (kernel/harness/mutant/mutant_plan.h), and the
// verdict once it has run. The names here are the strings of the CLI and of
// the results database's `mutant` table.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kernel/harness/mutant/mutant_plan.h"

namespace sc::mutate {

// killed: some recorded or crash state was illegal. equivalent: the mutant
// reaches exactly the original's set of crash images. survived: neither.
enum class MutantVerdict { killed, survived, equivalent };
const char* verdict_name(MutantVerdict v);

struct MutantCase {
  size_t workload = 0;  // index in the corpus
  MutantOp op = MutantOp::drop_flush;
  MutantSite site;
};

struct MutantOutcome {
  MutantVerdict verdict = MutantVerdict::survived;
  uint64_t states = 0;      // crash states checked
  uint64_t images = 0;      // distinct crash images of the mutant's run
  uint64_t original_images = 0;
  double seconds = 0;
  std::string evidence;     // killed: the first illegal outcome; equivalent: the image sets
  std::string hint;         // survived: what kind of workload or crash mode would reach it
};

// The operators, in order; parse_mutant_op gives nullopt for an unknown name.
std::vector<MutantOp> all_mutant_ops();
std::optional<MutantOp> parse_mutant_op(const std::string& name);
// "m<manager>/s<stabilisation>/c<call>", or "kernel/s<stabilisation>/w<write>".
std::string site_name(const MutantSite& site);

}  // namespace sc::mutate
