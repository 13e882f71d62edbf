// placement_new.h — placement new for both builds of kernel/harness:
// the hosted build takes it from <new>; the freestanding riscv64 build has
// no <new> and gets this one definition. Constructs an object in storage the
// caller owns.
#pragma once
#include <stddef.h>

#if __STDC_HOSTED__
#include <new>
#else
inline void* operator new(size_t, void* where) noexcept { return where; }
#endif
