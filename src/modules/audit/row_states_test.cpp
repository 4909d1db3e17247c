#include "modules/audit/row_states.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/json.hpp"
#include "modules/audit/tracked.hpp"

namespace gz::audit {
namespace {

const Tracked& people() {
  static const Tracked table{
      "people",
      "id",
      "SELECT id, role, mobile FROM people",
      {"role", "mobile"},
      {"mobile"},
      {{"groups", "SELECT person_id, group_id FROM person_groups", "person_id"}}};
  return table;
}

TEST(RowContent, keeps_text_digests_personal_data_and_sorts_lists) {
  auto content = row_content(people(), {std::string("resident"), std::string("13812345678")},
                             {{"groups", {"3", "1", "2"}}});
  EXPECT_EQ(content.at("role"), "resident");
  EXPECT_EQ(content.at("mobile").as_string(), digest_value("13812345678"));
  EXPECT_TRUE(content.at("mobile").as_string().starts_with("sha256:"));
  EXPECT_EQ(content.at("groups"), (boost::json::array{"1", "2", "3"}));
}

TEST(RowContent, null_stays_null_and_a_missing_list_is_empty) {
  auto content = row_content(people(), {std::nullopt, std::nullopt}, {});
  EXPECT_TRUE(content.at("role").is_null());
  EXPECT_TRUE(content.at("mobile").is_null());
  EXPECT_TRUE(content.at("groups").as_array().empty());
}

TEST(Fingerprint, is_equal_for_equal_content_only) {
  auto a = canonical_json(boost::json::object{{"role", "resident"}, {"size", "3"}});
  auto b = canonical_json(boost::json::object{{"size", "3"}, {"role", "resident"}});
  auto c = canonical_json(boost::json::object{{"role", "admin"}, {"size", "3"}});
  EXPECT_EQ(fingerprint(a), fingerprint(b));
  EXPECT_FALSE(fingerprint(a) == fingerprint(c));
}

TEST(RecordedRows, keeps_the_newest_content_of_each_row) {
  RecordedRows recorded;
  ASSERT_TRUE(recorded.feed(3, R"({"users":{"7":{"role":"resident"}}})"));
  ASSERT_TRUE(recorded.feed(9, R"({"users":{"7":{"role":"staff"},"8":{"role":"guide"}}})"));
  auto* seven = recorded.find("users", 7);
  ASSERT_NE(seven, nullptr);
  EXPECT_EQ(seven->seq, 9);
  EXPECT_EQ(seven->fingerprint,
            fingerprint(canonical_json(boost::json::object{{"role", "staff"}})));
  EXPECT_EQ(recorded.find("users", 8)->seq, 9);
  EXPECT_EQ(recorded.find("users", 9), nullptr);
  EXPECT_EQ(recorded.find("requests", 7), nullptr);
  EXPECT_EQ(recorded.entries(), 2);
}

TEST(RecordedRows, a_null_records_a_deletion) {
  RecordedRows recorded;
  ASSERT_TRUE(recorded.feed(3, R"({"users":{"7":{"role":"resident"}}})"));
  ASSERT_TRUE(recorded.feed(4, R"({"users":{"7":null}})"));
  EXPECT_TRUE(recorded.find("users", 7)->deleted);
}

TEST(RecordedRows, malformed_row_states_are_reported_not_trusted) {
  RecordedRows recorded;
  EXPECT_FALSE(recorded.feed(3, "not json"));
  EXPECT_FALSE(recorded.feed(4, "[1,2]"));
  // Ids that are not numbers are skipped.
  EXPECT_TRUE(recorded.feed(5, R"({"users":{"x":{"role":"admin"}}})"));
  EXPECT_EQ(recorded.find("users", 0), nullptr);
}

TEST(RecordedRows, the_first_tracking_marker_counts) {
  RecordedRows recorded;
  EXPECT_FALSE(recorded.tracked_since("users").has_value());
  recorded.mark_tracked("users", 12);
  recorded.mark_tracked("users", 40);
  EXPECT_EQ(recorded.tracked_since("users"), 12);
}

TEST(RecordedContent, finds_one_row_of_an_entry) {
  auto found = recorded_content(R"({"users":{"7":{"role":"resident"}},"households":{"5":null}})",
                                "users", 7);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->at("role"), "resident");
  auto deleted = recorded_content(R"({"households":{"5":null}})", "households", 5);
  ASSERT_TRUE(deleted.has_value());
  EXPECT_TRUE(deleted->is_null());
  EXPECT_FALSE(recorded_content(R"({"users":{}})", "users", 7).has_value());
  EXPECT_FALSE(recorded_content("{", "users", 7).has_value());
}

TEST(DescribeDifference, names_each_changed_field_with_both_values) {
  boost::json::object recorded{{"role", "resident"}, {"household_id", "5"}, {"disabled", "0"}};
  boost::json::object current{{"role", "admin"}, {"household_id", nullptr}, {"disabled", "0"}};
  auto difference = describe_difference(recorded, current);
  EXPECT_EQ(difference.fields, (std::vector<std::string>{"household_id", "role"}));
  EXPECT_EQ(difference.message,
            "household_id is null, the chain recorded \"5\"; role is \"admin\", the chain "
            "recorded \"resident\"");
}

TEST(DescribeDifference, never_shows_a_digested_value) {
  boost::json::object recorded{{"mobile", digest_value("13812345678")}};
  boost::json::object current{{"mobile", digest_value("13900000000")}};
  auto difference = describe_difference(recorded, current);
  EXPECT_EQ(difference.fields, std::vector<std::string>{"mobile"});
  EXPECT_EQ(difference.message, "mobile differs");
}

TEST(DescribeDifference, shortens_long_values_and_reports_nothing_for_equal_rows) {
  std::string long_text(200, 'x');
  auto difference = describe_difference({{"purpose", long_text}}, {{"purpose", "y"}});
  EXPECT_LT(difference.message.size(), 120u);
  EXPECT_TRUE(describe_difference({{"a", "1"}}, {{"a", "1"}}).fields.empty());
}

}  // namespace
}  // namespace gz::audit
