// HTTP routes of participatory budgeting: decode → use case → encode.
#include "modules/pb/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "modules/pb/elections.hpp"
#include "storage/database.hpp"

namespace gz::pb {
namespace {

using http::Need;
using http::RequestContext;
using http::Response;

// The ballot limits an election was created with (null when none).
boost::json::object limits_json(const StoredElection& e) {
  boost::json::object limits{
      {"min_length", nullptr}, {"max_length", nullptr}, {"max_sum_cost", nullptr}};
  for (const auto& entry : e.meta) {
    if (!limits.contains(entry.key)) continue;
    try {
      limits[entry.key] = std::stoll(entry.value);
    } catch (const std::exception&) {
    }
  }
  return limits;
}

boost::json::object election_json(const StoredElection& e) {
  return {{"id", e.id},
          {"community_id", e.community_id},
          {"name", e.name},
          {"budget", e.budget},
          {"amount_decimals", e.amount_decimals},
          {"vote_type", e.vote_type},
          {"rule", e.rule},
          {"voting_opens_at", http::time_or_null(e.voting_opens_ms)},
          {"voting_closes_at", http::time_or_null(e.voting_closes_ms)},
          // not_open | open | closed at the server's now (elections.hpp's one rule).
          {"voting", voting_window_name(voting_window(e, now_epoch_ms()))},
          {"projects", e.project_count},
          {"ballots", e.ballot_count},
          {"created_by_user_id", e.created_by_user_id},
          {"created_at", e.created_at},
          {"limits", limits_json(e)},
          {"my_ballot_at", http::json_or_null(e.my_ballot_at)}};
}

boost::json::object project_json(const StoredProject& p) {
  return {{"id", p.id},
          {"election_id", p.election_id},
          {"project_key", p.project_key},
          {"name", p.name},
          {"cost", p.cost},
          {"description", http::json_or_null(p.description)},
          {"proposer_user_id", http::json_or_null(p.proposer_user_id)}};
}

Result<Response> create_election_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"community_id", "name", "budget", "vote_type", "rule", "voting_opens_at",
               "voting_closes_at", "min_length", "max_length", "max_sum_cost"});
  ElectionInput input;
  input.community_id = reader.integer("community_id", Need::required, 1).value_or(0);
  input.name = reader.text("name", Need::required, 200).value_or("");
  input.budget = reader.amount("budget", Need::required, 1).value_or(0);
  input.vote_type = reader.text("vote_type", Need::optional, 20).value_or("approval");
  input.rule = reader.text("rule", Need::optional, 40).value_or("greedy");
  input.voting_opens_at = reader.text("voting_opens_at", Need::required, 40).value_or("");
  input.voting_closes_at = reader.text("voting_closes_at", Need::required, 40).value_or("");
  input.min_length = reader.integer("min_length", Need::optional, 0, 1000);
  input.max_length = reader.integer("max_length", Need::optional, 1, 1000);
  input.max_sum_cost = reader.amount("max_sum_cost", Need::optional, 1);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto election = create_election(*lease, context.user(), input);
  if (!election) return election.error();
  return http::json_response(201, election_json(*election));
}

Result<Response> list_elections_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto elections, list_elections(*lease, context.user(), *community));
  boost::json::array items;
  for (const auto& election : elections) items.push_back(election_json(election));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> get_election_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto election = get_election(*lease, context.user(), *id);
  if (!election) return election.error();
  return http::json_response(200, election_json(*election));
}

Result<Response> add_project_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"name", "cost", "description"});
  ProjectInput input;
  input.election_id = *id;
  input.name = reader.text("name", Need::required, 200).value_or("");
  input.cost = reader.amount("cost", Need::required, 1).value_or(0);
  input.description = reader.text("description", Need::optional, 2000);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto project = add_project(*lease, context.user(), input, now_epoch_ms());
  if (!project) return project.error();
  return http::json_response(201, project_json(*project));
}

Result<Response> ballot_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  auto it = body->find("projects");
  if (it == body->end() || !it->value().is_array() || body->size() != 1) {
    return bad_request("invalid_field", "the body is {\"projects\": [project ids approved]}");
  }
  std::vector<std::int64_t> projects;
  for (const auto& value : it->value().get_array()) {
    if (!value.is_int64()) {
      return bad_request("invalid_field", "project ids are integers");
    }
    projects.push_back(value.as_int64());
  }
  if (projects.size() > 1000) {
    return bad_request("invalid_ballot", "too many projects");
  }
  auto lease = context.pool.lease();
  auto ballot = cast_ballot(*lease, context.user(), *id, projects, now_epoch_ms());
  if (!ballot) return ballot.error();
  boost::json::array ids;
  for (auto project : ballot->project_ids) ids.emplace_back(project);
  return http::json_response(201, boost::json::object{{"id", ballot->id},
                                                      {"election_id", ballot->election_id},
                                                      {"household_id", ballot->household_id},
                                                      {"projects", std::move(ids)},
                                                      {"created_at", ballot->created_at}});
}

Result<Response> results_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  std::optional<RuleName> rule;
  if (auto text = context.request.query_param("rule"); text && !text->empty()) {
    rule = parse_rule_name(*text);
    if (!rule) {
      return bad_request("unknown_rule", "rule must be greedy, equal-shares or equal-shares-add1");
    }
  }
  auto lease = context.pool.lease();
  auto results = election_results(*lease, context.user(), *id, rule);
  if (!results) return results.error();
  std::vector<bool> chosen(results->projects.size(), false);
  for (auto index : results->outcome.selected) chosen[index] = true;
  boost::json::array selected, projects;
  for (std::size_t i = 0; i < results->projects.size(); ++i) {
    const auto& p = results->projects[i];
    boost::json::object line{
        {"id", p.id},     {"project_key", p.project_key}, {"name", p.name},
        {"cost", p.cost}, {"votes", results->votes[i]},   {"selected", chosen[i]}};
    if (chosen[i]) selected.push_back(line);
    projects.push_back(std::move(line));
  }
  boost::json::array order;
  for (auto index : results->outcome.selected) order.emplace_back(results->projects[index].id);
  return http::json_response(
      200, boost::json::object{{"election_id", results->election.id},
                               {"rule", rule_name(results->rule)},
                               {"budget", results->election.budget},
                               {"amount_decimals", results->election.amount_decimals},
                               {"cost", results->outcome.cost},
                               {"ballots", results->election.ballot_count},
                               {"selected", std::move(selected)},
                               {"selection_order", std::move(order)},
                               {"projects", std::move(projects)}});
}

Result<Response> export_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto text = export_election(*lease, context.user(), *id, now_epoch_ms());
  if (!text) return text.error();
  Response response;
  response.content_type = "text/plain; charset=utf-8";
  response.body = std::move(*text);
  response.headers.emplace_back("Content-Disposition",
                                "attachment; filename=\"election-" + std::to_string(*id) + ".pb\"");
  return response;
}

Result<Response> import_route(RequestContext& context) {
  auto community_id = context.int_query("community_id");
  if (!community_id) return community_id.error();
  std::int64_t id = community_id->value_or(
      context.user().community_ids.empty() ? 0 : context.user().community_ids.front());
  auto lease = context.pool.lease();
  auto election = import_election(*lease, context.user(), id, context.request.body);
  if (!election) return election.error();
  return http::json_response(201, election_json(*election));
}

}  // namespace

void register_routes(http::Router& router) {
  using http::Access;
  router.add(
      {"POST",
       "/api/v1/pb/elections",
       Access::login,
       create_election_route,
       {"Create a participatory-budgeting election (approval ballots) with its voting window", "pb",
        "staff, admin",
        R"({"community_id":1,"name":"2026 微更新","budget":200000,"rule":"equal-shares-add1","voting_opens_at":"2026-12-01T09:00:00+08:00","voting_closes_at":"2026-12-15T18:00:00+08:00","max_length":3})",
        ""}});
  router.add({"GET",
              "/api/v1/pb/elections",
              Access::login,
              list_elections_route,
              {"A community's elections, newest first, with their counts, ballot limits and "
               "(residents) when their household voted",
               "pb", "community members", "", "community_id"}});
  router.add({"GET",
              "/api/v1/pb/elections/{id}",
              Access::login,
              get_election_route,
              {"An election with its counts", "pb", "community members", "", ""}});
  router.add({"POST",
              "/api/v1/pb/elections/{id}/projects",
              Access::login,
              add_project_route,
              {"Propose a project (until the first ballot is cast)", "pb",
               "residents, guides, staff of the community",
               R"({"name":"楼道扶手","cost":30000,"description":"3号楼加装扶手"})", ""}});
  router.add({"POST",
              "/api/v1/pb/elections/{id}/ballots",
              Access::login,
              ballot_route,
              {"Cast the household's approval ballot inside the voting window (once)", "pb",
               "resident", R"({"projects":[3,5]})", ""}});
  router.add({"GET",
              "/api/v1/pb/elections/{id}/results",
              Access::login,
              results_route,
              {"Winners by greedy, equal-shares or equal-shares-add1 (exact arithmetic)", "pb",
               "community members", "", "rule"}});
  router.add({"GET",
              "/api/v1/pb/elections/{id}/export",
              Access::login,
              export_route,
              {"The election as a pabulib .pb file (anonymous voter ids; `selected` once closed)",
               "pb", "community members", "", ""}});
  http::Route import{"POST",
                     "/api/v1/pb/import",
                     Access::login,
                     import_route,
                     {"Import a pabulib .pb file as a new election with its projects and ballots",
                      "pb", "staff, admin", "", "community_id"}};
  import.accepts_any_content_type = true;
  router.add(std::move(import));
}

}  // namespace gz::pb
