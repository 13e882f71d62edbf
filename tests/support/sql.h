// sql.h — small SQL helpers over a results database file, for tests that
// check what was stored. sql_int: first column of the first row (an integer,
// 0 if none); sql_rows: every row, its columns joined by '|' (NULL as
// "NULL"); sql_exec: runs statements that change the file. Readers open the
// file read-only and wait up to 2 s for a writer's lock. Each throws
// std::runtime_error (naming the file or the statement) on an error.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace sc::test {

std::int64_t sql_int(const std::string& db, const std::string& sql);
std::vector<std::string> sql_rows(const std::string& db, const std::string& sql);
void sql_exec(const std::string& db, const std::string& sql);

}  // namespace sc::test
