#include "modules/pb/elections.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <tuple>
#include <unordered_map>

#include "core/amount.hpp"
#include "core/clock.hpp"
#include "modules/audit/audit.hpp"
#include "modules/pb/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::pb {
namespace {

std::string meta_text(const std::vector<MetaEntry>& meta) {
  boost::json::array out;
  for (const auto& entry : meta) out.push_back(boost::json::array{entry.key, entry.value});
  return boost::json::serialize(out);
}

std::vector<MetaEntry> meta_from(const std::string& text) {
  std::vector<MetaEntry> out;
  boost::system::error_code ec;
  auto value = boost::json::parse(text, ec);
  if (ec || !value.is_array()) return out;
  for (const auto& pair : value.get_array()) {
    if (!pair.is_array() || pair.get_array().size() != 2) continue;
    const auto& kv = pair.get_array();
    if (!kv[0].is_string() || !kv[1].is_string()) continue;
    out.push_back({std::string(kv[0].get_string()), std::string(kv[1].get_string())});
  }
  return out;
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  std::size_t start = 0;
  while (true) {
    auto at = text.find(',', start);
    out.push_back(text.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + 1;
  }
  return out;
}

std::string join_commas(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += ',';
    out += part;
  }
  return out;
}

constexpr const char* kElectionColumns =
    "SELECT id, community_id, name, budget, amount_decimals, vote_type, rule, voting_opens_ms, "
    "voting_closes_ms, meta, created_by_user_id, created_at FROM pb_elections";

StoredElection election_from(const storage::Row& row) {
  StoredElection e;
  e.id = row.integer(0);
  e.community_id = row.integer(1);
  e.name = row.text(2);
  e.budget = row.integer(3);
  e.amount_decimals = static_cast<int>(row.integer(4));
  e.vote_type = row.text(5);
  e.rule = row.text(6);
  e.voting_opens_ms = row.opt_integer(7);
  e.voting_closes_ms = row.opt_integer(8);
  e.meta = meta_from(row.text(9));
  e.created_by_user_id = row.integer(10);
  e.created_at = row.text(11);
  return e;
}

// The election if the actor may know of it (any member of its community), else 404.
Result<StoredElection> visible_election(storage::Connection& db, const Actor& actor,
                                        std::int64_t election_id) {
  auto row = db.query_one(std::string(kElectionColumns) + " WHERE id = ?", {election_id});
  if (!row) return not_found("no election " + std::to_string(election_id));
  auto election = election_from(*row);
  if (!is_member(actor, election.community_id)) {
    return not_found("no election " + std::to_string(election_id));
  }
  election.project_count =
      db.query_int("SELECT COUNT(*) FROM pb_projects WHERE election_id = ?", {election_id});
  election.ballot_count =
      db.query_int("SELECT COUNT(*) FROM pb_ballots WHERE election_id = ?", {election_id});
  if (actor.is(Role::resident) && actor.household_id) {
    if (auto mine = db.query_one(
            "SELECT created_at FROM pb_ballots WHERE election_id = ? AND household_id = ?",
            {election_id, *actor.household_id})) {
      election.my_ballot_at = mine->text(0);
    }
  }
  return election;
}

std::vector<StoredProject> load_projects(storage::Connection& db, std::int64_t election_id) {
  std::vector<StoredProject> out;
  for (const auto& row : db.query(
           "SELECT id, election_id, project_key, name, cost, description, proposer_user_id FROM "
           "pb_projects WHERE election_id = ? ORDER BY id",
           {election_id})) {
    out.push_back({row.integer(0), row.integer(1), row.text(2), row.text(3), row.integer(4),
                   row.opt_text(5), row.opt_integer(6)});
  }
  return out;
}

// The stored election in pabulib's model: projects in insertion (file) order with their
// name as the one extra column, ballots in insertion order.
Result<Election> to_pabulib(storage::Connection& db, const StoredElection& stored,
                            const std::vector<StoredProject>& projects) {
  Election election;
  election.meta = stored.meta;
  election.budget = stored.budget;
  election.amount_decimals = stored.amount_decimals;
  auto type = parse_vote_type(stored.vote_type);
  if (!type) return bad_request("unsupported_vote_type", "unknown vote type " + stored.vote_type);
  election.vote_type = *type;
  election.project_columns = {"name"};
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& project : projects) {
    index.emplace(project.project_key, election.projects.size());
    election.projects.push_back({project.project_key, project.cost, {project.name}});
  }
  for (const auto& row : db.query(
           "SELECT voter_key, projects, points FROM pb_ballots WHERE election_id = ? ORDER BY id",
           {stored.id})) {
    Ballot ballot;
    ballot.voter_id = row.text(0);
    for (const auto& key : split_commas(row.text(1))) {
      auto it = index.find(key);
      if (it != index.end()) ballot.projects.push_back(it->second);
    }
    if (auto points = row.opt_text(2)) {
      election.has_points = true;
      for (const auto& value : split_commas(*points)) ballot.points.push_back(std::stoll(value));
    }
    election.ballots.push_back(std::move(ballot));
  }
  set_meta(election, "num_projects", std::to_string(election.projects.size()));
  set_meta(election, "num_votes", std::to_string(election.ballots.size()));
  return election;
}

std::int64_t insert_project(storage::Connection& db, std::int64_t community_id,
                            std::int64_t election_id, const std::string& key,
                            const std::string& name, std::int64_t cost,
                            const std::optional<std::string>& description,
                            std::optional<std::int64_t> proposer, const std::string& now) {
  return db
      .query_one(
          "INSERT INTO pb_projects (community_id, election_id, project_key, name, cost, "
          "description, proposer_user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
          "RETURNING id",
          {community_id, election_id, key, name, cost, storage::opt_text(description),
           storage::opt_int(proposer), now})
      ->integer(0);
}

}  // namespace

Result<StoredElection> create_election(storage::Connection& db, const Actor& actor,
                                       const ElectionInput& input) {
  GZ_TRY(registry::require_member(db, actor, input.community_id));
  if (!may_manage_elections(actor, input.community_id)) {
    return forbidden("only staff and admins create elections");
  }
  if (input.name.empty()) return bad_request("missing_field", "name is required");
  GZ_TRY(check_amount(input.budget, "budget", 1));
  if (input.max_sum_cost) GZ_TRY(check_amount(*input.max_sum_cost, "max_sum_cost", 1));
  if (input.vote_type != "approval") {
    return bad_request("unsupported_vote_type", "elections held here use approval ballots");
  }
  auto rule = parse_rule_name(input.rule);
  if (!rule) return bad_request("unknown_rule", "unknown rule '" + input.rule + "'");
  auto opens = parse_iso8601(input.voting_opens_at);
  if (!opens) return opens.take_error();
  auto closes = parse_iso8601(input.voting_closes_at);
  if (!closes) return closes.take_error();
  if (*closes <= *opens) {
    return bad_request("invalid_window", "voting must close after it opens");
  }
  if (input.min_length && input.max_length && *input.min_length > *input.max_length) {
    return bad_request("invalid_limits", "min_length cannot exceed max_length");
  }
  StoredElection election;
  election.community_id = input.community_id;
  election.name = input.name;
  election.budget = input.budget;
  election.vote_type = input.vote_type;
  election.rule = std::string(rule_name(*rule));
  election.voting_opens_ms = *opens;
  election.voting_closes_ms = *closes;
  election.meta = {{"description", input.name},
                   {"budget", std::to_string(input.budget)},
                   {"vote_type", input.vote_type},
                   {"rule", election.rule}};
  if (input.min_length) election.meta.push_back({"min_length", std::to_string(*input.min_length)});
  if (input.max_length) election.meta.push_back({"max_length", std::to_string(*input.max_length)});
  if (input.max_sum_cost) {
    election.meta.push_back({"max_sum_cost", std::to_string(*input.max_sum_cost)});
  }
  election.created_by_user_id = actor.user_id;
  election.created_at = now_iso8601();
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<StoredElection> {
    election.id =
        db.query_one(
              "INSERT INTO pb_elections (community_id, name, budget, amount_decimals, vote_type, "
              "rule, voting_opens_ms, voting_closes_ms, meta, created_by_user_id, created_at) "
              "VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {election.community_id, election.name, election.budget, election.vote_type,
               election.rule, *opens, *closes, meta_text(election.meta), actor.user_id,
               election.created_at})
            ->integer(0);
    audit::append(
        db, actor,
        {election.community_id, "pb.election_create", "pb_election", std::to_string(election.id),
         boost::json::object{{"name", election.name},
                             {"budget", election.budget},
                             {"rule", election.rule},
                             {"voting_opens_at", format_iso8601(*opens)},
                             {"voting_closes_at", format_iso8601(*closes)}}});
    return election;
  });
}

Result<StoredElection> get_election(storage::Connection& db, const Actor& actor,
                                    std::int64_t election_id) {
  return visible_election(db, actor, election_id);
}

Result<std::vector<StoredElection>> list_elections(storage::Connection& db, const Actor& actor,
                                                   std::int64_t community_id) {
  if (!is_member(actor, community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  std::vector<StoredElection> out;
  for (const auto& row : db.query("SELECT id FROM pb_elections WHERE community_id = ? ORDER BY "
                                  "id DESC LIMIT 200",
                                  {community_id})) {
    GZ_ASSIGN_OR_RETURN(auto election, visible_election(db, actor, row.integer(0)));
    out.push_back(std::move(election));
  }
  return out;
}

VotingWindow voting_window(const StoredElection& election, std::int64_t now_ms) {
  // An election without a window (imported from a file) takes no ballots here.
  if (!election.voting_opens_ms || !election.voting_closes_ms) return VotingWindow::closed;
  if (now_ms >= *election.voting_closes_ms) return VotingWindow::closed;
  if (now_ms < *election.voting_opens_ms) return VotingWindow::not_open;
  return VotingWindow::open;
}

std::string_view voting_window_name(VotingWindow window) {
  switch (window) {
    case VotingWindow::not_open:
      return "not_open";
    case VotingWindow::open:
      return "open";
    case VotingWindow::closed:
      return "closed";
  }
  return "closed";
}

Result<StoredProject> add_project(storage::Connection& db, const Actor& actor,
                                  const ProjectInput& input, std::int64_t now_ms) {
  auto election = visible_election(db, actor, input.election_id);
  if (!election) return election.take_error();
  if (!may_propose(actor, election->community_id)) {
    return forbidden("street users do not propose projects");
  }
  if (input.name.empty()) return bad_request("missing_field", "name is required");
  GZ_TRY(check_amount(input.cost, "cost", 1));
  if (voting_window(*election, now_ms) == VotingWindow::closed) {
    return conflict("voting_closed", "the election has closed");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<StoredProject> {
    if (db.query_int("SELECT COUNT(*) FROM pb_ballots WHERE election_id = ?", {election->id}) > 0) {
      return conflict("voting_started", "projects cannot be added once ballots are cast");
    }
    StoredProject project;
    project.election_id = election->id;
    project.name = input.name;
    project.cost = input.cost;
    project.description = input.description;
    project.proposer_user_id = actor.user_id;
    project.project_key = std::to_string(
        db.query_int("SELECT COUNT(*) FROM pb_projects WHERE election_id = ?", {election->id}) + 1);
    project.id =
        insert_project(db, election->community_id, election->id, project.project_key, project.name,
                       project.cost, project.description, actor.user_id, now_iso8601());
    audit::append(
        db, actor,
        {election->community_id, "pb.project_add", "pb_project", std::to_string(project.id),
         boost::json::object{
             {"election_id", election->id}, {"name", project.name}, {"cost", project.cost}}});
    return project;
  });
}

Result<StoredBallot> cast_ballot(storage::Connection& db, const Actor& actor,
                                 std::int64_t election_id,
                                 const std::vector<std::int64_t>& project_ids,
                                 std::int64_t now_ms) {
  auto election = visible_election(db, actor, election_id);
  if (!election) return election.take_error();
  if (!may_vote(actor, election->community_id)) {
    return forbidden("only residents vote; a resident login votes for its household");
  }
  switch (voting_window(*election, now_ms)) {
    case VotingWindow::closed:
      return conflict("voting_closed", "voting has closed");
    case VotingWindow::not_open:
      return conflict("voting_not_open", "voting has not opened yet");
    case VotingWindow::open:
      break;
  }
  auto projects = load_projects(db, election_id);
  std::unordered_map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < projects.size(); ++i) index.emplace(projects[i].id, i);
  auto model = to_pabulib(db, *election, projects);
  if (!model) return model.take_error();
  Ballot ballot;
  std::vector<std::string> keys;
  std::int64_t cost = 0;
  for (std::int64_t id : project_ids) {
    auto it = index.find(id);
    if (it == index.end()) {
      return bad_request("invalid_ballot", "project " + std::to_string(id) + " is not running");
    }
    ballot.projects.push_back(it->second);
    keys.push_back(projects[it->second].project_key);
    cost += projects[it->second].cost;
  }
  GZ_TRY(check_ballot(*model, ballot));
  if (auto max = meta_int(*model, "max_sum_cost"); max && cost > *max) {
    return bad_request("ballot_over_budget",
                       "the approved projects cost more than " + std::to_string(*max));
  }
  if (auto min = meta_int(*model, "min_sum_cost"); min && cost < *min) {
    return bad_request("ballot_under_budget",
                       "the approved projects must cost at least " + std::to_string(*min));
  }
  std::string voter_key = "household:" + std::to_string(*actor.household_id);
  try {
    return storage::transact(db, storage::TxMode::write, [&]() -> Result<StoredBallot> {
      if (db.query_one("SELECT 1 FROM pb_ballots WHERE election_id = ? AND voter_key = ?",
                       {election_id, voter_key})) {
        return conflict("already_voted", "your household has already voted in this election");
      }
      StoredBallot out;
      out.election_id = election_id;
      out.household_id = *actor.household_id;
      out.project_ids = project_ids;
      out.created_at = now_iso8601();
      out.id = db.query_one(
                     "INSERT INTO pb_ballots (community_id, election_id, voter_key, household_id, "
                     "user_id, projects, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {election->community_id, election_id, voter_key, *actor.household_id,
                      actor.user_id, join_commas(keys), out.created_at})
                   ->integer(0);
      // The audit entry records that the household voted, not how (a secret ballot).
      audit::append(
          db, actor,
          {election->community_id, "pb.ballot_cast", "pb_election", std::to_string(election_id),
           boost::json::object{{"ballot_id", out.id}, {"household_id", *actor.household_id}}});
      return out;
    });
  } catch (const storage::DbError& error) {
    if (error.kind() != storage::DbErrorKind::unique_violation) throw;
    return conflict("already_voted", "your household has already voted in this election");
  }
}

Result<ElectionResults> election_results(storage::Connection& db, const Actor& actor,
                                         std::int64_t election_id, std::optional<RuleName> rule) {
  auto election = visible_election(db, actor, election_id);
  if (!election) return election.take_error();
  ElectionResults out;
  out.projects = load_projects(db, election_id);
  auto model = to_pabulib(db, *election, out.projects);
  if (!model) return model.take_error();
  out.rule = rule ? *rule : parse_rule_name(election->rule).value_or(RuleName::greedy);
  auto outcome = compute(*model, ComputeRequest{out.rule, Utility::cost, OutputFormat::json});
  if (!outcome) return outcome.take_error();
  out.outcome = std::move(*outcome);
  out.votes = project_votes(*model);
  out.election = std::move(*election);
  return out;
}

Result<std::string> export_election(storage::Connection& db, const Actor& actor,
                                    std::int64_t election_id, std::int64_t now_ms) {
  auto election = visible_election(db, actor, election_id);
  if (!election) return election.take_error();
  auto projects = load_projects(db, election_id);
  auto model = to_pabulib(db, *election, projects);
  if (!model) return model.take_error();
  Election& out = *model;
  // An imported election keeps the country and unit its file named.
  if (meta_value(out, "country").empty()) set_meta(out, "country", "China");
  if (meta_value(out, "unit").empty()) {
    if (auto row =
            db.query_one("SELECT name FROM communities WHERE id = ?", {election->community_id})) {
      set_meta(out, "unit", row->text(0));
    }
  }
  if (meta_value(out, "description").empty()) set_meta(out, "description", election->name);
  set_meta(out, "vote_type", std::string(vote_type_name(out.vote_type)));
  set_meta(out, "rule", election->rule);
  // The outcome is only final once no more ballots can come (an imported election has no
  // window and is closed from the start).
  bool closed = voting_window(*election, now_ms) == VotingWindow::closed;
  std::vector<bool> selected(out.projects.size(), false);
  if (closed && !out.ballots.empty()) {
    auto rule = parse_rule_name(election->rule).value_or(RuleName::greedy);
    auto outcome = compute(out, ComputeRequest{rule, Utility::cost, OutputFormat::json});
    if (!outcome) return outcome.take_error();
    for (auto index : outcome->selected) selected[index] = true;
  }
  auto votes = project_votes(out);
  out.project_columns.push_back("votes");
  if (closed && !out.ballots.empty()) out.project_columns.push_back("selected");
  for (std::size_t i = 0; i < out.projects.size(); ++i) {
    out.projects[i].fields.push_back(std::to_string(votes[i]));
    if (closed && !out.ballots.empty()) out.projects[i].fields.push_back(selected[i] ? "1" : "0");
  }
  // Anonymous voter ids: the stored keys name households, and insertion order would give
  // away who voted when; sorting by content and numbering keeps only what the rules read.
  std::stable_sort(out.ballots.begin(), out.ballots.end(), [](const Ballot& a, const Ballot& b) {
    return std::tie(a.projects, a.points) < std::tie(b.projects, b.points);
  });
  for (std::size_t i = 0; i < out.ballots.size(); ++i) {
    out.ballots[i].voter_id = std::to_string(i + 1);
    out.ballots[i].fields.clear();
  }
  out.vote_columns.clear();
  return write_pb(out);
}

Result<StoredElection> import_election(storage::Connection& db, const Actor& actor,
                                       std::int64_t community_id, std::string_view pb_text) {
  GZ_TRY(registry::require_member(db, actor, community_id));
  if (!may_manage_elections(actor, community_id))
    return forbidden("only staff and admins import elections");
  auto parsed = parse_pb(pb_text);
  if (!parsed) return parsed.take_error();
  const Election& file = *parsed;
  // What is stored is summed and compared later: every amount within the one bound.
  GZ_TRY(check_amount(file.budget, "budget", 1));
  for (const auto& project : file.projects) GZ_TRY(check_amount(project.cost, "cost", 1));
  for (const auto& ballot : file.ballots) {
    for (auto points : ballot.points) GZ_TRY(check_amount(points, "points"));
  }
  StoredElection election;
  election.community_id = community_id;
  election.name = std::string(meta_value(file, "description"));
  if (election.name.empty()) {
    election.name = std::string(meta_value(file, "unit")) + " " +
                    std::string(meta_value(file, "subunit")) + " " +
                    std::string(meta_value(file, "instance"));
  }
  if (election.name.size() > 200) election.name.resize(200);
  election.budget = file.budget;
  election.amount_decimals = file.amount_decimals;
  election.vote_type = std::string(vote_type_name(file.vote_type));
  auto file_rule = rule_from_meta(file);
  election.rule = std::string(rule_name(file_rule.value_or(RuleName::greedy)));
  election.meta = file.meta;
  election.created_by_user_id = actor.user_id;
  election.created_at = now_iso8601();
  election.project_count = static_cast<std::int64_t>(file.projects.size());
  election.ballot_count = static_cast<std::int64_t>(file.ballots.size());
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<StoredElection> {
    election.id =
        db.query_one(
              "INSERT INTO pb_elections (community_id, name, budget, amount_decimals, vote_type, "
              "rule, voting_opens_ms, voting_closes_ms, meta, created_by_user_id, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?) RETURNING id",
              {community_id, election.name, election.budget, std::int64_t{election.amount_decimals},
               election.vote_type, election.rule, meta_text(election.meta), actor.user_id,
               election.created_at})
            ->integer(0);
    for (std::size_t i = 0; i < file.projects.size(); ++i) {
      const auto& project = file.projects[i];
      auto name = project_field(file, i, "name");
      insert_project(db, community_id, election.id, project.id,
                     name ? std::string(*name) : project.id, project.cost, std::nullopt,
                     std::nullopt, election.created_at);
    }
    std::unordered_map<std::string, int> seen;  // a voter id written twice stays two ballots
    for (const auto& ballot : file.ballots) {
      std::string voter_key = "file:" + ballot.voter_id;
      if (int times = seen[voter_key]++; times > 0) voter_key += "#" + std::to_string(times + 1);
      std::vector<std::string> keys, points;
      for (std::size_t p : ballot.projects) keys.push_back(file.projects[p].id);
      for (std::int64_t value : ballot.points) points.push_back(std::to_string(value));
      db.execute(
          "INSERT INTO pb_ballots (community_id, election_id, voter_key, projects, points, "
          "created_at) VALUES (?, ?, ?, ?, ?, ?)",
          {community_id, election.id, voter_key, join_commas(keys),
           file.has_points ? storage::Value{join_commas(points)} : storage::null_value(),
           election.created_at});
    }
    audit::append(db, actor,
                  {community_id, "pb.election_import", "pb_election", std::to_string(election.id),
                   boost::json::object{{"name", election.name},
                                       {"budget", election.budget},
                                       {"projects", election.project_count},
                                       {"ballots", election.ballot_count}}});
    return election;
  });
}

}  // namespace gz::pb
