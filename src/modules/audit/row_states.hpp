// The pure half of checking tracked tables against the chain (tracked.hpp): which content the
// chain recorded last for each row, how a row's content is fingerprinted, and how a
// difference is put in words. No database here.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gz::audit {

// The first 128 bits of the SHA-256 of a row's canonical content: the chain's copy and the
// row are compared by it, so memory stays at a few dozen bytes per row however wide the row.
// Making an edited row match would take a second preimage of 128 bits.
struct Fingerprint {
  std::uint64_t high = 0;
  std::uint64_t low = 0;
  bool operator==(const Fingerprint&) const = default;
};
Fingerprint fingerprint(std::string_view canonical_content);

// The newest content the chain recorded for each row, fed entries in seq order.
class RecordedRows {
 public:
  struct Row {
    std::int64_t seq = 0;  // the entry that recorded it last
    Fingerprint fingerprint;
    bool deleted = false;  // the last write deleted it
    bool seen = false;     // set by the checker when the table still has the row
  };
  // Takes in an entry's row_states; false (nothing kept) when it is not the expected JSON.
  bool feed(std::int64_t seq, std::string_view row_states);
  // From this entry on every row of the table must be recorded (an "audit.track" entry).
  void mark_tracked(const std::string& table, std::int64_t seq);

  Row* find(const std::string& table, std::int64_t id);
  std::optional<std::int64_t> tracked_since(const std::string& table) const;
  std::unordered_map<std::int64_t, Row>& rows_of(const std::string& table) { return rows_[table]; }
  std::int64_t entries() const { return entries_; }

 private:
  std::map<std::string, std::unordered_map<std::int64_t, Row>> rows_;
  std::map<std::string, std::int64_t> tracked_since_;
  std::int64_t entries_ = 0;
};

// The recorded content of one row in an entry's row_states; nothing when it holds none, null
// (a JSON null value) when the entry recorded the row as deleted.
std::optional<boost::json::value> recorded_content(std::string_view row_states,
                                                   const std::string& table, std::int64_t id);

struct Difference {
  std::vector<std::string> fields;  // the fields that differ, in name order
  std::string message;              // "role is "admin", the chain recorded "resident""
};
// Digested values ("sha256:…") are never shown, only named.
Difference describe_difference(const boost::json::object& recorded,
                               const boost::json::object& current);

}  // namespace gz::audit
