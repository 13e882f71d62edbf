// status.h — the error codes every kernel call and device operation returns.
// Interface: Status (ok == 0), status_name() for messages.
// Invariant: the kernel core never crashes on bad input; it returns one of these.
#pragma once
#include <stdint.h>

namespace sc {

enum class Status : int32_t {
  ok = 0,
  bad_capref,     // forged, stale or out-of-range capability reference
  no_rights,      // capref valid but lacks the right the call needs
  bad_argument,   // argument out of range or malformed
  no_space,       // a fixed-size table or the disk partition is full (frames: no_memory)
  not_found,      // named object does not exist
  exists,         // object already exists
  busy,           // object is in a state that forbids the call (e.g. frozen)
  io_error,       // the block device failed the request
  corrupt,        // on-disk structure failed its checksum or sanity checks
  no_memory,      // every resident page frame of the kernel is in use
};

constexpr Status kLastStatus = Status::no_memory;  // the highest code: range checks of decoded statuses

const char* status_name(Status s);

inline bool failed(Status s) { return s != Status::ok; }

}  // namespace sc
