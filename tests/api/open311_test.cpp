// Black-box tests of Open311 GeoReport v2 under /open311/v2/: a real server on SQLite and on
// PostgreSQL, driven as an independent 311 client would drive it. Every JSON answer is
// checked against the spec's field lists (required fields, JSON types, allowed values), and
// every XML answer is parsed and compared with its JSON twin.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "correct-horse-42";
constexpr const char* kCode = "O311-A";       // the community our key belongs to
constexpr const char* kOtherCode = "O311-B";  // a second community, so jurisdiction matters
const std::string kBase = "/open311/v2/";

// ---------------------------------------------------------------------------------------
// The GeoReport v2 field lists (wiki.open311.org/GeoReport_v2, and the JSON schemas of
// github.com/open311/schema-validation): name, allowed JSON types, required.

enum class Type { string, boolean, integer, number, array, null };

struct Field {
  const char* name;
  std::vector<Type> types;
  bool required;
};

using Fields = std::vector<Field>;

const Fields kDiscoveryFields = {{"changeset", {Type::string}, true},
                                 {"contact", {Type::string}, true},
                                 {"key_service", {Type::string}, true},
                                 {"endpoints", {Type::array}, true}};
const Fields kEndpointFields = {{"specification", {Type::string}, true},
                                {"url", {Type::string}, true},
                                {"changeset", {Type::string}, true},
                                {"type", {Type::string}, true},
                                {"formats", {Type::array}, true}};
const Fields kServiceFields = {{"service_code", {Type::string}, true},
                               {"service_name", {Type::string}, true},
                               {"description", {Type::string, Type::null}, false},
                               {"metadata", {Type::boolean}, true},
                               {"type", {Type::string}, true},
                               {"keywords", {Type::string, Type::null}, false},
                               {"group", {Type::string, Type::null}, false}};
const Fields kDefinitionFields = {{"service_code", {Type::string}, true},
                                  {"attributes", {Type::array}, true}};
const Fields kAttributeFields = {{"variable", {Type::boolean}, true},
                                 {"code", {Type::string}, true},
                                 {"datatype", {Type::string}, true},
                                 {"required", {Type::boolean}, true},
                                 {"datatype_description", {Type::string, Type::null}, false},
                                 {"order", {Type::integer, Type::null}, false},
                                 {"description", {Type::string, Type::null}, false},
                                 {"values", {Type::array}, false}};
const Fields kValueFields = {{"key", {Type::string}, true}, {"name", {Type::string}, true}};
const Fields kRequestFields = {{"service_request_id", {Type::string}, true},
                               {"status", {Type::string}, true},
                               {"status_notes", {Type::string, Type::null}, false},
                               {"service_name", {Type::string, Type::null}, false},
                               {"service_code", {Type::string}, true},
                               {"description", {Type::string, Type::null}, false},
                               {"agency_responsible", {Type::string, Type::null}, false},
                               {"service_notice", {Type::string, Type::null}, false},
                               {"requested_datetime", {Type::string}, true},
                               {"updated_datetime", {Type::string, Type::null}, false},
                               {"expected_datetime", {Type::string, Type::null}, false},
                               {"address", {Type::string, Type::null}, false},
                               {"address_id", {Type::string, Type::null}, false},
                               {"zipcode", {Type::string, Type::null}, false},
                               {"lat", {Type::number, Type::null}, false},
                               {"long", {Type::number, Type::null}, false},
                               {"media_url", {Type::string, Type::null}, false}};
// POST Service Request answers a service_request_id (realtime) or a token, never both.
const Fields kCreatedFields = {{"service_request_id", {Type::string}, true},
                               {"service_notice", {Type::string, Type::null}, false},
                               {"account_id", {Type::string, Type::null}, false}};
const Fields kTokenFields = {{"service_request_id", {Type::string}, true},
                             {"token", {Type::string}, true}};
const Fields kErrorFields = {{"code", {Type::integer}, true},
                             {"description", {Type::string}, true}};

bool has_type(const boost::json::value& value, Type type) {
  switch (type) {
    case Type::string:
      return value.is_string();
    case Type::boolean:
      return value.is_bool();
    case Type::integer:
      return value.is_int64() || value.is_uint64();
    case Type::number:
      return value.is_number();
    case Type::array:
      return value.is_array();
    case Type::null:
      return value.is_null();
  }
  return false;
}

// Required fields present with an allowed type, and no field the spec does not name.
void expect_fields(const boost::json::value& value, const Fields& fields,
                   const std::string& where) {
  ASSERT_TRUE(value.is_object()) << where << " is not an object: " << value;
  const auto& object = value.as_object();
  for (const auto& field : fields) {
    const auto* member = object.if_contains(field.name);
    if (!member) {
      EXPECT_FALSE(field.required) << where << " lacks required " << field.name;
      continue;
    }
    bool typed = false;
    for (Type type : field.types) typed = typed || has_type(*member, type);
    EXPECT_TRUE(typed) << where << "." << field.name << " has the wrong type: " << *member;
  }
  for (const auto& member : object) {
    bool known = false;
    for (const auto& field : fields) known = known || member.key() == field.name;
    EXPECT_TRUE(known) << where << " has " << member.key() << ", not a GeoReport v2 field";
  }
}

bool is_w3c_time(const boost::json::value& value) {
  static const std::regex kTime(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d))");
  return value.is_string() && std::regex_match(std::string(value.as_string()), kTime);
}

void expect_service(const boost::json::value& service) {
  expect_fields(service, kServiceFields, "service");
  std::string type(service.at("type").as_string());
  EXPECT_TRUE(type == "realtime" || type == "batch" || type == "blackbox") << type;
}

void expect_definition(const boost::json::value& definition) {
  expect_fields(definition, kDefinitionFields, "service_definition");
  std::vector<std::int64_t> orders;
  for (const auto& attribute : definition.at("attributes").as_array()) {
    expect_fields(attribute, kAttributeFields, "attribute");
    std::string datatype(attribute.at("datatype").as_string());
    EXPECT_TRUE(datatype == "string" || datatype == "number" || datatype == "datetime" ||
                datatype == "text" || datatype == "singlevaluelist" || datatype == "multivaluelist")
        << datatype;
    orders.push_back(attribute.at("order").as_int64());
    EXPECT_GE(orders.back(), 1);
    for (const auto& value : attribute.at("values").as_array()) {
      expect_fields(value, kValueFields, "value");
    }
    if (datatype == "singlevaluelist" || datatype == "multivaluelist") {
      EXPECT_FALSE(attribute.at("values").as_array().empty());
    }
  }
  std::sort(orders.begin(), orders.end());
  EXPECT_EQ(std::adjacent_find(orders.begin(), orders.end()), orders.end()) << "orders repeat";
}

void expect_request(const boost::json::value& request) {
  expect_fields(request, kRequestFields, "request");
  std::string status(request.at("status").as_string());
  EXPECT_TRUE(status == "open" || status == "closed") << status;
  for (const char* time : {"requested_datetime", "updated_datetime", "expected_datetime"}) {
    const auto* value = request.as_object().if_contains(time);
    if (value && !value->is_null()) {
      EXPECT_TRUE(is_w3c_time(*value)) << time << ": " << *value;
    }
  }
  if (const auto* description = request.as_object().if_contains("description");
      description && description->is_string()) {
    EXPECT_LE(description->as_string().size(), 4000u * 4);
  }
}

void expect_errors(const boost::json::value& value, int code) {
  ASSERT_TRUE(value.is_array()) << value;
  ASSERT_FALSE(value.as_array().empty());
  for (const auto& error : value.as_array()) {
    expect_fields(error, kErrorFields, "error");
    EXPECT_EQ(error.at("code").as_int64(), code);
    EXPECT_FALSE(error.at("description").as_string().empty());
  }
}

// ---------------------------------------------------------------------------------------
// A minimal XML reader for the spec's schemaless XML: elements, text and the five predefined
// entities; no attributes, comments or mixed content. Anything else is a failure, so raw
// '<', '>' or '&' in text (missing escaping) is caught.

struct XmlNode {
  std::string name;
  std::string text;
  std::vector<XmlNode> children;
};

class XmlReader {
 public:
  explicit XmlReader(std::string_view text) : text_(text) {}

  std::optional<XmlNode> document() {
    skip_space();
    if (!consume("<?xml ")) return fail("no XML declaration");
    auto end = text_.find("?>", pos_);
    if (end == std::string_view::npos) return fail("unterminated XML declaration");
    std::string declaration(text_.substr(pos_, end - pos_));
    for (char& c : declaration) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (declaration.find("encoding=\"utf-8\"") == std::string::npos) {
      return fail("the declaration does not say encoding=\"utf-8\"");
    }
    pos_ = end + 2;
    skip_space();
    auto root = element();
    if (!root) return std::nullopt;
    skip_space();
    if (pos_ != text_.size()) return fail("content after the root element");
    return root;
  }

  std::string error;

 private:
  std::nullopt_t fail(const std::string& message) {
    if (error.empty()) error = message + " at byte " + std::to_string(pos_);
    return std::nullopt;
  }
  bool consume(std::string_view token) {
    if (text_.substr(pos_, token.size()) != token) return false;
    pos_ += token.size();
    return true;
  }
  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  std::string name() {
    std::size_t start = pos_;
    while (pos_ < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) {
      ++pos_;
    }
    return std::string(text_.substr(start, pos_ - start));
  }
  static bool blank(const std::string& text) {
    for (char c : text) {
      if (!std::isspace(static_cast<unsigned char>(c))) return false;
    }
    return true;
  }
  std::optional<XmlNode> element() {
    if (!consume("<")) return fail("expected an element");
    XmlNode node;
    node.name = name();
    if (node.name.empty()) return fail("element without a name");
    if (consume("/>")) return node;
    if (!consume(">")) return fail("unexpected attribute or character in <" + node.name);
    while (true) {
      if (pos_ >= text_.size()) return fail("unterminated <" + node.name + ">");
      if (consume("</")) {
        if (name() != node.name || !consume(">")) return fail("mismatched </" + node.name + ">");
        break;
      }
      char c = text_[pos_];
      if (c == '<') {
        if (!blank(node.text)) return fail("mixed content in <" + node.name + ">");
        node.text.clear();
        auto child = element();
        if (!child) return std::nullopt;
        node.children.push_back(std::move(*child));
        continue;
      }
      if (c == '>') return fail("unescaped '>' in <" + node.name + ">");
      if (c == '&') {
        static const std::pair<std::string_view, char> kEntities[] = {
            {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
        bool known = false;
        for (const auto& [entity, character] : kEntities) {
          if (consume(entity)) {
            node.text += character;
            known = true;
            break;
          }
        }
        if (!known) return fail("unknown entity or raw '&' in <" + node.name + ">");
        continue;
      }
      node.text += c;
      ++pos_;
    }
    if (!node.children.empty()) {
      if (!blank(node.text)) return fail("mixed content in <" + node.name + ">");
      node.text.clear();
    }
    return node;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

XmlNode parse_xml(const std::string& body) {
  XmlReader reader(body);
  auto root = reader.document();
  EXPECT_TRUE(root.has_value()) << reader.error << "\n" << body;
  return root.value_or(XmlNode{});
}

// The spec's names for one item of each list.
std::string item_name(const std::string& list) {
  static const std::map<std::string, std::string> kItems = {
      {"services", "service"}, {"service_requests", "request"}, {"attributes", "attribute"},
      {"values", "value"},     {"endpoints", "endpoint"},       {"formats", "format"},
      {"errors", "error"}};
  auto found = kItems.find(list);
  return found == kItems.end() ? "?" : found->second;
}

// The JSON is the Spark-convention mapping of the XML: the same tree, the same order.
void expect_same(const XmlNode& node, const boost::json::value& value, const std::string& path) {
  if (value.is_object()) {
    const auto& object = value.as_object();
    ASSERT_EQ(node.children.size(), object.size()) << path;
    std::size_t i = 0;
    for (const auto& member : object) {
      const XmlNode& child = node.children[i++];
      EXPECT_EQ(child.name, std::string(member.key())) << path;
      expect_same(child, member.value(), path + "/" + child.name);
    }
  } else if (value.is_array()) {
    const auto& array = value.as_array();
    ASSERT_EQ(node.children.size(), array.size()) << path;
    for (std::size_t i = 0; i < array.size(); ++i) {
      EXPECT_EQ(node.children[i].name, item_name(node.name)) << path;
      expect_same(node.children[i], array[i], path + "/" + node.children[i].name);
    }
  } else {
    EXPECT_TRUE(node.children.empty()) << path;
    if (value.is_null()) {
      EXPECT_EQ(node.text, "") << path;
    } else if (value.is_string()) {
      EXPECT_EQ(node.text, std::string(value.as_string())) << path;
    } else if (value.is_bool()) {
      EXPECT_EQ(node.text, value.as_bool() ? "true" : "false") << path;
    } else if (value.is_int64()) {
      EXPECT_EQ(node.text, std::to_string(value.as_int64())) << path;
    } else if (value.is_double()) {
      EXPECT_DOUBLE_EQ(std::stod(node.text), value.as_double()) << path;
    }
  }
}

// ---------------------------------------------------------------------------------------
// The world: two communities, a staff member of the first, an api_key for each.

struct Fixture {
  explicit Fixture(Backend backend) : world(backend, {}, kPassword) {
    community_id = world.community("开放社区", kCode);
    other_community_id = world.community("另一社区", kOtherCode);
    staff = world.community_user("open311-staff", "staff", {community_id});
    api_key = world.open311_key("test-client", community_id);
    other_api_key = world.open311_key("other-client", other_community_id);
    EXPECT_EQ(api_key.size(), 48u) << api_key;
  }
  World world;
  std::int64_t community_id = 0;
  std::int64_t other_community_id = 0;
  std::string api_key;
  std::string other_api_key;
  Client staff{0};
};

std::string percent_encode(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

using Form = std::vector<std::pair<std::string, std::string>>;

std::string form_body(const Form& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    body += (body.empty() ? "" : "&") + percent_encode(name) + "=" + percent_encode(value);
  }
  return body;
}

// An ISO 8601 UTC time `offset_seconds` from now.
std::string utc_time(std::int64_t offset_seconds) {
  std::time_t t = test_now_seconds() + offset_seconds;
  std::tm parts{};
  gmtime_r(&t, &parts);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return buffer;
}

class Open311 : public BackendTest {
 protected:
  Fixture& w() { return shared<Fixture>(GetParam()); }
  int port() { return w().world.port(); }

  HttpResponse get(const std::string& target) { return send_http(port(), {"GET", target, "", {}}); }
  // GET target as .json and as .xml; checks the content types and that the two agree.
  boost::json::value get_both(const std::string& resource, const std::string& query,
                              const std::string& xml_root, int status = 200) {
    auto json = get(kBase + resource + ".json" + query);
    auto xml = get(kBase + resource + ".xml" + query);
    EXPECT_EQ(json.status, status) << resource << ": " << json.body;
    EXPECT_EQ(xml.status, status) << resource << ": " << xml.body;
    EXPECT_EQ(json.headers["content-type"], "application/json; charset=utf-8");
    EXPECT_EQ(xml.headers["content-type"], "text/xml; charset=utf-8");
    boost::system::error_code ec;
    auto value = boost::json::parse(json.body, ec);
    EXPECT_FALSE(ec) << json.body;
    auto root = parse_xml(xml.body);
    EXPECT_EQ(root.name, xml_root);
    expect_same(root, value, xml_root);
    return value;
  }
  HttpResponse post_form(const Form& fields, const std::string& format = "json") {
    return send_http(port(),
                     {"POST",
                      kBase + "requests." + format,
                      form_body(fields),
                      {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}}});
  }
  // Files a request with our key; returns its service_request_id.
  std::string submit(Form fields) {
    fields.insert(fields.begin(), {"api_key", w().api_key});
    auto response = post_form(fields);
    EXPECT_EQ(response.status, 200) << response.body;
    if (response.status != 200) return "";
    auto created = response.json();
    expect_fields(created.at(0), kCreatedFields, "created request");
    return std::string(created.at(0).at("service_request_id").as_string());
  }
  boost::json::value one_request(const std::string& code) {
    auto list = get_both("requests/" + code, "", "service_requests");
    EXPECT_EQ(list.as_array().size(), 1u) << list;
    expect_request(list.at(0));
    return list.at(0);
  }
  std::string jurisdiction() { return std::string("?jurisdiction_id=") + kCode; }
  // The numeric id staff see for a tracking code.
  std::int64_t staff_id_of(const std::string& code) {
    auto list = w().staff.get("/api/v1/requests?page_size=200&community_id=" +
                              std::to_string(w().community_id));
    EXPECT_EQ(list.status, 200) << list.body;
    if (list.status != 200) return 0;
    auto body = list.json();
    for (const auto& item : body.at("items").as_array()) {
      if (item.at("tracking_code").as_string() == code) return item.at("id").as_int64();
    }
    ADD_FAILURE() << "staff cannot see " << code;
    return 0;
  }
};

TEST_P(Open311, DiscoveryNamesTheGeoReportEndpointAndBothFormats) {
  auto discovery = get_both("discovery", "", "discovery");
  expect_fields(discovery, kDiscoveryFields, "discovery");
  ASSERT_EQ(discovery.at("endpoints").as_array().size(), 1u);
  const auto& endpoint = discovery.at("endpoints").at(0);
  expect_fields(endpoint, kEndpointFields, "endpoint");
  EXPECT_EQ(endpoint.at("specification").as_string(), "http://wiki.open311.org/GeoReport_v2");
  EXPECT_EQ(endpoint.at("url").as_string(), "http://127.0.0.1/open311/v2");
  EXPECT_EQ(endpoint.at("type").as_string(), "production");
  auto formats = endpoint.at("formats").as_array();
  EXPECT_EQ(formats, (boost::json::array{"application/json", "text/xml"}));
}

TEST_P(Open311, ServicesListEachActiveCategoryWithItsDeadlineRule) {
  auto services = get_both("services", jurisdiction(), "services");
  ASSERT_TRUE(services.is_array());
  std::map<std::string, boost::json::value> by_code;
  for (const auto& service : services.as_array()) {
    expect_service(service);
    by_code[std::string(service.at("service_code").as_string())] = service;
  }
  ASSERT_TRUE(by_code.count("gas_leak"));
  ASSERT_TRUE(by_code.count("noise"));
  EXPECT_EQ(by_code["gas_leak"].at("service_name").as_string(), "燃气泄漏");
  EXPECT_TRUE(by_code["gas_leak"].at("metadata").as_bool());
  EXPECT_EQ(by_code["gas_leak"].at("type").as_string(), "realtime");
  EXPECT_NE(std::string(by_code["gas_leak"].at("description").as_string()).find("24小时内响应"),
            std::string::npos);
  EXPECT_FALSE(by_code["noise"].at("metadata").as_bool());
  // The community's id works as a jurisdiction_id too.
  auto by_id = get(kBase + "services.json?jurisdiction_id=" + std::to_string(w().community_id));
  EXPECT_EQ(by_id.json(), services);
}

// L4 of the December review: a second community made every GET without jurisdiction_id a 400,
// breaking clients set up against one community. Without it, the first community answers;
// the others are named; an unknown one is 404 in the spec's error format.
TEST_P(Open311, WithoutAJurisdictionTheFirstCommunityAnswers) {
  auto missing = get(kBase + "services.json");
  ASSERT_EQ(missing.status, 200) << missing.body;
  EXPECT_EQ(missing.json(), get(kBase + "services.json" + jurisdiction()).json());
  // An empty parameter is the same as none (the spec's "optional" rule).
  EXPECT_EQ(get(kBase + "services.json?jurisdiction_id=").status, 200);
  auto other = get(kBase + "requests.json?jurisdiction_id=" + std::string(kOtherCode));
  EXPECT_EQ(other.status, 200) << other.body;
  auto unknown = get(kBase + "services.json?jurisdiction_id=nowhere.example");
  EXPECT_EQ(unknown.status, 404);
  expect_errors(unknown.json(), 404);
  auto xml = get(kBase + "services.xml?jurisdiction_id=nowhere.example");
  EXPECT_EQ(xml.status, 404);
  EXPECT_EQ(xml.headers["content-type"], "text/xml; charset=utf-8");
  auto errors = parse_xml(xml.body);
  EXPECT_EQ(errors.name, "errors");
  ASSERT_EQ(errors.children.size(), 1u);
  EXPECT_EQ(errors.children[0].name, "error");
  ASSERT_EQ(errors.children[0].children.size(), 2u);
  EXPECT_EQ(errors.children[0].children[0].name, "code");
  EXPECT_EQ(errors.children[0].children[0].text, "404");
  EXPECT_EQ(errors.children[0].children[1].name, "description");
}

TEST_P(Open311, OneCommunityNeedsNoJurisdiction) {
  World world(GetParam(), {}, kPassword);
  ASSERT_GT(world.community("唯一社区", "ONLY-1"), 0);
  auto services = send_http(world.port(), {"GET", kBase + "services.json", "", {}});
  EXPECT_EQ(services.status, 200) << services.body;
  EXPECT_FALSE(services.json().as_array().empty());
}

TEST_P(Open311, ServiceDefinitionGivesAttributesOnlyWhereMetadataIsTrue) {
  auto gas = get_both("services/gas_leak", jurisdiction(), "service_definition");
  expect_definition(gas);
  EXPECT_EQ(gas.at("service_code").as_string(), "gas_leak");
  const auto& first = gas.at("attributes").at(0);
  EXPECT_EQ(first.at("code").as_string(), "people_at_risk");
  EXPECT_EQ(first.at("datatype").as_string(), "singlevaluelist");
  EXPECT_FALSE(first.at("required").as_bool());
  EXPECT_EQ(first.at("values").at(0).at("key").as_string(), "yes");
  EXPECT_EQ(first.at("values").at(0).at("name").as_string(), "是");
  // Every service with metadata=true has a definition, and only those.
  auto services = get(kBase + "services.json" + jurisdiction()).json();
  for (const auto& service : services.as_array()) {
    std::string code(service.at("service_code").as_string());
    auto definition = get(kBase + "services/" + code + ".json" + jurisdiction());
    if (service.at("metadata").as_bool()) {
      EXPECT_EQ(definition.status, 200) << code;
      expect_definition(definition.json());
    } else {
      EXPECT_EQ(definition.status, 404) << code;
      expect_errors(definition.json(), 404);
    }
  }
  auto unknown = get(kBase + "services/no_such_service.json" + jurisdiction());
  EXPECT_EQ(unknown.status, 404);
  expect_errors(unknown.json(), 404);
}

TEST_P(Open311, UnknownFormatsAndResourcesAre404InTheSpecFormat) {
  for (const std::string target : {"services.csv", "services", "nothing.json",
                                   "services/gas_leak.yaml", "requests/ABC.txt", "tokens/x"}) {
    auto response = get(kBase + target + "?jurisdiction_id=" + kCode);
    EXPECT_EQ(response.status, 404) << target;
    expect_errors(response.json(), 404);
  }
  auto xml = get(kBase + "nothing.xml");
  EXPECT_EQ(xml.status, 404);
  EXPECT_EQ(parse_xml(xml.body).name, "errors");
}

TEST_P(Open311, PostedRequestIsVisibleInGetRequestsTokensAndTracking) {
  auto response = post_form({{"api_key", w().api_key},
                             {"jurisdiction_id", kCode},
                             {"service_code", "water_leak"},
                             {"lat", "30.2741"},
                             {"long", "120.1551"},
                             {"address_string", "幸福路8号3幢东侧"},
                             {"description", "楼道水管漏水，地面积水"},
                             {"account_id", "acct-42"},
                             {"device_id", "device-1"},
                             {"media_url", "https://example.org/photo.jpg"}});
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.headers["content-type"], "application/json; charset=utf-8");
  auto created = response.json();
  ASSERT_EQ(created.as_array().size(), 1u);
  expect_fields(created.at(0), kCreatedFields, "created request");
  std::string code(created.at(0).at("service_request_id").as_string());
  EXPECT_EQ(created.at(0).at("account_id").as_string(), "acct-42");
  EXPECT_NE(std::string(created.at(0).at("service_notice").as_string()).find("黄色（重要）"),
            std::string::npos);

  auto request = one_request(code);
  EXPECT_EQ(request.at("service_request_id").as_string(), code);
  EXPECT_EQ(request.at("status").as_string(), "open");
  EXPECT_EQ(request.at("service_code").as_string(), "water_leak");
  EXPECT_EQ(request.at("service_name").as_string(), "漏水渗水");
  EXPECT_EQ(request.at("address").as_string(), "幸福路8号3幢东侧");
  EXPECT_DOUBLE_EQ(request.at("lat").as_double(), 30.2741);
  EXPECT_DOUBLE_EQ(request.at("long").as_double(), 120.1551);
  EXPECT_NE(std::string(request.at("description").as_string()).find("楼道水管漏水"),
            std::string::npos);
  EXPECT_EQ(request.at("agency_responsible").as_string(), "社区居委会");
  EXPECT_EQ(request.at("service_notice"), created.at(0).at("service_notice"));

  auto listed = get_both("requests", jurisdiction(), "service_requests");
  bool found = false;
  for (const auto& item : listed.as_array()) {
    expect_request(item);
    found = found || item.at("service_request_id").as_string() == code;
  }
  EXPECT_TRUE(found) << listed;

  auto token = get_both("tokens/" + code, "", "service_requests");
  ASSERT_EQ(token.as_array().size(), 1u);
  expect_fields(token.at(0), kTokenFields, "token");
  EXPECT_EQ(token.at(0).at("service_request_id").as_string(), code);
  EXPECT_EQ(get(kBase + "tokens/ZZZZ-ZZZZZ.json").status, 404);

  auto tracked = get("/api/v1/track/" + code);
  ASSERT_EQ(tracked.status, 200) << tracked.body;
  EXPECT_EQ(tracked.json().at("category").as_string(), "water_leak");
  // Staff see it in their queue, came in through Open311.
  ASSERT_NE(staff_id_of(code), 0);
}

TEST_P(Open311, PostAnswersInXmlToo) {
  auto response = post_form({{"api_key", w().api_key},
                             {"service_code", "sanitation"},
                             {"address_string", "2号楼垃圾房"},
                             {"description", "垃圾满溢"}},
                            "xml");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.headers["content-type"], "text/xml; charset=utf-8");
  auto root = parse_xml(response.body);
  EXPECT_EQ(root.name, "service_requests");
  ASSERT_EQ(root.children.size(), 1u);
  EXPECT_EQ(root.children[0].name, "request");
  ASSERT_EQ(root.children[0].children.size(), 3u);
  EXPECT_EQ(root.children[0].children[0].name, "service_request_id");
  EXPECT_EQ(root.children[0].children[2].name, "account_id");
  one_request(root.children[0].children[0].text);
}

TEST_P(Open311, PostWithoutAValidApiKeyIs403AndFilesNothing) {
  auto before = get(kBase + "requests.json" + jurisdiction()).headers["x-total-count"];
  Form fields = {{"service_code", "sanitation"}, {"address_string", "1号楼"}, {"description", "x"}};
  auto missing = post_form(fields);
  EXPECT_EQ(missing.status, 403);
  expect_errors(missing.json(), 403);
  fields.push_back({"api_key", "not-a-key"});
  auto wrong = post_form(fields);
  EXPECT_EQ(wrong.status, 403);
  expect_errors(wrong.json(), 403);
  auto xml = post_form(fields, "xml");
  EXPECT_EQ(xml.status, 403);
  auto errors = parse_xml(xml.body);
  EXPECT_EQ(errors.name, "errors");
  ASSERT_FALSE(errors.children.empty());
  EXPECT_EQ(errors.children[0].children.at(0).text, "403");
  // A key of another community may not file here.
  auto foreign = post_form({{"api_key", w().other_api_key},
                            {"jurisdiction_id", kCode},
                            {"service_code", "sanitation"},
                            {"address_string", "1号楼"}});
  EXPECT_EQ(foreign.status, 403);
  expect_errors(foreign.json(), 403);
  EXPECT_EQ(get(kBase + "requests.json" + jurisdiction()).headers["x-total-count"], before);
}

TEST_P(Open311, PostChecksServiceCodeLocationFormAndAttributes) {
  const std::string key = w().api_key;
  auto status_of = [&](const Form& fields) {
    auto response = post_form(fields);
    if (response.status >= 400) expect_errors(response.json(), response.status);
    return response.status;
  };
  EXPECT_EQ(
      status_of(
          {{"api_key", key}, {"service_code", "no_such_service"}, {"address_string", "1号楼"}}),
      404);
  EXPECT_EQ(status_of({{"api_key", key}, {"address_string", "1号楼"}}), 400);
  EXPECT_EQ(status_of({{"api_key", key}, {"service_code", "sanitation"}}), 400);
  EXPECT_EQ(status_of({{"api_key", key}, {"service_code", "sanitation"}, {"lat", "30.1"}}), 400);
  EXPECT_EQ(status_of({{"api_key", key}, {"service_code", "sanitation"}, {"address_id", "A9"}}),
            400);
  EXPECT_EQ(
      status_of(
          {{"api_key", key}, {"service_code", "sanitation"}, {"lat", "300"}, {"long", "120"}}),
      400);
  // Required attribute missing, a value that is not a key, an attribute the service lacks.
  EXPECT_EQ(
      status_of({{"api_key", key}, {"service_code", "water_outage"}, {"address_string", "5号楼"}}),
      400);
  EXPECT_EQ(status_of({{"api_key", key},
                       {"service_code", "water_outage"},
                       {"address_string", "5号楼"},
                       {"attribute[scope]", "city"}}),
            400);
  EXPECT_EQ(status_of({{"api_key", key},
                       {"service_code", "sanitation"},
                       {"address_string", "5号楼"},
                       {"attribute[colour]", "red"}}),
            400);
  EXPECT_EQ(status_of({{"api_key", key},
                       {"service_code", "water_outage"},
                       {"address_string", "5号楼"},
                       {"attribute[scope]", "building"},
                       {"attribute[started_at]", "yesterday"}}),
            400);
  // A JSON body is not what the spec sends.
  auto json = send_http(port(), {"POST",
                                 kBase + "requests.json",
                                 R"({"api_key":"x","service_code":"sanitation"})",
                                 {{"Content-Type", "application/json"}}});
  EXPECT_EQ(json.status, 400);
  expect_errors(json.json(), 400);
  // A valid answer is accepted, raw brackets as well as %5B%5D.
  auto ok = send_http(port(), {"POST",
                               kBase + "requests.json",
                               "api_key=" + key +
                                   "&service_code=water_outage&address_string=5%E5%8F%B7%E6%A5%BC"
                                   "&attribute[scope]=building&attribute[started_at]=2026-11-29T08"
                                   "%3A00%3A00%2B08%3A00",
                               {{"Content-Type", "application/x-www-form-urlencoded"}}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  auto request = one_request(std::string(ok.json().at(0).at("service_request_id").as_string()));
  std::string description(request.at("description").as_string());
  EXPECT_NE(description.find("停水范围：整栋楼"), std::string::npos) << description;
  EXPECT_NE(description.find("2026-11-29T08:00:00+08:00"), std::string::npos) << description;
}

TEST_P(Open311, ElevatorAnswerDrivesTheTriageColour) {
  auto trapped = one_request(submit({{"service_code", "elevator"},
                                     {"address_string", "7号楼电梯"},
                                     {"description", "电梯停在两层之间"},
                                     {"attribute[people_trapped]", "yes"}}));
  EXPECT_EQ(std::string(trapped.at("service_notice").as_string()).rfind("红色（紧急）", 0), 0u)
      << trapped;
  auto empty = one_request(submit({{"service_code", "elevator"},
                                   {"address_string", "7号楼电梯"},
                                   {"description", "电梯停在两层之间"},
                                   {"attribute[people_trapped]", "no"}}));
  EXPECT_EQ(std::string(empty.at("service_notice").as_string()).rfind("黄色（重要）", 0), 0u)
      << empty;
  // Red: the response is due 24 hours after the request, so expected_datetime is a day later.
  EXPECT_NE(trapped.at("expected_datetime"), trapped.at("requested_datetime"));
}

TEST_P(Open311, GetRequestsFiltersByIdServiceStatusAndDates) {
  std::string litter = submit({{"service_code", "sanitation"},
                               {"address_string", "9号楼"},
                               {"description", "楼下垃圾桶满了"}});
  std::string greening = submit({{"service_code", "greening"},
                                 {"address_string", "中心花园"},
                                 {"description", "树枝折断挡路"}});
  ASSERT_FALSE(litter.empty());
  ASSERT_FALSE(greening.empty());
  // Staff answer both: one resolved ("closed" in GeoReport), one sent to a department.
  auto resolved =
      w().staff.post("/api/v1/requests/" + std::to_string(staff_id_of(litter)) + "/transitions",
                     {{"action", "resolve"}, {"note", "已清运完毕"}});
  ASSERT_EQ(resolved.status, 200) << resolved.body;
  auto assigned = w().staff.post(
      "/api/v1/requests/" + std::to_string(staff_id_of(greening)) + "/transitions",
      {{"action", "assign"}, {"department", "property_management"}, {"note", "转物业处理"}});
  ASSERT_EQ(assigned.status, 200) << assigned.body;

  auto closed = one_request(litter);
  EXPECT_EQ(closed.at("status").as_string(), "closed");
  EXPECT_EQ(closed.at("status_notes").as_string(), "已清运完毕");
  auto open = one_request(greening);
  EXPECT_EQ(open.at("status").as_string(), "open");
  EXPECT_EQ(open.at("agency_responsible").as_string(), "物业服务中心");
  EXPECT_EQ(open.at("status_notes").as_string(), "转物业处理");

  auto codes_in = [&](const std::string& query) {
    auto list = get_both("requests", jurisdiction() + query, "service_requests");
    std::vector<std::string> codes;
    for (const auto& item : list.as_array()) {
      expect_request(item);
      codes.emplace_back(item.at("service_request_id").as_string());
    }
    return codes;
  };
  auto contains = [](const std::vector<std::string>& codes, const std::string& code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
  };
  auto closed_list = codes_in("&status=closed");
  EXPECT_TRUE(contains(closed_list, litter));
  EXPECT_FALSE(contains(closed_list, greening));
  auto open_list = codes_in("&status=open");
  EXPECT_TRUE(contains(open_list, greening));
  EXPECT_FALSE(contains(open_list, litter));
  EXPECT_TRUE(contains(codes_in("&status=open,closed"), litter));

  auto by_service = codes_in("&service_code=greening");
  EXPECT_TRUE(contains(by_service, greening));
  EXPECT_FALSE(contains(by_service, litter));
  EXPECT_TRUE(contains(codes_in("&service_code=greening,sanitation"), litter));

  EXPECT_TRUE(
      contains(codes_in("&start_date=" + utc_time(-3600) + "&end_date=" + utc_time(3600)), litter));
  EXPECT_TRUE(codes_in("&start_date=" + utc_time(86400)).empty());
  EXPECT_TRUE(
      codes_in("&start_date=" + utc_time(-3 * 86400) + "&end_date=" + utc_time(-86400)).empty());

  // service_request_id overrides the other filters; a code with a typo matches nothing.
  auto by_id =
      codes_in("&status=closed&service_request_id=" + litter + "," + greening + ",ABCD-EFGH2");
  EXPECT_EQ(by_id.size(), 2u);
  EXPECT_TRUE(contains(by_id, greening));

  for (const std::string bad :
       {"&status=pending", "&start_date=last-week", "&page_size=201", "&page=0",
        "&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
        "&start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z"}) {
    auto response = get(kBase + "requests.json" + jurisdiction() + bad);
    EXPECT_EQ(response.status, 400) << bad;
    expect_errors(response.json(), 400);
  }

  auto first_page = get(kBase + "requests.json" + jurisdiction() + "&page_size=1");
  ASSERT_EQ(first_page.status, 200);
  EXPECT_EQ(first_page.json().as_array().size(), 1u);
  EXPECT_GE(std::stoll(first_page.headers["x-total-count"]), 2);
  auto second_page = get(kBase + "requests.json" + jurisdiction() + "&page_size=1&page=2");
  EXPECT_NE(second_page.json(), first_page.json());
}

TEST_P(Open311, GetRequestsPublishesNoPersonalData) {
  std::string code = submit({{"service_code", "public_facility"},
                             {"address_string", "3号楼健身器材"},
                             {"description", "单杠松动，联系电话13987654321"},
                             {"first_name", "秀英"},
                             {"last_name", "王"},
                             {"phone", "13912345678"},
                             {"email", "wang@example.org"}});
  // A resident's request entered by staff from a phone call, ten days ago.
  auto phoned = w().staff.post("/api/v1/requests", {{"community_id", w().community_id},
                                                    {"category", "noise"},
                                                    {"description", "楼上深夜装修，住户李建国"},
                                                    {"channel", "phone"},
                                                    {"location", "5号楼2单元301室"},
                                                    {"contact_name", "李建国"},
                                                    {"contact_phone", "13611112222"},
                                                    {"received_at", utc_time(-10 * 86400)}});
  ASSERT_EQ(phoned.status, 201) << phoned.body;
  std::string phoned_code(phoned.json().at("tracking_code").as_string());

  for (const std::string format : {"json", "xml"}) {
    for (const std::string& target :
         {"requests." + format + jurisdiction() + "&start_date=" + utc_time(-11 * 86400),
          "requests/" + code + "." + format, "requests/" + phoned_code + "." + format}) {
      auto response = get(kBase + target);
      ASSERT_EQ(response.status, 200) << target << response.body;
      for (const char* secret : {"13912345678", "13987654321", "13611112222", "王秀英", "秀英",
                                 "wang@example.org", "李建国", "2单元301"}) {
        EXPECT_EQ(response.body.find(secret), std::string::npos) << secret << " in " << target;
      }
    }
  }
  auto published = one_request(code);
  EXPECT_NE(std::string(published.at("description").as_string()).find("139****4321"),
            std::string::npos);
  // The phoned-in case: status and deadlines are public, its words and flat are not.
  auto phoned_view = one_request(phoned_code);
  EXPECT_TRUE(phoned_view.at("description").is_null());
  EXPECT_TRUE(phoned_view.at("address").is_null());
  EXPECT_EQ(phoned_view.at("service_code").as_string(), "noise");
  auto window = get(kBase + "requests.json" + jurisdiction() +
                    "&start_date=" + utc_time(-11 * 86400) + "&end_date=" + utc_time(-9 * 86400))
                    .json();
  ASSERT_EQ(window.as_array().size(), 1u) << window;
  EXPECT_EQ(window.at(0).at("service_request_id").as_string(), phoned_code);
}

// L3 of the December review: 150 POSTs with one key in 0.35 s, all accepted. A key of its own
// here, so the budget the other tests spend does not count.
TEST_P(Open311, OneKeyPostsAtMostSixtyRequestsAMinute) {
  const std::string key = w().world.open311_key("flooding-client", w().community_id);
  int accepted = 0, throttled = 0;
  for (int i = 0; i < 65; ++i) {
    auto response = post_form({{"api_key", key},
                               {"service_code", "sanitation"},
                               {"address_string", "3号楼"},
                               {"description", "垃圾 " + std::to_string(i)}});
    if (response.status == 200) ++accepted;
    if (response.status == 429) ++throttled;
  }
  EXPECT_EQ(accepted, 60);
  EXPECT_EQ(throttled, 5);
  // Another client's key is not affected.
  EXPECT_FALSE(
      submit({{"service_code", "sanitation"}, {"address_string", "4号楼"}, {"description", "别处"}})
          .empty());
}

TEST_P(Open311, XmlEscapesMarkupAndAgreesWithJson) {
  std::string text = "水管<b>爆裂</b> & \"急\" 'now'";
  std::string code = submit(
      {{"service_code", "public_facility"}, {"address_string", "A&B <路>"}, {"description", text}});
  auto xml = get(kBase + "requests/" + code + ".xml");
  ASSERT_EQ(xml.status, 200);
  EXPECT_NE(xml.body.find("水管&lt;b&gt;爆裂&lt;/b&gt; &amp; &quot;急&quot; &apos;now&apos;"),
            std::string::npos)
      << xml.body;
  EXPECT_EQ(xml.body.find("<b>"), std::string::npos);
  auto request = one_request(code);  // parses the XML and compares it with the JSON
  EXPECT_EQ(request.at("description").as_string(), text);
  EXPECT_EQ(request.at("address").as_string(), "A&B <路>");
}

GZ_ON_BACKENDS(Open311);

}  // namespace
}  // namespace gz::test
