#include "modules/pb/compute.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "modules/pb/test_data.hpp"

namespace gz::pb {
namespace {

TEST(PbCompute, parses_rule_names_from_the_cli_and_from_pabulib) {
  EXPECT_EQ(parse_rule_name("greedy"), RuleName::greedy);
  EXPECT_EQ(parse_rule_name("equal-shares"), RuleName::equal_shares);
  EXPECT_EQ(parse_rule_name("equal-shares-add1"), RuleName::equal_shares_add1);
  EXPECT_EQ(parse_rule_name("equalshares/add1"), RuleName::equal_shares_add1);
  EXPECT_EQ(parse_rule_name("phragmen"), std::nullopt);
  EXPECT_EQ(parse_utility("cost"), Utility::cost);
  EXPECT_EQ(parse_utility("approval"), Utility::approval);
}

TEST(PbCompute, prints_json_with_the_ids_as_written_in_the_file) {
  auto election = parse_pb(
      "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost;name\n"
      "\"a\"\"1\";60;Park\nb2;50;Library\nc3;40;Corner\n"
      "VOTES\nvoter_id;vote\n1;\"a\"\"1,b2\"\n2;\"a\"\"1\"\n3;\"a\"\"1,b2,c3\"\n");
  ASSERT_TRUE(election.ok()) << election.error().message;
  ComputeRequest request{RuleName::greedy, Utility::cost, OutputFormat::json};
  auto outcome = compute(*election, request);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(format_outcome(*election, request, *outcome),
            "{\"rule\":\"greedy\",\"selected\":[\"a\\\"1\",\"c3\"],\"cost\":100}\n");
  request.format = OutputFormat::text;
  std::string text = format_outcome(*election, request, *outcome);
  EXPECT_NE(text.find("2 projects, cost 100 of the budget 100 (100.0%)"), std::string::npos);
  EXPECT_NE(text.find("c3\t40\t1 votes\tCorner"), std::string::npos);
}

TEST(PbCompute, equal_shares_add1_on_wieliczka_prints_the_official_selection) {
  const std::string name = "poland_wieliczka_2023.pb";
  if (!testing::have_pabulib_file(name)) GTEST_SKIP();
  ComputeRequest request{RuleName::equal_shares_add1, Utility::cost, OutputFormat::json};
  auto json = compute_pb_file(testing::pabulib_file(name), request);
  ASSERT_TRUE(json.ok()) << json.error().message;
  EXPECT_EQ(*json,
            "{\"rule\":\"equal-shares-add1\",\"selected\":[\"24\",\"41\",\"40\",\"74\",\"19\","
            "\"6\",\"32\",\"39\",\"58\",\"42\",\"25\",\"43\",\"20\",\"60\",\"29\",\"33\",\"17\","
            "\"70\",\"34\",\"9\",\"26\",\"71\",\"88\",\"36\",\"62\",\"61\",\"7\",\"46\",\"56\","
            "\"69\"],\"cost\":995079}\n");
  request.format = OutputFormat::text;
  auto text = compute_pb_file(testing::pabulib_file(name), request);
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->find("30 projects, cost 995079 of the budget 1000000 (99.5%)"),
            std::string::npos);
  EXPECT_NE(text->find("each voter's share: 315 after 165 Add1 steps"), std::string::npos);
}

TEST(PbCompute, the_rule_named_in_each_file_reproduces_its_official_result) {
  const char* names[] = {"poland_katowice_2021_osiedle-tysiaclecia.pb",
                         "poland_krakow_2022_pradnik-bialy.pb",
                         "poland_lodz_2020_radogoszcz.pb",
                         "poland_lodz_2022_.pb",
                         "poland_warszawa_2019_bemowo.pb",
                         "poland_warszawa_2023_rembertow.pb",
                         "poland_wieliczka_2023.pb"};
  int checked = 0;
  for (const char* name : names) {
    if (!testing::have_pabulib_file(name)) continue;
    auto election = read_pb_file(testing::pabulib_file(name));
    ASSERT_TRUE(election.ok());
    auto rule = rule_from_meta(*election);
    ASSERT_TRUE(rule.has_value()) << name;
    ComputeRequest request{*rule, Utility::cost, OutputFormat::json};
    auto outcome = compute(*election, request);
    ASSERT_TRUE(outcome.ok()) << name;
    std::vector<std::size_t> selected = outcome->selected;
    std::sort(selected.begin(), selected.end());
    EXPECT_EQ(selected, *official_selection(*election)) << name;
    ++checked;
  }
  if (checked == 0) GTEST_SKIP();
  EXPECT_EQ(checked, 7);
}

TEST(PbCompute, uses_the_files_rule_and_refuses_one_it_cannot_compute) {
  const std::string name = "poland_wieliczka_2023.pb";
  if (testing::have_pabulib_file(name)) {
    auto text = compute_pb_file(testing::pabulib_file(name), ComputeRequest{}, true);
    ASSERT_TRUE(text.ok());
    EXPECT_NE(text->find("rule: equal-shares-add1"), std::string::npos);
  }
  const std::string path =
      (std::filesystem::temp_directory_path() / "gongzhi_pb_compute_test.pb").string();
  {
    std::ofstream out(path);
    out << "META\nkey;value\nbudget;10\nrule;greedy-custom\nPROJECTS\nproject_id;cost\n1;5\n"
           "VOTES\nvoter_id;vote\n1;1\n";
  }
  auto refused = compute_pb_file(path, ComputeRequest{}, true);
  std::filesystem::remove(path);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "unsupported_rule");
}

TEST(PbCompute, reports_a_missing_file) {
  auto result = compute_pb_file("/nonexistent/file.pb", ComputeRequest{});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace gz::pb
