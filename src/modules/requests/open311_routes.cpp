// Open311 GeoReport v2 over HTTP (https://wiki.open311.org/GeoReport_v2), so existing 311
// apps can file and follow community requests: discovery, services, service definitions,
// requests (GET, and POST with an api_key), one request, and tokens, each as .json and .xml.
// Handlers decode → call the requests module → encode; the XML is written from the same JSON
// value (open311_xml.hpp), so both formats always agree. Beside this file: the service
// definitions (open311_definitions), the search over public requests (open311_search), the
// spec's formats, errors and wording (open311_spec), and the form decoder (http/form.hpp).
//
// Decisions where the spec leaves room (each repeated where it is applied):
// - jurisdiction_id is a community's code (or id); it may be left out while only one
//   community exists (the spec requires it only of endpoints serving several).
// - service_request_id is the tracking code: unguessable, and what residents already quote.
//   Since ids are issued at once, every service is "realtime" and a token is simply the code.
// - status: "open" while work is awaited (submitted, accepted, assigned, in_progress,
//   reopened); "closed" ("it has been resolved") once resolved — before the resident's rating
//   closes the case — and in the end states (closed, duplicate, not_our_responsibility,
//   cancelled). A reopened request is open again.
// - expected_datetime is the first-response deadline while unanswered, then the resolution
//   deadline; service_notice states the colour, its deadline rule and the triage note.
// - GET requests is public: no contact, household or reporter data. Description, address and
//   coordinates are published only for requests filed through Open311, whose reporters chose
//   a public channel; a resident's app or phone request is a private case file whose category,
//   status and deadlines are public, not its text or flat number. Numbers in published text
//   are masked (pii::mask_text: mobiles, ID numbers and any long number, however written).
// - status_notes follows the same line: a published request's latest public note, masked; a
//   private case file's notes are staff's words about a resident (names, flats), so its
//   status_notes is a fixed public phrase for its status instead.
// - POST answers 200, as the spec's examples do (it never mentions 201).
#include <boost/json.hpp>
#include <cctype>
#include <charconv>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "core/text.hpp"
#include "core/throttle.hpp"
#include "http/form.hpp"
#include "modules/audit/audit.hpp"
#include "modules/registry/registry.hpp"
#include "modules/requests/open311.hpp"
#include "modules/requests/open311_definitions.hpp"
#include "modules/requests/open311_search.hpp"
#include "modules/requests/open311_spec.hpp"
#include "modules/requests/requests.hpp"
#include "modules/requests/tracking_code.hpp"

namespace gz::requests::open311 {
namespace {

using http::Form;
using http::RequestContext;
using http::Response;

constexpr const char* kSpecification = "http://wiki.open311.org/GeoReport_v2";
// Service Discovery's changeset tells clients to refresh cached service lists and
// definitions: change it whenever the attribute definitions (open311_definitions.cpp) change.
constexpr const char* kChangeset = "2026-11-29T00:00:00+08:00";
constexpr std::int64_t kMaxSpanMs = 90 * kDayMs;  // the spec's window for GET requests
constexpr std::size_t kMaxAddressChars = 200;
constexpr std::size_t kMaxNameChars = 40;
constexpr std::size_t kMaxMediaUrlBytes = 500;

// "a, b,,c" → {"a", "b", "c"}: the spec's comma-separated lists.
std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string item = text::trim(std::string_view(text).substr(start, end - start));
    if (!item.empty()) items.push_back(std::move(item));
    start = end + 1;
  }
  return items;
}

// ---------------------------------------------------------------------------------------
// Jurisdictions are communities.

std::optional<std::string> given(const std::optional<std::string>& value) {
  // The spec: an empty parameter is the same as one not sent.
  if (!value || value->empty()) return std::nullopt;
  return value;
}

Result<std::int64_t> resolve_jurisdiction(storage::Connection& db,
                                          const std::optional<std::string>& jurisdiction_id) {
  if (jurisdiction_id) {
    if (auto row = db.query_one("SELECT id FROM communities WHERE code = ?", {*jurisdiction_id})) {
      return row->integer(0);
    }
    std::int64_t id = 0;
    const auto& text = *jurisdiction_id;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec == std::errc() && end == text.data() + text.size() &&
        registry::community_exists(db, id)) {
      return id;
    }
    return not_found("jurisdiction_id '" + text + "' not found (give a community code)");
  }
  // Without jurisdiction_id: the first community, as when it was the only one. A client set
  // up against a one-community server keeps working when a second community is added (L4 of
  // the December review); clients of the others name them.
  auto rows = db.query("SELECT id FROM communities ORDER BY id LIMIT 1");
  if (!rows.empty()) return rows[0].integer(0);
  return not_found("this server has no community yet");
}

// ---------------------------------------------------------------------------------------
// Encoding public requests.

// Category and department names of the communities met while encoding one response.
class Names {
 public:
  explicit Names(storage::Connection& db) : db_(db) {}

  const Category* category(std::int64_t community_id, const std::string& code) {
    load(community_id);
    auto& categories = categories_[community_id];
    auto found = categories.find(code);
    return found == categories.end() ? nullptr : &found->second;
  }

  std::string department(std::int64_t community_id, const std::string& code) {
    load(community_id);
    auto& departments = departments_[community_id];
    auto found = departments.find(code);
    return found == departments.end() ? code : found->second;
  }

 private:
  void load(std::int64_t community_id) {
    if (categories_.count(community_id)) return;
    auto& categories = categories_[community_id];
    for (auto& category : list_categories(db_, community_id)) {
      categories.emplace(category.code, std::move(category));
    }
    auto& departments = departments_[community_id];
    for (const auto& department : list_departments(db_, community_id)) {
      departments.emplace(department.code, department.name_zh);
    }
  }

  storage::Connection& db_;
  std::map<std::int64_t, std::map<std::string, Category>> categories_;
  std::map<std::int64_t, std::map<std::string, std::string>> departments_;
};

// One <request> of GET requests, public data only (see the decisions at the top).
boost::json::object request_json(const Request& request, const PublicTrail& trail, Names& names) {
  const Category* category = names.category(request.community_id, request.category);
  const bool published = request.channel == "open311";
  boost::json::object out;
  out["service_request_id"] = request.tracking_code;
  out["status"] = open311_status(request.status);
  out["status_notes"] = published && trail.last_note ? pii::mask_text(*trail.last_note)
                                                     : public_phrase(request.status);
  out["service_name"] = category ? category->name_zh : request.category;
  out["service_code"] = request.category;
  out["description"] =
      published ? boost::json::value(pii::mask_text(request.description)) : nullptr;
  out["agency_responsible"] =
      request.assignee_department
          ? names.department(request.community_id, *request.assignee_department)
          : std::string("社区居委会");
  out["service_notice"] = service_notice(request, category);
  out["requested_datetime"] = w3c_time(request.received_ms);
  out["updated_datetime"] = w3c_time(trail.last_ms.value_or(request.received_ms));
  out["expected_datetime"] =
      w3c_time(request.responded_ms ? request.resolution_due_ms : request.response_due_ms);
  out["address"] = published && request.location
                       ? boost::json::value(pii::mask_text(*request.location))
                       : nullptr;
  if (published && request.latitude && request.longitude) {
    auto latitude = parse_number(*request.latitude);
    auto longitude = parse_number(*request.longitude);
    if (latitude && longitude) {
      out["lat"] = *latitude;
      out["long"] = *longitude;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Decoding POST Service Request.

// A field sent at most once; empty counts as not sent (the spec's rule for optional values).
Result<std::optional<std::string>> single(const Form& form, std::string_view name) {
  std::optional<std::string> found;
  for (const auto& [key, value] : form) {
    if (key != name) continue;
    if (found) return bad_request("repeated_field", std::string(name) + " was sent twice");
    found = value;
  }
  if (found && text::trim(*found).empty()) found.reset();
  return found;
}

// attribute[code]=value and attribute[code][]=value (multivaluelist) → code → values.
Result<std::map<std::string, std::vector<std::string>>> form_attributes(const Form& form) {
  std::map<std::string, std::vector<std::string>> attributes;
  constexpr std::string_view kPrefix = "attribute[";
  for (const auto& [key, value] : form) {
    if (key.rfind(kPrefix, 0) != 0) continue;
    std::size_t close = key.find(']', kPrefix.size());
    std::string_view rest =
        close == std::string::npos ? "" : std::string_view(key).substr(close + 1);
    if (close == std::string::npos || close == kPrefix.size() || (!rest.empty() && rest != "[]")) {
      return bad_request("invalid_attribute", "malformed attribute field '" + key +
                                                  "' (expected attribute[code]=value)");
    }
    if (text::trim(value).empty()) continue;
    attributes[key.substr(kPrefix.size(), close - kPrefix.size())].push_back(value);
  }
  return attributes;
}

// Chinese names are written family name first without a space (王秀英), Latin ones given
// name first (John Smith).
std::optional<std::string> contact_name(const std::optional<std::string>& first,
                                        const std::optional<std::string>& last) {
  if (!first && !last) return std::nullopt;
  std::string given_name = text::trim(first.value_or(""));
  std::string family_name = text::trim(last.value_or(""));
  bool latin = true;
  for (unsigned char c : given_name + family_name) latin = latin && c < 0x80;
  if (!latin) return family_name + given_name;
  if (given_name.empty() || family_name.empty()) return given_name + family_name;
  return given_name + " " + family_name;
}

// What POST Service Request sent, decoded and checked against the service's definition.
struct Submission {
  NewRequest input;
  std::optional<std::string> account_id;
};

Result<Submission> read_submission(const Form& form, const Client& client,
                                   const Category& category) {
  Submission submission;
  NewRequest& input = submission.input;
  std::map<std::string, std::optional<std::string>> fields;
  for (const char* name :
       {"lat", "long", "address_string", "address_id", "email", "device_id", "account_id",
        "first_name", "last_name", "phone", "description", "media_url"}) {
    auto value = single(form, name);
    if (!value) return value.error();
    fields[name] = *value;
  }
  const auto& latitude = fields["lat"];
  const auto& longitude = fields["long"];
  const auto& address = fields["address_string"];
  if (latitude.has_value() != longitude.has_value()) {
    return bad_request("invalid_location", "lat and long must be sent together");
  }
  if (!latitude && !address) {
    return bad_request("missing_location",
                       fields["address_id"]
                           ? "address_id is not supported here: send address_string or lat and "
                             "long"
                           : "a location is required: lat and long, or address_string");
  }
  if (address && text::utf8_length(*address) > kMaxAddressChars) {
    return bad_request("invalid_location", "address_string is longer than 200 characters");
  }
  auto answers = form_attributes(form);
  if (!answers) return answers.error();
  auto lines = answer_lines(category.code, attributes_of(category.code), *answers);
  if (!lines) return lines.error();

  std::string description = text::trim(fields["description"].value_or(""));
  for (const auto& line : *lines) description += (description.empty() ? "" : "\n") + line;
  if (const auto& media_url = fields["media_url"]) {
    if ((media_url->rfind("http://", 0) != 0 && media_url->rfind("https://", 0) != 0) ||
        media_url->size() > kMaxMediaUrlBytes) {
      return bad_request("invalid_media_url",
                         "media_url must be an http(s) URL of at most 500 "
                         "bytes");
    }
    description += (description.empty() ? "" : "\n") + ("附件 / media: " + *media_url);
  }
  // The spec makes description optional; our cases always carry words, so the service name
  // stands in for a report that is only a location and answers.
  if (description.empty()) description = category.name_zh;

  input.contact_name = contact_name(fields["first_name"], fields["last_name"]);
  if (input.contact_name && text::utf8_length(*input.contact_name) > kMaxNameChars) {
    return bad_request("invalid_name", "first_name and last_name are longer than 40 characters");
  }
  // Only a mainland mobile is kept: it is what staff call back and what the PII rules know.
  // email and device_id have no place in a case file and are not stored.
  if (const auto& phone = fields["phone"]; phone && pii::is_valid_mobile(*phone)) {
    input.contact_phone = *phone;
  }
  input.community_id = client.community_id;
  input.open311_client_id = client.id;
  input.channel = "open311";
  input.category = category.code;
  input.description = std::move(description);
  input.location = address;
  input.latitude = latitude;
  input.longitude = longitude;
  submission.account_id = fields["account_id"];
  return submission;
}

// ---------------------------------------------------------------------------------------
// Handlers.

std::string base_url(const http::Request& request) {
  std::string host = request.header("host").value_or("");
  bool plausible = !host.empty() && host.size() <= 255;
  for (char c : host) {
    plausible = plausible && (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ||
                              c == ':' || c == '[' || c == ']');
  }
  if (!plausible) host = "localhost";
  std::string scheme =
      request.header("x-forwarded-proto").value_or("") == "https" ? "https" : "http";
  return scheme + "://" + host + "/open311/v2";
}

Response discovery_route(RequestContext& context, Format format) {
  boost::json::object body{
      {"changeset", kChangeset},
      {"contact",
       "共治社区服务平台：请联系所在社区居委会 / Gongzhi community services: contact "
       "the community office"},
      {"key_service",
       "api_key 由社区管理员发放（gongzhi open311 key add --name CLIENT --community "
       "ID）/ api keys are issued by the community administrator"},
      {"endpoints", boost::json::array{boost::json::object{
                        {"specification", kSpecification},
                        {"url", base_url(context.request)},
                        {"changeset", kChangeset},
                        {"type", "production"},
                        {"formats", boost::json::array{"application/json", "text/xml"}}}}}};
  return encode(format, 200, body, "discovery");
}

boost::json::object service_json(const Category& category) {
  std::string description =
      category.name_en + " — 默认" + deadline_rule(category.default_priority) + "，" +
      resolution_rule(category.default_priority, category.resolution_working_days);
  std::string keywords = category.name_zh + ", " + category.name_en + ", " + category.code;
  if (category.is_complaint) keywords += ", 投诉, complaint";
  return {{"service_code", category.code},
          {"service_name", category.name_zh},
          {"description", description},
          {"metadata", attributes_of(category.code) != nullptr},
          {"type", "realtime"},
          {"keywords", keywords},
          {"group", group_name(category.default_priority)}};
}

Response services_route(RequestContext& context, Format format) {
  auto lease = context.pool.lease();
  auto community =
      resolve_jurisdiction(*lease, given(context.request.query_param("jurisdiction_id")));
  if (!community) return spec_error(format, community.error());
  boost::json::array services;
  for (const auto& category : list_categories(*lease, *community)) {
    services.push_back(service_json(category));
  }
  return encode(format, 200, services, "services");
}

Response service_definition_route(RequestContext& context) {
  const std::string& file = context.params.at("service_code");
  auto target = split_format(file);
  if (!target) {
    return spec_error(guess_format(file), 404, "use /services/{service_code}.json or .xml");
  }
  auto [service_code, format] = *target;
  auto lease = context.pool.lease();
  auto community =
      resolve_jurisdiction(*lease, given(context.request.query_param("jurisdiction_id")));
  if (!community) return spec_error(format, community.error());
  if (!find_category(*lease, *community, service_code)) {
    return spec_error(format, 404, "service_code '" + service_code + "' not found");
  }
  const auto* attributes = attributes_of(service_code);
  if (!attributes) {
    return spec_error(
        format, 404,
        "service_code '" + service_code + "' has no service definition (its metadata is false)");
  }
  boost::json::array items;
  for (const auto& attribute : *attributes) {
    boost::json::array values;
    for (const auto& value : attribute.values)
      values.push_back({{"key", value.key}, {"name", value.name}});
    items.push_back({{"variable", true},
                     {"code", attribute.code},
                     {"datatype", attribute.datatype},
                     {"required", attribute.answer == Answer::required},
                     {"datatype_description", attribute.datatype_description},
                     {"order", attribute.order},
                     {"description", attribute.description},
                     {"values", std::move(values)}});
  }
  return encode(
      format, 200,
      boost::json::object{{"service_code", service_code}, {"attributes", std::move(items)}},
      "service_definition");
}

enum class Bound { start, end };

// start_date / end_date: W3C times; a bare date is that whole day in Asia/Shanghai.
Result<std::optional<std::int64_t>> read_time(const std::optional<std::string>& text, Bound bound,
                                              const char* name) {
  if (!text) return std::optional<std::int64_t>{};
  int year;
  unsigned month, day;
  if (parse_date(*text, year, month, day)) {
    std::int64_t start = shanghai_midnight_ms(days_from_civil(year, month, day));
    return std::optional<std::int64_t>{bound == Bound::end ? start + kDayMs - 1 : start};
  }
  auto parsed = parse_iso8601(*text);
  if (!parsed) {
    return bad_request("invalid_query", std::string(name) +
                                            " must be a W3C date-time with a time zone, e.g. "
                                            "2026-11-01T00:00:00+08:00");
  }
  return std::optional<std::int64_t>{*parsed};
}

Result<std::int64_t> read_positive(const RequestContext& context, const char* name,
                                   std::int64_t fallback) {
  auto value = context.int_query(name);
  if (!value) return value.error();
  if (!*value) return fallback;
  if (**value < 1) return bad_request("invalid_query", std::string(name) + " must be at least 1");
  return **value;
}

// The spec's window: 90 days at most; without dates, the most recent 90 days.
Result<PublicFilter> read_filter(const RequestContext& context, std::int64_t now_ms) {
  const auto& request = context.request;
  PublicFilter filter;
  auto page = read_positive(context, "page", 1);
  if (!page) return page.error();
  auto page_size = read_positive(context, "page_size", kDefaultPageSize);
  if (!page_size) return page_size.error();
  if (*page_size > kMaxPageSize) {
    return bad_request("invalid_query", "page_size must be at most 200");
  }
  filter.page = *page;
  filter.page_size = *page_size;
  if (auto ids = given(request.query_param("service_request_id"))) {
    // "This overrides all other arguments." A code with a typo simply matches nothing.
    auto typed = split_list(*ids);
    if (typed.size() > static_cast<std::size_t>(kMaxPageSize)) {
      return bad_request("invalid_query", "at most 200 service_request_id at once");
    }
    filter.tracking_codes.emplace();
    for (const auto& code : typed) {
      if (auto normalized = normalize_tracking_code(code))
        filter.tracking_codes->push_back(*normalized);
    }
    return filter;
  }
  if (auto codes = given(request.query_param("service_code")))
    filter.categories = split_list(*codes);
  if (auto statuses = given(request.query_param("status"))) {
    for (const auto& status : split_list(*statuses)) {
      if (status != "open" && status != "closed") {
        return bad_request("invalid_query", "status must be open or closed");
      }
      for (auto& name : statuses_mapped_to(status)) filter.statuses.push_back(std::move(name));
    }
  }
  auto start = read_time(given(request.query_param("start_date")), Bound::start, "start_date");
  if (!start) return start.error();
  auto end = read_time(given(request.query_param("end_date")), Bound::end, "end_date");
  if (!end) return end.error();
  if (*start && *end) {
    if (**end < **start) return bad_request("invalid_query", "end_date is before start_date");
    if (**end - **start > kMaxSpanMs) {
      return bad_request("invalid_query", "start_date to end_date may not span more than 90 days");
    }
    filter.from_ms = **start;
    filter.to_ms = **end;
  } else if (*start) {
    filter.from_ms = **start;
    filter.to_ms = **start + kMaxSpanMs;
  } else if (*end) {
    filter.from_ms = **end - kMaxSpanMs;
    filter.to_ms = **end;
  } else {
    filter.from_ms = now_ms - kMaxSpanMs;
    filter.to_ms = now_ms + kDayMs;  // and whatever arrives while the client pages
  }
  return filter;
}

Response list_requests_route(RequestContext& context, Format format) {
  auto filter = read_filter(context, now_epoch_ms());
  if (!filter) return spec_error(format, filter.error());
  auto lease = context.pool.lease();
  auto jurisdiction = given(context.request.query_param("jurisdiction_id"));
  // Tracking codes are unique across communities, so a lookup by code needs no jurisdiction.
  if (jurisdiction || !filter->tracking_codes) {
    auto community = resolve_jurisdiction(*lease, jurisdiction);
    if (!community) return spec_error(format, community.error());
    filter->community_id = *community;
  }
  auto page = search_public_requests(*lease, *filter);
  auto trails = public_trails(*lease, page.items);
  Names names(*lease);
  boost::json::array items;
  for (const auto& request : page.items)
    items.push_back(request_json(request, trails[request.id], names));
  auto response = encode(format, 200, items, "service_requests");
  response.headers.emplace_back("X-Total-Count", std::to_string(page.total));
  return response;
}

// The request behind a code, if it is in the jurisdiction asked for (when one is given).
Result<Request> find_by_code(storage::Connection& db, const http::Request& http_request,
                             const std::string& code) {
  auto request = track_request(db, code);
  if (!request) return request;
  if (auto jurisdiction = given(http_request.query_param("jurisdiction_id"))) {
    auto community = resolve_jurisdiction(db, jurisdiction);
    if (!community) return community.error();
    if (*community != request->community_id) {
      return not_found("no request " + code + " in jurisdiction " + *jurisdiction);
    }
  }
  return request;
}

Response request_route(RequestContext& context) {
  const std::string& file = context.params.at("service_request_id");
  auto target = split_format(file);
  if (!target) {
    return spec_error(guess_format(file), 404, "use /requests/{service_request_id}.json or .xml");
  }
  auto [code, format] = *target;
  auto lease = context.pool.lease();
  auto request = find_by_code(*lease, context.request, code);
  if (!request) return spec_error(format, request.error());
  Names names(*lease);
  boost::json::array items{request_json(*request, trail_of(request->events), names)};
  return encode(format, 200, items, "service_requests");
}

Response token_route(RequestContext& context) {
  const std::string& file = context.params.at("token");
  auto target = split_format(file);
  if (!target) return spec_error(guess_format(file), 404, "use /tokens/{token}.json or .xml");
  auto [token, format] = *target;
  auto lease = context.pool.lease();
  auto request = find_by_code(*lease, context.request, token);
  if (!request) return spec_error(format, 404, "token '" + token + "' not found");
  boost::json::array items{
      boost::json::object{{"service_request_id", request->tracking_code}, {"token", token}}};
  return encode(format, 200, items, "service_requests");
}

constexpr int kOpen311PostsPerMinute = 60;

Response submit_route(RequestContext& context, Format format) {
  const auto& http_request = context.request;
  std::string content_type = text::to_lower_ascii(http_request.header("content-type").value_or(""));
  if (content_type.rfind("application/x-www-form-urlencoded", 0) != 0) {
    return spec_error(format, 400, "POST a service request as application/x-www-form-urlencoded");
  }
  auto form = http::parse_form(http_request.body);
  if (!form) return spec_error(format, form.error());
  auto api_key = single(*form, "api_key");
  if (!api_key) return spec_error(format, api_key.error());
  if (!*api_key) *api_key = given(http_request.query_param("api_key"));
  if (!*api_key) return spec_error(format, 403, "api_key required to create a service request");
  auto lease = context.pool.lease();
  auto client = find_client(*lease, **api_key);
  if (!client) return spec_error(format, 403, "invalid api_key -- cannot create the request");
  // One client cannot flood a community's queue: kOpen311PostsPerMinute per key (per process).
  static Throttle per_key(kOpen311PostsPerMinute, 60'000);
  if (!per_key.allow(**api_key, now_epoch_ms())) {
    return spec_error(format, 429,
                      "too many service requests from this api_key; at most " +
                          std::to_string(kOpen311PostsPerMinute) + " a minute");
  }
  auto jurisdiction = single(*form, "jurisdiction_id");
  if (!jurisdiction) return spec_error(format, jurisdiction.error());
  if (*jurisdiction) {
    auto community = resolve_jurisdiction(*lease, *jurisdiction);
    if (!community) return spec_error(format, community.error());
    if (*community != client->community_id) {
      return spec_error(format, 403,
                        "this api_key is not valid for jurisdiction_id '" + **jurisdiction + "'");
    }
  }
  auto service_code = single(*form, "service_code");
  if (!service_code) return spec_error(format, service_code.error());
  if (!*service_code) return spec_error(format, 400, "service_code required");
  auto category = find_category(*lease, client->community_id, **service_code);
  if (!category) {
    return spec_error(format, 404, "service_code '" + **service_code + "' not found");
  }
  auto submission = read_submission(*form, *client, *category);
  if (!submission) return spec_error(format, submission.error());
  auto created = submit_request(*lease, audit::system_actor(), submission->input, now_epoch_ms());
  if (!created) return spec_error(format, created.error());
  boost::json::array items{boost::json::object{
      {"service_request_id", created->tracking_code},
      {"service_notice", service_notice(*created, &*category)},
      {"account_id",
       submission->account_id ? boost::json::value(*submission->account_id) : nullptr}}};
  return encode(format, 200, items, "service_requests");
}

Response unknown_route(RequestContext& context) {
  const std::string& resource = context.params.at("resource");
  return spec_error(guess_format(resource), 404,
                    "no Open311 resource " + context.request.method + " " + resource +
                        ": GeoReport v2 here serves discovery, services, requests and tokens as "
                        ".json or .xml");
}

}  // namespace

void register_routes(http::Router& router) {
  using http::Access;
  const std::string base = "/open311/v2/";
  const std::string jurisdiction_note =
      " (jurisdiction_id: a community code; needed when there are several communities)";
  for (Format format : {Format::json, Format::xml}) {
    const std::string extension = format == Format::json ? ".json" : ".xml";
    router.add({"GET",
                base + "discovery" + extension,
                Access::open,
                [format](RequestContext& context) { return discovery_route(context, format); },
                {"Open311 Service Discovery: the GeoReport v2 endpoint and its formats", "open311",
                 "anyone", "", ""}});
    router.add({"GET",
                base + "services" + extension,
                Access::open,
                [format](RequestContext& context) { return services_route(context, format); },
                {"Open311 service list: one service per request category" + jurisdiction_note,
                 "open311", "anyone", "", "jurisdiction_id"}});
    router.add({"GET",
                base + "requests" + extension,
                Access::open,
                [format](RequestContext& context) { return list_requests_route(context, format); },
                {"Open311 service requests, public data only, newest first (X-Total-Count gives "
                 "the total)" +
                     jurisdiction_note,
                 "open311", "anyone", "",
                 "jurisdiction_id, service_request_id, service_code, start_date, end_date, "
                 "status, page, page_size"}});
    router.add({"POST",
                base + "requests" + extension,
                Access::open,
                [format](RequestContext& context) { return submit_route(context, format); },
                {"Open311 POST Service Request: application/x-www-form-urlencoded with api_key, "
                 "service_code, lat+long or address_string, description, attribute[code]=value",
                 "open311", "Open311 clients with an api_key", "", ""}});
  }
  router.add({"GET",
              base + "services/{service_code}",
              Access::open,
              service_definition_route,
              {"Open311 service definition ({service_code}.json or .xml) for services whose "
               "metadata is true",
               "open311", "anyone", "", "jurisdiction_id"}});
  router.add({"GET",
              base + "requests/{service_request_id}",
              Access::open,
              request_route,
              {"One Open311 service request by its id, the tracking code ({code}.json or .xml)",
               "open311", "anyone", "", "jurisdiction_id"}});
  router.add({"GET",
              base + "tokens/{token}",
              Access::open,
              token_route,
              {"Open311 token lookup ({token}.json or .xml); tokens are tracking codes", "open311",
               "anyone", "", "jurisdiction_id"}});
  for (const char* method : {"GET", "POST"}) {
    router.add({method,
                base + "{resource}",
                Access::open,
                unknown_route,
                {"Unknown Open311 resources and formats: 404 in the GeoReport error format",
                 "open311", "anyone", "", ""}});
  }
}

}  // namespace gz::requests::open311
