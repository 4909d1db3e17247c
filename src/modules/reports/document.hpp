// The report as a file: HTML, CSV or XLSX with its content type and an ASCII file name, for
// the route and for `gongzhi report`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "modules/reports/labels.hpp"
#include "modules/reports/report.hpp"

namespace gz::reports {

enum class Format { json, html, csv, xlsx };
std::optional<Format> parse_format(std::string_view name);
std::string_view format_name(Format format);

struct Document {
  std::string content_type;
  std::string file_name;  // "gongzhi-report-c12-2026Q3.html", "gongzhi-report-street-2026Q3.csv"
  std::string body;
};

// html, csv or xlsx (json is the route's own encoding). Errors: internal "xlsx_failed".
Result<Document> render_document(const Report& report, Format format, Language language);
std::string file_name(const Report& report, Format format);

}  // namespace gz::reports
