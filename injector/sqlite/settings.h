// settings.h — the SQLite configuration one `stablecut sqlite` run tests:
// journal mode, synchronous level, workload size and seed; their names as
// PRAGMA values and as the workload name "sqlite:JOURNAL/SYNCHRONOUS".
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sc::sqlite {

enum class Journal { delete_, truncate, persist, wal, off };
enum class Synchronous { off, normal, full, extra };

struct Settings {
  Journal journal = Journal::wal;
  Synchronous synchronous = Synchronous::full;
  uint32_t transactions = 8;  // workload transactions after the one creating the table
  uint64_t seed = 1;          // the workload's and the enumeration's seed
};

const char* journal_name(Journal j);          // the PRAGMA journal_mode value, e.g. "delete"
const char* synchronous_name(Synchronous s);  // the PRAGMA synchronous value, e.g. "full"
std::optional<Journal> parse_journal(std::string_view name);
std::optional<Synchronous> parse_synchronous(std::string_view name);

// "JOURNAL/SYNCHRONOUS", e.g. "wal/full".
std::string settings_name(const Settings& s);

}  // namespace sc::sqlite
