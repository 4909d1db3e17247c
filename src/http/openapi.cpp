#include "http/openapi.hpp"

#include <boost/json.hpp>
#include <cctype>

namespace gz::http {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

boost::json::object error_response_schema(const char* description) {
  return {
      {"description", description},
      {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}

}  // namespace

boost::json::value openapi_document(const Router& router, const std::string& version) {
  boost::json::object paths;
  for (const auto& route : router.routes()) {
    boost::json::object operation;
    operation["operationId"] = route->name();
    operation["summary"] = route->doc.summary;
    if (!route->doc.tag.empty()) operation["tags"] = boost::json::array{route->doc.tag};
    if (!route->doc.roles.empty()) operation["description"] = "Roles: " + route->doc.roles;
    boost::json::array parameters;
    for (const auto& segment : split_path(route->pattern)) {
      if (segment.size() > 2 && segment.front() == '{') {
        parameters.push_back({{"name", segment.substr(1, segment.size() - 2)},
                              {"in", "path"},
                              {"required", true},
                              {"schema", {{"type", "string"}}}});
      }
    }
    std::string query = route->doc.query_parameters;
    std::size_t start = 0;
    while (start < query.size()) {
      std::size_t end = query.find(',', start);
      if (end == std::string::npos) end = query.size();
      std::string name = query.substr(start, end - start);
      while (!name.empty() && name.front() == ' ') name.erase(0, 1);
      if (!name.empty()) {
        parameters.push_back({{"name", name},
                              {"in", "query"},
                              {"required", false},
                              {"schema", {{"type", "string"}}}});
      }
      start = end + 1;
    }
    if (!parameters.empty()) operation["parameters"] = std::move(parameters);
    if (!route->doc.request_example.empty()) {
      boost::system::error_code ec;
      auto example = boost::json::parse(route->doc.request_example, ec);
      std::string media = route->accepts_any_content_type ? "text/csv" : "application/json";
      boost::json::object body{{"required", true}};
      boost::json::object content;
      if (!ec) {
        content[media] = {{"example", example}};
      } else {
        content[media] = {{"example", route->doc.request_example}};
      }
      body["content"] = std::move(content);
      operation["requestBody"] = std::move(body);
    }
    boost::json::object responses{{"200", {{"description", "OK"}}},
                                  {"400", error_response_schema("Bad input")},
                                  {"404", error_response_schema("Not found")}};
    if (route->access == Access::login) {
      responses["401"] = error_response_schema("Not logged in");
      responses["403"] = error_response_schema("Role may not do this");
      operation["security"] = boost::json::array{{{"bearer", boost::json::array{}}},
                                                 {{"cookie", boost::json::array{}}}};
    } else {
      operation["security"] = boost::json::array{boost::json::object{}};
    }
    operation["responses"] = std::move(responses);
    std::string path = route->pattern;
    auto& item = paths[path];
    if (!item.is_object()) item = boost::json::object{};
    item.as_object()[lower(route->method)] = std::move(operation);
  }
  boost::json::object error_schema = {
      {"type", "object"},
      {"required", {"error"}},
      {"properties",
       {{"error",
         {{"type", "object"},
          {"required", {"code", "message"}},
          {"properties", {{"code", {{"type", "string"}}}, {"message", {{"type", "string"}}}}}}}}}};
  return boost::json::object{
      {"openapi", "3.1.0"},
      {"info",
       {{"title", "Gongzhi (共治) community service management API"}, {"version", version}}},
      {"paths", std::move(paths)},
      {"components",
       {{"schemas", {{"Error", std::move(error_schema)}}},
        {"securitySchemes",
         {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}},
          {"cookie", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "gz_session"}}}}}}}};
}

}  // namespace gz::http
