// ordinary_register.cpp — the ordinary manager's entry in the manager
// registry (managers/sdk/manager_program.h). It has no seeded bugs.
#include "managers/ordinary/ordinary_manager.h"

STABLECUT_REGISTER_MANAGER(ordinary) = {
    "ordinary",
    "managed: keeps its containers' pages in slots of its own container, saved by its manager's snapshot",
    sc::ManagerRole::managed,
    sc::kEntryOrdinaryManager,
    sc::construct_program<sc::OrdinaryManager>,
    nullptr,
    0,
};
