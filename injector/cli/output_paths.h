// output_paths.h — checks of where a command will write, made before its
// work starts, so that a run never does the work and then cannot save it.
// Interface (each throws InputError, one line naming the flag and path):
//   prepare_output_dir(flag, dir): DIR is a directory this process can write
//     (created, with its parents, if missing); "" or a file is refused;
//   check_output_file(flag, path): PATH may be written: not "", not a
//     directory, and its directory exists and is writable.
#pragma once
#include <string>

namespace sc::cli {

void prepare_output_dir(const std::string& flag, const std::string& dir);
void check_output_file(const std::string& flag, const std::string& path);

}  // namespace sc::cli
