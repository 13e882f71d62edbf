// file_check.h — a cheap look at a database file's header before SQLite
// opens it, so a foreign or truncated file gets a clear one-line refusal.
// Interface: check_database_file(path) throws DbError or returns.
// Invariant: reads only; a missing or empty file passes (SQLite creates it).
#pragma once
#include <filesystem>

namespace sc::results {

// Refuses a non-empty file whose first 100 bytes are not a SQLite header,
// and a file shorter than its header's page count says when no write-ahead
// log holds the missing pages.
void check_database_file(const std::filesystem::path& path);

}  // namespace sc::results
