// Report files; see document.hpp.
#include "modules/reports/document.hpp"

#include "modules/reports/figures.hpp"
#include "modules/reports/html.hpp"
#include "modules/reports/xlsx.hpp"

namespace gz::reports {

std::optional<Format> parse_format(std::string_view name) {
  for (Format format : {Format::json, Format::html, Format::csv, Format::xlsx}) {
    if (format_name(format) == name) return format;
  }
  return std::nullopt;
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::json:
      return "json";
    case Format::html:
      return "html";
    case Format::csv:
      return "csv";
    case Format::xlsx:
      return "xlsx";
  }
  return "json";
}

std::string file_name(const Report& report, Format format) {
  std::string scope =
      report.community_id ? "c" + std::to_string(*report.community_id) : std::string("street");
  return "gongzhi-report-" + scope + "-" + report.period.label + "." +
         std::string(format_name(format));
}

Result<Document> render_document(const Report& report, Format format, Language language) {
  Document document;
  document.file_name = file_name(report, format);
  switch (format) {
    case Format::html:
      document.content_type = "text/html; charset=utf-8";
      document.body = render_html(report, language);
      break;
    case Format::csv:
      document.content_type = "text/csv; charset=utf-8";
      document.body = render_csv(report_figures(report, language));
      break;
    case Format::xlsx: {
      auto bytes = xlsx_bytes(report_figures(report, language));
      if (!bytes) return bytes.take_error();
      document.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      document.body = std::move(*bytes);
      break;
    }
    case Format::json:
      return bad_request("invalid_format", "json is encoded by the route");
  }
  return document;
}

}  // namespace gz::reports
