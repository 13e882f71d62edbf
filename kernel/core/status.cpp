// status.cpp — names of the kernel error codes (for messages and logs).
#include "status.h"

namespace sc {

const char* status_name(Status s) {
  switch (s) {
    case Status::ok: return "ok";
    case Status::bad_capref: return "bad_capref";
    case Status::no_rights: return "no_rights";
    case Status::bad_argument: return "bad_argument";
    case Status::no_space: return "no_space";
    case Status::not_found: return "not_found";
    case Status::exists: return "exists";
    case Status::busy: return "busy";
    case Status::io_error: return "io_error";
    case Status::corrupt: return "corrupt";
    case Status::no_memory: return "no_memory";
  }
  return "unknown";
}

}  // namespace sc
