// Black-box tests of administration (issue 17) on SQLite and PostgreSQL: an administrator
// creates a street, a community in it and its first staff member, whose temporary password
// must be changed at the first login; that staff member creates two guides and gives each a
// building, and the buildings' households follow; a street supervisor of the street oversees
// its communities; staff act only on their own community's guides and residents.
#include <gtest/gtest.h>

#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "hubin-world-pass-42";

std::int64_t id_of(const HttpResponse& response) {
  EXPECT_TRUE(response.status == 200 || response.status == 201) << response.body;
  return response.status < 300 ? response.json().at("id").as_int64() : 0;
}

class Administration : public BackendTest {};

TEST_P(Administration, AnAdminStartsAStreetAndItsStaffStartTheirGuides) {
  World world(GetParam(), {}, kPassword);
  Client& admin = world.admin();

  // A new street and a community in it.
  auto street = admin.post("/api/v1/streets",
                           {{"name", "湖滨街道"}, {"code", "HB-ST"}, {"district", "上城区"}});
  std::int64_t street_id = id_of(street);
  EXPECT_EQ(admin.post("/api/v1/streets", {{"name", "again"}, {"code", "HB-ST"}}).error_code(),
            "code_taken");
  auto community = admin.post("/api/v1/communities",
                              {{"name", "东坡社区"}, {"code", "DP-1"}, {"street_id", street_id}});
  std::int64_t community_id = id_of(community);
  EXPECT_EQ(community.json().at("street").as_string(), "湖滨街道");
  auto streets = admin.get("/api/v1/streets").json();
  bool listed = false;
  for (const auto& item : streets.at("items").as_array()) {
    if (item.at("id").as_int64() == street_id) {
      listed = item.at("communities").as_array().size() == 1;
    }
  }
  EXPECT_TRUE(listed) << "the street lists its community";

  // Its first staff member, with a temporary password shown once.
  auto created = admin.post("/api/v1/users", {{"username", "dp.staff"},
                                              {"display_name", "东坡社工"},
                                              {"role", "staff"},
                                              {"community_ids", boost::json::array{community_id}}});
  ASSERT_EQ(created.status, 201) << created.body;
  std::string temporary(created.json().at("temporary_password").as_string());
  Client staff = world.anonymous();
  auto first_login = staff.login("dp.staff", temporary);
  ASSERT_EQ(first_login.status, 200) << first_login.body;
  EXPECT_TRUE(first_login.json().at("must_change_password").as_bool());
  ASSERT_EQ(staff
                .post("/api/v1/auth/password",
                      {{"current_password", temporary}, {"new_password", "dongpo-staff-2026"}})
                .status,
            200);
  Client again = world.anonymous();
  auto second_login = again.login("dp.staff", "dongpo-staff-2026");
  ASSERT_EQ(second_login.status, 200);
  EXPECT_FALSE(second_login.json().at("must_change_password").as_bool());

  // Staff may create guides of their community, nothing else.
  auto guide = [&](const std::string& username, const std::string& name) {
    return again.post("/api/v1/users", {{"username", username},
                                        {"display_name", name},
                                        {"role", "guide"},
                                        {"community_ids", boost::json::array{community_id}},
                                        {"password", "patch-secret-" + name}});
  };
  std::int64_t guide_a = id_of(guide("dp.guide1", "苏指导员"));
  std::int64_t guide_b = id_of(guide("dp.guide2", "白指导员"));
  std::int64_t elsewhere =
      id_of(admin.post("/api/v1/communities", {{"name", "西湖社区"}, {"code", "XH-1"}}));
  EXPECT_EQ(again
                .post("/api/v1/users", {{"username", "dp.boss"},
                                        {"display_name", "x"},
                                        {"role", "staff"},
                                        {"community_ids", boost::json::array{community_id}}})
                .status,
            403);
  EXPECT_EQ(again
                .post("/api/v1/users", {{"username", "dp.other"},
                                        {"display_name", "x"},
                                        {"role", "guide"},
                                        {"community_ids", boost::json::array{elsewhere}}})
                .status,
            403);
  EXPECT_EQ(guide("dp.guide1", "重名").error_code(), "username_taken");

  // Two buildings, each a guide's patch; their households follow.
  std::int64_t east = world.building(community_id, "东楼");
  std::int64_t west = world.building(community_id, "西楼");
  for (int i = 0; i < 3; ++i) {
    world.household(community_id, "E-" + std::to_string(i), {{"building_id", east}});
    world.household(community_id, "W-" + std::to_string(i), {{"building_id", west}});
  }
  world.household(community_id, "W-3", {{"building_id", west}});
  auto assign = [&](std::int64_t building, boost::json::value user) {
    return again.put_json("/api/v1/buildings/" + std::to_string(building) + "/guide",
                          {{"user_id", user}});
  };
  ASSERT_EQ(assign(east, guide_a).status, 200);
  auto west_assigned = assign(west, guide_b);
  ASSERT_EQ(west_assigned.status, 200) << west_assigned.body;
  EXPECT_EQ(west_assigned.json().at("guide_name").as_string(), "白指导员");
  EXPECT_EQ(assign(east, 999999).error_code(), "not_a_guide");
  auto guides =
      again.get("/api/v1/users?community_id=" + std::to_string(community_id) + "&role=guide");
  ASSERT_EQ(guides.status, 200) << guides.body;
  std::map<std::int64_t, std::int64_t> caseload;
  auto guide_list = guides.json();
  for (const auto& item : guide_list.at("items").as_array()) {
    caseload[item.at("id").as_int64()] = item.at("caseload").as_int64();
  }
  EXPECT_EQ(caseload[guide_a], 3);
  EXPECT_EQ(caseload[guide_b], 4);
  // The guide's own household list is their patch.
  Client guide_b_client = world.anonymous();
  ASSERT_EQ(guide_b_client.login("dp.guide2", "patch-secret-白指导员").status, 200);
  auto buildings =
      guide_b_client.get("/api/v1/communities/" + std::to_string(community_id) + "/buildings");
  ASSERT_EQ(buildings.status, 200);
  EXPECT_EQ(assign(east, guide_a).status, 200) << "assigning again changes nothing";
  EXPECT_EQ(
      guide_b_client
          .put_json("/api/v1/buildings/" + std::to_string(east) + "/guide", {{"user_id", guide_b}})
          .status,
      403)
      << "guides do not assign patches";

  // A street supervisor of the street oversees its communities.
  auto supervisor = admin.post("/api/v1/users", {{"username", "hb.street"},
                                                 {"display_name", "湖滨街道督办"},
                                                 {"role", "street"},
                                                 {"street_ids", boost::json::array{street_id}},
                                                 {"password", "hubin-street-2026"}});
  ASSERT_EQ(supervisor.status, 201) << supervisor.body;
  Client street_client = world.anonymous();
  auto street_login = street_client.login("hb.street", "hubin-street-2026");
  ASSERT_EQ(street_login.status, 200);
  EXPECT_EQ(street_login.json().at("user").at("community_ids"), (boost::json::array{community_id}));
  EXPECT_EQ(street_client.get("/api/v1/streets").json().at("items").as_array().size(), 1u);
  EXPECT_EQ(street_client.post("/api/v1/streets", {{"name", "x"}, {"code", "X"}}).status, 403);
  // A community the supervisor adds to their street is theirs too.
  auto added = street_client.post(
      "/api/v1/communities", {{"name", "清波社区"}, {"code", "QB-9"}, {"street_id", street_id}});
  ASSERT_EQ(added.status, 201) << added.body;

  // Staff deactivate, reactivate and reset their guides; not themselves, not other staff.
  std::string base = "/api/v1/users/" + std::to_string(guide_a);
  auto deactivated = again.post(base + "/deactivate", boost::json::object{});
  ASSERT_EQ(deactivated.status, 200) << deactivated.body;
  EXPECT_TRUE(deactivated.json().at("disabled").as_bool());
  EXPECT_EQ(world.anonymous().login("dp.guide1", "patch-secret-苏指导员").error_code(),
            "account_inactive");
  EXPECT_EQ(again.post(base + "/deactivate", boost::json::object{}).error_code(),
            "already_disabled");
  ASSERT_EQ(again.post(base + "/reactivate", boost::json::object{}).status, 200);
  Client guide_a_client = world.anonymous();
  ASSERT_EQ(guide_a_client.login("dp.guide1", "patch-secret-苏指导员").status, 200);
  ASSERT_EQ(again.post(base + "/force-reset", boost::json::object{}).status, 200);
  EXPECT_EQ(guide_a_client.get("/api/v1/me").status, 401) << "a forced reset ends sessions";
  EXPECT_TRUE(world.anonymous()
                  .login("dp.guide1", "patch-secret-苏指导员")
                  .json()
                  .at("must_change_password")
                  .as_bool());
  std::string self = "/api/v1/users/" + std::to_string(created.json().at("id").as_int64());
  EXPECT_EQ(again.post(self + "/deactivate", boost::json::object{}).error_code(),
            "cannot_change_self");
  EXPECT_EQ(again.post("/api/v1/users/1/deactivate", boost::json::object{}).status, 404)
      << "the admin is not of staff's community";
  EXPECT_EQ(again.patch(base, {{"role", "staff"}}).status, 403) << "staff change no roles";
  auto renamed = again.patch(base, {{"display_name", "苏老师"}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json().at("display_name").as_string(), "苏老师");

  // The admin moves the guide to staff: their sessions end, their role changes.
  auto promoted = admin.patch(base, {{"role", "staff"}});
  ASSERT_EQ(promoted.status, 200) << promoted.body;
  EXPECT_EQ(promoted.json().at("role").as_string(), "staff");
  // Lists: admins see everyone, filtered; a guide may not list.
  auto disabled_list = admin.get("/api/v1/users?state=all&q=dp.");
  ASSERT_EQ(disabled_list.status, 200) << disabled_list.body;
  EXPECT_EQ(disabled_list.json().at("items").as_array().size(), 3u);
  EXPECT_EQ(admin.get("/api/v1/users?state=gone").error_code(), "invalid_state");
  EXPECT_EQ(guide_b_client.get("/api/v1/users?community_id=" + std::to_string(community_id)).status,
            403);
  EXPECT_EQ(again.get("/api/v1/users").error_code(), "missing_field");
}

GZ_ON_BACKENDS(Administration);

}  // namespace
}  // namespace gz::test
