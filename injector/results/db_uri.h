// db_uri.h — the SQLite URI filenames (https://www.sqlite.org/uri.html) by
// which a writer opens a results database (so that it may ATTACH readers'
// URIs) and a reader opens it read-only.
// Interface: database_uri(path) gives "file:/abs/path"; read_only_uri(path)
// gives "file:/abs/path?mode=ro", plus "&immutable=1" when SQLite could not
// read the file otherwise: no -wal or -journal file is beside it (so no
// writer is using it now: a writer always has one) and this process cannot
// create files in its directory (owned by another user, or a read-only
// mount), where SQLite would need a -shm file to read a WAL-mode database.
// Invariants: mode=ro always, so a reader never creates or changes a file;
// '%', '?', '#' and bytes outside printable ASCII are percent-encoded.
// Limit: an immutable reader takes no locks, so a writer that starts while
// it reads (only the directory's owner could) is not seen consistently.
#pragma once
#include <filesystem>
#include <string>

namespace sc::results {

std::string database_uri(const std::filesystem::path& path);
std::string read_only_uri(const std::filesystem::path& path);

}  // namespace sc::results
