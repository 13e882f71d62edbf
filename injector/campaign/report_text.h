// report_text.h — text helpers shared by the report page's sections:
// escape_html() makes any text safe inside an element or a quoted attribute,
// utc() names a unix time as "YYYY-MM-DD HH:MM" (UTC).
#pragma once
#include <cstdint>
#include <string>

namespace sc::campaign {

std::string escape_html(const std::string& s);
std::string utc(std::int64_t unix_s);

}  // namespace sc::campaign
