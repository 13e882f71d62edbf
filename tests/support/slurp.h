// slurp.h — reads a whole file into a string, for tests that check what a
// program wrote. Returns "" if the file cannot be read.
#pragma once
#include <string>

namespace sc::test {

std::string slurp(const std::string& path);

}  // namespace sc::test
