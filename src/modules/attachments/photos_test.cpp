#include "modules/attachments/photos.hpp"

#include <gtest/gtest.h>

namespace gz::attachments {

TEST(Photos, recognises_png_and_jpeg_by_magic_bytes_only) {
  EXPECT_EQ(detect_image_type(std::string("\x89PNG\r\n\x1a\n\0\0", 10)), "image/png");
  EXPECT_EQ(detect_image_type(std::string("\xFF\xD8\xFF\xE0\0\x10JFIF", 10)), "image/jpeg");
  EXPECT_FALSE(detect_image_type("GIF89a......"));
  EXPECT_FALSE(detect_image_type("<svg></svg>"));
  EXPECT_FALSE(detect_image_type(""));
}

TEST(Photos, base64_round_trips_every_length) {
  std::string bytes;
  for (int i = 0; i < 40; ++i) {
    EXPECT_EQ(base64_decode(base64_encode(bytes)), bytes) << i;
    bytes += static_cast<char>(i * 37);
  }
  EXPECT_EQ(base64_encode("Man"), "TWFu");
  EXPECT_EQ(base64_encode("Ma"), "TWE=");
  EXPECT_FALSE(base64_decode("TW=u"));
  EXPECT_FALSE(base64_decode("abc"));
}

}  // namespace gz::attachments
