// direct_sys.h — the manager system-call interface (managers/sdk/sys.h) of the
// in-process tier: each call goes straight into the kernel core, naming the
// calling manager, as a trap would on riscv64.
#pragma once
#include "kernel/core/kernel.h"
#include "managers/sdk/sys.h"

namespace sc {

class DirectSys final : public Sys {
 public:
  DirectSys(Kernel& kernel, ManagerId caller) : k_(kernel), caller_(caller) {}

  Status map_root_page(Capref cont, uint32_t page) override { return k_.sys_map_root_page(caller_, cont, page); }
  Status snapshot_request(Capref self) override { return k_.sys_snapshot_request(caller_, self); }
  Status create_container(ContainerId id, Capref* out) override { return k_.sys_create_container(caller_, id, out); }
  Status supply_page(Capref cont, uint32_t page, const uint8_t* data) override {
    return k_.sys_supply_page(caller_, cont, page, data);
  }
  Status read_page(Capref cont, uint32_t page, uint8_t* buf) override { return k_.sys_read_page(caller_, cont, page, buf); }
  Status write_page(Capref cont, uint32_t page, const uint8_t* data) override {
    return k_.sys_write_page(caller_, cont, page, data);
  }
  Status dirty_pages(Capref cont, uint32_t* pages, uint32_t* count) override {
    return k_.sys_dirty_pages(caller_, cont, pages, count);
  }
  Status clean_page(Capref cont, uint32_t page) override { return k_.sys_clean_page(caller_, cont, page); }
  Status report_page(Capref cont, uint32_t page) override { return k_.sys_report_page(caller_, cont, page); }
  Status disk_blocks(uint64_t* blocks) override { return k_.sys_disk_blocks(caller_, blocks); }
  Status disk_read(uint64_t block, uint8_t* buf) override { return k_.sys_disk_read(caller_, block, buf); }
  Status disk_write(uint64_t block, const uint8_t* buf) override { return k_.sys_disk_write(caller_, block, buf); }
  Status disk_flush() override { return k_.sys_disk_flush(caller_); }
  void yield() override { k_.sys_yield(caller_); }

 private:
  Kernel& k_;
  ManagerId caller_;
};

}  // namespace sc
