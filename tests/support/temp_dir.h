// temp_dir.h — a private temporary directory for one test (made by mkdtemp,
// so tests running in parallel never share one), removed with its contents
// at destruction. Invariant: file() names a path inside the directory.
#pragma once
#include <string>

namespace sc::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace sc::test
