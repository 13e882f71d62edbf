// image_check.h — judges one crash image of a SQLite recording.
// The image is opened through the crash-model VFS on a copy-on-write
// OverlayDisk (SQLite may roll back a hot journal or recover a WAL; the
// image itself is never changed) whose reads of the state's read-error
// sectors fail, with SQLite's randomness seeded so the verdict replays. Then:
//   * it does not open, or PRAGMA integrity_check is not "ok", or the table
//     cannot be read        -> corrupt (detected, a clean refusal, where a
//                              fault destroyed durable data: window.may_refuse);
//   * its content equals states[j] for j in [window.previous,
//     window.current]                  -> ok_current (j == current) or
//                                         ok_previous;
//   * it equals states[j] for some j < window.previous  -> lost;
//   * it equals no state that could be there            -> corrupt.
// `why` is a fixed phrase per branch (it builds failure signatures); detail
// carries SQLite's own message or the states involved.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "injector/crash/crash_image.h"
#include "injector/crash/overlay_disk.h"
#include "injector/sqlite/recording.h"
#include "injector/vocab/outcome.h"

namespace sc::sqlite {

struct ImageVerdict {
  Outcome outcome = Outcome::ok_current;
  const char* why = "";
  std::string detail;
  std::optional<size_t> matched;  // the state index whose content the image holds
};

// With `reads`, every read the check made of the image is logged there
// (OverlayDisk::note_reads).
ImageVerdict check_image(const crash::ImageView& image, std::span<const crash::Fault> faults, const SqliteRecording& rec,
                         const LegalWindow& window, std::vector<crash::OverlayDisk::ReadSpan>* reads = nullptr);

}  // namespace sc::sqlite
