// case_location.h — where a case file named by a results database is now.
// A database stores the absolute path its campaign wrote a case to; after
// the database was copied elsewhere (a shard fetched from another host, then
// merged) that path may not exist here. locate_case(stored, db) gives the
// stored path if it exists, else the first existing file DIR/TAIL, where DIR
// is the database's directory and TAIL a tail of the stored path, longest
// first (cases/x.trace.json, then x.trace.json): copying a campaign's cases
// directory beside the database is enough. Otherwise it throws InputError
// naming the stored path and where it looked.
#pragma once
#include <filesystem>
#include <string>

namespace sc::cli {

std::string locate_case(const std::string& stored, const std::filesystem::path& db);

}  // namespace sc::cli
