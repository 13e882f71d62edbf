// format_checks.cpp — see format_checks.h.
#include "managers/registry/format_checks.h"

#include <string_view>

namespace sc {

FormatCheck find_format_check(const char* program) {
  for (const RegisteredFormatCheck* c = kRegisteredFormatChecks; c->program != nullptr; ++c)
    if (std::string_view(c->program) == program) return *c->check;
  return nullptr;
}

}  // namespace sc
