// PB outcomes as plans; see pb_plan.hpp.
#include "modules/transparency/pb_plan.hpp"

#include <boost/json.hpp>
#include <set>

#include "core/clock.hpp"
#include "modules/audit/audit.hpp"
#include "modules/pb/pb.hpp"
#include "modules/transparency/permissions.hpp"
#include "storage/transact.hpp"

namespace gz::transparency {

Result<PlanStatus> plan_from_election(storage::Connection& db, const Actor& actor,
                                      std::int64_t election_id,
                                      const std::optional<std::string>& rule, std::int64_t now_ms) {
  std::optional<pb::RuleName> chosen;
  if (rule) {
    chosen = pb::parse_rule_name(*rule);
    if (!chosen) return bad_request("invalid_rule", "unknown rule '" + *rule + "'");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<PlanStatus> {
    auto results = pb::election_results(db, actor, election_id, chosen);
    if (!results) return results.take_error();
    const auto& election = results->election;
    if (!may_manage(actor, election.community_id)) {
      return forbidden("only community staff turn a budgeting outcome into a plan");
    }
    if (pb::voting_window(election, now_ms) != pb::VotingWindow::closed) {
      return conflict("voting_not_closed", "voting on this election has not closed yet");
    }
    if (election.amount_decimals < 0 || election.amount_decimals > 2) {
      return bad_request("unsupported_decimals", "amounts with more than 2 decimals");
    }
    if (db.query_one("SELECT plan_id FROM pb_plans WHERE election_id = ?", {election_id})) {
      return conflict("plan_exists", "this election already has its plan");
    }
    if (results->outcome.selected.empty()) {
      return conflict("nothing_selected", "the rule funds no project");
    }
    std::int64_t to_fen = election.amount_decimals == 0   ? 100
                          : election.amount_decimals == 1 ? 10
                                                          : 1;
    std::int64_t budget = election.budget * to_fen;
    std::int64_t funded = results->outcome.cost * to_fen;
    std::int64_t closed_ms = election.voting_closes_ms.value_or(now_ms);
    std::string quarter = quarter_of(closed_ms);
    std::string created_at = format_iso8601(now_ms);
    std::int64_t plan_id =
        db.query_one(
              "INSERT INTO allocation_plans (community_id, quarter, total, unit, emergency, "
              "base_pool, dynamic_pool, surplus, created_by_user_id, created_at) VALUES (?, ?, ?, "
              "'fen', 0, ?, 0, ?, ?, ?) RETURNING id",
              {election.community_id, quarter, budget, funded, budget - funded, actor.user_id,
               created_at})
            ->integer(0);
    std::set<std::string> names;
    boost::json::array audit_lines;
    std::int64_t position = 0;
    for (auto index : results->outcome.selected) {
      const auto& project = results->projects.at(index);
      std::string category = project.name;
      if (!names.insert(category).second) category += " (" + project.project_key + ")";
      names.insert(category);
      std::int64_t cost = project.cost * to_fen;
      db.execute(
          "INSERT INTO allocation_plan_lines (plan_id, community_id, position, category, "
          "policy_weight, demand_weight, demand, base, dynamic, total, previous_total) VALUES "
          "(?, ?, ?, ?, ?, 0, NULL, ?, 0, ?, NULL)",
          {plan_id, election.community_id, position++, category, results->votes.at(index), cost,
           cost});
      audit_lines.push_back(boost::json::object{
          {"project", project.project_key}, {"name", category}, {"total", cost}});
    }
    std::string rule_used(pb::rule_name(results->rule));
    db.execute(
        "INSERT INTO pb_plans (election_id, plan_id, community_id, rule, created_at) VALUES (?, "
        "?, ?, ?, ?)",
        {election_id, plan_id, election.community_id, rule_used, created_at});
    audit::append(
        db, actor,
        {election.community_id, "plan.from_pb", "allocation_plan", std::to_string(plan_id),
         boost::json::object{{"election_id", election_id},
                             {"rule", rule_used},
                             {"budget", budget},
                             {"funded", funded},
                             {"lines", std::move(audit_lines)}}});
    auto status = visible_plan(db, actor, plan_id, now_ms);
    if (!status) return status.take_error();
    return *status;
  });
}

}  // namespace gz::transparency
