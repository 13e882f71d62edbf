// readback.cpp — see readback.h.
#include "kernel/harness/readback.h"

#include "kernel/core/checksum.h"
#include "kernel/core/limits.h"

namespace sc {

Status collect_pages(Kernel& kernel, PageCollector& collector, ContainerId id) {
  collector.start();
  const Status s = kernel.inspect_enumerate(id);
  collector.stop();
  if (failed(s)) return s;
  return collector.overflow() ? Status::no_space : Status::ok;
}

Status read_back_container(Kernel& kernel, PageCollector& collector, ContainerId id, uint8_t* buf,
                           ReadbackSink& sink) {
  const Status s = collect_pages(kernel, collector, id);
  if (failed(s)) return s;
  sink.container(id, collector.count());
  for (uint32_t i = 0; i < collector.count(); ++i) {
    const uint32_t page = collector.pages()[i];
    const bool ok = !failed(kernel.inspect_read(id, page, buf));
    sink.page(id, page, ok ? checksum64(buf, kPageSize) : kUnreadablePageHash);
  }
  return Status::ok;
}

}  // namespace sc
