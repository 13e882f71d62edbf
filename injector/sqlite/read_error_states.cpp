// read_error_states.cpp — see read_error_states.h.
#include "injector/sqlite/read_error_states.h"

#include "injector/check/read_error_explore.h"
#include "injector/check/state_window.h"
#include "injector/sqlite/image_check.h"

namespace sc::sqlite {

ReadErrorStates::ReadErrorStates(const SqliteRecording& rec, uint64_t seed)
    : rec_(rec), prefix_(rec.trace, window_changes(rec.spans), seed, 0, std::nullopt), prng_(seed) {}

std::vector<uint64_t> ReadErrorStates::sectors_read() const {
  std::vector<crash::OverlayDisk::ReadSpan> reads;
  check_image(prefix_.image(), {}, rec_, legal_window_of(rec_.spans, prefix_.state()), &reads);
  return crash::sectors_of(reads);
}

bool ReadErrorStates::next_below(size_t bound) {
  for (;;) {
    if (at_ < drawn_.size()) {
      state_ = prefix_.state();
      state_.kind = crash::Mode::read_error;
      state_.faults = {crash::Fault{crash::Mode::read_error, 0, drawn_[at_++], 0}};
      return true;
    }
    if (!loaded_ && !prefix_.next()) return false;
    loaded_ = true;
    if (prefix_.state().cut >= bound) return false;
    drawn_ = draw_read_error_sectors(sectors_read(), &prng_);
    at_ = 0;
    loaded_ = false;
  }
}

}  // namespace sc::sqlite
