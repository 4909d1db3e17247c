// QR codes for printed notices (libqrencode): the module matrix of a text, and that matrix as
// a self-contained SVG (no script, no external reference) so a printed public notice can carry
// a code that opens its online version.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gz {

struct QrMatrix {
  int width = 0;           // modules per side, without the quiet zone
  std::vector<bool> dark;  // row-major, width * width
  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * width + x)]; }
};

// Error-correction level M (about 15% of the code may be damaged). Empty when the text is
// empty or too long for a QR code (more than 2,331 bytes at level M).
std::optional<QrMatrix> qr_encode(std::string_view text);

// An <svg> element drawing the matrix with a four-module quiet zone; `size_px` is its printed
// width and height.
std::string qr_svg(const QrMatrix& matrix, int size_px = 160);

}  // namespace gz
