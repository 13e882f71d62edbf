// failing_sys.cpp — see failing_sys.h.
#include "kernel/harness/call_fault/failing_sys.h"

namespace sc {

Status FailingSys::upcall(const Upcall& call) {
  if (next_ == nullptr) return Status::bad_argument;
  const UpcallKind outer = upcall_;
  upcall_ = call.kind;
  const Status s = next_->upcall(call);
  upcall_ = outer;
  return s;
}

Status FailingSys::map_root_page(Capref cont, uint32_t page) {
  return fails(SysCall::map_root_page) ? Status::io_error : inner_.map_root_page(cont, page);
}

Status FailingSys::snapshot_request(Capref self) {
  return fails(SysCall::snapshot_request) ? Status::io_error : inner_.snapshot_request(self);
}

Status FailingSys::create_container(ContainerId id, Capref* out) {
  return fails(SysCall::create_container) ? Status::io_error : inner_.create_container(id, out);
}

Status FailingSys::supply_page(Capref cont, uint32_t page, const uint8_t* data) {
  return fails(SysCall::supply_page) ? Status::io_error : inner_.supply_page(cont, page, data);
}

Status FailingSys::read_page(Capref cont, uint32_t page, uint8_t* buf) {
  return fails(SysCall::read_page) ? Status::io_error : inner_.read_page(cont, page, buf);
}

Status FailingSys::write_page(Capref cont, uint32_t page, const uint8_t* data) {
  return fails(SysCall::write_page) ? Status::io_error : inner_.write_page(cont, page, data);
}

Status FailingSys::dirty_pages(Capref cont, uint32_t* pages, uint32_t* count) {
  return fails(SysCall::dirty_pages) ? Status::io_error : inner_.dirty_pages(cont, pages, count);
}

Status FailingSys::clean_page(Capref cont, uint32_t page) {
  return fails(SysCall::clean_page) ? Status::io_error : inner_.clean_page(cont, page);
}

Status FailingSys::report_page(Capref cont, uint32_t page) {
  return fails(SysCall::report_page) ? Status::io_error : inner_.report_page(cont, page);
}

Status FailingSys::disk_blocks(uint64_t* blocks) {
  return fails(SysCall::disk_blocks) ? Status::io_error : inner_.disk_blocks(blocks);
}

Status FailingSys::disk_read(uint64_t block, uint8_t* buf) {
  return fails(SysCall::disk_read) ? Status::io_error : inner_.disk_read(block, buf);
}

Status FailingSys::disk_write(uint64_t block, const uint8_t* buf) {
  return fails(SysCall::disk_write) ? Status::io_error : inner_.disk_write(block, buf);
}

Status FailingSys::disk_flush() { return fails(SysCall::disk_flush) ? Status::io_error : inner_.disk_flush(); }

}  // namespace sc
