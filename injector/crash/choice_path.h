// choice_path.h — ChoicePath: a stateless depth-first search over boolean
// variables that a deterministic run decides lazily, in the order it needs
// them (as stateless model checkers explore a program's choices).
// A run asks value(v) for each variable it depends on; the first time in a
// run that v is asked, v is decided: by the forced prefix carried over from
// the previous path if there is one, else false. After the run, advance()
// flips the deepest decision still false to true and drops the decisions
// after it: the next run repeats the same prefix of decisions, then takes
// the new branch. Every run covers the 2^(variables - decided()) assignments
// that agree with its decisions; the runs of a whole search cover every
// assignment exactly once.
// Errors: a run that asks for a different variable where the forced prefix
// expects one, or ends before the prefix is used up, is not deterministic:
// std::logic_error.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sc::crash {

class ChoicePath {
 public:
  struct Decision {
    uint32_t variable;
    bool value;
  };

  explicit ChoicePath(uint32_t variables) : values_(variables, kUndecided) {}

  void begin_run();
  bool value(uint32_t variable);
  bool advance();  // false once every path has been run

  uint32_t variables() const { return static_cast<uint32_t>(values_.size()); }
  const std::vector<Decision>& decisions() const { return decisions_; }
  // The value decided in this run, or false for a variable the run never asked.
  bool decided_true(uint32_t variable) const { return values_[variable] == 1; }

 private:
  static constexpr int8_t kUndecided = -1;
  std::vector<int8_t> values_;
  std::vector<Decision> decisions_;  // this run's, in order; the first forced_ carried over
  size_t forced_ = 0;
  size_t replayed_ = 0;  // forced decisions this run has asked for so far
};

}  // namespace sc::crash
