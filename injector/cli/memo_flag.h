// memo_flag.h — the CLI side of recovery memoisation
// (injector/check/recovery_memo.h): the --no-memo flag of the commands that
// explore in-process, and the words a summary uses for decided states.
// Every state is decided (judged against its cut's legal window); of those,
// some were recovered and the others recalled from an earlier recovery that
// read the same contents.
#pragma once
#include <cstdint>
#include <string>

#include <CLI/CLI.hpp>

namespace sc::cli {

void add_no_memo_flag(CLI::App* cmd, bool* no_memo);

// A summary's line on how the decided states were decided ("" when none
// was recalled): "of N crash states, R recovered, M recalled from an
// identical recovery\n".
std::string recall_line(uint64_t decided, uint64_t recalled);

}  // namespace sc::cli
