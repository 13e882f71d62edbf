// cmd_mutate.cpp — `stablecut mutate`: mutation testing of a manager program
// (or the kernel) over a corpus, in-process (injector/mutate/). Prints how
// many mutant sites the corpus exercises and how many were tested, the
// mutation score per operator — killed / (tested − equivalent) — and every
// surviving mutant with its site, workload and hint; with --db, writes every
// decided mutant to the `mutant` table. Progress goes to stderr.
// Exit 0 when the run completed (whatever the score), 1 only if --min-score
// is given and the total score is below it (or no mutant could be scored),
// 2 for bad input: unknown manager or operator, bad budget, a corpus error, a
// corpus its target fails unmutated, or --tier qemu (mutation runs in-process only).
#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <optional>
#include <sstream>
#include <string>

#include "injector/campaign/campaign.h"
#include "injector/campaign/generator.h"
#include "injector/campaign/progress.h"
#include "injector/cli/commands.h"
#include "injector/cli/enumeration_flags.h"
#include "injector/cli/value_checks.h"
#include "injector/common/input_error.h"
#include "injector/common/plural.h"
#include "injector/crash/fault_image.h"
#include "injector/mutate/mutation_score.h"
#include "injector/mutate/site_census.h"
#include "injector/results/mutants.h"
#include "managers/registry/registry.h"

namespace sc::cli {

namespace {

struct MutateFlags {
  std::string manager;
  std::string corpus = STABLECUT_SHIPPED_CORPUS;  // this checkout's corpus, wherever the command runs
  std::string tier = "inproc";
  std::string budget = "60s";
  std::string operators;
  std::string db;
  size_t max_mutants = SIZE_MAX;
  double min_score = -1;  // percent; negative: not given
};

std::vector<MutantOp> parse_operators(const std::string& list) {
  if (list.empty()) return mutate::all_mutant_ops();
  std::vector<MutantOp> ops;
  std::stringstream in(list);
  for (std::string name; std::getline(in, name, ',');) {
    const auto op = mutate::parse_mutant_op(name);
    if (!op) {
      std::string known;
      for (MutantOp o : mutate::all_mutant_ops()) known += (known.empty() ? "" : ", ") + std::string(mutant_op_name(o));
      throw InputError(fmt::format("--operators: unknown operator '{}'; expected some of {}", name, known));
    }
    ops.push_back(*op);
  }
  return ops;
}

void check_target(const std::string& manager) {
  if (manager == mutate::kKernelTarget || find_manager_program(manager.c_str()) != nullptr) return;
  std::string known;
  for (uint32_t i = 0; i < registered_manager_count(); ++i) known += std::string(registered_manager(i).name) + ", ";
  throw InputError(fmt::format("--manager: unknown manager program '{}'; expected one of {}{}", manager, known,
                               mutate::kKernelTarget));
}

double budget_seconds(const std::string& text) {
  try {
    return campaign::parse_duration(text);
  } catch (const InputError&) {
    throw InputError(fmt::format("--budget {}: expected a positive whole number with an optional unit s, m, h or d "
                                 "(e.g. 90s)", text));
  }
}

std::vector<mutate::NamedWorkload> load(const MutateFlags& flags) {
  const std::string filter = flags.manager == mutate::kKernelTarget ? "" : flags.manager;
  std::vector<mutate::NamedWorkload> corpus;
  for (auto& entry : campaign::load_corpus(flags.corpus, filter))
    corpus.push_back(mutate::NamedWorkload{entry.workload.name, std::move(entry.workload)});
  return corpus;
}

std::string score_text(const mutate::ScoreRow& row) {
  const auto s = row.score();
  return s ? fmt::format("{:.1f}%", *s * 100) : "n/a";
}

void print_scores(const std::string& target, const std::vector<mutate::ScoreRow>& rows) {
  fmt::print("{:<22} {:>7} {:>9} {:>11} {:>8}\n", "operator", "killed", "survived", "equivalent", "score");
  for (const auto& r : rows)
    fmt::print("{:<22} {:>7} {:>9} {:>11} {:>8}\n", r.op, r.killed, r.survived, r.equivalent, score_text(r));
  fmt::print("mutation score of {}: {} ({} killed of {} non-equivalent)\n", target, score_text(rows.back()),
             rows.back().killed, rows.back().scored());
}

void print_survivors(const std::vector<mutate::NamedWorkload>& corpus, const mutate::SessionResult& r) {
  for (const auto& m : r.results) {
    if (m.outcome.verdict != mutate::MutantVerdict::survived) continue;
    fmt::print("SURVIVED {} at {} in {}: {}\n  hint: {}\n", mutant_op_name(m.mutant.op), mutate::site_name(m.mutant.site),
               corpus[m.mutant.workload].name, m.outcome.evidence, m.outcome.hint);
  }
}

std::vector<results::MutantRow> rows_of(const std::vector<mutate::NamedWorkload>& corpus, const MutateFlags& flags,
                                        const mutate::SessionResult& r, uint64_t seed, std::int64_t started_at) {
  std::vector<results::MutantRow> rows;
  for (const auto& m : r.results) {
    const MutantSite& s = m.mutant.site;
    rows.push_back(results::MutantRow{
        0, started_at, flags.manager, mutant_op_name(m.mutant.op),
        s.manager == kKernelSite ? std::nullopt : std::optional<std::int64_t>(s.manager), s.stabilisation, s.call,
        corpus[m.mutant.workload].name, mutate::verdict_name(m.outcome.verdict),
        static_cast<std::int64_t>(m.outcome.states), m.outcome.seconds, results::format_seed(seed),
        m.outcome.evidence, m.outcome.hint.empty() ? std::nullopt : std::optional<std::string>(m.outcome.hint)});
  }
  return rows;
}

// How the tested mutants relate to the sites: all of them, or a seeded
// sample cut short by --max-mutants or by --budget.
std::string tested_how(const mutate::SessionResult& r) {
  if (r.results.size() == r.sites) return "all";
  if (r.results.size() == r.planned) return fmt::format("a seeded sample of {}, --max-mutants", r.sites);
  return fmt::format("a seeded sample of {}: --budget ran out", r.sites);
}

// A mutant is judged by the crash images of its trace; the fault classes
// that change the run instead (read-error, io-error, call-error,
// call-misuse) would
// judge nothing and call every mutant equivalent.
void require_image_modes(const crash::EnumeratorOptions& o) {
  bool images = o.exhaustive;
  for (size_t m = 0; m < crash::kModeCount; ++m)
    if (o.modes.test(m) && crash::judged_on_trace_images(static_cast<crash::Mode>(m))) images = true;
  if (!images)
    throw InputError("--modes: mutate judges the crash images of each mutant's trace; name a power-cut mode "
                     "(exhaustive, prefix, reorder, torn) or an image fault (read-error, io-error, call-error and "
                     "call-misuse do not apply to mutants)");
}

int run_mutate(const MutateFlags& flags, const EnumerationFlags& enumeration) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  if (flags.tier == "qemu")
    throw InputError("--tier qemu: mutation runs in-process only; use --tier inproc (the default)");
  check_target(flags.manager);
  mutate::SessionOptions options;
  options.target = flags.manager;
  options.ops = parse_operators(flags.operators);
  options.budget_seconds = budget_seconds(flags.budget);
  options.enumerate = enumeration.options();
  require_image_modes(options.enumerate);
  options.bugs = enumeration.seeded_bugs();
  options.seed = enumeration.seed;
  options.max_mutants = flags.max_mutants;
  std::optional<results::ResultsDb> db;
  if (!flags.db.empty()) db = results::ResultsDb::open(flags.db, results::OpenMode::create);
  const auto corpus = load(flags);
  campaign::ProgressLine line;
  std::optional<campaign::ProgressSnapshot> last;
  options.progress = [&](size_t done, size_t planned, double seconds) {
    last = campaign::mutant_snapshot(done, planned, seconds);
    line.update(*last);
  };
  const std::int64_t started_at = static_cast<std::int64_t>(std::time(nullptr));
  const mutate::SessionResult r = mutate::run_session(corpus, options);
  if (last) line.finish(*last);
  fmt::print("{}: {} exercised by {} in {}; tested {} ({}) in {:.1f} s (sample seed {})\n", flags.manager,
             counted(r.sites, "mutant site"), counted(corpus.size(), "workload"), flags.corpus, r.results.size(),
             tested_how(r), r.seconds, enumeration.seed);
  const auto rows = mutate::score_rows(r.results);
  print_scores(flags.manager, rows);
  print_survivors(corpus, r);
  if (db) {
    const std::int64_t run = results::record_mutation_run(*db, rows_of(corpus, flags, r, enumeration.seed, started_at));
    fmt::print("recorded as mutation run {} in {}\n", run, flags.db);
  }
  if (flags.min_score < 0) return 0;
  const auto score = rows.back().score();
  return score && *score * 100 >= flags.min_score ? 0 : 1;
}

}  // namespace

void add_mutate(CLI::App& app, Action* action) {
  auto flags = std::make_shared<MutateFlags>();
  auto enumeration = std::make_shared<EnumerationFlags>();
  CLI::App* cmd = app.add_subcommand(
      "mutate", "Mutation testing: apply durability mutants to a manager's (or the kernel's) disk calls, one at a "
                "time, and score how many the corpus and crash modes kill");
  cmd->add_option("--manager", flags->manager, "Manager program to mutate (e.g. shadow, journal), or 'kernel'")
      ->required();
  cmd->add_option("--corpus", flags->corpus, "Directory of workload files")->capture_default_str();
  cmd->add_option("--tier", flags->tier, "inproc (mutation runs in-process only)")
      ->check(one_of({"inproc", "qemu"}))
      ->capture_default_str();
  cmd->add_option("--budget", flags->budget, "Wall time for running mutants, e.g. 90s, 15m; a sample if too short")
      ->capture_default_str();
  cmd->add_option("--operators", flags->operators,
                  "Comma-separated operators (default all): drop-flush, drop-write, delay-write, misdirect, "
                  "publish-early, kernel-drop-fua-root, kernel-drop-fua-cut, kernel-swap-cut-root");
  cmd->add_option("--max-mutants", flags->max_mutants, "Run at most this many mutants (a seeded sample)")
      ->check(whole_number(1, SIZE_MAX));
  cmd->add_option("--min-score", flags->min_score, "Exit 1 if the score (percent) is below this")
      ->check(number(0, 100));
  cmd->add_option("--db", flags->db, "Results database to record the mutants in (the `mutant` table)");
  add_enumeration_flags(cmd, enumeration);
  cmd->callback([flags, enumeration, action] {
    *action = [flags, enumeration] { return run_mutate(*flags, *enumeration); };
  });
}

}  // namespace sc::cli
