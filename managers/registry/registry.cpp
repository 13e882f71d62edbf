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

bool bugs_clash(const ManagerProgram& a, const ManagerProgram& b) {
  for (uint32_t i = 0; i < a.bug_count; ++i)
    for (uint32_t j = 0; j < b.bug_count; ++j) {
      const bool same_program = &a == &b;
      if (same_program && i == j) continue;
      if (same_name(a.bugs[i].name, b.bugs[j].name)) return true;
      if (same_program && a.bugs[i].mask == a.bugs[j].mask) return true;
    }
  return false;
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

FoundBug find_manager_bug(const char* name) {
  for (uint32_t i = 0; i < kRegisteredManagerCount; ++i) {
    const ManagerProgram& p = *kRegisteredManagers[i];
    for (uint32_t b = 0; b < p.bug_count; ++b)
      if (same_name(p.bugs[b].name, name)) return {&p, &p.bugs[b]};
  }
  return {nullptr, nullptr};
}

const char* registry_problem() {
  for (uint32_t i = 0; i < kRegisteredManagerCount; ++i) {
    const ManagerProgram& a = *kRegisteredManagers[i];
    if (a.entry == 0) return "a manager program has entry id 0";
    if (a.construct == nullptr) return "a manager program has no constructor";
    for (uint32_t b = 0; b < a.bug_count; ++b)
      if (a.bugs[b].mask == 0 || (a.bugs[b].mask & (a.bugs[b].mask - 1)) != 0) return "a seeded bug's mask is not one bit";
    for (uint32_t j = i; j < kRegisteredManagerCount; ++j) {
      const ManagerProgram& b = *kRegisteredManagers[j];
      if (i != j && same_name(a.name, b.name)) return "two manager programs share a name";
      if (i != j && a.entry == b.entry) return "two manager programs share an entry id";
      if (bugs_clash(a, b)) return "two seeded bugs share a name, or one program's bugs share a bit";
    }
  }
  return nullptr;
}

}  // namespace sc
