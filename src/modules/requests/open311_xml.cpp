#include "modules/requests/open311_xml.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <utility>

namespace gz::requests::open311 {
namespace {

void write_value(std::string& out, std::string_view name, const boost::json::value& value);

void write_scalar(std::string& out, const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::string:
      out += xml_escape(value.get_string());
      break;
    case boost::json::kind::bool_:
      out += value.get_bool() ? "true" : "false";
      break;
    case boost::json::kind::int64:
      out += std::to_string(value.get_int64());
      break;
    case boost::json::kind::uint64:
      out += std::to_string(value.get_uint64());
      break;
    case boost::json::kind::double_: {
      // Shortest round-trip form ("30.2741"), where boost::json would write "3.02741E1".
      char buffer[32];
      auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value.get_double());
      if (ec == std::errc()) out.append(buffer, end);
      break;
    }
    default:
      break;
  }
}

void write_children(std::string& out, std::string_view name, const boost::json::value& value) {
  if (value.is_object()) {
    for (const auto& member : value.get_object()) {
      write_value(out, std::string_view(member.key().data(), member.key().size()), member.value());
    }
  } else if (value.is_array()) {
    std::string_view item = xml_item_name(name);
    for (const auto& entry : value.get_array()) write_value(out, item, entry);
  } else {
    write_scalar(out, value);
  }
}

void write_value(std::string& out, std::string_view name, const boost::json::value& value) {
  if (value.is_null()) {
    out += '<';
    out += name;
    out += "/>";
    return;
  }
  out += '<';
  out += name;
  out += '>';
  write_children(out, name, value);
  out += "</";
  out += name;
  out += '>';
}

}  // namespace

std::string_view xml_item_name(std::string_view wrapper) {
  static constexpr std::pair<std::string_view, std::string_view> kItems[] = {
      {"services", "service"}, {"service_requests", "request"}, {"attributes", "attribute"},
      {"values", "value"},     {"endpoints", "endpoint"},       {"formats", "format"},
      {"errors", "error"},
  };
  for (const auto& [array, item] : kItems) {
    if (array == wrapper) return item;
  }
  return "item";
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '&':
        out += "&amp;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '"':
        out += "&quot;";
        continue;
      case '\'':
        out += "&apos;";
        continue;
      default:
        break;
    }
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters either.
    if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE) {
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

std::string to_xml(const boost::json::value& body, std::string_view root) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  write_value(out, root, body);
  out += '\n';
  return out;
}

}  // namespace gz::requests::open311
