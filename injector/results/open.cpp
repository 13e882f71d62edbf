// open.cpp — ResultsDb::open: refuse, create or migrate a database file; and
// integrity_ok. Order of checks: the file exists (unless create), its header
// (file_check), SQLite can read its schema, it is ours (application_id) or
// empty, its user_version is not newer than this build; then WAL mode,
// synchronous=FULL and foreign keys are set and migrations run. Readers open
// by read_only_uri (db_uri.h), so they work where they cannot write. The
// file stays in WAL mode (never switched back to a rollback journal: a kill
// during that switch, or during the switch to WAL at the next open, would
// leave a hot journal that no read-only reader can open).
#include <sqlite3.h>

#include <chrono>
#include <fmt/format.h>

#include "db_uri.h"
#include "file_check.h"
#include "results_db.h"
#include "schema.h"
#include "sqlite.h"

namespace sc::results {

namespace {

int open_flags(OpenMode mode) {
  switch (mode) {
    case OpenMode::create:
      return SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    case OpenMode::read_write:
      return SQLITE_OPEN_READWRITE;
    case OpenMode::read_only:
      return SQLITE_OPEN_READONLY;
  }
  return SQLITE_OPEN_READONLY;
}

std::int64_t schema_object_count(const Connection& conn) {
  Statement st(conn, "SELECT count(*) FROM sqlite_schema");
  st.step();
  return st.column_int(0);
}

// Throws unless the database is ours or empty, and not newer than this build.
void check_identity(const Connection& conn, OpenMode mode) {
  const std::int64_t objects = schema_object_count(conn);
  const std::int64_t app_id = conn.pragma_int("application_id");
  const std::int64_t version = conn.pragma_int("user_version");
  const std::int64_t current = current_schema_version();
  if (app_id != kApplicationId && !(app_id == 0 && objects == 0))
    conn.fail(fmt::format("not a stablecut results database (application_id {:#x})", app_id));
  if (version > current)
    conn.fail(fmt::format("schema version {} is newer than this build supports ({}); use a newer stablecut", version,
                          current));
  if (mode == OpenMode::read_only && version < current)
    conn.fail(fmt::format("schema version {} is older than this build's ({}); open it read-write once to migrate",
                          version, current));
}

void configure_writable(const Connection& conn) {
  Statement wal(conn, "PRAGMA journal_mode = WAL");
  if (!wal.step() || wal.column_text(0) != "wal") conn.fail("cannot switch to WAL journal mode");
  conn.exec("PRAGMA synchronous = FULL");
}

}  // namespace

ResultsDb ResultsDb::open(const std::filesystem::path& path, OpenMode mode) {
  if (mode != OpenMode::create && !std::filesystem::exists(path)) throw DbError(path.string(), "no such file");
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw DbError(path.string(), "is a directory; expected a results database file");
  check_database_file(path);
  const std::string uri = mode == OpenMode::read_only ? read_only_uri(path) : database_uri(path);
  auto conn = std::make_unique<Connection>(path, open_flags(mode), uri);
  conn->exec("PRAGMA foreign_keys = ON");
  check_identity(*conn, mode);
  if (mode != OpenMode::read_only) {
    configure_writable(*conn);
    migrate(*conn);
  }
  return ResultsDb(std::move(conn));
}

ResultsDb::ResultsDb(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}
ResultsDb::ResultsDb(ResultsDb&&) noexcept = default;
ResultsDb& ResultsDb::operator=(ResultsDb&&) noexcept = default;
ResultsDb::~ResultsDb() = default;

const std::string& ResultsDb::path() const { return conn_->path(); }

std::int64_t ResultsDb::schema_version() const { return conn_->pragma_int("user_version"); }

bool integrity_ok(const std::filesystem::path& path, std::string* problem) {
  try {
    check_database_file(path);
    Connection conn(path, SQLITE_OPEN_READONLY, read_only_uri(path));
    Statement integrity(conn, "PRAGMA integrity_check(1)");
    if (!integrity.step() || integrity.column_text(0) != "ok")
      throw DbError(path.string(), "integrity_check: " + integrity.column_text(0));
    Statement foreign(conn, "PRAGMA foreign_key_check");
    if (foreign.step()) throw DbError(path.string(), "foreign_key_check: dangling reference in " + foreign.column_text(0));
    return true;
  } catch (const DbError& e) {
    if (problem != nullptr) *problem = e.what();
    return false;
  }
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace sc::results
