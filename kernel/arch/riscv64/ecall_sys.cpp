// ecall_sys.cpp — see ecall_sys.h.
#include "kernel/arch/riscv64/ecall_sys.h"

#include "kernel/arch/riscv64/ecall.h"
#include "kernel/arch/riscv64/syscall_abi.h"

namespace rv {

sc::Status EcallSys::map_root_page(sc::Capref cont, uint32_t page) {
  return ecall_status(kManagerMapRootPage, pack_cap(cont), page);
}
sc::Status EcallSys::snapshot_request(sc::Capref self) { return ecall_status(kManagerSnapshotRequest, pack_cap(self)); }
sc::Status EcallSys::create_container(sc::ContainerId id, sc::Capref* out) {
  return ecall_status(kManagerCreateContainer, id, user_address(out));
}
sc::Status EcallSys::supply_page(sc::Capref cont, uint32_t page, const uint8_t* data) {
  return ecall_status(kManagerSupplyPage, pack_cap(cont), page, user_address(data));
}
sc::Status EcallSys::read_page(sc::Capref cont, uint32_t page, uint8_t* buf) {
  return ecall_status(kManagerReadPage, pack_cap(cont), page, user_address(buf));
}
sc::Status EcallSys::write_page(sc::Capref cont, uint32_t page, const uint8_t* data) {
  return ecall_status(kManagerWritePage, pack_cap(cont), page, user_address(data));
}
sc::Status EcallSys::dirty_pages(sc::Capref cont, uint32_t* pages, uint32_t* count) {
  return ecall_status(kManagerDirtyPages, pack_cap(cont), user_address(pages), user_address(count));
}
sc::Status EcallSys::clean_page(sc::Capref cont, uint32_t page) {
  return ecall_status(kManagerCleanPage, pack_cap(cont), page);
}
sc::Status EcallSys::report_page(sc::Capref cont, uint32_t page) {
  return ecall_status(kManagerReportPage, pack_cap(cont), page);
}
sc::Status EcallSys::disk_blocks(uint64_t* blocks) { return ecall_status(kManagerDiskBlocks, user_address(blocks)); }
sc::Status EcallSys::disk_read(uint64_t block, uint8_t* buf) {
  return ecall_status(kManagerDiskRead, block, user_address(buf));
}
sc::Status EcallSys::disk_write(uint64_t block, const uint8_t* buf) {
  return ecall_status(kManagerDiskWrite, block, user_address(buf));
}
sc::Status EcallSys::disk_flush() { return ecall_status(kManagerDiskFlush); }
void EcallSys::yield() { ecall(kManagerYield); }

}  // namespace rv
