// registry.cpp — see registry.h. Freestanding: no libc, so names are
// compared by hand.
#include "managers/registry/registry.h"

namespace sc {

namespace {

bool same_name(const char* a, const char* b) {
  while (*a != '\0' && *a == *b) {
    ++a;
    ++b;
  }
  return *a == *b;
}

}  // namespace

const ManagerProgram* find_manager_program(uint32_t entry) {
  for (uint32_t i = 0; i < kRegisteredManagerCount; ++i)
    if (kRegisteredManagers[i]->entry == entry) return kRegisteredManagers[i];
  return nullptr;
}

const ManagerProgram* find_manager_program(const char* name) {
  for (uint32_t i = 0; i < kRegisteredManagerCount; ++i)
    if (same_name(kRegisteredManagers[i]->name, name)) return kRegisteredManagers[i];
  return nullptr;
}

}  // namespace sc
