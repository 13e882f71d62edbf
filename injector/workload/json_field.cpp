// json_field.cpp — see json_field.h.
#include "injector/workload/json_field.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sc {

void JsonField::fail(const std::string& expected) const {
  throw InputError(source_ + ": " + (path_.empty() ? "(top level)" : path_) + ": " + expected);
}

bool JsonField::has(const char* key) const { return value_.is_object() && value_.contains(key); }

JsonField JsonField::child(const char* key) const {
  if (!value_.is_object()) fail("expected an object");
  const std::string sub = path_.empty() ? key : path_ + "." + key;
  if (!value_.contains(key)) JsonField(value_, source_, sub).fail("missing; it is required");
  return JsonField(value_.at(key), source_, sub);
}

JsonField JsonField::at(size_t index) const {
  return JsonField(value_.at(index), source_, path_ + "[" + std::to_string(index) + "]");
}

size_t JsonField::array_size(size_t min, size_t max) const {
  if (!value_.is_array()) fail("expected an array");
  if (value_.size() < min || value_.size() > max)
    fail("expected " + std::to_string(min) + " to " + std::to_string(max) + " elements, found " +
         std::to_string(value_.size()));
  return value_.size();
}

void JsonField::only_keys(std::initializer_list<const char*> keys) const {
  if (!value_.is_object()) fail("expected an object");
  for (const auto& item : value_.items()) {
    bool known = false;
    for (const char* k : keys) known = known || item.key() == k;
    if (!known) fail("unknown field '" + item.key() + "'");
  }
}

std::string JsonField::string() const {
  if (!value_.is_string()) fail("expected a string");
  return value_.get<std::string>();
}

std::string JsonField::identifier() const {
  const std::string s = string();
  bool ok = !s.empty() && s.size() <= 64;
  for (char c : s) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.');
  if (!ok) fail("expected a name of 1 to 64 letters, digits, '_', '-' or '.'");
  return s;
}

uint64_t JsonField::integer(uint64_t min, uint64_t max) const {
  const std::string range = "expected an integer in " + std::to_string(min) + ".." + std::to_string(max);
  if (!value_.is_number_integer()) fail(range);
  if (value_.is_number_unsigned()) {
    const auto v = value_.get<uint64_t>();
    if (v < min || v > max) fail(range);
    return v;
  }
  const auto v = value_.get<int64_t>();
  if (v < 0 || static_cast<uint64_t>(v) < min || static_cast<uint64_t>(v) > max) fail(range);
  return static_cast<uint64_t>(v);
}

nlohmann::json parse_json_text(const std::string& text, const std::string& source) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(source + ": byte " + std::to_string(e.byte) + ": expected valid JSON");
  } catch (const nlohmann::json::exception&) {  // e.g. a number too large for any JSON number type (1e400)
    throw InputError(source + ": expected valid JSON with numbers in range");
  }
}

nlohmann::json read_json_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError(path + ": is a directory; expected a JSON file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw InputError(path + ": read error");
  return parse_json_text(text.str(), path);
}

}  // namespace sc
