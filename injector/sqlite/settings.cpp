// settings.cpp — see settings.h.
#include "injector/sqlite/settings.h"

#include <array>

namespace sc::sqlite {

namespace {

constexpr std::array<const char*, 5> kJournalNames = {"delete", "truncate", "persist", "wal", "off"};
constexpr std::array<const char*, 4> kSynchronousNames = {"off", "normal", "full", "extra"};

}  // namespace

const char* journal_name(Journal j) { return kJournalNames[static_cast<size_t>(j)]; }
const char* synchronous_name(Synchronous s) { return kSynchronousNames[static_cast<size_t>(s)]; }

std::optional<Journal> parse_journal(std::string_view name) {
  for (size_t i = 0; i < kJournalNames.size(); ++i)
    if (name == kJournalNames[i]) return static_cast<Journal>(i);
  return std::nullopt;
}

std::optional<Synchronous> parse_synchronous(std::string_view name) {
  for (size_t i = 0; i < kSynchronousNames.size(); ++i)
    if (name == kSynchronousNames[i]) return static_cast<Synchronous>(i);
  return std::nullopt;
}

std::string settings_name(const Settings& s) {
  return std::string(journal_name(s.journal)) + "/" + synchronous_name(s.synchronous);
}

}  // namespace sc::sqlite
