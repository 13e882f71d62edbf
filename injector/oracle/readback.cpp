// readback.cpp — see readback.h.
#include "injector/oracle/readback.h"

#include <array>

#include "kernel/core/checksum.h"

namespace sc {

Status read_back(Machine& machine, const Workload& w, SystemState* state) {
  state->clear();
  std::vector<uint32_t> pages;
  std::array<uint8_t, kPageSize> buf;
  for (ContainerId c = static_cast<ContainerId>(w.managers.size()); c < w.container_names.size(); ++c) {
    if (!machine.kernel().container_exists(c)) continue;
    const Status s = machine.enumerate(c, &pages);
    if (failed(s)) return s;
    PageHashes& out = (*state)[c];
    for (uint32_t p : pages) {
      const bool ok = !failed(machine.kernel().inspect_read(c, p, buf.data()));
      out[p] = ok ? checksum64(buf.data(), buf.size()) : kUnreadablePage;
    }
  }
  return Status::ok;
}

}  // namespace sc
