// format_checks.h — the format checkers registered by manager folders
// (managers/sdk/format_check.h), host only. The oracle's fsck looks a
// manager's checker up by its program name; a program without one has its
// on-disk structures checked only through what its recovery returns.
// Interface: find_format_check(name) (nullptr when the program registered
// none). The generated table (format_check_table.cpp) ends with
// {nullptr, nullptr}.
#pragma once
#include "managers/sdk/format_check.h"

namespace sc {

struct RegisteredFormatCheck {
  const char* program;
  const FormatCheck* check;
};

extern const RegisteredFormatCheck kRegisteredFormatChecks[];

FormatCheck find_format_check(const char* program);

}  // namespace sc
