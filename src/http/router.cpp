#include "http/router.hpp"

#include "http/schema_trace.hpp"

#include "http/json_io.hpp"

#include <algorithm>

#include <charconv>
#include <stdexcept>

namespace gz::http {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start < path.size()) {
    if (path[start] == '/') {
      ++start;
      continue;
    }
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    segments.push_back(path.substr(start, end - start));
    start = end;
  }
  return segments;
}

namespace {

std::optional<std::int64_t> parse_int(const std::string& text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
             std::map<std::string, std::string>* params) {
  if (pattern.size() != path.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const std::string& segment = pattern[i];
    if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}') {
      if (params) (*params)[segment.substr(1, segment.size() - 2)] = path[i];
    } else if (segment != path[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<std::int64_t> RequestContext::id_param(const std::string& name) const {
  if (schema_trace::enabled()) schema_trace::read({"path", name, "integer", true, 1});
  auto found = params.find(name);
  if (found != params.end()) {
    auto value = parse_int(found->second);
    if (value && *value > 0) return *value;
  }
  return not_found("no such " + name + ": '" + (found == params.end() ? "" : found->second) + "'");
}

Result<std::optional<std::int64_t>> RequestContext::int_query(const std::string& name) const {
  if (schema_trace::enabled()) schema_trace::read({"query", name, "integer"});
  auto text = request.query_param(name);
  if (!text) return std::optional<std::int64_t>{};
  auto value = parse_int(*text);
  if (!value)
    return bad_request("invalid_query", "query parameter '" + name + "' must be an integer");
  return std::optional<std::int64_t>{*value};
}

Result<std::int64_t> RequestContext::community_param() const {
  auto given = int_query("community_id");
  if (!given) return given.take_error();
  if (*given) return **given;
  if (!actor || actor->community_ids.empty()) return std::int64_t{0};
  return actor->community_ids.front();
}

Result<boost::json::object> RequestContext::json_object() const {
  return parse_json_object(request);
}

Result<boost::json::object> RequestContext::json_object_or_empty() const {
  if (request.body.empty()) return boost::json::object{};
  return parse_json_object(request);
}

Result<std::int64_t> RequestContext::limit_param(const std::string& name, std::int64_t fallback,
                                                 std::int64_t max) const {
  if (schema_trace::enabled()) schema_trace::read({"query", name, "integer", false, 1, max});
  GZ_ASSIGN_OR_RETURN(auto given, int_query(name));
  if (!given) return fallback;
  if (*given < 1 || *given > max) {
    return bad_request("invalid_query", name + " must be between 1 and " + std::to_string(max));
  }
  return *given;
}

void Router::add(Route route) {
  auto owned = std::make_unique<Route>(std::move(route));
  if (owned->quick && owned->method != "GET") {
    throw std::logic_error("a quick route only reads: " + owned->name());
  }
  auto segments = split_path(owned->pattern);
  auto shape = [](std::vector<std::string> parts) {
    for (auto& part : parts) {
      if (part.size() > 2 && part.front() == '{') part = "{}";
    }
    return parts;
  };
  for (const auto& existing : compiled_) {
    if (existing.route->method == owned->method && shape(existing.segments) == shape(segments)) {
      throw std::logic_error("duplicate route " + owned->name());
    }
  }
  compiled_.push_back({std::move(segments), owned.get()});
  routes_.push_back(std::move(owned));
}

Match Router::match(const std::string& method, const std::string& path) const {
  Match result;
  auto segments = split_path(path);
  // Literal segments win over parameters: try routes with fewer parameters first.
  const Compiled* best = nullptr;
  int best_params = 1 << 20;
  for (const auto& candidate : compiled_) {
    if (!matches(candidate.segments, segments, nullptr)) continue;
    result.allowed.push_back(candidate.route->method);
    if (candidate.route->method == "GET") result.allowed.push_back("HEAD");
    if (candidate.route->method != method) {
      result.path_known = true;
      continue;
    }
    int count = 0;
    for (const auto& segment : candidate.segments) count += !segment.empty() && segment[0] == '{';
    if (count < best_params) {
      best = &candidate;
      best_params = count;
    }
  }
  std::sort(result.allowed.begin(), result.allowed.end());
  result.allowed.erase(std::unique(result.allowed.begin(), result.allowed.end()),
                       result.allowed.end());
  if (best) {
    matches(best->segments, segments, &result.params);
    result.route = best->route;
  }
  return result;
}

void Router::allow_replica(const std::vector<std::string>& names) {
  for (const auto& name : names) {
    bool found = false;
    for (auto& route : routes_) {
      if (route->name() == name) {
        route->public_read = true;
        found = true;
      }
    }
    if (!found) throw std::invalid_argument("allow_replica: no route " + name);
  }
}

}  // namespace gz::http
