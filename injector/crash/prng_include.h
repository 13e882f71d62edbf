// prng_include.h — includes kernel/core/prng.h for hosted injector code.
// Prng::below() uses unsigned __int128, which -Wpedantic rejects in hosted
// builds; until prng.h marks it __extension__, silence that one warning here.
#pragma once
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#include "kernel/core/prng.h"
#pragma GCC diagnostic pop
