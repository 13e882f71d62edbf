// whole_file.h — writing a file so that no reader, and no crash of the
// writer, ever leaves part of it at its path: the bytes go to PATH.part,
// which is then renamed over PATH (atomic within one file system).
// Interface: write_whole_file(path, data, size) throws std::runtime_error
// (one line naming the file) if it cannot write or rename, and then leaves
// no PATH.part behind.
#pragma once
#include <cstddef>
#include <string>

namespace sc::crash {

void write_whole_file(const std::string& path, const void* data, size_t size);

}  // namespace sc::crash
