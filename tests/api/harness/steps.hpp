// Domain steps taken as a given user (world.hpp's act as the admin), shared by several suites.
// Each checks its own answer: a failed step fails the test that took it and returns 0.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <string>

#include "processes.hpp"

namespace gz::test {

// The id of a 201 answer (0 after failing the test on any other status).
std::int64_t created_id(const HttpResponse& response);

// A request filed by `by` (a resident for their household, staff for one they name).
struct FiledRequest {
  std::int64_t id = 0;
  std::string tracking_code;
};
FiledRequest file_request(const Client& by, const boost::json::object& body);

// Elderly care and childcare, policy weights 60 and 40, demand weights 50 and 50.
boost::json::array elderly_and_childcare();

// An allocation plan in fen of the quarter written by `staff`; with no categories the
// community's defaults apply.
std::int64_t make_plan(const Client& staff, std::int64_t community_id, const std::string& quarter,
                       std::int64_t total_fen,
                       const boost::json::array& categories = elderly_and_childcare());

// The council vote (议事会) on a plan in council_vote, recorded by `staff`: 15 members, 11
// present, 8 for when `passes`, else 4 for. The answer as it came.
HttpResponse record_council_vote(const Client& staff, std::int64_t plan_id, bool passes = true);
// The professional assessment of a plan in professional_assessment, by `staff`.
HttpResponse record_assessment(const Client& staff, std::int64_t plan_id,
                               const std::string& recommendation = "approve");
// From council_vote to street_review: a passing vote, an approving assessment, submit_review
// (each step's status checked).
void pass_council_and_assessment(const Client& staff, std::int64_t plan_id);

}  // namespace gz::test
