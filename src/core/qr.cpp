// QR encoding through libqrencode; see qr.hpp.
#include "core/qr.hpp"

#include <qrencode.h>

#include <memory>

namespace gz {

std::optional<QrMatrix> qr_encode(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeData(static_cast<int>(text.size()),
                        reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M),
      &QRcode_free);
  if (!code) return std::nullopt;
  QrMatrix matrix;
  matrix.width = code->width;
  matrix.dark.resize(static_cast<std::size_t>(code->width) * code->width);
  for (std::size_t i = 0; i < matrix.dark.size(); ++i) {
    matrix.dark[i] = (code->data[i] & 1) != 0;  // bit 0: dark module; the rest is metadata
  }
  return matrix;
}

std::string qr_svg(const QrMatrix& matrix, int size_px) {
  constexpr int kQuiet = 4;
  int side = matrix.width + 2 * kQuiet;
  std::string path;
  // One path of unit squares, run-length per row to keep the markup small.
  for (int y = 0; y < matrix.width; ++y) {
    for (int x = 0; x < matrix.width;) {
      if (!matrix.at(x, y)) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < matrix.width && matrix.at(x + run, y)) ++run;
      path += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h" +
              std::to_string(run) + "v1h-" + std::to_string(run) + "z";
      x += run;
    }
  }
  std::string size = std::to_string(size_px);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + size + "\" height=\"" + size +
         "\" viewBox=\"0 0 " + std::to_string(side) + " " + std::to_string(side) +
         "\" shape-rendering=\"crispEdges\" role=\"img\"><rect width=\"100%\" height=\"100%\" "
         "fill=\"#fff\"/><path fill=\"#000\" d=\"" +
         path + "\"/></svg>";
}

}  // namespace gz
