// protocol_digest.h — the digest fuzz_protocol returns for one input: the
// trace length, the crash image's fingerprint and the whole verdict
// (outcome, matched state, reason, diff and fsck lines). tests/fuzz compares
// it with the digest of the same input checked by a fresh checker, so reuse
// across inputs cannot change a verdict unseen.
#pragma once
#include <cstdint>

#include "fuzz/digest.h"
#include "injector/oracle/verdict.h"

namespace sc::fuzz {

inline uint64_t protocol_digest(uint64_t requests, uint64_t image_fingerprint, const Verdict& v) {
  Digest digest;
  digest.add(requests);
  digest.add(image_fingerprint);
  digest.add(static_cast<uint64_t>(v.outcome));
  digest.add(v.matched);
  digest.add(v.reason);
  for (const auto& line : v.diff) digest.add(line);
  for (const auto& line : v.fsck) digest.add(line);
  return digest.value();
}

}  // namespace sc::fuzz
