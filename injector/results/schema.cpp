// schema.cpp — splits results/schema.sql into migrations and applies them.
// A section starts at a line "-- migration N: description"; text before the
// first section is the file's header comment.
#include "schema.h"

#include <fmt/format.h>

#include <sstream>
#include <stdexcept>

#include "sqlite.h"

namespace sc::results {

extern const char* const kSchemaSql;

namespace {

constexpr std::string_view kMarker = "-- migration ";

bool parse_marker(const std::string& line, Migration* out) {
  if (line.rfind(kMarker, 0) != 0) return false;
  const auto colon = line.find(':');
  if (colon == std::string::npos) throw std::logic_error("schema.sql: migration marker without ':': " + line);
  out->version = std::stoll(line.substr(kMarker.size(), colon - kMarker.size()));
  out->description = line.substr(line.find_first_not_of(' ', colon + 1));
  out->sql.clear();
  return true;
}

std::vector<Migration> parse(const char* text) {
  std::vector<Migration> result;
  std::istringstream in(text);
  std::string line;
  Migration section;
  while (std::getline(in, line)) {
    if (parse_marker(line, &section)) {
      if (section.version != static_cast<std::int64_t>(result.size()) + 1)
        throw std::logic_error(fmt::format("schema.sql: migration {} out of order", section.version));
      result.push_back(section);
    } else if (!result.empty()) {
      result.back().sql += line + '\n';
    }
  }
  if (result.empty()) throw std::logic_error("schema.sql: no migrations");
  return result;
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> list = parse(kSchemaSql);
  return list;
}

std::int64_t current_schema_version() { return migrations().back().version; }

void migrate(const Connection& conn) {
  for (const Migration& m : migrations()) {
    Transaction tx(conn);
    // Re-read inside the transaction: another process may have migrated.
    if (conn.pragma_int("user_version") >= m.version) continue;
    conn.exec(m.sql);
    conn.exec(fmt::format("PRAGMA user_version = {}", m.version));
    tx.commit();  // commit point of migration m
  }
}

}  // namespace sc::results
