#include "modules/requests/open311_spec.hpp"

#include <algorithm>
#include <boost/json/value.hpp>
#include <charconv>

#include "core/clock.hpp"
#include "modules/requests/open311_xml.hpp"
#include "modules/requests/sla.hpp"

namespace gz::requests::open311 {

http::Response encode(Format format, int status, const boost::json::value& body,
                      std::string_view xml_root) {
  if (format == Format::json) return http::json_response(status, body);
  http::Response response;
  response.status = status;
  response.content_type = "text/xml; charset=utf-8";
  response.body = to_xml(body, xml_root);
  return response;
}

http::Response spec_error(Format format, int status, const std::string& description) {
  boost::json::array errors{boost::json::object{{"code", status}, {"description", description}}};
  return encode(format, status, errors, "errors");
}

int spec_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::unauthorized:
    case ErrorKind::forbidden:
      return 403;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::unavailable:
      return 503;
    case ErrorKind::internal:
      return 500;
    default:
      return 400;
  }
}

http::Response spec_error(Format format, const Error& error) {
  return spec_error(format, spec_status(error.kind), error.message);
}

std::optional<std::pair<std::string, Format>> split_format(const std::string& file) {
  auto dot = file.rfind('.');
  if (dot == std::string::npos || dot == 0) return std::nullopt;
  std::string extension = file.substr(dot + 1);
  if (extension == "json") return std::pair{file.substr(0, dot), Format::json};
  if (extension == "xml") return std::pair{file.substr(0, dot), Format::xml};
  return std::nullopt;
}

Format guess_format(const std::string& file) {
  return file.size() >= 4 && file.compare(file.size() - 4, 4, ".xml") == 0 ? Format::xml
                                                                           : Format::json;
}

std::string w3c_time(std::int64_t epoch_ms) {
  std::string text = format_iso8601(epoch_ms);
  auto dot = text.find('.');
  if (dot != std::string::npos) text.erase(dot, 4);
  return text;
}

std::optional<double> parse_number(const std::string& text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// See the decisions at the top of open311_routes.cpp.
std::string_view open311_status(Status status) {
  return is_open(status) ? "open" : "closed";
}

std::vector<std::string> statuses_mapped_to(std::string_view open311) {
  std::vector<std::string> names;
  for (int i = 0; i <= static_cast<int>(Status::cancelled); ++i) {  // cancelled is the last
    auto status = static_cast<Status>(i);
    if (open311_status(status) == open311) names.emplace_back(status_name(status));
  }
  return names;
}

std::string public_phrase(Status status) {
  switch (status) {
    case Status::submitted:
      return "已收到，等待受理";
    case Status::accepted:
      return "已受理";
    case Status::assigned:
      return "已派单办理";
    case Status::in_progress:
      return "正在办理";
    case Status::resolved:
      return "已办结，等待回访评价";
    case Status::closed:
      return "已办结";
    case Status::reopened:
      return "已重新办理";
    case Status::duplicate:
      return "与其他诉求合并办理";
    case Status::not_our_responsibility:
      return "不属于社区职责，已告知办理渠道";
    case Status::cancelled:
      return "已撤销";
  }
  return "已受理";
}

std::string deadline_rule(Priority priority) {
  switch (priority) {
    case Priority::red:
      return "红色（紧急）：" + std::to_string(kRedResponseMs / 3'600'000) + "小时内响应";
    case Priority::yellow:
      return "黄色（重要）：" + std::to_string(kYellowResponseWorkdays) + "个工作日内响应";
    case Priority::blue:
      return "蓝色（一般）：" + std::to_string(kBlueResponseWorkdays) + "个工作日内响应";
  }
  return "";
}

std::string group_name(Priority priority) {
  switch (priority) {
    case Priority::red:
      return "紧急（红色）";
    case Priority::yellow:
      return "重要（黄色）";
    case Priority::blue:
      return "一般（蓝色）";
  }
  return "";
}

// Resolution is never due before the response (the floor in sla.hpp), so a blue category
// configured with 5 days is resolved within its 7 response days.
std::string resolution_rule(Priority priority, int resolution_working_days) {
  int days = resolution_working_days;
  if (priority == Priority::yellow) days = std::max(days, kYellowResponseWorkdays);
  if (priority == Priority::blue) days = std::max(days, kBlueResponseWorkdays);
  return std::to_string(days) + "个工作日内办结";
}

std::string service_notice(const Request& request, const Category* category) {
  std::string notice = deadline_rule(request.priority);
  if (category) {
    notice += "，" + resolution_rule(request.priority, category->resolution_working_days);
  }
  notice += "。";
  if (request.triage_note && !request.triage_note->empty()) notice += *request.triage_note + "。";
  return notice;
}

}  // namespace gz::requests::open311
