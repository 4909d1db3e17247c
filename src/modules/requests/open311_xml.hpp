// The XML form of Open311 GeoReport v2 responses. The spec defines its JSON as the "Spark
// convention" mapping of its XML, so the handlers build one JSON value and this file writes
// the XML from it: .json and .xml then agree by construction. An array becomes a wrapper
// element holding one element per item, named as the spec names them (services → service,
// service_requests → request, attributes → attribute, ...); null becomes an empty element.
// Pure functions, no I/O.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>

namespace gz::requests::open311 {

// `<?xml version="1.0" encoding="utf-8"?>` followed by `<root>…</root>`: an object's members
// become child elements in order; a top-level array gives one item element per entry.
std::string to_xml(const boost::json::value& body, std::string_view root);

// The element the spec uses for one item of the array named `wrapper` ("services" →
// "service"); "item" for a name the spec does not have.
std::string_view xml_item_name(std::string_view wrapper);

// Escapes & < > " ' and drops the control characters XML 1.0 cannot carry at all (a
// description typed with a stray U+0001 must not make the whole document unreadable).
std::string xml_escape(std::string_view text);

}  // namespace gz::requests::open311
