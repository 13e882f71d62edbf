// output_paths.cpp — see output_paths.h.
#include "injector/cli/output_paths.h"

#include <unistd.h>

#include <filesystem>

#include "injector/common/input_error.h"

namespace sc::cli {

namespace {

[[noreturn]] void refuse(const std::string& flag, const std::string& path, const std::string& why) {
  throw InputError(flag + " '" + path + "': " + why);
}

void require_writable_dir(const std::string& flag, const std::string& path, const std::filesystem::path& dir) {
  if (access(dir.c_str(), W_OK | X_OK) != 0) refuse(flag, path, "directory " + dir.string() + " is not writable");
}

}  // namespace

void prepare_output_dir(const std::string& flag, const std::string& dir) {
  if (dir.empty()) refuse(flag, dir, "expected a directory, got an empty path");
  std::error_code ec;
  if (std::filesystem::exists(dir, ec) && !std::filesystem::is_directory(dir, ec))
    refuse(flag, dir, "is a file; expected a directory (created if missing)");
  std::filesystem::create_directories(dir, ec);
  if (ec) refuse(flag, dir, "cannot create the directory (" + ec.message() + ")");
  require_writable_dir(flag, dir, dir);
}

void check_output_file(const std::string& flag, const std::string& path) {
  if (path.empty()) refuse(flag, path, "expected a file path, got an empty path");
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) refuse(flag, path, "is a directory; expected a file path");
  const std::filesystem::path dir = std::filesystem::absolute(path).parent_path();
  if (!std::filesystem::is_directory(dir, ec)) refuse(flag, path, "directory " + dir.string() + " does not exist");
  require_writable_dir(flag, path, dir);
}

}  // namespace sc::cli
