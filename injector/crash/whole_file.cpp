// whole_file.cpp — see whole_file.h.
#include "injector/crash/whole_file.h"

#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace sc::crash {

void write_whole_file(const std::string& path, const void* data, size_t size) {
  const std::string part = path + ".part";
  {
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out.flush()) {
      std::remove(part.c_str());
      throw std::runtime_error("cannot write " + part);
    }
  }
  if (std::rename(part.c_str(), path.c_str()) != 0) {
    std::remove(part.c_str());
    throw std::runtime_error("cannot rename " + part + " to " + path);
  }
}

}  // namespace sc::crash
