// temp_dir.cpp — see temp_dir.h.
#include "injector/qemu/temp_dir.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <filesystem>
#include <system_error>
#include <vector>

namespace sc::qemu {

std::unique_ptr<TempDir> TempDir::create(std::string* error) {
  const char* base = getenv("TMPDIR");
  std::string pattern = std::string(base != nullptr && *base ? base : "/tmp") +
                        "/stablecut-qemu-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data()) == nullptr) {
    *error = "cannot create a temporary directory " + pattern + ": " + strerror(errno);
    return nullptr;
  }
  return std::unique_ptr<TempDir>(new TempDir(buf.data()));
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace sc::qemu
