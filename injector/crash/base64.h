// base64.h — RFC 4648 base64 (standard alphabet, '=' padding) for write
// payloads in trace files. Our own twenty lines rather than a library: no
// Debian-packaged base64 library is among the project's dependencies, and
// nlohmann_json has no base64 for strings (its binary type only reaches the
// binary formats such as CBOR, not the JSON text we want to keep readable).
// Interface: base64_encode(); base64_decode() returns false on any malformed
// input (bad character, bad length, bad padding, nonzero padding bits).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sc::crash {

std::string base64_encode(std::span<const uint8_t> bytes);
bool base64_decode(std::string_view text, std::vector<uint8_t>& out);

}  // namespace sc::crash
