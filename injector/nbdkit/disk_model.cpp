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

constexpr std::chrono::microseconds kFirstPoll{50};
constexpr std::chrono::microseconds kMaxPoll{2000};

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

std::optional<std::string> apply_run_setting(ModelConfig* config, const std::string& key, const std::string& value) {
  if (key == "trace") return config->trace = value, "";
  if (key == "durable") return config->durable = value, "";
  if (key == "freeze_at") {
    const std::optional<uint64_t> i = parse_number(value);
    if (!i) return "freeze_at=" + value + ": expected a request index";
    return config->freeze_at = *i, "";
  }
  if (key == "io_error") {
    config->io_error = parse_io_error(value);
    if (!config->io_error) return "io_error=" + value + ": expected a request index, optionally :0 or :1 (does the data land)";
    return "";
  }
  return std::nullopt;
}

std::string apply_setting(ModelConfig* config, const std::string& key, const std::string& value) {
  if (key == "size") {
    config->size_bytes = parse_size(value);
    return config->size_bytes ? "" : "size=" + value + ": expected bytes, a multiple of 512 (suffix K, M or G allowed)";
  }
  if (key == "image") return config->image = value, "";
  if (key == "next_image") return config->next_image = value, "";
  if (std::optional<std::string> error = apply_run_setting(config, key, value)) return *error;
  return "unknown parameter " + key + "; expected size, image, trace, durable, freeze_at, next_image or io_error";
}

DiskModel::DiskModel(const ModelConfig& config, Pause pause)
    : next_image_(config.next_image),
      run_(config),
      pause_(std::move(pause)) {
  if (!pause_) pause_ = [](std::chrono::microseconds wait) {
    std::this_thread::sleep_for(wait);
    return true;
  };
  crash::SectorMap base;
  uint64_t image_sectors = 0;
  if (!config.image.empty()) base = load_image(config.image, &image_sectors);
  data_sectors_ = config.size_bytes ? *config.size_bytes / kSectorSize : image_sectors;
  if (data_sectors_ == 0) throw std::runtime_error("no disk size: give size= or a non-empty image=");
  if (image_sectors > data_sectors_)
    throw std::runtime_error("image=" + config.image + " is larger than size=");
  start_run(std::move(base));
}

// A fresh power-on of `base` under run_'s settings: nothing recorded before
// it counts.
void DiskModel::start_run(crash::SectorMap base) {
  disk_ = std::make_unique<crash::RecordingDisk>(data_sectors_, std::move(base));
  if (run_.freeze_at) disk_->freeze_at(*run_.freeze_at);
  marks_.clear();
  fua_ = FuaState::none;
  ended_ = false;
  powered_off_ = false;
  io_error_served_ = false;
  saved_ = false;
  save_error_.clear();
}

// True (and the power goes off, the run's files written) if the next request
// is the frozen cut.
bool DiskModel::power_cut_now() {
  if (!powered_off_ && run_.freeze_at && disk_->trace().requests().size() >= *run_.freeze_at) {
    powered_off_ = true;
    save_run(&save_error_);
  }
  return powered_off_;
}

// The control sector's content: this power-on's boot order (host_channel.h).
void DiskModel::read_boot_order(uint8_t* out) const {
  const ch::Record order{ch::kMagic, ch::kBootOrder, {run_.trace.empty() ? ch::kBootRecover : ch::kBootRecord}};
  std::memset(out, 0, kSectorSize);
  std::memcpy(out, &order, sizeof order);
}

int DiskModel::pread(void* buf, uint32_t count, uint64_t offset, std::string* why) {
  if (powered_off_) return *why = "read after the power cut", EIO;
  if (!aligned(offset, count) || offset / kSectorSize + count / kSectorSize > data_sectors_ + 1)
    return *why = "unaligned or out-of-range read", EINVAL;
  auto* out = static_cast<uint8_t*>(buf);
  uint64_t sector = offset / kSectorSize;
  uint32_t sectors = count / kSectorSize;
  if (sector + sectors > data_sectors_) {
    read_boot_order(out + (data_sectors_ - sector) * kSectorSize);
    --sectors;
  }
  if (!read_errors_.empty() && crash::touches_any(read_errors_, sector, sectors))
    return *why = "read-error: a failing sector in " + std::to_string(sector) + "+" + std::to_string(sectors), EIO;
  if (sectors > 0 && failed(disk_->read(sector, sectors, out))) return *why = "read failed", EIO;
  return 0;
}

std::string DiskModel::power_cut_message() const {
  return "power cut at request " + std::to_string(*run_.freeze_at) + (save_error_.empty() ? "" : "; " + save_error_);
}

// True (once) if the next data request is the one io_error= fails.
bool DiskModel::io_error_now() {
  if (!run_.io_error || io_error_served_ || disk_->trace().requests().size() != run_.io_error->request) return false;
  io_error_served_ = true;
  fua_ = FuaState::none;  // the guest sends no flush after a failed FUA write
  return true;
}

int DiskModel::fail_write(uint64_t sector, uint32_t sectors, const void* buf, bool fua, std::string* why) {
  if (run_.io_error->lands && failed(disk_->write(sector, sectors, buf, fua))) return *why = "write failed", EIO;
  return *why = "io-error at request " + std::to_string(run_.io_error->request) + " (injected)", EIO;
}

int DiskModel::pwrite(const void* buf, uint32_t count, uint64_t offset, bool fua, std::string* why) {
  if (!aligned(offset, count) || count == 0) return *why = "unaligned write", EINVAL;
  const uint64_t sector = offset / kSectorSize;
  const uint32_t sectors = count / kSectorSize;
  if (sector == data_sectors_ && sectors == 1) return control(static_cast<const uint8_t*>(buf), why);
  if (powered_off_) return *why = "write after the power cut", EIO;
  if (sector + sectors > data_sectors_) return *why = "write beyond the data sectors", EIO;
  if (ended_) return *why = "write after the end of the run", EIO;
  if (power_cut_now()) return *why = power_cut_message(), EIO;
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
  if (power_cut_now()) return *why = power_cut_message(), EIO;
  if (io_error_now()) return *why = "io-error at request " + std::to_string(run_.io_error->request) + " (injected)", EIO;
  disk_->flush();
  return 0;
}

int DiskModel::control(const uint8_t* record, std::string* why) {
  ch::Record r;
  std::memcpy(&r, record, sizeof r);
  if (r.magic != ch::kMagic) return *why = "control sector written without the control magic", EIO;
  if (powered_off_ && (r.kind != ch::kPowerOn || next_image_.empty())) return *why = "write after the power cut", EIO;
  switch (r.kind) {
    case ch::kPhase:
      if (r.args[0] >= static_cast<uint64_t>(kPhaseCount)) return *why = "control: unknown phase", EIO;
      disk_->set_phase(static_cast<Phase>(r.args[0]));
      return 0;
    case ch::kFua: fua_ = FuaState::expect_write; return 0;
    case ch::kFlush: return 0;
    case ch::kEnd:
      ended_ = true;
      return save_run(why);
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
// The wait between looks doubles up to kMaxPoll: an image queued ahead is
// claimed at once, and a guest left waiting costs little.
std::optional<std::string> DiskModel::claim_next_image() {
  const auto deadline = std::chrono::steady_clock::now() + kNextImageWait;
  std::chrono::microseconds wait = kFirstPoll;
  for (;;) {
    if (const std::optional<uint64_t> n = lowest_queued(next_image_)) {
      if (std::optional<std::string> taken = claim_image(next_image_, *n)) {
        claimed_ = *n;
        return taken;
      }
      continue;  // the host withdrew it meanwhile
    }
    if (std::chrono::steady_clock::now() > deadline || !pause_(wait)) return std::nullopt;
    wait = std::min(wait * 2, kMaxPoll);
  }
}

// A fresh power-on: the run before it is saved, and the next queued image,
// with its faults and its order, becomes the whole disk.
int DiskModel::power_on(std::string* why) {
  if (next_image_.empty()) return 0;
  if (const int err = save_run(why)) return err;
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
  if (const int err = load_order(queued_order_path(next_image_, claimed_), why)) return err;
  start_run(std::move(base));
  return load_faults(queued_faults_path(next_image_, claimed_), why);
}

// This power-on's settings: the order's (a record run), or none (a recovery).
int DiskModel::load_order(const std::string& path, std::string* why) {
  run_ = ModelConfig{};
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return 0;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const size_t eq = line.find('=');
    const std::optional<std::string> error =
        eq == std::string::npos ? "'" + line + "' is not key=value"
                                : apply_run_setting(&run_, line.substr(0, eq), line.substr(eq + 1));
    if (!error)
      return *why = path + ": unknown setting " + line.substr(0, eq) +
                    "; a record order takes trace, durable, freeze_at or io_error",
             EIO;
    if (!error->empty()) return *why = path + ": " + *error, EIO;
  }
  if (run_.trace.empty()) return *why = path + ": a record order names no trace=", EIO;
  if (!std::filesystem::remove(path, ec)) return *why = path + ": cannot remove it after loading: " + ec.message(), EIO;
  return 0;
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

// Once per power-on: at kEnd, at the live cut, at the next power-on or when
// the connection closes, whichever comes first.
int DiskModel::save_run(std::string* why) noexcept {
  if (saved_) return 0;
  saved_ = true;
  try {
    save(run_);
    return 0;
  } catch (const std::exception& e) {
    return *why = e.what(), EIO;
  }
}

void DiskModel::save(const ModelConfig& config) const {
  if (!config.trace.empty()) {
    crash::TraceFile file(disk_->trace());
    nlohmann::json marks = nlohmann::json::array();
    for (const ch::Mark& m : marks_)
      marks.push_back({{"at", m.at}, {"kind", m.kind}, {"args", std::vector<uint64_t>(std::begin(m.args), std::end(m.args))}});
    file.meta = {{"marks", std::move(marks)}, {"ended", ended_}, {"powered_off", powered_off_}};
    if (config.io_error)
      file.meta["io_error"] = {{"request", config.io_error->request}, {"lands", config.io_error->lands},
                               {"served", io_error_served_}};
    const std::string text = crash::trace_file_to_json(file).dump();
    crash::write_whole_file(config.trace, text.data(), text.size());
  }
  if (!config.durable.empty()) {
    const std::vector<uint8_t> bytes = disk_->durable_image().view().bytes();
    crash::write_whole_file(config.durable, bytes.data(), bytes.size());
  }
}

}  // namespace sc::nbd
