// json_field.h — strict, path-tracking access to a JSON document, for the
// parsers of our file formats. Every accessor either returns a value of the
// expected type and range or throws InputError with one line:
// `<source>: <path>: expected ...`. Unknown keys are errors too (typos in
// hand-written workloads must not be silently ignored).
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>

#include <nlohmann/json.hpp>

#include "injector/common/input_error.h"

namespace sc {

class JsonField {
 public:
  JsonField(const nlohmann::json& value, std::string source, std::string path)
      : value_(value), source_(std::move(source)), path_(std::move(path)) {}

  [[noreturn]] void fail(const std::string& expected) const;

  const nlohmann::json& value() const { return value_; }
  const std::string& path() const { return path_; }
  bool has(const char* key) const;
  JsonField child(const char* key) const;   // required member
  JsonField at(size_t index) const;         // array element
  size_t array_size(size_t min, size_t max) const;
  void only_keys(std::initializer_list<const char*> keys) const;

  std::string string() const;
  std::string identifier() const;  // [A-Za-z0-9_.-]{1,64}
  uint64_t integer(uint64_t min, uint64_t max) const;

 private:
  const nlohmann::json& value_;
  std::string source_;
  std::string path_;
};

// Parses `text` as JSON; a syntax error becomes an InputError naming the
// byte offset.
nlohmann::json parse_json_text(const std::string& text, const std::string& source);
// Reads and parses a JSON file; a missing or unreadable file is an InputError.
nlohmann::json read_json_file(const std::string& path);

}  // namespace sc
