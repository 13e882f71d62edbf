// temp_dir.h — a private (0700) temporary directory for one runner: the
// NBD socket, nbdkit's pid file and the children's stderr logs live here.
// Interface: TempDir::create(&error) makes $TMPDIR/stablecut-qemu-XXXXXX
// (or under /tmp); path() names it; file(name) names an entry in it.
// Invariant: the directory and everything in it are removed when the
// TempDir is destroyed.
#pragma once
#include <memory>
#include <string>

namespace sc::qemu {

class TempDir {
 public:
  static std::unique_ptr<TempDir> create(std::string* error);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  explicit TempDir(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace sc::qemu
