// campaign.cpp — see campaign.h. Threads: N workers pull workload indices
// from an atomic counter and push finished WorkloadResults on a queue; the
// calling thread pops them and commits each with record_workload (the
// commit point), draws the progress line and enforces the limits.
// Coverage (coverage_tracker.h): workers sample the counters after each
// workload; the calling thread closes each generation (steering.h) once all
// its workloads are committed, records what it reached first, stores the
// coverage, and only then lets workers start the next generation (with
// steering on; without, workers never wait, so a generation's count may
// include edges of later workloads already running). The coverage is
// stored once more at the end.
#include "injector/campaign/campaign.h"

#include <fmt/format.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "injector/campaign/coverage_summary.h"
#include "injector/campaign/coverage_tracker.h"
#include "injector/campaign/generator.h"
#include "injector/campaign/options_json.h"
#include "injector/campaign/progress.h"
#include "injector/campaign/worker.h"
#include "injector/check/core_share.h"
#include "injector/common/input_error.h"
#include "injector/results/coverage.h"
#include "injector/results/results_db.h"

namespace sc::campaign {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

results::ResultsDb open_db(const std::string& path) {
  const fs::path p(path);
  if (p.has_parent_path()) fs::create_directories(p.parent_path());
  try {
    return results::ResultsDb::open(p, results::OpenMode::create);
  } catch (const results::DbError& e) {
    throw InputError(e.what());
  }
}

class Engine {
 public:
  Engine(const CampaignOptions& o, const std::atomic<bool>& interrupted)
      : o_(o),
        interrupted_(interrupted),
        corpus_(load_corpus(o.corpus_dir, o.manager)),
        db_(open_db(o.db_path)),
        progress_(o.progress_every_s) {}

  CampaignSummary run() {
    start_or_resume();
    std::vector<std::thread> workers;
    for (unsigned i = 0; i < std::max(1u, o_.jobs); ++i) workers.emplace_back([this] { work(); });
    try {
      commit_loop();
    } catch (...) {
      {
        std::lock_guard lock(mutex_);  // a worker waiting for room sees it
        abort_ = true;
      }
      room_.notify_all();
      generation_closed_.notify_all();
      for (auto& t : workers) t.join();
      discard(std::move(queue_));
      db_.finish_campaign(summary_.campaign_id, results::CampaignStatus::interrupted, results::unix_now());
      throw;
    }
    for (auto& t : workers) t.join();
    commit_queued();
    store_coverage();
    if (worker_error_) {
      db_.finish_campaign(summary_.campaign_id, results::CampaignStatus::interrupted, results::unix_now());
      std::rethrow_exception(worker_error_);
    }
    db_.finish_campaign(summary_.campaign_id, summary_.status, results::unix_now());
    summary_.seconds = elapsed();
    summary_.coverage = format_percentages(summarize(results::coverage(db_, summary_.campaign_id)));
    summary_.coverage_unavailable = coverage_.why();
    progress_.finish(snapshot());
    return summary_;
  }

 private:
  void start_or_resume() {
    results::Campaign c;
    if (o_.resume_id) {
      c = db_.resume_campaign(*o_.resume_id);
      for (auto& name : db_.complete_workloads(c.id)) done_.insert(std::move(name));
    } else {
      c = db_.begin_campaign(results::CampaignSpec{
          o_.name, o_.tier.qemu() ? results::Tier::qemu : results::Tier::inproc, o_.manager.empty() ? "all" : o_.manager,
          o_.seed, o_.shard_index, o_.shard_count, results::unix_now(), o_.command_line, o_.version,
          options_to_json(o_).dump()});
    }
    summary_.campaign_id = c.id;
    summary_.uuid = c.uuid;
    seed_ = c.spec.master_seed;
    start_steering(c.id);
    for (const auto& f : db_.failures())
      if (f.reproducer) claims_.claim(f.signature);
    summary_.total_failures = db_.failures().size();
    ctx_.bugs = o_.bugs;
    ctx_.enumerate = o_.enumerate;
    ctx_.tier = o_.tier;
    ctx_.tier.qemu_sessions = 1;  // --jobs QEMUs in all: one per worker thread
    ctx_.max_states = workload_state_cap(o_);
    ctx_.cases_dir = o_.cases_dir.empty()
                         ? (fs::absolute(o_.db_path).parent_path() / "cases").lexically_normal().string()
                         : o_.cases_dir;
    ctx_.case_prefix = "c" + c.uuid.substr(0, 8) + "-";
    ctx_.minimize = o_.minimize;
    ctx_.memoise = o_.memoise;
    ctx_.stop_at_first_illegal = o_.stop_at_first_finding;
    ctx_.claims = &claims_;
    ctx_.states_checked = &states_checked_;
    ctx_.should_stop = [this] { return abort_.load(); };
    if (!o_.tier.qemu()) ctx_.cores = std::make_shared<CoreShare>(std::max(1u, o_.jobs));
  }

  void start_steering(std::int64_t campaign_id) {
    steering_.enabled = o_.steer && coverage_.available();
    steering_.shard_index = o_.shard_index;
    steering_.shard_count = o_.shard_count;
    steering_.max_workloads = o_.max_workloads;
    if (!o_.resume_id) return;
    coverage_.load(results::coverage(db_, campaign_id));
    for (const auto& g : results::generations(db_, campaign_id)) {
      recorded_generations_.insert(g.generation);
      if (g.new_edges > 0 && g.generation > 0) steering_.promoted.insert(g.generation);
    }
  }

  // With steering, waits until every generation before index's is closed;
  // returns the steering to build the job with (nullopt: stop instead).
  std::optional<Steering> steering_for(uint64_t index) {
    std::unique_lock lock(mutex_);
    if (!steering_.enabled) return steering_;
    const uint64_t g = generation_of(corpus_.size(), index);
    generation_closed_.wait(lock, [&] { return open_generation_ >= g || abort_ || no_new_; });
    if (open_generation_ < g) return std::nullopt;
    return steering_;
  }

  // Closes every generation whose workloads are all committed (see top).
  void close_generations() {
    for (;;) {
      const uint64_t g = open_generation_;
      const auto indices = generation_indices(corpus_.size(), steering_, g);
      if (indices.empty()) return;
      for (uint64_t i : indices)
        if (!done_.count(job_name(corpus_, i)) && !committed_.count(job_name(corpus_, i))) return;
      coverage_.sample(g);
      const uint64_t fresh = coverage_.first_hit_in(g);
      if (!recorded_generations_.count(g)) {
        results::record_generation(db_, summary_.campaign_id, results::GenerationRecord{g, fresh});
        recorded_generations_.insert(g);
      }
      store_coverage();
      {
        std::lock_guard lock(mutex_);
        if (fresh > 0 && g > 0 && steering_.enabled) steering_.promoted.insert(g);
        ++open_generation_;
      }
      generation_closed_.notify_all();
    }
  }

  // Workers run only generation open_generation_ (steering.h), so what a
  // sample sees new belongs to it.
  void store_coverage() {
    coverage_.sample(open_generation_);
    const auto edges = coverage_.edges_to_store();
    if (!edges.empty()) results::record_coverage(db_, summary_.campaign_id, edges);
  }

  // The next workload index of this shard not yet recorded, if any is left.
  std::optional<uint64_t> next_index() {
    for (;;) {
      const uint64_t k = next_k_++;
      const uint64_t index = o_.shard_index + k * o_.shard_count;
      if (index >= o_.max_workloads) return std::nullopt;
      if (!done_.count(job_name(corpus_, index))) return index;
    }
  }

  void work() {
    while (!abort_ && !no_new_ && states_checked_ < o_.max_states) {
      const auto index = next_index();
      if (!index) break;
      const auto steering = steering_for(*index);
      if (!steering) break;
      try {
        WorkloadResult r = run_held(make_job(corpus_, seed_, *index, *steering, &cache_));
        coverage_.sample(generation_of(corpus_.size(), *index));
        std::unique_lock lock(mutex_);
        room_.wait(lock, [this] { return queue_.size() < max_queued() || abort_; });
        queue_.push_back(std::move(r));
      } catch (const Stopped&) {
        break;
      } catch (...) {
        std::lock_guard lock(mutex_);
        if (!worker_error_) worker_error_ = std::current_exception();
        abort_ = true;
        break;
      }
      ready_.notify_one();
    }
    std::lock_guard lock(mutex_);
    ++workers_done_;
    ready_.notify_one();
  }

  // Runs the job on a core of the campaign's: a worker waiting for work or
  // for room lends its core to the explorations still running.
  WorkloadResult run_held(const WorkloadJob& job) {
    if (!ctx_.cores) return run_workload(job, ctx_);
    HeldCore core(*ctx_.cores);
    return run_workload(job, ctx_);
  }

  void commit_loop() {
    for (;;) {
      bool all_done;
      {
        std::unique_lock lock(mutex_);
        const auto jobs = std::max(1u, o_.jobs);
        ready_.wait_for(lock, std::chrono::milliseconds(200),
                        [&] { return !queue_.empty() || workers_done_ == jobs || interrupted_; });
        all_done = workers_done_ == jobs;
      }
      commit_queued();
      close_generations();
      enforce_limits();
      progress_.update(snapshot());
      if (all_done) return;
    }
  }

  // Workers wait while this many finished workloads await their commit, so
  // a stop (SIGINT, --duration) takes effect within a few workloads even
  // when checking outruns committing.
  size_t max_queued() const { return 2 * std::max(1u, o_.jobs); }

  void commit_queued() {
    std::deque<WorkloadResult> batch;
    {
      std::lock_guard lock(mutex_);
      batch.swap(queue_);
    }
    room_.notify_all();
    while (!batch.empty()) {
      WorkloadResult& r = batch.front();
      r.record.recorded_at = results::unix_now();
      try {
        db_.record_workload(summary_.campaign_id, r.record);  // the commit point
      } catch (...) {
        discard(std::move(batch));
        throw;
      }
      note_first_finding(r);
      committed_.insert(r.record.name);
      store_coverage();  // so a resume after a kill knows each edge's generation
      ++summary_.workloads;
      summary_.partial_workloads += r.record.partial ? 1 : 0;
      summary_.states += r.states;
      summary_.recalled += r.recalled;
      if (r.exhaustive) add_coverage(&summary_.exhaustive, *r.exhaustive);
      summary_.illegal += r.illegal;
      if (!r.recording_findings.empty() && summary_.recording_findings == 0) {
        summary_.first_recording_finding = fmt::format("workload {}: {}", r.record.name, r.recording_findings.front());
        summary_.first_recording_replay = r.recording_replay;
      }
      summary_.recording_findings += r.recording_findings.size();
      if (!r.beyond_memory.empty() && summary_.beyond_memory++ == 0) summary_.first_beyond_memory = r.beyond_memory;
      summary_.new_failures += r.new_failures;
      summary_.total_failures += r.new_failures;
      batch.pop_front();
    }
  }

  // Called before r's states are added to the summary.
  void note_first_finding(const WorkloadResult& r) {
    if (summary_.first_finding || !r.first_illegal) return;
    summary_.first_finding =
        FirstFinding{std::chrono::duration<double>(r.first_illegal->at - start_).count(),
                     summary_.states + r.first_illegal->states, r.record.name};
  }

  // Results that will never be committed: their case files go too.
  static void discard(std::deque<WorkloadResult> results) {
    for (const auto& r : results) remove_case_files(r.case_files);
  }

  void enforce_limits() {
    if (interrupted_) {
      summary_.status = results::CampaignStatus::interrupted;
      abort_ = true;
    }
    if (o_.duration_s && elapsed() >= *o_.duration_s) abort_ = true;
    if (summary_.states >= o_.max_states) no_new_ = true;
    if (o_.stop_at_first_finding && summary_.first_finding) abort_ = true;
    if (abort_ || no_new_) {
      { std::lock_guard lock(mutex_); }  // a worker between its check and its wait sees the flag
      generation_closed_.notify_all();
    }
  }

  double elapsed() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

  ProgressSnapshot snapshot() const {
    ProgressSnapshot s{elapsed(), summary_.workloads, states_checked_.load(), summary_.new_failures,
                       summary_.total_failures, std::nullopt, std::nullopt, std::nullopt};
    const double rate = s.elapsed_s > 0 ? static_cast<double>(s.states) / s.elapsed_s : 0;
    if (o_.duration_s) s.eta_s = *o_.duration_s - s.elapsed_s;
    else if (o_.max_states != UINT64_MAX && rate > 0 && s.states < o_.max_states)
      s.eta_s = static_cast<double>(o_.max_states - s.states) / rate;  // past it: workloads in flight end, "-"
    else if (o_.max_workloads != UINT64_MAX && s.workloads > 0) {
      const uint64_t total = (o_.max_workloads + o_.shard_count - 1 - o_.shard_index) / o_.shard_count;
      const uint64_t left = total - std::min<uint64_t>(total, done_.size() + s.workloads);
      s.eta_s = static_cast<double>(left) * s.elapsed_s / static_cast<double>(s.workloads);
    }
    return s;
  }

  const CampaignOptions& o_;
  const std::atomic<bool>& interrupted_;
  Corpus corpus_;
  results::ResultsDb db_;
  std::set<std::string> done_;
  std::set<std::string> committed_;  // by this run; the calling thread's
  uint64_t seed_ = 0;
  CoverageTracker coverage_;
  Steering steering_;  // promoted grows under mutex_
  JobCache cache_;
  std::set<uint64_t> recorded_generations_;
  uint64_t open_generation_ = 0;  // under mutex_; every generation before it is closed
  std::condition_variable generation_closed_;
  SignatureClaims claims_;
  WorkerContext ctx_;
  std::atomic<uint64_t> next_k_{0};
  std::atomic<uint64_t> states_checked_{0};
  std::atomic<bool> abort_{false};
  std::atomic<bool> no_new_{false};
  std::mutex mutex_;
  std::condition_variable ready_;  // a worker queued a result or ended
  std::condition_variable room_;   // the queue has room again
  std::deque<WorkloadResult> queue_;
  unsigned workers_done_ = 0;
  std::exception_ptr worker_error_;
  CampaignSummary summary_;
  ProgressLine progress_;
  const Clock::time_point start_ = Clock::now();
};

}  // namespace

CampaignSummary run_campaign(const CampaignOptions& options, const std::atomic<bool>& interrupted) {
  if (options.shard_index >= options.shard_count) throw InputError("--shard: expected i/N with 0 <= i < N");
  return Engine(options, interrupted).run();
}

}  // namespace sc::campaign
