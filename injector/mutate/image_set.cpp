// image_set.cpp — see image_set.h.
#include "injector/mutate/image_set.h"

#include <algorithm>

namespace sc::mutate {

std::vector<uint64_t> reachable_images(const Recording& rec, const crash::EnumeratorOptions& options) {
  std::vector<uint64_t> images;
  crash::CrashStateEnumerator e(rec.trace, options);
  while (e.next()) images.push_back(e.image().fingerprint());
  std::sort(images.begin(), images.end());
  images.erase(std::unique(images.begin(), images.end()), images.end());
  return images;
}

}  // namespace sc::mutate
