// Participatory-budgeting elections and the pabulib `.pb` text format (pabulib.org): a META
// section of key;value rows, a PROJECTS table and a VOTES table, each a ';'-separated table
// with CSV quoting ("" inside a quoted field is one "). The model keeps every column it does
// not interpret as text, so an election read from a file and written again reads back equal.
//
// Amounts (budget, costs) are integers. A file that writes decimals ("500000.00",
// "1234.5") is read with the fewest decimal places that represent every amount exactly:
// `amount_decimals` is that number, and every amount is in units of 10^-amount_decimals of
// the currency. Pure functions apart from read_pb_file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace gz::pb {

// approval: a ballot is a set of projects; ordinal: a strict ranking (first = most preferred);
// cumulative: points that sum to at most max_sum_points; scoring: a score per project.
enum class VoteType { approval, ordinal, cumulative, scoring };
std::string_view vote_type_name(VoteType type);
std::optional<VoteType> parse_vote_type(std::string_view name);

struct MetaEntry {
  std::string key;
  std::string value;
  bool operator==(const MetaEntry&) const = default;
};

struct Project {
  std::string id;
  std::int64_t cost = 0;            // in units of 10^-amount_decimals
  std::vector<std::string> fields;  // the values of Election::project_columns, in that order
  bool operator==(const Project&) const = default;
};

struct Ballot {
  std::string voter_id;
  std::vector<std::size_t> projects;  // indexes into Election::projects, in the order written
  std::vector<std::int64_t> points;   // one per project when the file has a points column
  std::vector<std::string> fields;    // the values of Election::vote_columns, in that order
  bool operator==(const Ballot&) const = default;
};

struct Election {
  // Every META row in file order. The values of budget, vote_type, num_projects and
  // num_votes are kept canonical (the typed fields below and the real counts).
  std::vector<MetaEntry> meta;
  std::int64_t budget = 0;
  int amount_decimals = 0;
  VoteType vote_type = VoteType::approval;
  std::vector<std::string> project_columns;  // PROJECTS columns other than project_id and cost
  std::vector<Project> projects;
  bool has_points = false;                // VOTES has a points column
  std::vector<std::string> vote_columns;  // VOTES columns other than voter_id, vote, points
  std::vector<Ballot> ballots;
  // Things a reader should know that did not stop the file from being read (a num_votes
  // that disagrees with the rows, a voter id seen twice). Not part of equality.
  std::vector<std::string> warnings;

  bool operator==(const Election& other) const {
    return meta == other.meta && budget == other.budget &&
           amount_decimals == other.amount_decimals && vote_type == other.vote_type &&
           project_columns == other.project_columns && projects == other.projects &&
           has_points == other.has_points && vote_columns == other.vote_columns &&
           ballots == other.ballots;
  }
};

// The META value of `key` ("" when absent) and the same read as a whole number.
std::string_view meta_value(const Election& election, std::string_view key);
std::optional<std::int64_t> meta_int(const Election& election, std::string_view key);
// Sets (or adds) a META row; budget and vote_type are better set through the typed fields.
void set_meta(Election& election, std::string_view key, std::string value);

// A project's value in a PROJECTS column (nullopt when the file has no such column).
std::optional<std::string_view> project_field(const Election& election, std::size_t project,
                                              std::string_view column);
// The projects whose `selected` column is 1: the official outcome, when the file has one.
std::optional<std::vector<std::size_t>> official_selection(const Election& election);

// Reads `.pb` text. Errors are bad_request "invalid_pb_file" with the line number in the
// message: a missing section or column, an unknown project in a vote, a cost that is not a
// number, points that do not match the votes, an unterminated quote.
Result<Election> parse_pb(std::string_view text);
// Reads a file from disk (the only function here that does I/O).
Result<Election> read_pb_file(const std::string& path);
// Writes `.pb` text that parse_pb reads back equal to `election`.
std::string write_pb(const Election& election);

// An amount in the election's units as text ("995079", "1234.50" with two decimals).
std::string format_amount(std::int64_t amount, int decimals);

// Checks a ballot against the election's META limits (min_length, max_length,
// max_sum_points, min_sum_points, min_points, max_points) and the vote type: no project
// twice, points present exactly when the type needs them. For ballots cast in the app.
Result<void> check_ballot(const Election& election, const Ballot& ballot);

}  // namespace gz::pb
