#include "http/schema_trace.hpp"

#include <unistd.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>

#include "http/message.hpp"

namespace gz::http::schema_trace {
namespace {

thread_local Scope* current = nullptr;

const std::string& directory() {
  static const std::string value = [] {
    const char* set = std::getenv("GONGZHI_SCHEMA_TRACE");
    return std::string(set ? set : "");
  }();
  return value;
}

std::optional<boost::json::value> json_of(const std::string& content_type,
                                          const std::string& body) {
  if (body.empty() || content_type.find("json") == std::string::npos) return std::nullopt;
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec);
  if (ec) return std::nullopt;
  return value;
}

}  // namespace

bool enabled() {
  return !directory().empty();
}

void read(Read fact) {
  if (current) current->reads_.push_back(std::move(fact));
}

void closed_body(const std::vector<std::string>& names, const void* object) {
  for (const auto& name : names) {
    Read fact;
    fact.in = "body";
    fact.name = name;
    fact.closed = true;
    fact.object = object;
    read(std::move(fact));
  }
}

Scope::Scope() : previous_(current) {
  current = this;
}
Scope::~Scope() {
  current = previous_;
}

void write(const Request& request, const std::string& route, const Response& response,
           const Scope& scope) {
  if (!enabled()) return;
  static std::mutex mutex;
  static std::map<std::string, int> written;
  std::string key = route + " " + std::to_string(response.status);
  {
    std::lock_guard lock(mutex);
    if (++written[key] > 40) return;
  }
  boost::json::object line{
      {"route", route},
      {"status", response.status},
      {"content_type", response.content_type.substr(0, response.content_type.find(';'))}};
  // Which JSON object a handler read was the body itself: the one whose read fields the body
  // has most of (an award list's items are read too, and are not the body).
  std::optional<boost::json::value> request_json =
      json_of(request.header("content-type").value_or(""), request.body);
  std::map<const void*, int> found;
  for (const auto& fact : scope.reads()) {
    if (!fact.object) continue;
    int& count = found[fact.object];
    if (request_json && request_json->is_object() &&
        request_json->as_object().contains(fact.name)) {
      ++count;
    }
  }
  const void* body = nullptr;
  int best = 0;
  for (const auto& fact : scope.reads()) {  // in reading order: ties go to the first read
    if (fact.object && found[fact.object] > best) {
      best = found[fact.object];
      body = fact.object;
    }
  }
  // No field of any read object in the body: the body is the first object read only when the
  // body has no fields at all (an empty {} where everything is optional).
  bool empty_body =
      !request_json || (request_json->is_object() && request_json->as_object().empty());
  if (!body && empty_body) {
    for (const auto& fact : scope.reads()) {
      if (fact.object) {
        body = fact.object;
        break;
      }
    }
  }
  boost::json::array reads;
  for (const auto& fact : scope.reads()) {
    boost::json::object item{{"in", fact.object && fact.object != body ? "nested" : fact.in},
                             {"name", fact.name}};
    if (!fact.type.empty()) item["type"] = fact.type;
    if (fact.required) item["required"] = true;
    if (fact.closed) item["closed"] = true;
    if (fact.minimum) item["minimum"] = *fact.minimum;
    if (fact.maximum) item["maximum"] = *fact.maximum;
    if (fact.max_length) item["maxLength"] = *fact.max_length;
    if (fact.max_items) item["maxItems"] = *fact.max_items;
    reads.push_back(std::move(item));
  }
  line["reads"] = std::move(reads);
  if (response.status < 300 && request_json) line["request"] = std::move(*request_json);
  if (auto body = json_of(response.content_type, response.body))
    line["response"] = std::move(*body);
  std::string text = boost::json::serialize(line) + "\n";
  std::lock_guard lock(mutex);
  std::ofstream out(directory() + "/trace-" + std::to_string(::getpid()) + ".jsonl",
                    std::ios::app | std::ios::binary);
  out << text;
}

}  // namespace gz::http::schema_trace
