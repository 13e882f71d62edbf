// progress.cpp — see progress.h.
#include "injector/campaign/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include "injector/common/plural.h"

namespace sc::campaign {

namespace {

std::string hms(double s) {
  const auto t = static_cast<uint64_t>(s < 0 ? 0 : s);
  return fmt::format("{:02}:{:02}:{:02}", t / 3600, t / 60 % 60, t % 60);
}

}  // namespace

ProgressLine::ProgressLine(std::optional<double> every) : ProgressLine(stderr, isatty(STDERR_FILENO) != 0, every) {}

ProgressLine::ProgressLine(std::FILE* out, bool tty, std::optional<double> every)
    : out_(out), tty_(tty), every_(every.value_or(tty ? 0.5 : 10.0)) {}

void ProgressLine::update(const ProgressSnapshot& s) {
  if (s.elapsed_s - last_ < every_) return;
  last_ = s.elapsed_s;
  print(s);
}

void ProgressLine::finish(const ProgressSnapshot& s) {
  if (tty_) {
    print(s);
    std::fputc('\n', out_);
  } else if (!same_counts(s)) {
    print(s);
  }
  std::fflush(out_);
}

bool ProgressLine::same_counts(const ProgressSnapshot& s) const {
  return printed_ && printed_->workloads == s.workloads && printed_->states == s.states &&
         printed_->new_failures == s.new_failures && printed_->total_failures == s.total_failures &&
         printed_->run.has_value() == s.run.has_value() &&
         (!s.run || (printed_->run->cut == s.run->cut && printed_->run->illegal == s.run->illegal)) &&
         printed_->mutants.has_value() == s.mutants.has_value() &&
         (!s.mutants || printed_->mutants->done == s.mutants->done);
}

namespace {

std::string line_text(const ProgressSnapshot& s) {
  if (s.mutants) return fmt::format("mutants {}/{}, {:.1f} s", s.mutants->done, s.mutants->planned, s.elapsed_s);
  const double rate = s.elapsed_s > 0 ? static_cast<double>(s.states) / s.elapsed_s : 0.0;
  const std::string eta = s.eta_s ? hms(*s.eta_s) : "-";
  if (s.run)
    return fmt::format("run {} | cut {}/{} | {} | {:.0f} states/s | {} illegal | ETA {}", hms(s.elapsed_s), s.run->cut,
                       s.run->cuts, counted(s.states, "state"), rate, s.run->illegal, eta);
  return fmt::format("campaign {} | {} | {} | {:.0f} states/s | failures {} new / {} total | ETA {}", hms(s.elapsed_s),
                     counted(s.workloads, "workload"), counted(s.states, "state"), rate, s.new_failures,
                     s.total_failures, eta);
}

}  // namespace

void ProgressLine::print(const ProgressSnapshot& s) {
  const std::string line = line_text(s);
  if (tty_) fmt::print(out_, "\r{}\033[K", line);
  else fmt::print(out_, "{}\n", line);
  std::fflush(out_);
  printed_ = s;
}

ProgressSnapshot run_snapshot(const ExploreProgress& p) {
  const double eta = p.cut > 0 ? p.seconds * static_cast<double>(p.cuts - p.cut) / static_cast<double>(p.cut) : 0;
  return ProgressSnapshot{p.seconds, 0, p.states, 0, 0, eta, RunPosition{p.cut, p.cuts, p.illegal}, std::nullopt};
}

ProgressSnapshot mutant_snapshot(uint64_t done, uint64_t planned, double seconds) {
  ProgressSnapshot s;
  s.elapsed_s = seconds;
  s.mutants = MutantCount{done, planned};
  return s;
}

}  // namespace sc::campaign
