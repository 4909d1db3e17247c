#include "steps.hpp"

#include <gtest/gtest.h>

namespace gz::test {

std::int64_t created_id(const HttpResponse& response) {
  EXPECT_EQ(response.status, 201) << response.body;
  return response.status == 201 ? response.json().at("id").as_int64() : 0;
}

FiledRequest file_request(const Client& by, const boost::json::object& body) {
  auto response = by.post("/api/v1/requests", body);
  FiledRequest filed;
  filed.id = created_id(response);
  if (filed.id) filed.tracking_code = std::string(response.json().at("tracking_code").as_string());
  return filed;
}

boost::json::array elderly_and_childcare() {
  return {
      boost::json::object{
          {"category", "elderly_care"}, {"policy_weight", 60}, {"demand_weight", 50}},
      boost::json::object{{"category", "childcare"}, {"policy_weight", 40}, {"demand_weight", 50}}};
}

std::int64_t make_plan(const Client& staff, std::int64_t community_id, const std::string& quarter,
                       std::int64_t total_fen, const boost::json::array& categories) {
  boost::json::object body{
      {"community_id", community_id}, {"quarter", quarter}, {"total", total_fen}, {"unit", "fen"}};
  if (!categories.empty()) body["categories"] = categories;
  return created_id(staff.post("/api/v1/allocation/plans", body));
}

HttpResponse record_council_vote(const Client& staff, std::int64_t plan_id, bool passes) {
  return staff.post("/api/v1/plans/" + std::to_string(plan_id) + "/council-votes",
                    {{"meeting", "社区议事会"},
                     {"held_at", "2020-01-02T19:30:00+08:00"},
                     {"members_total", 15},
                     {"members_present", 11},
                     {"votes_for", passes ? 8 : 4},
                     {"votes_against", passes ? 2 : 6},
                     {"votes_abstain", 1},
                     {"minutes", "逐项审议分配方案"}});
}

HttpResponse record_assessment(const Client& staff, std::int64_t plan_id,
                               const std::string& recommendation) {
  return staff.post("/api/v1/plans/" + std::to_string(plan_id) + "/assessments",
                    {{"assessor", "李评估"},
                     {"organisation", "市社会工作评估中心"},
                     {"findings", "需求测算依据充分"},
                     {"recommendation", recommendation}});
}

void pass_council_and_assessment(const Client& staff, std::int64_t plan_id) {
  auto vote = record_council_vote(staff, plan_id);
  EXPECT_EQ(vote.status, 201) << vote.body;
  auto assessed = record_assessment(staff, plan_id);
  EXPECT_EQ(assessed.status, 201) << assessed.body;
  auto submitted = staff.post("/api/v1/plans/" + std::to_string(plan_id) + "/transitions",
                              {{"action", "submit_review"}, {"note", "报街道审核"}});
  EXPECT_EQ(submitted.status, 200) << submitted.body;
}

}  // namespace gz::test
