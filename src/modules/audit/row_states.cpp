#include "modules/audit/row_states.hpp"

#include <boost/json.hpp>
#include <set>

#include "core/crypto.hpp"
#include "core/json.hpp"

namespace gz::audit {
namespace {

std::uint64_t hex_word(std::string_view hex) {
  std::uint64_t out = 0;
  for (char c : hex) {
    out <<= 4;
    out |= static_cast<std::uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
  }
  return out;
}

std::optional<std::int64_t> parse_id(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    out = out * 10 + (c - '0');
  }
  return out;
}

bool is_digest(const boost::json::value& value) {
  return value.is_string() && value.get_string().starts_with("sha256:");
}

std::string shown(const boost::json::value& value) {
  constexpr std::size_t kLongest = 60;
  std::string text = boost::json::serialize(value);
  if (text.size() > kLongest) text = text.substr(0, kLongest) + "…";
  return text;
}

}  // namespace

Fingerprint fingerprint(std::string_view canonical_content) {
  std::string hex = crypto::sha256_hex(canonical_content);
  return {hex_word(std::string_view(hex).substr(0, 16)),
          hex_word(std::string_view(hex).substr(16, 16))};
}

bool RecordedRows::feed(std::int64_t seq, std::string_view row_states) {
  boost::system::error_code error;
  auto parsed = boost::json::parse(row_states, error);
  if (error || !parsed.is_object()) return false;
  ++entries_;
  for (const auto& [table, rows] : parsed.as_object()) {
    if (!rows.is_object()) continue;
    auto& of_table = rows_[std::string(table)];
    for (const auto& [id_text, content] : rows.as_object()) {
      auto id = parse_id(id_text);
      if (!id) continue;
      Row& row = of_table[*id];
      row.seq = seq;
      row.deleted = content.is_null();
      row.fingerprint = row.deleted ? Fingerprint{} : fingerprint(canonical_json(content));
    }
  }
  return true;
}

void RecordedRows::mark_tracked(const std::string& table, std::int64_t seq) {
  tracked_since_.emplace(table, seq);  // the first marker counts
}

RecordedRows::Row* RecordedRows::find(const std::string& table, std::int64_t id) {
  auto of_table = rows_.find(table);
  if (of_table == rows_.end()) return nullptr;
  auto found = of_table->second.find(id);
  return found == of_table->second.end() ? nullptr : &found->second;
}

std::optional<std::int64_t> RecordedRows::tracked_since(const std::string& table) const {
  auto found = tracked_since_.find(table);
  if (found == tracked_since_.end()) return std::nullopt;
  return found->second;
}

std::optional<boost::json::value> recorded_content(std::string_view row_states,
                                                   const std::string& table, std::int64_t id) {
  boost::system::error_code error;
  auto parsed = boost::json::parse(row_states, error);
  if (error || !parsed.is_object()) return std::nullopt;
  const auto* rows = parsed.as_object().if_contains(table);
  if (!rows || !rows->is_object()) return std::nullopt;
  const auto* content = rows->as_object().if_contains(std::to_string(id));
  if (!content) return std::nullopt;
  return *content;
}

Difference describe_difference(const boost::json::object& recorded,
                               const boost::json::object& current) {
  std::set<std::string> names;
  for (const auto& [name, value] : recorded) names.emplace(name);
  for (const auto& [name, value] : current) names.emplace(name);
  Difference out;
  for (const auto& name : names) {
    const auto* was = recorded.if_contains(name);
    const auto* now = current.if_contains(name);
    boost::json::value was_value = was ? *was : boost::json::value(nullptr);
    boost::json::value now_value = now ? *now : boost::json::value(nullptr);
    if (was_value == now_value) continue;
    out.fields.push_back(name);
    if (!out.message.empty()) out.message += "; ";
    if (is_digest(was_value) || is_digest(now_value)) {
      out.message += name + " differs";
    } else {
      out.message += name + " is " + shown(now_value) + ", the chain recorded " + shown(was_value);
    }
  }
  return out;
}

}  // namespace gz::audit
