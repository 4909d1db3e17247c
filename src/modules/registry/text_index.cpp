// The household text index; see text_index.hpp.
#include "modules/registry/text_index.hpp"

#include <string.h>

#include <algorithm>
#include <memory>

#include "modules/audit/audit.hpp"

namespace gz::registry {
namespace {

constexpr char kSeparator = '\x1f';  // between the fields of a household
constexpr char kEnd = '\x1e';        // after each household

}  // namespace

std::string fold_ascii(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

TextIndex::TextIndex(std::chrono::seconds max_age) : kept_(max_age) {}

TextIndex::Community TextIndex::read(storage::Connection& db, std::int64_t community_id) {
  Community loaded;
  std::map<std::int64_t, std::string> texts;
  for (const auto& row : db.query("SELECT id, code, address FROM households WHERE community_id = ?",
                                  {community_id})) {
    std::string& text = texts[row.integer(0)];
    text = fold_ascii(row.text(1));
    text += kSeparator;
    text += fold_ascii(row.opt_text(2).value_or(""));
  }
  for (const auto& row : db.query(
           "SELECT household_id, name FROM residents WHERE community_id = ? AND household_id IS "
           "NOT NULL",
           {community_id})) {
    auto found = texts.find(row.integer(0));
    if (found == texts.end()) continue;
    found->second += kSeparator;
    found->second += fold_ascii(row.text(1));
  }
  loaded.household_ids.reserve(texts.size());
  loaded.starts.reserve(texts.size());
  for (auto& [id, text] : texts) {
    loaded.household_ids.push_back(id);
    loaded.starts.push_back(loaded.text.size());
    loaded.text += text;
    loaded.text += kEnd;
  }
  return loaded;
}

std::vector<std::int64_t> TextIndex::find(storage::Connection& db,
                                          const std::vector<std::int64_t>& community_ids,
                                          const std::string& fragment) {
  std::vector<std::int64_t> out;
  if (fragment.empty()) return out;
  std::string needle = fold_ascii(fragment);
  // A separator in the fragment could match across two fields; no real text holds one.
  if (needle.find_first_of(std::string{kSeparator, kEnd}) != std::string::npos) return out;
  // Read before the text: a write landing in between makes the kept text look older than it
  // is (read again next time), never newer.
  auto stamps = audit::stamps(db, community_ids);
  for (std::size_t i = 0; i < community_ids.size(); ++i) {
    auto kept =
        kept_.get(community_ids[i], "", stamps[i], [&] { return read(db, community_ids[i]); });
    const std::string& text = kept->text;
    std::size_t from = 0;
    while (from < text.size()) {
      const void* hit =
          ::memmem(text.data() + from, text.size() - from, needle.data(), needle.size());
      if (!hit) break;
      auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
      auto next = std::upper_bound(kept->starts.begin(), kept->starts.end(), at);
      out.push_back(kept->household_ids[static_cast<std::size_t>(next - kept->starts.begin()) - 1]);
      from = next == kept->starts.end() ? text.size() : *next;  // one hit per household
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TextIndex& household_text_index() {
  static TextIndex index(std::chrono::minutes(10));
  return index;
}

}  // namespace gz::registry
