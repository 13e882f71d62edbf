// manager_programs.cpp — see manager_programs.h.
#include "kernel/harness/manager_programs.h"

#include "kernel/harness/bug_bits.h"
#include "managers/sdk/placement_new.h"
#include "managers/programs.h"

namespace sc {

namespace {

static_assert(__is_trivially_destructible(ShadowManager) && __is_trivially_destructible(OrdinaryManager),
              "platforms reuse program storage without a destructor call");

UpcallTarget* construct_shadow(void* storage, Sys& sys, uint64_t bug_bits) {
  return new (storage) ShadowManager(sys, manager_bugs_from_bits(bug_bits));
}

UpcallTarget* construct_ordinary(void* storage, Sys& sys, uint64_t) {
  return new (storage) OrdinaryManager(sys);
}

}  // namespace

ManagerConstructor manager_constructor(uint32_t entry) {
  switch (entry) {
    case kEntryShadowManager: return construct_shadow;
    case kEntryOrdinaryManager: return construct_ordinary;
    default: return nullptr;
  }
}

}  // namespace sc
