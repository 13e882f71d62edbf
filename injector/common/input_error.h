// input_error.h — the one error type for bad user input (files, flags,
// databases). Its message is one line: `<where>: <what was expected>`. The
// CLI prints it and exits 2.
#pragma once
#include <stdexcept>
#include <string>

namespace sc {

class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace sc
