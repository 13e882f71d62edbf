// run_binary.h — runs a program as a user would (through the shell, so the
// test reads like the command line it checks) and returns its exit code and
// output. stderr is merged into the output unless `with_stderr` is false.
#pragma once
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace sc::test {

struct BinaryResult {
  int code = -1;
  std::string out;
};

inline BinaryResult run_binary(const std::string& binary, const std::string& args, bool with_stderr = true) {
  const std::string cmd = binary + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  BinaryResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace sc::test
