// base64_test.cpp — the trace file's base64 codec: RFC 4648 vectors, round
// trips of every length remainder, and rejection of malformed text.
#include "base64.h"

#include <gtest/gtest.h>

namespace sc::crash {
namespace {

std::vector<uint8_t> bytes_of(std::string_view s) { return {s.begin(), s.end()}; }

TEST(Base64, Rfc4648Vectors) {
  EXPECT_EQ(base64_encode(bytes_of("")), "");
  EXPECT_EQ(base64_encode(bytes_of("f")), "Zg==");
  EXPECT_EQ(base64_encode(bytes_of("fo")), "Zm8=");
  EXPECT_EQ(base64_encode(bytes_of("foobar")), "Zm9vYmFy");
  std::vector<uint8_t> out;
  ASSERT_TRUE(base64_decode("Zm9vYg==", out));
  EXPECT_EQ(out, bytes_of("foob"));
}

TEST(Base64, RoundTripsEveryLength) {
  std::vector<uint8_t> data;
  for (size_t n = 0; n < 12; ++n) {
    std::vector<uint8_t> out;
    ASSERT_TRUE(base64_decode(base64_encode(data), out)) << n;
    EXPECT_EQ(out, data);
    data.push_back(static_cast<uint8_t>(0xf0 + n));
  }
}

TEST(Base64, RejectsMalformedText) {
  std::vector<uint8_t> out;
  for (const char* bad : {"Zg=", "Zm9", "Z!==", "Zh==", "Zm9=Zm9v", "Z===", "=Zg="})
    EXPECT_FALSE(base64_decode(bad, out)) << bad;
}

}  // namespace
}  // namespace sc::crash
