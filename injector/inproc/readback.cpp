// readback.cpp — see readback.h.
#include "injector/inproc/readback.h"

#include <array>

#include "kernel/harness/readback.h"

namespace sc {

namespace {

class StateSink final : public ReadbackSink {
 public:
  explicit StateSink(SystemState& state) : state_(state) {}
  void container(ContainerId id, uint32_t) override { state_[id]; }
  void page(ContainerId id, uint32_t page, uint64_t hash) override { state_[id][page] = hash; }

 private:
  SystemState& state_;
};

}  // namespace

Status read_back(Machine& machine, const Workload& w, SystemState* state) {
  state->clear();
  StateSink sink(*state);
  std::array<uint8_t, kPageSize> buf;
  for (ContainerId c = static_cast<ContainerId>(w.managers.size()); c < w.container_names.size(); ++c) {
    if (!machine.kernel().container_exists(c)) continue;
    const Status s = read_back_container(machine.kernel(), machine.platform().reported_pages(), c, buf.data(), sink);
    if (failed(s)) return s;
  }
  return Status::ok;
}

}  // namespace sc
