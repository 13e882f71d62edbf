// option_ranges.h — the range of every bounded numeric option of
// `stablecut campaign`, in one place: the command line checks its flags
// against them (injector/cli: the campaign flags, and the enumeration and
// tier flags that run, replay and bench share), and options_from_json holds
// a campaign's stored options to the same ones, so --resume and
// `replay --case` never take a value the flag would refuse.
// Interface: OptionRange<T>{min, max}.contains(v), both ends included.
#pragma once
#include <cstddef>
#include <cstdint>

namespace sc::campaign {

template <typename T>
struct OptionRange {
  T min;
  T max;
  constexpr bool contains(T v) const { return min <= v && v <= max; }
};

inline constexpr OptionRange<uint64_t> kStatesPerWorkloadRange{1, 1000000000};  // --states-per-workload
inline constexpr OptionRange<unsigned> kJobsRange{1, 1024};                      // --jobs
inline constexpr OptionRange<double> kTimeoutRange{0.01, 3600.0};                // --timeout (seconds)
inline constexpr OptionRange<size_t> kReorderKRange{0, 16};                      // --k
inline constexpr OptionRange<uint32_t> kSamplesRange{0, 100000};                 // --samples, --torn-samples
inline constexpr OptionRange<uint32_t> kFaultSamplesRange{1, 100000};            // --fault-samples (0 would check no fault state)
inline constexpr OptionRange<uint32_t> kFaultsRange{1, 8};                       // --faults (crash::kMaxFaults)
inline constexpr OptionRange<uint64_t> kRunsPerCutRange{1, 1000000000};          // --runs-per-cut

}  // namespace sc::campaign
