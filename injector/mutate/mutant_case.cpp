// mutant_case.cpp — see mutant_case.h.
#include "injector/mutate/mutant_case.h"

#include <fmt/format.h>

namespace sc::mutate {

const char* verdict_name(MutantVerdict v) {
  switch (v) {
    case MutantVerdict::killed: return "killed";
    case MutantVerdict::survived: return "survived";
    case MutantVerdict::equivalent: return "equivalent";
  }
  return "?";
}

std::vector<MutantOp> all_mutant_ops() {
  std::vector<MutantOp> ops;
  for (uint32_t i = 0; i < kMutantOpCount; ++i) ops.push_back(static_cast<MutantOp>(i));
  return ops;
}

std::optional<MutantOp> parse_mutant_op(const std::string& name) {
  for (MutantOp op : all_mutant_ops())
    if (name == mutant_op_name(op)) return op;
  return std::nullopt;
}

std::string site_name(const MutantSite& site) {
  if (site.manager == kKernelSite) return fmt::format("kernel/s{}/w{}", site.stabilisation, site.call);
  return fmt::format("m{}/s{}/c{}", site.manager, site.stabilisation, site.call);
}

}  // namespace sc::mutate
