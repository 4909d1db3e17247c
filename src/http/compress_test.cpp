#include "http/compress.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include "http/message.hpp"

namespace gz::http {
namespace {

std::string gunzip(const std::string& data) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  std::string out(data.size() * 50 + 1024, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

TEST(Compress, AcceptEncodingIsReadWithItsWeights) {
  EXPECT_TRUE(accepts_encoding("gzip, deflate, br", "gzip"));
  EXPECT_TRUE(accepts_encoding("GZIP", "gzip"));
  EXPECT_TRUE(accepts_encoding("br;q=1.0, gzip;q=0.5", "gzip"));
  EXPECT_FALSE(accepts_encoding("gzip;q=0", "gzip"));
  EXPECT_FALSE(accepts_encoding("gzip;q=0.000, *", "gzip"));
  EXPECT_TRUE(accepts_encoding("*", "br"));
  EXPECT_FALSE(accepts_encoding("*;q=0", "br"));
  EXPECT_FALSE(accepts_encoding("identity", "gzip"));
  EXPECT_FALSE(accepts_encoding("", "gzip"));
}

TEST(Compress, GzipRoundTrips) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "{\"居民\":\"张三\",\"n\":" + std::to_string(i) + "},";
  std::string packed = gzip(text);
  EXPECT_LT(packed.size(), text.size() / 4);
  EXPECT_EQ(gunzip(packed), text);
  EXPECT_EQ(gunzip(gzip("")), "");
}

TEST(Compress, OnlyLargeTextAnswersAreCompressedAndOnlyWhenTaken) {
  Request request;
  request.headers.emplace_back("accept-encoding", "gzip, br");
  std::string json = "[" + std::string(2000, ' ') + "1]";
  Response answer{200, "application/json; charset=utf-8", json, {}};
  compress_answer(request, answer);
  ASSERT_EQ(answer.headers.size(), 2u);
  EXPECT_EQ(gunzip(answer.body), json);
  bool says = false;
  for (const auto& [name, value] : answer.headers)
    says = says || (name == "Content-Encoding" && value == "gzip");
  EXPECT_TRUE(says);

  Response small{200, "application/json", "{}", {}};
  compress_answer(request, small);
  EXPECT_EQ(small.body, "{}");
  EXPECT_TRUE(small.headers.empty());

  Response image{200, "image/png", std::string(5000, 'x'), {}};
  compress_answer(request, image);
  EXPECT_EQ(image.body.size(), 5000u);

  Request plain;  // no Accept-Encoding: the answer as it is, and Vary says why
  Response same{200, "application/json", json, {}};
  compress_answer(plain, same);
  EXPECT_EQ(same.body, json);
  ASSERT_EQ(same.headers.size(), 1u);
  EXPECT_EQ(same.headers[0].first, "Vary");
}

}  // namespace
}  // namespace gz::http
