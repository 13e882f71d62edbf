// db_uri.cpp — see db_uri.h.
#include "db_uri.h"

#include <fmt/format.h>
#include <unistd.h>

namespace sc::results {

namespace {

std::string percent_encoded(const std::string& path) {
  std::string out;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '%' || c == '?' || c == '#' || byte <= 0x20 || byte >= 0x7f)
      out += fmt::format("%{:02X}", byte);
    else
      out += c;
  }
  return out;
}

bool exists_beside(const std::filesystem::path& path, const char* suffix) {
  std::error_code ec;
  return std::filesystem::exists(path.string() + suffix, ec);
}

bool directory_writable(const std::filesystem::path& path) {
  const std::filesystem::path dir = path.parent_path();
  return access(dir.c_str(), W_OK | X_OK) == 0;
}

}  // namespace

std::string database_uri(const std::filesystem::path& path) {
  return "file:" + percent_encoded(std::filesystem::absolute(path).lexically_normal().string());
}

std::string read_only_uri(const std::filesystem::path& path) {
  const bool in_use = exists_beside(path, "-wal") || exists_beside(path, "-journal");
  const bool immutable = !in_use && !directory_writable(std::filesystem::absolute(path));
  return database_uri(path) + "?mode=ro" + (immutable ? "&immutable=1" : "");
}

}  // namespace sc::results
