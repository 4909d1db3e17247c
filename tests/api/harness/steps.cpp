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

}  // namespace gz::test
