#include "core/qr.hpp"

#include <gtest/gtest.h>

namespace gz {
namespace {

// The 7×7 finder pattern: a dark ring, a light ring, a dark 3×3 centre.
bool finder_at(const QrMatrix& m, int x0, int y0) {
  for (int y = 0; y < 7; ++y) {
    for (int x = 0; x < 7; ++x) {
      bool ring = x == 0 || y == 0 || x == 6 || y == 6;
      bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
      if (m.at(x0 + x, y0 + y) != (ring || centre)) return false;
    }
  }
  return true;
}

TEST(Qr, EncodesAUrlWithFinderPatternsInThreeCorners) {
  auto matrix = qr_encode("https://gongzhi.example/board?community_id=1&plan=12");
  ASSERT_TRUE(matrix);
  // Version n has 17 + 4n modules per side; 52 bytes at level M need version 4 (33).
  EXPECT_EQ(matrix->width, 33);
  EXPECT_TRUE(finder_at(*matrix, 0, 0));
  EXPECT_TRUE(finder_at(*matrix, matrix->width - 7, 0));
  EXPECT_TRUE(finder_at(*matrix, 0, matrix->width - 7));
  EXPECT_FALSE(finder_at(*matrix, matrix->width - 7, matrix->width - 7));
}

TEST(Qr, LongerTextNeedsALargerSymbol) {
  auto small = qr_encode("a");
  auto large = qr_encode(std::string(400, 'x'));
  ASSERT_TRUE(small && large);
  EXPECT_EQ(small->width, 21);  // version 1
  EXPECT_GT(large->width, small->width);
}

TEST(Qr, RefusesEmptyAndOversizedText) {
  EXPECT_FALSE(qr_encode(""));
  EXPECT_FALSE(qr_encode(std::string(5000, 'x')));
}

TEST(Qr, SvgDrawsEveryDarkModuleWithAQuietZone) {
  auto matrix = qr_encode("1");
  ASSERT_TRUE(matrix);
  auto svg = qr_svg(*matrix, 120);
  EXPECT_NE(svg.find("viewBox=\"0 0 29 29\""), std::string::npos);  // 21 + 2 × 4
  EXPECT_NE(svg.find("width=\"120\""), std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  // The top-left finder's first row is a run of 7 dark modules at the quiet-zone offset.
  EXPECT_NE(svg.find("M4 4h7v1h-7z"), std::string::npos);
}

}  // namespace
}  // namespace gz
