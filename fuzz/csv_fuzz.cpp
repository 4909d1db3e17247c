// libFuzzer target: arbitrary bytes as an uploaded household CSV, taken through the import's
// pure steps: encoding detection, UTF-8/GBK decoding, RFC 4180 parsing, and the header cells'
// normalisation. Each parsed row is also written back with the export's escaping and read
// again: the export must produce CSV the import reads as the same row.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/text.hpp"
#include "modules/registry/csv.hpp"

namespace {

// The export quotes formula-like cells with a leading ', so a cell reads back as itself or
// with that prefix.
bool same_cell(const std::string& written, const std::string& read) {
  return read == written || read == "'" + written;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)gz::text::detect_encoding(bytes);
  auto utf8 = gz::text::to_utf8(bytes);
  if (!utf8) return 0;
  if (!gz::text::is_valid_utf8(*utf8)) std::abort();  // to_utf8 promises UTF-8
  (void)gz::text::utf8_to_gbk(*utf8);

  auto records = gz::registry::csv::parse(*utf8);
  if (!records.ok()) return 0;
  for (const auto& record : *records) {
    for (const auto& field : record.fields) {
      (void)gz::text::utf8_length(field);
      (void)gz::text::to_lower_ascii(gz::text::trim(field));
    }
    const std::string row = gz::registry::csv::format_row(record.fields);
    auto again = gz::registry::csv::parse(row);
    if (!again.ok() || again->size() != 1) std::abort();
    const auto& fields = again->front().fields;
    if (fields.size() != record.fields.size()) std::abort();
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (!same_cell(record.fields[i], fields[i])) std::abort();
    }
  }
  return 0;
}
