// slurp.cpp — see slurp.h.
#include "tests/support/slurp.h"

#include <fstream>
#include <sstream>

namespace sc::test {

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace sc::test
