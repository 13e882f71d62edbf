// file_region.cpp — see file_region.h.
#include "injector/sqlite/file_region.h"

#include <cstring>
#include <vector>

namespace sc::sqlite {

namespace {

struct SectorSpan {
  uint64_t first = 0;
  uint32_t count = 0;
};

SectorSpan sectors_of(uint64_t offset, uint64_t n) {
  const uint64_t first = offset / kSectorSize;
  const uint64_t last = (offset + n - 1) / kSectorSize;
  return SectorSpan{first, static_cast<uint32_t>(last - first + 1)};
}

}  // namespace

std::optional<uint64_t> slot_of(std::string_view main_name, std::string_view name) {
  if (name == main_name) return 0;
  if (name.substr(0, main_name.size()) != main_name) return std::nullopt;
  const std::string_view suffix = name.substr(main_name.size());
  if (suffix == "-journal") return 1;
  if (suffix == "-wal") return 2;
  return std::nullopt;
}

Status FileRegion::meta(FileMeta* out) const {
  uint8_t sector[kSectorSize];
  const Status s = disk_->read(slot_, 1, sector);
  if (s != Status::ok) return s;
  uint64_t magic = 0;
  std::memcpy(&magic, sector, sizeof magic);
  *out = FileMeta{};
  if (magic != kMetaMagic) return Status::ok;
  out->exists = sector[8] == 1;
  std::memcpy(&out->size, sector + 16, sizeof out->size);
  std::memcpy(&out->generation, sector + 24, sizeof out->generation);
  if (out->generation >= kGenerations) *out = FileMeta{};
  return Status::ok;
}

Status FileRegion::set_meta(const FileMeta& m) {
  uint8_t sector[kSectorSize] = {};
  std::memcpy(sector, &kMetaMagic, sizeof kMetaMagic);
  sector[8] = m.exists ? 1 : 0;
  std::memcpy(sector + 16, &m.size, sizeof m.size);
  std::memcpy(sector + 24, &m.generation, sizeof m.generation);
  return disk_->write(slot_, 1, sector, false);
}

Status FileRegion::create() {
  FileMeta m;
  const Status s = meta(&m);
  if (s != Status::ok) return s;
  if (m.generation + 1 >= kGenerations) return Status::no_space;
  return set_meta(FileMeta{true, 0, m.generation + 1});
}

Status FileRegion::remove() {
  FileMeta m;
  const Status s = meta(&m);
  return s != Status::ok ? s : set_meta(FileMeta{false, 0, m.generation});
}

Status FileRegion::truncate(uint64_t size) {
  FileMeta m;
  const Status s = meta(&m);
  if (s != Status::ok || m.size == size) return s;
  if (size > capacity()) return Status::bad_argument;
  if (size > 0) return set_meta(FileMeta{true, size, m.generation});
  if (m.generation + 1 >= kGenerations) return Status::no_space;
  return set_meta(FileMeta{true, 0, m.generation + 1});
}

Status FileRegion::read(const FileMeta& m, uint64_t offset, uint64_t n, void* buf) const {
  if (n == 0) return Status::ok;
  if (offset + n > capacity()) return Status::bad_argument;
  const SectorSpan span = sectors_of(offset, n);
  std::vector<uint8_t> sectors(span.count * kSectorSize);
  const Status s = disk_->read(first_sector(m.generation) + span.first, span.count, sectors.data());
  if (s != Status::ok) return s;
  std::memcpy(buf, sectors.data() + (offset - span.first * kSectorSize), n);
  return Status::ok;
}

Status FileRegion::write(uint64_t offset, uint64_t n, const void* buf) {
  if (n == 0) return Status::ok;
  if (offset + n > capacity()) return Status::bad_argument;
  FileMeta m;
  Status s = meta(&m);
  if (s != Status::ok) return s;
  const SectorSpan span = sectors_of(offset, n);
  std::vector<uint8_t> sectors(span.count * kSectorSize);
  s = disk_->read(first_sector(m.generation) + span.first, span.count, sectors.data());
  if (s != Status::ok) return s;
  std::memcpy(sectors.data() + (offset - span.first * kSectorSize), buf, n);
  s = disk_->write(first_sector(m.generation) + span.first, span.count, sectors.data(), false);
  if (s != Status::ok || m.size >= offset + n) return s;
  return set_meta(FileMeta{true, offset + n, m.generation});
}

}  // namespace sc::sqlite
