// placement_new.h — placement new for the freestanding build, which has no
// <new>: constructs an object in storage the caller owns.
#pragma once
#include <stddef.h>

inline void* operator new(size_t, void* where) noexcept { return where; }
