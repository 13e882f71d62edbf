// cut_variables.h — CutVariables: the crash states of one cut as boolean
// variables, so that they can be explored by what recovery reads
// (choice_path.h, undetermined_disk.h) instead of one by one.
// Without tears a variable per write in flight at the cut says whether it
// reached the media; with tears (torn) a variable per chunk of each such
// write (crash_model.h: a torn write keeps some of its chunks). Every
// assignment is one crash state of the cut and every power-cut crash state
// of the cut (prefix, reorder, and with tears torn) is one assignment.
// Interface: sources(sector) lists what may be in an in-flight sector, the
// newest write first, each with the variable that keeps it; an empty list
// means the sector holds its durable content in every state of the cut.
// state(keeps) is the crash state of an assignment (kind prefix, reorder or
// torn as the enumerator would name it); keeps(state) is the reverse.
// Invariants: a source a newer durable write hides is left out; the
// DurableState must stay at the cut while this object is used.
#pragma once
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "crash_model.h"
#include "durable_state.h"

namespace sc::crash {

class CutVariables {
 public:
  struct Source {
    uint32_t variable;
    uint64_t payload_sector;
  };

  CutVariables(const DurableState& durable, bool tears);

  uint32_t count() const { return count_; }
  std::span<const Source> sources(uint64_t sector) const;
  CrashState state(const std::function<bool(uint32_t)>& keeps) const;
  std::vector<bool> keeps(const CrashState& state) const;

 private:
  uint32_t chunks_of(size_t position) const;

  const DurableState& durable_;
  bool tears_;
  uint32_t count_ = 0;
  std::vector<uint32_t> first_variable_;  // by in-flight position
  std::vector<uint64_t> sectors_;         // sorted, distinct: the sectors some in-flight write may leave
  std::vector<size_t> first_source_;      // by index into sectors_ (one past the end last)
  std::vector<Source> sources_;
};

}  // namespace sc::crash
