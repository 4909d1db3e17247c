#include "http/openapi.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <string_view>
#include <vector>

namespace gz::embedded {
extern const std::string_view openapi_schemas_json;
}

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

// The operations' schemas built from what the API tests read and answered
// (tools/openapi/build.mjs → src/http/openapi_schemas.json, embedded at build time).
const boost::json::object& observed() {
  static const boost::json::object parsed = [] {
    boost::system::error_code ec;
    auto value = boost::json::parse(embedded::openapi_schemas_json, ec);
    return !ec && value.is_object() ? value.as_object() : boost::json::object{};
  }();
  return parsed;
}

const char* status_description(std::string_view status) {
  static const std::pair<std::string_view, const char*> kNames[] = {
      {"200", "OK"},
      {"201", "Created"},
      {"204", "No content"},
      {"206", "Partial content"},
      {"301", "Moved"},
      {"302", "Found"},
      {"304", "Not modified"},
      {"400", "Bad input: the error's code names the problem (missing_field, invalid_field, …)"},
      {"401", "Not logged in"},
      {"403", "This role or user may not do this, or a cookie write came from another site"},
      {"404", "Not found (or not this caller's to see)"},
      {"405", "Method not allowed on this path (Allow lists the methods)"},
      {"409", "Conflicts with the current state (the error's code says which)"},
      {"413", "Body too large"},
      {"415", "Unsupported media type"},
      {"422", "Well-formed but not acceptable"},
      {"429", "Too many attempts; Retry-After says when to try again"},
      {"500", "Internal error; the message carries the request id"},
      {"503", "The database is busy; retry shortly"}};
  for (const auto& [code, name] : kNames) {
    if (code == status) return name;
  }
  return "See the error code";
}

bool is_write(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

}  // namespace

boost::json::value openapi_document(const Router& router, const std::string& version) {
  boost::json::object paths;
  for (const auto& route : router.routes()) {
    const boost::json::object* seen = nullptr;
    if (auto* found = observed().if_contains(route->name()); found && found->is_object()) {
      seen = &found->as_object();
    }
    auto seen_parameter = [&](const std::string& in, const std::string& name) {
      const boost::json::value* schema = nullptr;
      if (!seen) return schema;
      if (auto* list = seen->if_contains("parameters"); list && list->is_array()) {
        for (const auto& item : list->as_array()) {
          const auto& parameter = item.as_object();
          if (parameter.at("in").as_string() == in && parameter.at("name").as_string() == name) {
            schema = &parameter.at("schema");
          }
        }
      }
      return schema;
    };
    boost::json::object operation;
    operation["operationId"] = route->name();
    operation["summary"] = route->doc.summary;
    if (!route->doc.tag.empty()) operation["tags"] = boost::json::array{route->doc.tag};
    if (!route->doc.roles.empty()) operation["description"] = "Roles: " + route->doc.roles;
    boost::json::array parameters;
    // A path or query parameter, typed as the handler was seen reading it (else a string).
    auto add_parameter = [&](const std::string& in, const std::string& name) {
      auto* schema = seen_parameter(in, name);
      parameters.push_back(
          {{"name", name},
           {"in", in},
           {"required", in == "path"},
           {"schema", schema ? *schema : boost::json::object{{"type", "string"}}}});
    };
    for (const auto& segment : split_path(route->pattern)) {
      if (segment.size() > 2 && segment.front() == '{') {
        add_parameter("path", segment.substr(1, segment.size() - 2));
      }
    }
    // Query parameters: those the summary names and those the handler was seen reading.
    std::vector<std::string> query_names;
    std::string query = route->doc.query_parameters;
    std::size_t start = 0;
    while (start < query.size()) {
      std::size_t end = query.find(',', start);
      if (end == std::string::npos) end = query.size();
      std::string name = query.substr(start, end - start);
      while (!name.empty() && name.front() == ' ') name.erase(0, 1);
      if (!name.empty()) query_names.push_back(name);
      start = end + 1;
    }
    if (seen) {
      if (auto* list = seen->if_contains("parameters"); list && list->is_array()) {
        for (const auto& item : list->as_array()) {
          const auto& parameter = item.as_object();
          std::string name(parameter.at("name").as_string());
          if (parameter.at("in").as_string() == "query" &&
              std::find(query_names.begin(), query_names.end(), name) == query_names.end()) {
            query_names.push_back(name);
          }
        }
      }
    }
    for (const auto& name : query_names) add_parameter("query", name);
    bool writes = is_write(route->method);
    if (writes && route->access == Access::login) {
      parameters.push_back(
          {{"name", "Idempotency-Key"},
           {"in", "header"},
           {"required", false},
           {"description",
            "1-128 characters; the same key from the same user replays the first answer instead "
            "of doing the work twice"},
           {"schema", {{"type", "string"}, {"minLength", 1}, {"maxLength", 128}}}});
    }
    if (!parameters.empty()) operation["parameters"] = std::move(parameters);

    const boost::json::value* body_schema = seen ? seen->if_contains("requestBody") : nullptr;
    if (body_schema || !route->doc.request_example.empty()) {
      boost::system::error_code ec;
      auto example = boost::json::parse(route->doc.request_example, ec);
      std::string media = route->accepts_any_content_type ? "text/csv" : "application/json";
      boost::json::object content_entry;
      if (route->accepts_any_content_type) {
        content_entry["schema"] = {{"type", "string"}};
      } else if (body_schema) {
        content_entry["schema"] = *body_schema;
      }
      if (!route->doc.request_example.empty()) {
        content_entry["example"] =
            ec ? boost::json::value(route->doc.request_example) : std::move(example);
      }
      bool required = route->accepts_any_content_type;
      if (body_schema && body_schema->is_object()) {
        if (auto* list = body_schema->as_object().if_contains("required")) {
          required = list->is_array() && !list->as_array().empty();
        }
      }
      boost::json::object content;
      content[media] = std::move(content_entry);
      operation["requestBody"] = {{"required", required}, {"content", std::move(content)}};
    }

    // Responses: each status the tests saw, with its schema, and those any route of its kind
    // can answer (the dispatcher's 400/404/405/500/503, login's 401/403, a write's 409/413).
    boost::json::object responses;
    if (seen) {
      if (auto* list = seen->if_contains("responses"); list && list->is_object()) {
        for (const auto& [status, media] : list->as_object()) {
          if (status.size() == 3 && status[0] >= '4' && media.is_null()) {
            responses[status] = error_response_schema(status_description(status));
            continue;
          }
          boost::json::object response{{"description", status_description(status)}};
          if (media.is_object() && !media.as_object().empty()) {
            boost::json::object content;
            for (const auto& [type, schema] : media.as_object()) {
              content[type] = schema.is_null()
                                  ? boost::json::object{{"schema", {{"type", "string"}}}}
                                  : boost::json::object{{"schema", schema}};
            }
            response["content"] = std::move(content);
          }
          responses[status] = std::move(response);
        }
      }
    }
    bool has_success = false;
    for (const auto& [status, unused] : responses) has_success = has_success || status[0] < '4';
    if (!has_success) responses["200"] = {{"description", "OK"}};
    std::vector<const char*> generic = {"400", "404", "405", "500", "503"};
    if (route->access == Access::login || writes) generic.push_back("403");
    if (route->access == Access::login) generic.push_back("401");
    if (writes) {
      generic.push_back("409");
      generic.push_back("413");
    }
    for (const char* status : generic) {
      if (!responses.contains(status)) {
        responses[status] = error_response_schema(status_description(status));
      }
    }
    if (route->access == Access::login) {
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
