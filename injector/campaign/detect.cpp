// detect.cpp — see detect.h.
#include "injector/campaign/detect.h"

#include <fmt/format.h>

#include <filesystem>
#include <sstream>

#include "injector/campaign/campaign.h"
#include "injector/campaign/generator.h"
#include "injector/campaign/kept_state.h"
#include "injector/common/input_error.h"
#include "injector/tier/tier_dispatch.h"

namespace sc::campaign {

namespace {

struct Target {
  std::string name;
  SeededBugs bugs;
  std::string program;  // the program the bug is in; empty: the kernel's, or no bug

  bool correct() const { return name == kCorrectSystem; }
};

// The fault modes the bug declares it needs (ManagerBug::modes).
crash::ModeSet declared_modes(const std::string& bug) {
  std::stringstream list(seeded_bug_modes(bug));
  std::string name;
  crash::Mode m;
  crash::ModeSet modes;
  while (std::getline(list, name, ','))
    if (crash::parse_mode(name, &m) && crash::mode_enumerated(m)) modes.set(static_cast<size_t>(m));
  return modes;
}

// `base`, plus the declared modes the tier runs (call-error, call-misuse: in-process only).
crash::ModeSet with_declared_modes(crash::ModeSet modes, const std::string& bug, const tier::TierSpec& tier) {
  crash::ModeSet declared = declared_modes(bug);
  if (tier.qemu()) declared &= ~crash::call_fault_modes();
  return modes | declared;
}

std::string mode_list(const crash::ModeSet& modes) {
  std::string names;
  for (size_t m = 0; m < crash::kModeCount; ++m)
    if (modes.test(m)) names += (names.empty() ? "" : ",") + std::string(crash::kModeNames[m]);
  return names;
}

Target target_of(const std::string& name) {
  Target t{name, SeededBugs{}, ""};
  if (t.correct()) return t;
  enable_seeded_bug(&t.bugs, name);
  if (!t.bugs.programs.empty()) t.program = t.bugs.programs.begin()->first;
  return t;
}

// The corpus of a target's campaigns: the workloads running the buggy
// program when there are any, else the whole corpus ("" as filter).
struct TargetCorpus {
  std::string filter;
  uint64_t workloads = 0;
};

TargetCorpus target_corpus(const std::string& dir, const Target& t) {
  if (!t.program.empty()) {
    try {
      return TargetCorpus{t.program, load_corpus(dir, t.program).size()};
    } catch (const InputError&) {
      // no workload runs the program: the whole corpus (and its mutations) may still reach it
    }
  }
  return TargetCorpus{"", load_corpus(dir, "").size()};
}

// The two passes of a target: first every corpus workload once with prefix
// states (one per cut: what a power cut with nothing in flight leaves) and
// the storage-fault modes the bug declares (a few states per cut each), then
// the whole crash model (power cuts and those modes) over the corpus and its
// mutations for the rest of the budget. Under QEMU, where a workload checks a
// few hundred states spread over its enumeration, the first pass reaches
// every cut; in-process, it reaches every workload before the full pass
// spends the budget on the largest ones.
enum class Pass { prefix_cuts, full };

std::string campaign_command(const CampaignOptions& c, const Target& t, Pass pass) {
  std::string s = fmt::format("stablecut campaign --tier {} --name {} --db {} --corpus {} --duration {:.0f}s --seed {} "
                              "--jobs 1 --no-minimize",
                              c.tier.name(), c.name, c.db_path, c.corpus_dir, c.duration_s.value_or(0), c.seed);
  if (pass == Pass::prefix_cuts)
    s += fmt::format(" --modes {} --workloads {}", mode_list(c.enumerate.modes), c.max_workloads);
  if (pass == Pass::full) s += " --modes " + mode_list(c.enumerate.modes);  // the campaign default differs
  if (!c.manager.empty()) s += " --manager " + c.manager;
  if (!t.correct()) s += " --bug " + t.name;
  return s;
}

CampaignOptions campaign_options(const DetectOptions& o, const Target& t, const TargetCorpus& corpus, Pass pass,
                                 double budget_s) {
  CampaignOptions c;
  c.name = "detect-" + t.name + (pass == Pass::prefix_cuts ? "-prefix" : "");
  c.tier = o.tier;
  c.corpus_dir = o.corpus_dir;
  c.db_path = o.db_path;
  c.cases_dir = o.cases_dir;
  c.seed = o.seed;
  c.jobs = 1;
  c.duration_s = budget_s;
  c.manager = corpus.filter;
  c.bugs = t.bugs;
  c.enumerate.seed = o.seed;
  if (pass == Pass::prefix_cuts) {
    c.enumerate.modes = with_declared_modes(crash::only(crash::Mode::prefix), t.name, o.tier);
    c.max_workloads = corpus.workloads;
  } else if (!t.correct()) {
    c.enumerate.modes = with_declared_modes(crash::power_cut_modes(), t.name, o.tier);
  }
  c.minimize = false;
  c.stop_at_first_finding = !t.correct();
  c.command_line = campaign_command(c, t, pass);
  c.version = o.version;
  return c;
}

// A target's passes summed: the campaign that found the first illegal
// state (else the last one run), and the figures over both; the first
// finding's time and states count those of the pass before it.
struct TargetRun {
  std::int64_t campaign_id = 0;
  double seconds = 0;
  uint64_t states = 0;
  uint64_t illegal = 0;
  std::optional<FirstFinding> first;
};

void add_pass(const CampaignSummary& s, TargetRun* run) {
  if (!run->first) run->campaign_id = s.campaign_id;
  if (s.first_finding && !run->first)
    run->first = FirstFinding{run->seconds + s.first_finding->seconds, run->states + s.first_finding->states,
                              s.first_finding->workload};
  run->seconds += s.seconds;
  run->states += s.states;
  run->illegal += s.illegal;
}

TargetRun run_target(const DetectOptions& o, const Target& t, const TargetCorpus& corpus,
                     const std::atomic<bool>& interrupted) {
  TargetRun run;
  add_pass(run_campaign(campaign_options(o, t, corpus, Pass::prefix_cuts, o.budget_s), interrupted), &run);
  const double left = o.budget_s - run.seconds;
  if ((run.first && !t.correct()) || interrupted || left < 1) return run;
  add_pass(run_campaign(campaign_options(o, t, corpus, Pass::full, left), interrupted), &run);
  return run;
}

// The first failure replayed on the other tier; nullopt if not asked for
// or this build has no QEMU tier.
std::optional<results::DetectReplay> replay_on_other_tier(const DetectOptions& o, const results::CrashCase& row) {
  tier::TierSpec other = o.tier;
  other.kind = o.tier.qemu() ? tier::Kind::inproc : tier::Kind::qemu;
  other.qemu_sessions = 1;
  if (!o.replay_other_tier || (other.qemu() && !tier::qemu_tier_built())) return std::nullopt;
  const Case c = rebuild_kept_state(row, other);
  const Verdict v = tier::replay_on(other, c);
  const bool was_legal = is_legal(row.outcome) && row.fsck_violations == 0;
  return results::DetectReplay{other.qemu() ? results::Tier::qemu : results::Tier::inproc, v.outcome, v.legal(),
                               v.outcome == row.outcome && v.legal() == was_legal};
}

results::DetectResult result_of(const DetectOptions& o, const Target& t, const TargetRun& run,
                                const results::ResultsDb& db) {
  results::DetectResult r;
  if (!t.correct()) r.bug = t.name;
  r.campaign_id = run.campaign_id;
  r.illegal = run.illegal;
  r.seconds = run.seconds;
  r.states = run.states;
  if (!run.first) return r;
  r.detected = true;
  r.seconds = run.first->seconds;
  r.states = run.first->states;
  r.first_case_id = first_illegal_case(db, run.campaign_id, run.first->workload);
  if (!r.first_case_id)
    throw InputError(fmt::format("{}: campaign {} kept no illegal crash state of workload {}", o.db_path,
                                 run.campaign_id, run.first->workload));
  const results::CrashCase row = db.crash_case(*r.first_case_id);
  r.phase = row.phase;
  r.kind = row.kind;
  r.outcome = row.outcome;
  r.replay = replay_on_other_tier(o, row);
  return r;
}

std::string describe(const DetectRow& row) {
  const results::DetectResult& r = row.result;
  if (!r.detected)
    return fmt::format("{}: {} crash states in {:.1f} s", row.target == kCorrectSystem ? "no illegal state" : "not detected",
                       r.states, r.seconds);
  std::string s = fmt::format("{} after {:.2f} s, {} crash states (first: {}, {}, {})",
                              row.target == kCorrectSystem ? "FALSE POSITIVE" : "detected", r.seconds, r.states,
                              results::name(*r.phase), results::name(*r.kind), results::name(*r.outcome));
  if (r.replay)
    s += fmt::format("; on {}: {} ({})", results::name(r.replay->tier), results::name(r.replay->outcome),
                     r.replay->agrees ? "same verdict" : "DIFFERENT verdict");
  if (row.target == kCorrectSystem) s += fmt::format("; {} illegal states in all", r.illegal);
  return s;
}

// Opened only while no campaign has the file open: two connections of one
// process to one file are not safe here (opening the file to check it, then
// closing it, drops every POSIX lock this process holds on it).
results::ResultsDb open_results(const std::string& path) {
  const std::filesystem::path p(path);
  try {
    if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
    return results::ResultsDb::open(p, results::OpenMode::create);
  } catch (const std::filesystem::filesystem_error& e) {
    throw InputError(path + ": cannot create its directory (" + e.code().message() + ")");
  } catch (const results::DbError& e) {
    throw InputError(e.what());
  }
}

}  // namespace

bool in_process_only(const std::string& bug) {
  const crash::ModeSet declared = declared_modes(bug);
  return declared.any() && (declared & ~crash::call_fault_modes()).none();
}

std::vector<std::string> detect_targets(const std::vector<std::string>& names, const tier::TierSpec& tier) {
  if (names.empty()) {
    std::vector<std::string> all;
    for (const std::string& bug : seeded_bug_names())
      if (!tier.qemu() || !in_process_only(bug)) all.push_back(bug);
    all.emplace_back(kCorrectSystem);
    return all;
  }
  for (const auto& name : names) {
    if (name == kCorrectSystem) continue;
    SeededBugs probe;
    enable_seeded_bug(&probe, name);  // throws InputError for an unknown name
    if (tier.qemu() && in_process_only(name))
      throw InputError(fmt::format("--bug {}: only {} finds it, which runs in-process only; use --tier inproc", name,
                                   seeded_bug_modes(name)));
  }
  return names;
}

DetectReport run_detect(const DetectOptions& o, const std::atomic<bool>& interrupted,
                        const std::function<void(const std::string&)>& progress) {
  DetectReport report{0, o.tier.kind, o.budget_s, o.db_path, false, {}};
  report.run_id = results::begin_detect_run(
      open_results(o.db_path),
      results::DetectRunSpec{o.tier.qemu() ? results::Tier::qemu : results::Tier::inproc, o.budget_s, o.seed,
                             results::unix_now(), o.command_line, o.version});
  for (size_t i = 0; i < o.targets.size() && !interrupted; ++i) {
    const Target t = target_of(o.targets[i]);
    const TargetCorpus corpus = target_corpus(o.corpus_dir, t);
    const std::string head = fmt::format("detect [{}/{}] {}", i + 1, o.targets.size(), t.name);
    progress(fmt::format("{}: campaigns on {}, budget {:g} s, corpus: {}", head, o.tier.name(), o.budget_s,
                         corpus.filter.empty() ? "all workloads" : "workloads running " + corpus.filter));
    const TargetRun run = run_target(o, t, corpus, interrupted);
    const results::ResultsDb db = open_results(o.db_path);  // after the campaigns' connections are closed
    DetectRow row{t.name, corpus.filter.empty() ? "all" : corpus.filter, result_of(o, t, run, db)};
    results::record_detect_result(db, report.run_id, row.result);
    progress(fmt::format("{}: {}", head, describe(row)));
    report.rows.push_back(std::move(row));
  }
  report.interrupted = interrupted;
  results::finish_detect_run(open_results(o.db_path), report.run_id, results::unix_now());
  return report;
}

bool passed(const DetectRow& row) {
  const results::DetectResult& r = row.result;
  if (row.target == kCorrectSystem) return r.illegal == 0;
  return r.detected && (!r.replay || r.replay->agrees);
}

}  // namespace sc::campaign
