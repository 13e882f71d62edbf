// sys.h — the system-call interface every manager is written against.
// The in-process tier implements it with direct calls into the kernel core
// (kernel/hosted/direct_sys.h); the QEMU tier implements it with ecall traps.
// Disk blocks are 4 KiB and numbered within the manager's own partition.
// Every call returns a Status; a manager must treat any failure as fatal for
// the operation in progress and return it.
#pragma once
#include <stdint.h>

#include "kernel/core/ids.h"
#include "kernel/core/status.h"

namespace sc {

class Sys {
 public:
  virtual Status map_root_page(Capref cont, uint32_t page) = 0;
  virtual Status snapshot_request(Capref self) = 0;
  virtual Status create_container(ContainerId id, Capref* out) = 0;
  virtual Status supply_page(Capref cont, uint32_t page, const uint8_t* data) = 0;  // data null = zeros
  virtual Status read_page(Capref cont, uint32_t page, uint8_t* buf) = 0;
  virtual Status write_page(Capref cont, uint32_t page, const uint8_t* data) = 0;
  // `pages` has room for kMaxFrames entries.
  virtual Status dirty_pages(Capref cont, uint32_t* pages, uint32_t* count) = 0;
  virtual Status clean_page(Capref cont, uint32_t page) = 0;
  virtual Status report_page(Capref cont, uint32_t page) = 0;
  virtual Status disk_blocks(uint64_t* blocks) = 0;
  virtual Status disk_read(uint64_t block, uint8_t* buf) = 0;
  virtual Status disk_write(uint64_t block, const uint8_t* buf) = 0;
  virtual Status disk_flush() = 0;
  virtual void yield() = 0;

 protected:
  ~Sys() = default;
};

}  // namespace sc
