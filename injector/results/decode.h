// decode.h — turning stored text back into record enums and seeds.
// Interface: must(conn, parsed, text) returns the value or throws DbError
// "<path>: unexpected value in database: '<text>'". Internal to the library.
#pragma once
#include <optional>
#include <string>

#include "sqlite.h"

namespace sc::results {

template <typename T>
T must(const Connection& conn, std::optional<T> value, const std::string& text) {
  if (!value) conn.fail("unexpected value in database: '" + text + "'");
  return *value;
}

}  // namespace sc::results
