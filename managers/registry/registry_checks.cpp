// registry_checks.cpp — see registry_checks.h.
#include "managers/registry/registry_checks.h"

#include <cstring>

namespace sc {

namespace {

bool same_name(const char* a, const char* b) { return std::strcmp(a, b) == 0; }

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

FoundBug find_manager_bug(const char* name) {
  for (uint32_t i = 0; i < registered_manager_count(); ++i) {
    const ManagerProgram& p = registered_manager(i);
    for (uint32_t b = 0; b < p.bug_count; ++b)
      if (same_name(p.bugs[b].name, name)) return {&p, &p.bugs[b]};
  }
  return {nullptr, nullptr};
}

const char* registry_problem() {
  for (uint32_t i = 0; i < registered_manager_count(); ++i) {
    const ManagerProgram& a = registered_manager(i);
    if (a.entry == 0) return "a manager program has entry id 0";
    if (a.construct == nullptr) return "a manager program has no constructor";
    for (uint32_t b = 0; b < a.bug_count; ++b)
      if (a.bugs[b].mask == 0 || (a.bugs[b].mask & (a.bugs[b].mask - 1)) != 0) return "a seeded bug's mask is not one bit";
    for (uint32_t j = i; j < registered_manager_count(); ++j) {
      const ManagerProgram& b = registered_manager(j);
      if (i != j && same_name(a.name, b.name)) return "two manager programs share a name";
      if (i != j && a.entry == b.entry) return "two manager programs share an entry id";
      if (bugs_clash(a, b)) return "two seeded bugs share a name, or one program's bugs share a bit";
    }
  }
  return nullptr;
}

}  // namespace sc
