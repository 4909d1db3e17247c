#include "modules/allocation/allocate_command.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "modules/allocation/plans.hpp"
#include "modules/allocation/routes.hpp"
#include "modules/audit/audit.hpp"

namespace gz::allocation {
namespace {

std::optional<std::int64_t> whole_number(const std::string& text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

Result<std::string> run_allocate(storage::Connection& db, const std::string& community_id,
                                 const std::string& quarter, const std::string& total,
                                 const std::string& unit) {
  auto community = whole_number(community_id);
  if (!community || *community < 1) {
    return bad_request("invalid_argument", "--community must be a community id");
  }
  auto amount = whole_number(total);
  if (!amount) return bad_request("invalid_argument", "--total must be a whole number");
  PlanRequest request;
  request.community_id = *community;
  request.quarter = quarter;
  request.total = *amount;
  request.unit = unit.empty() ? "fen" : unit;
  auto plan = create_plan(db, audit::system_actor(), request);
  if (!plan) return plan.take_error();
  return boost::json::serialize(plan_json(*plan));
}

}  // namespace gz::allocation
