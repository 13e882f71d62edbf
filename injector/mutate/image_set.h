// image_set.h — the set of crash images a recording can reach under an
// enumeration: the fingerprint (injector/crash/sector_hash.h: a function of
// the image's content alone) of every state the enumerator yields, sorted
// and unique. Two recordings with equal sets reach exactly the same crash
// images, whatever their traces — the evidence that a mutant is equivalent.
#pragma once
#include <cstdint>
#include <vector>

#include "injector/check/recording.h"
#include "injector/crash/enumerator.h"

namespace sc::mutate {

std::vector<uint64_t> reachable_images(const Recording& rec, const crash::EnumeratorOptions& options);

}  // namespace sc::mutate
