// crash_mode.h — how a crash state was produced (DESIGN.md §4 enumeration
// modes), the one vocabulary the crash model enumerates in and the results
// database stores as a crash state's kind. The first kPowerCutModeCount are
// clean power cuts (the default); the rest each inject one storage fault
// class on top of a power cut (injector/crash/crash_model.h, FAULT CLASSES).
// Invariant: the names are the strings stored in the results database
// (results/schema.sql) and in trace files; never rename or reorder them.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sc::crash {

enum class Mode : uint8_t {
  prefix = 0,
  reorder = 1,
  torn = 2,
  lying_flush = 3,
  misdirected = 4,
  lost_write = 5,
  bit_rot = 6,
  read_error = 7,
  io_error = 8,
  sub_sector_tear = 9,
  call_error = 10,
  call_misuse = 11,
};
constexpr size_t kModeCount = 12;
constexpr size_t kPowerCutModeCount = 3;

inline constexpr const char* kModeNames[kModeCount] = {
    "prefix",   "reorder",    "torn",     "lying-flush", "misdirected",
    "lost-write", "bit-rot", "read-error", "io-error",   "sub-sector-tear", "call-error",
    "call-misuse"};

inline bool is_fault_mode(Mode mode) { return static_cast<size_t>(mode) >= kPowerCutModeCount; }

// The fault classes under which a correct system may refuse cleanly
// (outcome detected): they destroy data that was durable.
inline bool destroys_durable_data(Mode mode) {
  return mode == Mode::lying_flush || mode == Mode::misdirected || mode == Mode::lost_write ||
         mode == Mode::bit_rot || mode == Mode::read_error;
}

// The fault classes that fault one system call of a manager (in-process only).
inline bool is_call_fault(Mode mode) { return mode == Mode::call_error || mode == Mode::call_misuse; }

inline const char* mode_name(Mode mode) {
  const auto i = static_cast<size_t>(mode);
  return i < kModeCount ? kModeNames[i] : "unknown";
}

// False (and *out untouched) for a name mode_name() never returns.
inline bool parse_mode(std::string_view name, Mode* out) {
  for (size_t i = 0; i < kModeCount; ++i) {
    if (name == kModeNames[i]) {
      *out = static_cast<Mode>(i);
      return true;
    }
  }
  return false;
}

}  // namespace sc::crash
