// memo_flag.cpp — see memo_flag.h.
#include "injector/cli/memo_flag.h"

#include <fmt/format.h>

namespace sc::cli {

void add_no_memo_flag(CLI::App* cmd, bool* no_memo) {
  cmd->add_flag("--no-memo", *no_memo,
                "In-process: recover every crash state, also one whose recovery would read exactly what an earlier "
                "recovery of its cut read (same verdicts, slower)");
}

std::string recall_line(uint64_t decided, uint64_t recalled) {
  if (recalled == 0) return "";
  return fmt::format("of {} crash states, {} recovered, {} recalled from an identical recovery\n", decided,
                     decided - recalled, recalled);
}

}  // namespace sc::cli
