// GeoReport v2's vocabulary for our requests, shared by the Open311 routes: the two formats
// and the spec's error body with its own error→status table; W3C times and plain numbers as
// the spec writes them; the open/closed mapping of our statuses; and the wording of the
// fields the spec leaves to us (service_notice, group, the status_notes of a private case
// file). See open311_routes.cpp for the decisions behind each. Internal to the requests
// module's Open311 adapter.
#pragma once

#include <boost/json/fwd.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "http/message.hpp"
#include "modules/requests/requests.hpp"

namespace gz::requests::open311 {

enum class Format { json, xml };

// Every answer and every error in the format the path asked for; `xml_root` names the XML
// document's root element (open311_xml.hpp writes the XML from the same JSON value).
http::Response encode(Format format, int status, const boost::json::value& body,
                      std::string_view xml_root);

// The spec's error body: [{"code": status, "description": …}] (<errors><error>… in XML).
http::Response spec_error(Format format, int status, const std::string& description);
http::Response spec_error(Format format, const Error& error);

// The spec's statuses, which differ from the main API's table (http_status in
// src/http/message.cpp): 403 for a missing or wrong api_key, 404 for what does not exist, 400
// for anything else a client can fix; server failures stay 5xx so clients retry them.
int spec_status(ErrorKind kind);

// "gas_leak.json" → {"gas_leak", json}; nullopt for another or no extension.
std::optional<std::pair<std::string, Format>> split_format(const std::string& file);
// The format to answer a malformed path in: XML when it ends in ".xml", else JSON.
Format guess_format(const std::string& file);

// W3C date-time to the second ("2026-11-29T20:11:19+08:00"): the spec's examples, and what
// strict client parsers expect.
std::string w3c_time(std::int64_t epoch_ms);
// A plain decimal number, all of `text` ("30.27", "-120"); nullopt otherwise.
std::optional<double> parse_number(const std::string& text);

// "open" while work is awaited, "closed" once resolved and in the end states.
std::string_view open311_status(Status status);
// Our status names that map to "open" (or "closed").
std::vector<std::string> statuses_mapped_to(std::string_view open311);

// The public phrase standing in for staff's notes on a private case file.
std::string public_phrase(Status status);
// "红色（紧急）：24小时内响应" …, from the constants in sla.hpp.
std::string deadline_rule(Priority priority);
// A service's group: its default colour.
std::string group_name(Priority priority);
// "N个工作日内办结" as it really is: never before the response deadline.
std::string resolution_rule(Priority priority, int resolution_working_days);
// A request's service_notice: its colour's deadline rule, its category's resolution rule and
// the triage note.
std::string service_notice(const Request& request, const Category* category);

}  // namespace gz::requests::open311
