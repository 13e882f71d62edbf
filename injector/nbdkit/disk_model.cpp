// disk_model.cpp — see disk_model.h.
#include "injector/nbdkit/disk_model.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>

#include "injector/crash/failing_read_disk.h"
#include "injector/crash/trace_file.h"
#include "injector/crash/whole_file.h"
#include "injector/nbdkit/image_queue.h"

namespace sc::nbd {

namespace {

namespace ch = rv::channel;

// The nonzero sectors of a raw image file; its size must be whole sectors.
// Read with one call into a buffer of the file's size: an image is handed
// over at every power-on, so this is on the path of every recovery boot.
crash::SectorMap load_image(const std::string& path, uint64_t* sectors) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw std::runtime_error("image=" + path + ": cannot open");
  std::vector<char> bytes(static_cast<size_t>(in.tellg()));
  if (!in.seekg(0).read(bytes.data(), static_cast<std::streamsize>(bytes.size())))
    throw std::runtime_error("image=" + path + ": cannot read");
  if (bytes.size() % kSectorSize != 0)
    throw std::runtime_error("image=" + path + ": size " + std::to_string(bytes.size()) + " is not a multiple of 512");
  *sectors = bytes.size() / kSectorSize;
  crash::SectorMap map;
  static const uint8_t zeros[kSectorSize] = {};
  for (uint64_t s = 0; s < *sectors; ++s) {
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data()) + s * kSectorSize;
    if (std::memcmp(data, zeros, kSectorSize) != 0) map.put(s, data);
  }
  return map;
}

bool aligned(uint64_t offset, uint32_t count) { return offset % kSectorSize == 0 && count % kSectorSize == 0; }

std::optional<uint64_t> parse_number(const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  try {
    return std::stoull(text);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

std::optional<uint64_t> parse_size(const std::string& text) {
  size_t used = 0;
  uint64_t value;
  try {
    value = std::stoull(text, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  const std::string suffix = text.substr(used);
  const int shift = suffix.empty() ? 0 : suffix == "K" ? 10 : suffix == "M" ? 20 : suffix == "G" ? 30 : -1;
  if (shift < 0 || value == 0 || value > (uint64_t{1} << 40 >> shift)) return std::nullopt;
  value <<= shift;
  if (value % kSectorSize != 0) return std::nullopt;
  return value;
}

std::optional<IoErrorSpec> parse_io_error(const std::string& text) {
  const size_t colon = text.find(':');
  const std::optional<uint64_t> request = parse_number(text.substr(0, colon));
  if (!request) return std::nullopt;
  if (colon == std::string::npos) return IoErrorSpec{*request, false};
  const std::string lands = text.substr(colon + 1);
  if (lands != "0" && lands != "1") return std::nullopt;
  return IoErrorSpec{*request, lands == "1"};
}

DiskModel::DiskModel(const ModelConfig& config, Pause pause)
    : next_image_(config.next_image),
      io_error_(config.io_error),
      pause_(std::move(pause)) {
  if (!pause_) pause_ = [] {
    std::this_thread::sleep_for(std::chrono::microseconds(200));
    return true;
  };
  crash::SectorMap base;
  uint64_t image_sectors = 0;
  if (!config.image.empty()) base = load_image(config.image, &image_sectors);
  data_sectors_ = config.size_bytes ? *config.size_bytes / kSectorSize : image_sectors;
  if (data_sectors_ == 0) throw std::runtime_error("no disk size: give size= or a non-empty image=");
  if (image_sectors > data_sectors_)
    throw std::runtime_error("image=" + config.image + " is larger than size=");
  disk_ = std::make_unique<crash::RecordingDisk>(data_sectors_, std::move(base));
  freeze_at_ = config.freeze_at;
  if (freeze_at_) disk_->freeze_at(*freeze_at_);
}

// True (and the power goes off) if the next request is the frozen cut.
bool DiskModel::power_cut_now() {
  if (!powered_off_ && freeze_at_ && disk_->trace().requests().size() >= *freeze_at_) powered_off_ = true;
  return powered_off_;
}

int DiskModel::pread(void* buf, uint32_t count, uint64_t offset, std::string* why) {
  if (powered_off_) return *why = "read after the power cut", EIO;
  if (!aligned(offset, count) || offset / kSectorSize + count / kSectorSize > data_sectors_ + 1)
    return *why = "unaligned or out-of-range read", EINVAL;
  auto* out = static_cast<uint8_t*>(buf);
  uint64_t sector = offset / kSectorSize;
  uint32_t sectors = count / kSectorSize;
  if (sector + sectors > data_sectors_) {  // the control sector reads as zeros
    std::memset(out + (data_sectors_ - sector) * kSectorSize, 0, kSectorSize);
    --sectors;
  }
  if (!read_errors_.empty() && crash::touches_any(read_errors_, sector, sectors))
    return *why = "read-error: a failing sector in " + std::to_string(sector) + "+" + std::to_string(sectors), EIO;
  if (sectors > 0 && failed(disk_->read(sector, sectors, out))) return *why = "read failed", EIO;
  return 0;
}

// True (once) if the next data request is the one io_error= fails.
bool DiskModel::io_error_now() {
  if (!io_error_ || io_error_served_ || disk_->trace().requests().size() != io_error_->request) return false;
  io_error_served_ = true;
  fua_ = FuaState::none;  // the guest sends no flush after a failed FUA write
  return true;
}

int DiskModel::fail_write(uint64_t sector, uint32_t sectors, const void* buf, bool fua, std::string* why) {
  if (io_error_->lands && failed(disk_->write(sector, sectors, buf, fua))) return *why = "write failed", EIO;
  return *why = "io-error at request " + std::to_string(io_error_->request) + " (injected)", EIO;
}

int DiskModel::pwrite(const void* buf, uint32_t count, uint64_t offset, bool fua, std::string* why) {
  if (powered_off_) return *why = "write after the power cut", EIO;
  if (!aligned(offset, count) || count == 0) return *why = "unaligned write", EINVAL;
  const uint64_t sector = offset / kSectorSize;
  const uint32_t sectors = count / kSectorSize;
  if (sector == data_sectors_ && sectors == 1) return control(static_cast<const uint8_t*>(buf), why);
  if (sector + sectors > data_sectors_) return *why = "write beyond the data sectors", EIO;
  if (ended_) return *why = "write after the end of the run", EIO;
  if (power_cut_now()) return *why = "power cut at request " + std::to_string(*freeze_at_), EIO;
  const bool announced = fua_ == FuaState::expect_write;
  if (io_error_now()) return fail_write(sector, sectors, buf, fua || announced, why);
  fua_ = announced ? FuaState::expect_flush : FuaState::none;
  if (failed(disk_->write(sector, sectors, buf, fua || announced))) return *why = "write failed", EIO;
  return 0;
}

int DiskModel::flush(std::string* why) {
  if (powered_off_) return *why = "flush after the power cut", EIO;
  if (ended_) return 0;
  if (fua_ == FuaState::expect_flush) {  // the second half of a guest FUA write
    fua_ = FuaState::none;
    return 0;
  }
  fua_ = FuaState::none;
  if (power_cut_now()) return *why = "power cut at request " + std::to_string(*freeze_at_), EIO;
  if (io_error_now()) return *why = "io-error at request " + std::to_string(io_error_->request) + " (injected)", EIO;
  disk_->flush();
  return 0;
}

int DiskModel::control(const uint8_t* record, std::string* why) {
  ch::Record r;
  std::memcpy(&r, record, sizeof r);
  if (r.magic != ch::kMagic) return *why = "control sector written without the control magic", EIO;
  switch (r.kind) {
    case ch::kPhase:
      if (r.args[0] >= static_cast<uint64_t>(kPhaseCount)) return *why = "control: unknown phase", EIO;
      disk_->set_phase(static_cast<Phase>(r.args[0]));
      return 0;
    case ch::kFua: fua_ = FuaState::expect_write; return 0;
    case ch::kFlush: return 0;
    case ch::kEnd: ended_ = true; return 0;
    case ch::kPowerOn: return power_on(why);
    case ch::kEvent:
    case ch::kMark:
    case ch::kIoError: {
      if (ended_) return 0;
      ch::Mark m{disk_->trace().requests().size(), r.kind, {}};
      std::copy(std::begin(r.args), std::end(r.args), std::begin(m.args));
      marks_.push_back(m);
      return 0;
    }
    default: return *why = "control: unknown record kind " + std::to_string(r.kind), EIO;
  }
}

// Non-throwing filesystem calls throughout: an exception must never escape
// into nbdkit's C callbacks. The path of the claimed image, or nullopt if
// none arrived.
std::optional<std::string> DiskModel::claim_next_image() {
  const auto deadline = std::chrono::steady_clock::now() + kNextImageWait;
  for (;;) {
    if (const std::optional<uint64_t> n = lowest_queued(next_image_)) {
      if (std::optional<std::string> taken = claim_image(next_image_, *n)) {
        claimed_ = *n;
        return taken;
      }
      continue;  // the host withdrew it meanwhile
    }
    if (std::chrono::steady_clock::now() > deadline || !pause_()) return std::nullopt;
  }
}

// A fresh power-on: the next crash image becomes the whole disk and nothing
// recorded before it counts.
int DiskModel::power_on(std::string* why) {
  if (next_image_.empty()) return 0;
  const std::optional<std::string> taken = claim_next_image();
  if (!taken) return *why = "next_image=" + next_image_ + ": no image arrived", EIO;
  uint64_t sectors = 0;
  crash::SectorMap base;
  try {
    base = load_image(*taken, &sectors);
  } catch (const std::exception& e) {
    return *why = e.what(), EIO;
  }
  std::error_code ec;
  if (!std::filesystem::remove(*taken, ec))
    return *why = *taken + ": cannot remove it after loading: " + ec.message(), EIO;
  if (sectors > data_sectors_) return *why = *taken + " is larger than the disk", EIO;
  disk_ = std::make_unique<crash::RecordingDisk>(data_sectors_, std::move(base));
  marks_.clear();
  fua_ = FuaState::none;
  ended_ = false;
  return load_faults(queued_faults_path(next_image_, claimed_), why);
}

// The failing sectors of this power-on (see disk_model.h).
int DiskModel::load_faults(const std::string& path, std::string* why) {
  read_errors_.clear();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return 0;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const std::optional<uint64_t> sector = parse_number(line);
    if (!sector || *sector >= data_sectors_)
      return *why = path + ": '" + line + "' is not a data sector (0.." + std::to_string(data_sectors_ - 1) + ")",
             EIO;
    read_errors_.push_back(*sector);
  }
  std::sort(read_errors_.begin(), read_errors_.end());
  if (!std::filesystem::remove(path, ec))
    return *why = path + ": cannot remove it after loading: " + ec.message(), EIO;
  return 0;
}

void DiskModel::save(const ModelConfig& config) const {
  if (!config.trace.empty()) {
    crash::TraceFile file(disk_->trace());
    nlohmann::json marks = nlohmann::json::array();
    for (const ch::Mark& m : marks_)
      marks.push_back({{"at", m.at}, {"kind", m.kind}, {"args", std::vector<uint64_t>(std::begin(m.args), std::end(m.args))}});
    file.meta = {{"marks", std::move(marks)}, {"ended", ended_}, {"powered_off", powered_off_}};
    if (io_error_)
      file.meta["io_error"] = {{"request", io_error_->request}, {"lands", io_error_->lands}, {"served", io_error_served_}};
    const std::string text = crash::trace_file_to_json(file).dump();
    crash::write_whole_file(config.trace, text.data(), text.size());
  }
  if (!config.durable.empty()) {
    const std::vector<uint8_t> bytes = disk_->durable_image().view().bytes();
    crash::write_whole_file(config.durable, bytes.data(), bytes.size());
  }
}

}  // namespace sc::nbd
