// read_error_states.h — the read-error fault class for a SQLite recording
// (crash_model.h, FAULT CLASSES): for each prefix state of the trace (the
// durable state of each cut, and with every in-flight write kept:
// injector/check/prefix_states.h), the sectors that opening and checking the
// database on it reads (check_image's read log), of which up to
// kReadErrorsPerState are drawn (draw_read_error_sectors, one Prng seeded
// with `seed` over the whole pass), each giving one state of kind read-error
// whose every read of that sector fails.
// Interface: next_below(bound) moves to the next such state at a cut below
// `bound` (false, and nothing consumed, if the next one is at `bound` or
// later, or there is none); state() and image() are valid until the next
// call. Cuts come in increasing order, so explore.cpp interleaves these
// states, cut by cut, after the enumerated states of the same cut.
#pragma once
#include <cstdint>
#include <vector>

#include "injector/check/prefix_states.h"
#include "injector/sqlite/recording.h"
#include "kernel/core/prng.h"

namespace sc::sqlite {

class ReadErrorStates {
 public:
  ReadErrorStates(const SqliteRecording& rec, uint64_t seed);

  bool next_below(size_t bound);
  const crash::CrashState& state() const { return state_; }
  crash::ImageView image() const { return prefix_.image(); }

 private:
  std::vector<uint64_t> sectors_read() const;

  const SqliteRecording& rec_;
  PrefixStates prefix_;
  Prng prng_;
  bool loaded_ = false;  // prefix_ moved to a state whose sectors are not drawn yet
  std::vector<uint64_t> drawn_;
  size_t at_ = 0;
  crash::CrashState state_;
};

}  // namespace sc::sqlite
