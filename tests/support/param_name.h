// param_name.h — names parameterised tests after a text parameter (a bug
// or workload name): gtest names allow only letters, digits and '_', so
// every other character becomes '_'. Use:
//   INSTANTIATE_TEST_SUITE_P(..., sc::test::named_by_bug) for params with a
//   `bug` member, or sc::test::param_name(text) in a lambda of your own.
#pragma once
#include <gtest/gtest.h>

#include <cctype>
#include <string>

namespace sc::test {

inline std::string param_name(std::string text) {
  for (char& c : text)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return text;
}

inline constexpr auto named_by_bug = [](const auto& info) { return param_name(info.param.bug); };

}  // namespace sc::test
