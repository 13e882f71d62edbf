// channel_disk.cpp — see channel_disk.h.
#include "kernel/arch/riscv64/channel_disk.h"

#include "kernel/arch/riscv64/finisher.h"
#include "kernel/core/bytes.h"

namespace rv {

ChannelDisk::ChannelDisk(VirtioBlk& device)
    : device_(device), data_sectors_(device.sector_count() > 0 ? device.sector_count() - 1 : 0) {}

// A failed request is reported to the plugin; only if that fails too is the
// power off.
sc::Status ChannelDisk::checked(sc::Status s, Request request, uint64_t sector, uint32_t count) {
  if (s == sc::Status::ok) return s;
  const channel::Record r{channel::kMagic, channel::kIoError,
                          {static_cast<uint64_t>(request), sector, count, static_cast<uint64_t>(s)}};
  const char* what = request == Request::read ? "read" : request == Request::write ? "write" : "flush";
  if (write_record(r) == sc::Status::ok) return s;
  if (power_off_ != nullptr) power_off_(what);
  powered_off(what);
}

sc::Status ChannelDisk::write_record(const channel::Record& r) {
  sc::copy_bytes(record_, &r, sizeof r);
  return device_.write(data_sectors_, 1, record_, false);
}

void ChannelDisk::send_or_panic(const channel::Record& r, const char* what) {
  if (write_record(r) != sc::Status::ok) powered_off(what);
}

void ChannelDisk::powered_off(const char* what) {
  panic(FailCode::disk_io, "disk %s failed: power is off", what);
}

void ChannelDisk::send(channel::Kind kind, const uint64_t* args, uint32_t count) {
  channel::Record r{channel::kMagic, kind, {}};
  for (uint32_t i = 0; i < count && i < channel::kArgs; ++i) r.args[i] = args[i];
  send_or_panic(r, "control write");
}

channel::BootMode ChannelDisk::power_on() {
  send(channel::kPowerOn);
  const sc::Status s = device_.read(data_sectors_, 1, record_);
  channel::Record order;
  sc::copy_bytes(&order, record_, sizeof order);
  if (s != sc::Status::ok || order.magic != channel::kMagic || order.kind != channel::kBootOrder ||
      (order.args[0] != channel::kBootRecover && order.args[0] != channel::kBootRecord))
    panic(FailCode::disk_io, "no boot order in the control sector (status %s, kind %u)", sc::status_name(s),
          order.kind);
  return static_cast<channel::BootMode>(order.args[0]);
}

void ChannelDisk::sync_phase() {
  if (phase_ == sent_phase_) return;
  const uint64_t phase = static_cast<uint64_t>(phase_);
  send(channel::kPhase, &phase, 1);
  sent_phase_ = phase_;
}

sc::Status ChannelDisk::read(uint64_t sector, uint32_t count, void* buf) {
  if (sector > data_sectors_ || count > data_sectors_ - sector) return sc::Status::bad_argument;
  return checked(device_.read(sector, count, buf), Request::read, sector, count);
}

sc::Status ChannelDisk::write(uint64_t sector, uint32_t count, const void* buf, bool fua) {
  if (sector > data_sectors_ || count > data_sectors_ - sector || count == 0) return sc::Status::bad_argument;
  sync_phase();
  if (fua) send(channel::kFua);
  return checked(device_.write(sector, count, buf, fua), Request::write, sector, count);
}

sc::Status ChannelDisk::flush() {
  sync_phase();
  send(channel::kFlush);
  return checked(device_.flush(), Request::flush, 0, 0);
}

}  // namespace rv
