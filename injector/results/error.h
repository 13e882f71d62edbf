// error.h — the one exception type of the results library.
// Interface: DbError, whose what() is one line "<path>: <what>".
// Invariant: every failure of the results library (SQLite error, refused
// file, unknown id, invalid record) surfaces as a DbError; nothing else throws
// except std::bad_alloc.
#pragma once
#include <stdexcept>
#include <string>

namespace sc::results {

class DbError : public std::runtime_error {
 public:
  DbError(const std::string& path, const std::string& what) : std::runtime_error(path + ": " + what) {}
};

}  // namespace sc::results
