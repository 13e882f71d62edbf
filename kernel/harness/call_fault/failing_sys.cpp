// failing_sys.cpp — see failing_sys.h.
#include "kernel/harness/call_fault/failing_sys.h"

#include "kernel/harness/call_fault/call_misuse.h"

namespace sc {

Status FailingSys::upcall(const Upcall& call) {
  if (next_ == nullptr) return Status::bad_argument;
  const UpcallKind outer = upcall_;
  upcall_ = call.kind;
  const Status s = next_->upcall(call);
  upcall_ = outer;
  return s;
}

uint64_t FailingSys::past_end() {
  uint64_t blocks = 0;
  return failed(inner_.disk_blocks(&blocks)) ? UINT64_MAX : blocks;
}

Status FailingSys::map_root_page(Capref cont, uint32_t page) {
  return route(
      SysCall::map_root_page, [&] { return inner_.map_root_page(cont, page); },
      [&] { return inner_.map_root_page(cont, kMisusedPage); });
}

Status FailingSys::snapshot_request(Capref self) {
  return route(
      SysCall::snapshot_request, [&] { return inner_.snapshot_request(self); },
      [&] { return inner_.snapshot_request(forged(self)); });
}

Status FailingSys::create_container(ContainerId id, Capref* out) {
  return route(
      SysCall::create_container, [&] { return inner_.create_container(id, out); },
      [&] { return inner_.create_container(kMisusedContainer, out); });
}

Status FailingSys::supply_page(Capref cont, uint32_t page, const uint8_t* data) {
  return route(
      SysCall::supply_page, [&] { return inner_.supply_page(cont, page, data); },
      [&] { return inner_.supply_page(cont, kMisusedPage, data); });
}

Status FailingSys::read_page(Capref cont, uint32_t page, uint8_t* buf) {
  return route(
      SysCall::read_page, [&] { return inner_.read_page(cont, page, buf); },
      [&] { return inner_.read_page(forged(cont), page, buf); });
}

Status FailingSys::write_page(Capref cont, uint32_t page, const uint8_t* data) {
  return route(
      SysCall::write_page, [&] { return inner_.write_page(cont, page, data); },
      [&] { return inner_.write_page(cont, kMisusedPage, data); });
}

Status FailingSys::dirty_pages(Capref cont, uint32_t* pages, uint32_t* count) {
  return route(
      SysCall::dirty_pages, [&] { return inner_.dirty_pages(cont, pages, count); },
      [&] { return inner_.dirty_pages(forged(cont), pages, count); });
}

Status FailingSys::clean_page(Capref cont, uint32_t page) {
  return route(
      SysCall::clean_page, [&] { return inner_.clean_page(cont, page); },
      [&] { return inner_.clean_page(forged(cont), page); });
}

Status FailingSys::report_page(Capref cont, uint32_t page) {
  return route(
      SysCall::report_page, [&] { return inner_.report_page(cont, page); },
      [&] { return inner_.report_page(cont, kMisusedPage); });
}

Status FailingSys::disk_blocks(uint64_t* blocks) {
  const auto as_asked = [&] { return inner_.disk_blocks(blocks); };
  return route(SysCall::disk_blocks, as_asked, as_asked);
}

Status FailingSys::disk_read(uint64_t block, uint8_t* buf) {
  return route(
      SysCall::disk_read, [&] { return inner_.disk_read(block, buf); },
      [&] { return inner_.disk_read(past_end(), buf); });
}

Status FailingSys::disk_write(uint64_t block, const uint8_t* buf) {
  return route(
      SysCall::disk_write, [&] { return inner_.disk_write(block, buf); },
      [&] { return inner_.disk_write(past_end(), buf); });
}

Status FailingSys::disk_flush() {
  const auto as_asked = [&] { return inner_.disk_flush(); };
  return route(SysCall::disk_flush, as_asked, as_asked);
}

}  // namespace sc
