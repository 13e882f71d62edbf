// ecall_sys.h — the manager system-call interface (managers/sdk/sys.h) of the
// QEMU tier: every call is an ecall from U-mode (ABI in syscall_abi.h); the
// kernel knows the caller from the context it entered, never from an
// argument. Runs only in U-mode, inside a manager program's data region.
#pragma once

#include "managers/sdk/sys.h"

namespace rv {

class EcallSys final : public sc::Sys {
 public:
  sc::Status map_root_page(sc::Capref cont, uint32_t page) override;
  sc::Status snapshot_request(sc::Capref self) override;
  sc::Status create_container(sc::ContainerId id, sc::Capref* out) override;
  sc::Status supply_page(sc::Capref cont, uint32_t page, const uint8_t* data) override;
  sc::Status read_page(sc::Capref cont, uint32_t page, uint8_t* buf) override;
  sc::Status write_page(sc::Capref cont, uint32_t page, const uint8_t* data) override;
  sc::Status dirty_pages(sc::Capref cont, uint32_t* pages, uint32_t* count) override;
  sc::Status clean_page(sc::Capref cont, uint32_t page) override;
  sc::Status report_page(sc::Capref cont, uint32_t page) override;
  sc::Status disk_blocks(uint64_t* blocks) override;
  sc::Status disk_read(uint64_t block, uint8_t* buf) override;
  sc::Status disk_write(uint64_t block, const uint8_t* buf) override;
  sc::Status disk_flush() override;
  void yield() override;
};

}  // namespace rv
