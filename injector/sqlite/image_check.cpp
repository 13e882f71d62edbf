// image_check.cpp — see image_check.h.
#include "injector/sqlite/image_check.h"

#include <fmt/format.h>

#include "injector/crash/failing_read_disk.h"
#include "injector/crash/overlay_disk.h"
#include "injector/sqlite/connection.h"
#include "injector/sqlite/crash_vfs.h"
#include "injector/sqlite/table_content.h"

namespace sc::sqlite {

namespace {

// The newest state index in [0, limit] with content `hash`.
std::optional<size_t> newest_match(const SqliteRecording& rec, uint64_t hash, size_t limit) {
  for (size_t j = std::min(limit + 1, rec.states.size()); j-- > 0;)
    if (rec.states[j] == hash) return j;
  return std::nullopt;
}

ImageVerdict judge_content(const SqliteRecording& rec, const LegalWindow& window, uint64_t hash) {
  if (const auto j = newest_match(rec, hash, window.current)) {
    if (*j == window.current) return {Outcome::ok_current, "", "", j};
    if (*j >= window.previous) return {Outcome::ok_previous, "", "", j};
    return {Outcome::lost, "rolled back a transaction whose commit had returned",
            fmt::format("holds the table after commit {}, but commit {} had returned", *j, window.previous), j};
  }
  if (const auto later = newest_match(rec, hash, rec.states.size()))
    return {Outcome::corrupt, "holds a commit that had not begun",
            fmt::format("holds the table after commit {}, newest possible is {}", *later, window.current), later};
  return {Outcome::corrupt, "content equals no committed state",
          fmt::format("legal: the table after commit {}..{}", window.previous, window.current), std::nullopt};
}

// SQLite reported damage: a clean refusal where a fault destroyed durable
// data, corrupt otherwise.
ImageVerdict damaged(const LegalWindow& window, const char* why, std::string detail) {
  return {window.may_refuse ? Outcome::detected : Outcome::corrupt, why, std::move(detail), std::nullopt};
}

}  // namespace

ImageVerdict check_image(const crash::ImageView& image, std::span<const crash::Fault> faults, const SqliteRecording& rec,
                         const LegalWindow& window, std::vector<crash::OverlayDisk::ReadSpan>* reads) {
  crash::OverlayDisk overlay(image);
  overlay.note_reads(reads);
  crash::FailingReadDisk disk(overlay, crash::read_error_sectors(faults));
  SeededRandomness seeded(rec.settings.seed);
  CrashVfs vfs(disk, kRegionSectors, rec.settings.seed);
  std::string error;
  auto db = Connection::open(CrashVfs::kMainName, vfs.name(), &error);
  if (!db) return damaged(window, "database does not open", error);
  if (!db->exec("PRAGMA locking_mode = EXCLUSIVE"))
    return damaged(window, "database does not open", db->error());
  const auto integrity = db->query_column("PRAGMA integrity_check");
  if (!integrity) return damaged(window, "integrity_check fails to run", db->error());
  if (*integrity != "ok") return damaged(window, "integrity_check reports damage", *integrity);
  const auto hash = read_content(*db);
  if (!hash) return damaged(window, "table cannot be read", db->error());
  return judge_content(rec, window, *hash);
}

}  // namespace sc::sqlite
