// file_check.cpp — SQLite file header checks (see
// https://www.sqlite.org/fileformat2.html §1.3): magic at 0, page size at 16
// (big-endian u16, 1 = 65536), change counter at 24, page count at 28,
// version-valid-for at 92. The page count is trusted only when
// version-valid-for equals the change counter.
#include "file_check.h"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <system_error>

#include "error.h"

namespace sc::results {

namespace {

constexpr std::size_t kHeaderSize = 100;
using Header = std::array<unsigned char, kHeaderSize>;

std::uint32_t be32(const Header& h, std::size_t at) {
  return (std::uint32_t{h[at]} << 24) | (std::uint32_t{h[at + 1]} << 16) | (std::uint32_t{h[at + 2]} << 8) |
         std::uint32_t{h[at + 3]};
}

std::uint32_t page_size(const Header& h) {
  const std::uint32_t raw = (std::uint32_t{h[16]} << 8) | std::uint32_t{h[17]};
  return raw == 1 ? 65536 : raw;
}

bool valid_page_size(std::uint32_t size) { return size >= 512 && size <= 65536 && (size & (size - 1)) == 0; }

Header read_header(const std::filesystem::path& path) {
  Header h{};
  std::ifstream in(path, std::ios::binary);
  in.read(reinterpret_cast<char*>(h.data()), kHeaderSize);
  if (!in) throw DbError(path.string(), "cannot read the file header");
  return h;
}

bool has_wal(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path.string() + "-wal", ec);
  return !ec && size > 0;
}

}  // namespace

void check_database_file(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size == 0) return;
  const std::string where = path.string();
  if (size < kHeaderSize) throw DbError(where, fmt::format("not a SQLite database ({} bytes)", size));
  const Header h = read_header(path);
  if (std::memcmp(h.data(), "SQLite format 3", 16) != 0) throw DbError(where, "not a SQLite database (bad magic)");
  const std::uint32_t page = page_size(h);
  if (!valid_page_size(page)) throw DbError(where, fmt::format("corrupt database header (page size {})", page));
  const std::uint32_t pages = be32(h, 28);
  if (be32(h, 92) != be32(h, 24) || pages == 0 || has_wal(path)) return;
  const std::uintmax_t expected = std::uintmax_t{pages} * page;
  if (size < expected)
    throw DbError(where, fmt::format("truncated database: header says {} pages of {} bytes ({} bytes), file has {}",
                                     pages, page, expected, size));
}

}  // namespace sc::results
