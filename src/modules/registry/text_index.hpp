// Household search by a fragment of its code, its address or a member's name, across any
// number of communities, without scanning the tables on every call: each community's
// searchable text is kept in memory (audit/kept.hpp) until the community's next audited write. A
// street of 100 communities (about 450,000 households, 1.3 million names) is then a scan of a few
// tens of megabytes in memory. Matching is a plain substring test on the UTF-8 text, ASCII letters
// compared without case (SQLite's LIKE did the same).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "modules/audit/audit.hpp"
#include "storage/database.hpp"

namespace gz::registry {

class TextIndex {
 public:
  explicit TextIndex(std::chrono::seconds max_age);

  // The ids, ascending, of the households of these communities with `fragment` in their code,
  // address or a member's name. Nothing for an empty fragment.
  std::vector<std::int64_t> find(storage::Connection& db,
                                 const std::vector<std::int64_t>& community_ids,
                                 const std::string& fragment);

  std::uint64_t loads() const { return kept_.reads(); }  // communities read so far

 private:
  struct Community {
    std::vector<std::int64_t> household_ids;  // ascending
    // Every household's text, one after the other: code, address and names separated by
    // \x1f, each household ended by \x1e; starts[i] is where household_ids[i]'s begins.
    std::string text;
    std::vector<std::size_t> starts;
  };
  static Community read(storage::Connection& db, std::int64_t community_id);

  audit::Kept<Community> kept_;
};

TextIndex& household_text_index();

// ASCII letters in lower case; other bytes (UTF-8 Chinese) unchanged.
std::string fold_ascii(std::string text);

}  // namespace gz::registry
