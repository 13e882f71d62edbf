// schema.h — the schema migrations, parsed from results/schema.sql (embedded
// at build time). Interface: migrations(), current_schema_version(),
// migrate(conn). Invariant: migration N sets PRAGMA user_version = N in the
// same transaction as its statements, so a database is never half-migrated.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace sc::results {

class Connection;

struct Migration {
  std::int64_t version;     // 1, 2, ... in order
  std::string description;  // the text after "-- migration N:"
  std::string sql;
};

// The migrations of this build, in order; versions are 1..N without gaps.
const std::vector<Migration>& migrations();
std::int64_t current_schema_version();

// Applies every migration newer than the database's user_version, each in
// its own transaction. The caller has checked the version is not newer.
void migrate(const Connection& conn);

// The application_id every stablecut results database carries ('SCUT').
constexpr std::int64_t kApplicationId = 0x53435554;

}  // namespace sc::results
