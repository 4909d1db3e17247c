#include "modules/pb/pabulib.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <limits>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace gz::pb {
namespace {

constexpr int kMaxAmountDecimals = 6;

Error invalid(std::size_t line, const std::string& message) {
  std::string text = line > 0 ? "line " + std::to_string(line) + ": " + message : message;
  return bad_request("invalid_pb_file", std::move(text));
}

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (is_blank(text.front()) || text.front() == '\r')) text.remove_prefix(1);
  while (!text.empty() && (is_blank(text.back()) || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// One row of a section: its fields and the line it starts on.
struct Record {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

// Splits the text into rows of ';'-separated fields. A field may be quoted ("a;b", with ""
// for a quote) and may then span lines; blanks around a field are dropped, as pabulib's own
// examples write "key; value". Characters after a closing quote are kept (as Python's csv
// module does), and a quote inside an unquoted field is an ordinary character.
Result<std::vector<Record>> split_records(std::string_view text) {
  std::vector<Record> records;
  std::size_t line = 1;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    Record record;
    record.line = line;
    bool row_done = false;
    while (!row_done) {
      while (i < n && is_blank(text[i])) ++i;
      std::string field;
      if (i < n && text[i] == '"') {
        std::size_t quote_line = line;
        ++i;
        bool closed = false;
        while (i < n) {
          char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field.push_back('"');
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          if (c == '\n') ++line;
          field.push_back(c);
          ++i;
        }
        if (!closed) return invalid(quote_line, "a quoted field is never closed");
        std::string tail;
        while (i < n && text[i] != ';' && text[i] != '\n') tail.push_back(text[i++]);
        field += trim(tail);
      } else {
        std::size_t start = i;
        while (i < n && text[i] != ';' && text[i] != '\n') ++i;
        field = std::string(trim(text.substr(start, i - start)));
      }
      record.fields.push_back(std::move(field));
      if (i < n && text[i] == ';') {
        ++i;
      } else {
        if (i < n && text[i] == '\n') {
          ++i;
          ++line;
        }
        row_done = true;
      }
    }
    bool empty = std::all_of(record.fields.begin(), record.fields.end(),
                             [](const std::string& f) { return f.empty(); });
    if (!empty) records.push_back(std::move(record));
  }
  return records;
}

// A non-negative decimal number as digits and a count of decimal places, with trailing
// fractional zeros dropped ("500000.00" is 500000 with 0 places; "12,5" is 125 with 1).
struct Decimal {
  std::int64_t digits = 0;
  int decimals = 0;
};

std::optional<Decimal> parse_decimal(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  // A decimal comma ("1234,50", as some files write) when there is no point.
  std::size_t dot = text.find('.');
  if (dot == std::string_view::npos) dot = text.find(',');
  std::string_view whole = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
  if (whole.empty() && fraction.empty()) return std::nullopt;
  auto all_digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!all_digits(whole) || !all_digits(fraction)) return std::nullopt;
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  if (fraction.size() > kMaxAmountDecimals) return std::nullopt;
  Decimal out;
  out.decimals = static_cast<int>(fraction.size());
  // Refused before the step that would pass INT64_MAX: checking only digits > max / 10
  // let "9223372036854775809" overflow on its last digit.
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  for (char c : std::string(whole) + std::string(fraction)) {
    const int digit = c - '0';
    if (out.digits > (kMax - digit) / 10) return std::nullopt;
    out.digits = out.digits * 10 + digit;
  }
  return out;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  text = trim(text);
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  // One sign only: from_chars takes a '-' of its own, and "--9223372036854775808" would
  // otherwise read INT64_MIN and negate it.
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) return std::nullopt;
  // "3.0" is a whole number written as a float; accept it, refuse "3.5".
  std::size_t dot = text.find('.');
  if (dot != std::string_view::npos) {
    std::string_view fraction = text.substr(dot + 1);
    if (!std::all_of(fraction.begin(), fraction.end(), [](char c) { return c == '0'; })) {
      return std::nullopt;
    }
    text = text.substr(0, dot);
  }
  if (text.empty()) return std::nullopt;
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return negative ? -value : value;
}

std::int64_t pow10(int exponent) {
  std::int64_t value = 1;
  for (int k = 0; k < exponent; ++k) value *= 10;
  return value;
}

std::vector<std::string_view> split_list(std::string_view text) {
  std::vector<std::string_view> items;
  text = trim(text);
  if (text.empty()) return items;
  std::size_t start = 0;
  while (true) {
    std::size_t comma = text.find(',', start);
    items.push_back(trim(text.substr(start, comma - start)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return items;
}

bool needs_quotes(std::string_view field) {
  if (field.empty()) return false;
  if (is_blank(field.front()) || is_blank(field.back())) return true;
  return field.find_first_of(";\"\n\r") != std::string_view::npos;
}

void append_field(std::string& out, std::string_view field) {
  if (!needs_quotes(field)) {
    out += field;
    return;
  }
  out.push_back('"');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void append_row(std::string& out, const std::vector<std::string_view>& fields) {
  for (std::size_t k = 0; k < fields.size(); ++k) {
    if (k > 0) out.push_back(';');
    append_field(out, fields[k]);
  }
  out.push_back('\n');
}

constexpr std::array<std::string_view, 4> kManagedMetaKeys = {"budget", "vote_type", "num_projects",
                                                              "num_votes"};

// Brings budget, vote_type, num_projects and num_votes in META to their canonical values
// (adding the rows that are missing), so that writing and reading back is the identity.
void canonicalize_meta(Election& election) {
  for (std::string_view key : kManagedMetaKeys) {
    std::string value;
    if (key == "budget") value = format_amount(election.budget, election.amount_decimals);
    if (key == "vote_type") value = std::string(vote_type_name(election.vote_type));
    if (key == "num_projects") value = std::to_string(election.projects.size());
    if (key == "num_votes") value = std::to_string(election.ballots.size());
    set_meta(election, key, std::move(value));
  }
}

}  // namespace

std::string_view vote_type_name(VoteType type) {
  switch (type) {
    case VoteType::approval:
      return "approval";
    case VoteType::ordinal:
      return "ordinal";
    case VoteType::cumulative:
      return "cumulative";
    case VoteType::scoring:
      return "scoring";
  }
  return "approval";
}

std::optional<VoteType> parse_vote_type(std::string_view name) {
  std::string key = lower(trim(name));
  if (key == "approval") return VoteType::approval;
  if (key == "ordinal") return VoteType::ordinal;
  if (key == "cumulative") return VoteType::cumulative;
  if (key == "scoring") return VoteType::scoring;
  return std::nullopt;
}

std::string_view meta_value(const Election& election, std::string_view key) {
  for (const MetaEntry& entry : election.meta) {
    if (entry.key == key) return entry.value;
  }
  return {};
}

std::optional<std::int64_t> meta_int(const Election& election, std::string_view key) {
  std::string_view value = meta_value(election, key);
  if (value.empty()) return std::nullopt;
  return parse_integer(value);
}

void set_meta(Election& election, std::string_view key, std::string value) {
  for (MetaEntry& entry : election.meta) {
    if (entry.key == key) {
      entry.value = std::move(value);
      return;
    }
  }
  election.meta.push_back({std::string(key), std::move(value)});
}

std::optional<std::string_view> project_field(const Election& election, std::size_t project,
                                              std::string_view column) {
  for (std::size_t k = 0; k < election.project_columns.size(); ++k) {
    if (election.project_columns[k] == column) {
      const Project& p = election.projects.at(project);
      return k < p.fields.size() ? std::string_view(p.fields[k]) : std::string_view();
    }
  }
  return std::nullopt;
}

std::optional<std::vector<std::size_t>> official_selection(const Election& election) {
  auto it = std::find(election.project_columns.begin(), election.project_columns.end(), "selected");
  if (it == election.project_columns.end()) return std::nullopt;
  std::size_t column = static_cast<std::size_t>(it - election.project_columns.begin());
  std::vector<std::size_t> selected;
  for (std::size_t p = 0; p < election.projects.size(); ++p) {
    if (trim(election.projects[p].fields[column]) == "1") selected.push_back(p);
  }
  return selected;
}

std::string format_amount(std::int64_t amount, int decimals) {
  if (decimals <= 0) return std::to_string(amount);
  bool negative = amount < 0;
  std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
  std::uint64_t scale = static_cast<std::uint64_t>(pow10(decimals));
  std::string fraction = std::to_string(magnitude % scale);
  fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
  return (negative ? "-" : "") + std::to_string(magnitude / scale) + "." + fraction;
}

Result<Election> parse_pb(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 byte order mark
  auto split = split_records(text);
  if (!split.ok()) return split.take_error();
  std::vector<Record>& records = split.value();

  Election election;
  enum class Section { none, meta, projects, votes };
  Section section = Section::none;
  bool expect_header = false;
  bool seen_meta = false, seen_projects = false, seen_votes = false;

  // PROJECTS columns and the raw amounts, scaled once every amount is known.
  std::size_t id_column = 0, cost_column = 0, project_width = 0;
  std::vector<std::size_t> project_extra;  // record column of each project_columns entry
  std::vector<Decimal> costs;
  std::vector<std::size_t> cost_lines;
  std::optional<Decimal> budget;
  std::size_t budget_line = 0;
  std::optional<std::size_t> vote_type_line;
  std::unordered_map<std::string, std::size_t> project_index;

  std::size_t voter_column = 0, vote_column = 0, vote_width = 0;
  std::optional<std::size_t> points_column;
  std::vector<std::size_t> vote_extra;
  std::unordered_set<std::string> voter_ids;
  std::vector<std::size_t> seen_in_ballot;  // project -> 1 + ballot number that listed it

  auto column_index = [](const std::vector<std::string>& header, std::string_view name) {
    for (std::size_t k = 0; k < header.size(); ++k) {
      if (lower(header[k]) == name) return std::optional<std::size_t>(k);
    }
    return std::optional<std::size_t>();
  };

  for (Record& record : records) {
    std::string title = lower(record.fields[0]);
    bool only_first = std::all_of(record.fields.begin() + 1, record.fields.end(),
                                  [](const std::string& f) { return f.empty(); });
    if (only_first && (title == "meta" || title == "projects" || title == "votes")) {
      bool& seen = title == "meta" ? seen_meta : title == "projects" ? seen_projects : seen_votes;
      if (seen) return invalid(record.line, "the " + record.fields[0] + " section appears twice");
      seen = true;
      section = title == "meta"       ? Section::meta
                : title == "projects" ? Section::projects
                                      : Section::votes;
      if (section == Section::votes && !seen_projects) {
        return invalid(record.line, "the VOTES section comes before PROJECTS");
      }
      expect_header = true;
      continue;
    }
    if (section == Section::none) {
      return invalid(record.line, "expected a META, PROJECTS or VOTES section title");
    }
    if (expect_header) {
      expect_header = false;
      std::vector<std::string>& header = record.fields;
      if (section == Section::meta) continue;  // "key;value"
      if (section == Section::projects) {
        auto id = column_index(header, "project_id");
        auto cost = column_index(header, "cost");
        if (!id) return invalid(record.line, "PROJECTS has no project_id column");
        if (!cost) return invalid(record.line, "PROJECTS has no cost column");
        id_column = *id;
        cost_column = *cost;
        project_width = header.size();
        for (std::size_t k = 0; k < header.size(); ++k) {
          if (k == id_column || k == cost_column) continue;
          election.project_columns.push_back(header[k]);
          project_extra.push_back(k);
        }
      } else {
        auto voter = column_index(header, "voter_id");
        auto vote = column_index(header, "vote");
        if (!voter) return invalid(record.line, "VOTES has no voter_id column");
        if (!vote) return invalid(record.line, "VOTES has no vote column");
        voter_column = *voter;
        vote_column = *vote;
        points_column = column_index(header, "points");
        election.has_points = points_column.has_value();
        vote_width = header.size();
        for (std::size_t k = 0; k < header.size(); ++k) {
          if (k == voter_column || k == vote_column || (points_column && k == *points_column)) {
            continue;
          }
          election.vote_columns.push_back(header[k]);
          vote_extra.push_back(k);
        }
        seen_in_ballot.assign(election.projects.size(), 0);
      }
      continue;
    }

    std::vector<std::string>& fields = record.fields;
    if (section == Section::meta) {
      std::string key = fields[0];
      // An unquoted ';' inside a value splits it; put it back together.
      std::string value;
      for (std::size_t k = 1; k < fields.size(); ++k) {
        if (k > 1) value += ';';
        value += fields[k];
      }
      std::string lowered = lower(key);
      if (lowered == "budget") {
        budget = parse_decimal(value);
        budget_line = record.line;
        if (!budget) return invalid(record.line, "budget \"" + value + "\" is not an amount");
        key = "budget";
      } else if (lowered == "vote_type") {
        key = "vote_type";
        auto type = parse_vote_type(value);
        if (!type && lower(trim(value)) == "choose-1") {
          type = VoteType::approval;
          election.warnings.push_back("vote_type choose-1 is read as approval");
        }
        if (!type) return invalid(record.line, "unknown vote_type \"" + value + "\"");
        election.vote_type = *type;
        vote_type_line = record.line;
      } else if (lowered == "num_projects" || lowered == "num_votes") {
        key = lowered;
      }
      for (const MetaEntry& entry : election.meta) {
        if (entry.key == key) return invalid(record.line, "META key " + key + " appears twice");
      }
      election.meta.push_back({std::move(key), std::move(value)});
      continue;
    }

    if (section == Section::projects) {
      if (fields.size() > project_width) {
        return invalid(record.line, "the row has more fields than the PROJECTS header");
      }
      fields.resize(project_width);
      Project project;
      project.id = fields[id_column];
      if (project.id.empty()) return invalid(record.line, "a project has no project_id");
      auto cost = parse_decimal(fields[cost_column]);
      if (!cost) {
        return invalid(record.line, "project " + project.id + ": cost \"" + fields[cost_column] +
                                        "\" is not a non-negative amount");
      }
      if (!project_index.emplace(project.id, election.projects.size()).second) {
        return invalid(record.line, "project " + project.id + " appears twice");
      }
      costs.push_back(*cost);
      cost_lines.push_back(record.line);
      for (std::size_t k : project_extra) project.fields.push_back(std::move(fields[k]));
      election.projects.push_back(std::move(project));
      continue;
    }

    // VOTES
    if (fields.size() > vote_width) {
      return invalid(record.line, "the row has more fields than the VOTES header");
    }
    fields.resize(vote_width);
    Ballot ballot;
    ballot.voter_id = fields[voter_column];
    if (ballot.voter_id.empty()) return invalid(record.line, "a vote has no voter_id");
    if (!voter_ids.insert(ballot.voter_id).second) {
      election.warnings.push_back("line " + std::to_string(record.line) + ": voter " +
                                  ballot.voter_id + " votes a second time; both ballots count");
    }
    const std::size_t ballot_number = election.ballots.size() + 1;
    for (std::string_view id : split_list(fields[vote_column])) {
      auto it = project_index.find(std::string(id));
      if (it == project_index.end()) {
        return invalid(record.line, "voter " + ballot.voter_id + " votes for unknown project \"" +
                                        std::string(id) + "\"");
      }
      if (seen_in_ballot[it->second] == ballot_number) {
        return invalid(record.line,
                       "voter " + ballot.voter_id + " lists project " + std::string(id) + " twice");
      }
      seen_in_ballot[it->second] = ballot_number;
      ballot.projects.push_back(it->second);
    }
    if (points_column) {
      for (std::string_view item : split_list(fields[*points_column])) {
        auto points = parse_integer(item);
        if (!points) {
          return invalid(record.line, "voter " + ballot.voter_id + ": points \"" +
                                          std::string(item) + "\" are not a whole number");
        }
        ballot.points.push_back(*points);
      }
      if (ballot.points.size() != ballot.projects.size()) {
        return invalid(record.line, "voter " + ballot.voter_id + " has " +
                                        std::to_string(ballot.projects.size()) + " projects but " +
                                        std::to_string(ballot.points.size()) + " points");
      }
    }
    for (std::size_t k : vote_extra) ballot.fields.push_back(std::move(fields[k]));
    election.ballots.push_back(std::move(ballot));
  }

  if (!seen_meta) return invalid(0, "the META section is missing");
  if (!seen_projects) return invalid(0, "the PROJECTS section is missing");
  if (!seen_votes) return invalid(0, "the VOTES section is missing");
  if (!budget) return invalid(0, "META has no budget");
  if (!vote_type_line) election.warnings.push_back("META has no vote_type; read as approval");
  if ((election.vote_type == VoteType::cumulative || election.vote_type == VoteType::scoring) &&
      !election.has_points) {
    return invalid(0,
                   std::string(vote_type_name(election.vote_type)) + " votes need a points column");
  }

  // Every amount in the same unit: the finest the file uses.
  int decimals = budget->decimals;
  for (const Decimal& cost : costs) decimals = std::max(decimals, cost.decimals);
  election.amount_decimals = decimals;
  auto scale = [&](const Decimal& amount, std::size_t line) -> Result<std::int64_t> {
    std::int64_t factor = pow10(decimals - amount.decimals);
    if (amount.digits > std::numeric_limits<std::int64_t>::max() / factor) {
      return invalid(line, "an amount is too large");
    }
    return amount.digits * factor;
  };
  auto scaled_budget = scale(*budget, budget_line);
  if (!scaled_budget.ok()) return scaled_budget.take_error();
  election.budget = scaled_budget.value();
  for (std::size_t p = 0; p < costs.size(); ++p) {
    auto cost = scale(costs[p], cost_lines[p]);
    if (!cost.ok()) return cost.take_error();
    election.projects[p].cost = cost.value();
  }

  if (auto declared = meta_int(election, "num_projects");
      declared && *declared != static_cast<std::int64_t>(election.projects.size())) {
    election.warnings.push_back("num_projects says " + std::to_string(*declared) + " but " +
                                std::to_string(election.projects.size()) + " projects are listed");
  }
  if (auto declared = meta_int(election, "num_votes");
      declared && *declared != static_cast<std::int64_t>(election.ballots.size())) {
    election.warnings.push_back("num_votes says " + std::to_string(*declared) + " but " +
                                std::to_string(election.ballots.size()) + " votes are listed");
  }
  canonicalize_meta(election);
  return election;
}

Result<Election> read_pb_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return not_found("cannot open " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_pb(buffer.str());
}

std::string write_pb(const Election& source) {
  Election election = source;
  canonicalize_meta(election);
  std::string out;
  out.reserve(64 + election.ballots.size() * 32 + election.projects.size() * 64);
  out += "META\nkey;value\n";
  for (const MetaEntry& entry : election.meta) append_row(out, {entry.key, entry.value});

  out += "PROJECTS\n";
  std::vector<std::string_view> row = {"project_id", "cost"};
  for (const std::string& column : election.project_columns) row.push_back(column);
  append_row(out, row);
  for (const Project& project : election.projects) {
    std::string cost = format_amount(project.cost, election.amount_decimals);
    row = {project.id, cost};
    for (std::size_t k = 0; k < election.project_columns.size(); ++k) {
      row.push_back(k < project.fields.size() ? std::string_view(project.fields[k]) : "");
    }
    append_row(out, row);
  }

  out += "VOTES\n";
  row = {"voter_id", "vote"};
  if (election.has_points) row.push_back("points");
  for (const std::string& column : election.vote_columns) row.push_back(column);
  append_row(out, row);
  std::string vote, points;
  for (const Ballot& ballot : election.ballots) {
    vote.clear();
    points.clear();
    for (std::size_t k = 0; k < ballot.projects.size(); ++k) {
      if (k > 0) vote += ',';
      vote += election.projects[ballot.projects[k]].id;
    }
    for (std::size_t k = 0; k < ballot.points.size(); ++k) {
      if (k > 0) points += ',';
      points += std::to_string(ballot.points[k]);
    }
    row = {ballot.voter_id, vote};
    if (election.has_points) row.push_back(points);
    for (std::size_t k = 0; k < election.vote_columns.size(); ++k) {
      row.push_back(k < ballot.fields.size() ? std::string_view(ballot.fields[k]) : "");
    }
    append_row(out, row);
  }
  return out;
}

Result<void> check_ballot(const Election& election, const Ballot& ballot) {
  auto refuse = [](std::string message) {
    return bad_request("invalid_ballot", std::move(message));
  };
  std::vector<bool> seen(election.projects.size(), false);
  for (std::size_t project : ballot.projects) {
    if (project >= election.projects.size()) return refuse("the ballot names an unknown project");
    if (seen[project]) return refuse("the ballot names a project twice");
    seen[project] = true;
  }
  bool needs_points =
      election.vote_type == VoteType::cumulative || election.vote_type == VoteType::scoring;
  if (needs_points && ballot.points.size() != ballot.projects.size()) {
    return refuse("each project on the ballot needs its points");
  }
  if (!needs_points && !ballot.points.empty() && election.vote_type == VoteType::approval) {
    return refuse("approval ballots carry no points");
  }
  const auto length = static_cast<std::int64_t>(ballot.projects.size());
  if (auto min = meta_int(election, "min_length"); min && length < *min) {
    return refuse("choose at least " + std::to_string(*min) + " projects");
  }
  if (auto max = meta_int(election, "max_length"); max && length > *max) {
    return refuse("choose at most " + std::to_string(*max) + " projects");
  }
  if (needs_points) {
    std::int64_t sum = 0;
    auto min_points = meta_int(election, "min_points");
    auto max_points = meta_int(election, "max_points");
    for (std::int64_t points : ballot.points) {
      if (election.vote_type == VoteType::cumulative && points < 0) {
        return refuse("points cannot be negative");
      }
      if (min_points && points < *min_points) {
        return refuse("each project gets at least " + std::to_string(*min_points) + " points");
      }
      if (max_points && points > *max_points) {
        return refuse("each project gets at most " + std::to_string(*max_points) + " points");
      }
      // Points come from files and requests: a total outside the int64 range is refused
      // rather than wrapped.
      if (__builtin_add_overflow(sum, points, &sum)) {
        return refuse("the points add up to more than can be counted");
      }
    }
    if (auto max = meta_int(election, "max_sum_points"); max && sum > *max) {
      return refuse("at most " + std::to_string(*max) + " points in all");
    }
    if (auto min = meta_int(election, "min_sum_points"); min && sum < *min) {
      return refuse("at least " + std::to_string(*min) + " points in all");
    }
  }
  return {};
}

}  // namespace gz::pb
