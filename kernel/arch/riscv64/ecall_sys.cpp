// ecall_sys.cpp — see ecall_sys.h.
#include "kernel/arch/riscv64/ecall_sys.h"

#include "kernel/arch/riscv64/ecall.h"
#include "kernel/arch/riscv64/syscall_abi.h"

namespace rv {

namespace {

sc::Status call(ManagerCall n, uint64_t a0 = 0, uint64_t a1 = 0, uint64_t a2 = 0) {
  return word_status(ecall(n, a0, a1, a2));
}

}  // namespace

sc::Status EcallSys::map_root_page(sc::Capref cont, uint32_t page) {
  return call(kManagerMapRootPage, pack_cap(cont), page);
}
sc::Status EcallSys::snapshot_request(sc::Capref self) { return call(kManagerSnapshotRequest, pack_cap(self)); }
sc::Status EcallSys::create_container(sc::ContainerId id, sc::Capref* out) {
  return call(kManagerCreateContainer, id, user_address(out));
}
sc::Status EcallSys::supply_page(sc::Capref cont, uint32_t page, const uint8_t* data) {
  return call(kManagerSupplyPage, pack_cap(cont), page, user_address(data));
}
sc::Status EcallSys::read_page(sc::Capref cont, uint32_t page, uint8_t* buf) {
  return call(kManagerReadPage, pack_cap(cont), page, user_address(buf));
}
sc::Status EcallSys::write_page(sc::Capref cont, uint32_t page, const uint8_t* data) {
  return call(kManagerWritePage, pack_cap(cont), page, user_address(data));
}
sc::Status EcallSys::dirty_pages(sc::Capref cont, uint32_t* pages, uint32_t* count) {
  return call(kManagerDirtyPages, pack_cap(cont), user_address(pages), user_address(count));
}
sc::Status EcallSys::clean_page(sc::Capref cont, uint32_t page) { return call(kManagerCleanPage, pack_cap(cont), page); }
sc::Status EcallSys::report_page(sc::Capref cont, uint32_t page) {
  return call(kManagerReportPage, pack_cap(cont), page);
}
sc::Status EcallSys::disk_blocks(uint64_t* blocks) { return call(kManagerDiskBlocks, user_address(blocks)); }
sc::Status EcallSys::disk_read(uint64_t block, uint8_t* buf) {
  return call(kManagerDiskRead, block, user_address(buf));
}
sc::Status EcallSys::disk_write(uint64_t block, const uint8_t* buf) {
  return call(kManagerDiskWrite, block, user_address(buf));
}
sc::Status EcallSys::disk_flush() { return call(kManagerDiskFlush); }
void EcallSys::yield() { ecall(kManagerYield); }

}  // namespace rv
