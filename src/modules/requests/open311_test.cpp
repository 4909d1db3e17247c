// The pure parts of the Open311 adapter: the spec's error statuses and file extensions, the
// open/closed mapping, and service-definition answers checked and written as words.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "modules/requests/open311_definitions.hpp"
#include "modules/requests/open311_spec.hpp"

namespace gz::requests::open311 {
namespace {

TEST(Open311Spec, errors_take_the_specs_statuses_not_the_main_apis) {
  EXPECT_EQ(spec_status(ErrorKind::unauthorized), 403);
  EXPECT_EQ(spec_status(ErrorKind::forbidden), 403);
  EXPECT_EQ(spec_status(ErrorKind::not_found), 404);
  EXPECT_EQ(spec_status(ErrorKind::conflict), 400);
  EXPECT_EQ(spec_status(ErrorKind::unavailable), 503);
  const auto response = spec_error(Format::json, not_found("no such service"));
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.body, R"([{"code":404,"description":"no such service"}])");
}

TEST(Open311Spec, a_path_names_its_format_by_extension) {
  EXPECT_EQ(split_format("gas_leak.json"),
            (std::pair<std::string, Format>{"gas_leak", Format::json}));
  EXPECT_EQ(split_format("7KQM-3XH9P.xml"),
            (std::pair<std::string, Format>{"7KQM-3XH9P", Format::xml}));
  EXPECT_FALSE(split_format("gas_leak").has_value());
  EXPECT_FALSE(split_format("gas_leak.csv").has_value());
  EXPECT_FALSE(split_format(".json").has_value());
  EXPECT_EQ(guess_format("x.xml"), Format::xml);
  EXPECT_EQ(guess_format("x.csv"), Format::json);
  EXPECT_EQ(w3c_time(1'795'910'400'123), "2026-11-29T08:00:00+08:00");
}

TEST(Open311Spec, resolved_is_closed_and_reopened_is_open_again) {
  EXPECT_EQ(open311_status(Status::resolved), "closed");
  EXPECT_EQ(open311_status(Status::reopened), "open");
  const auto open = statuses_mapped_to("open");
  EXPECT_EQ(open, (std::vector<std::string>{"submitted", "accepted", "assigned", "in_progress",
                                            "reopened"}));
}

TEST(Open311Definitions, answers_become_lines_of_words_in_the_definitions_order) {
  const auto* elevator = attributes_of("elevator");
  ASSERT_NE(elevator, nullptr);
  auto lines = answer_lines("elevator", elevator, {{"people_trapped", {"yes"}}});
  ASSERT_TRUE(lines) << lines.error().message;
  EXPECT_EQ(*lines, (std::vector<std::string>{"电梯内是否有人被困：有人困在电梯内"}));
  EXPECT_EQ(attributes_of("noise"), nullptr);
}

TEST(Open311Definitions, unknown_missing_or_invalid_answers_are_bad_requests) {
  const auto* water = attributes_of("water_outage");
  ASSERT_NE(water, nullptr);
  const std::map<std::string, std::vector<std::string>> cases[] = {
      {},                                                        // scope is required
      {{"scope", {"street"}}},                                   // not one of its keys
      {{"scope", {"building", "area"}}},                         // a single-value list
      {{"scope", {"building"}}, {"started_at", {"yesterday"}}},  // not a time
      {{"scope", {"building"}}, {"colour", {"blue"}}},           // no such attribute
  };
  for (const auto& answers : cases) {
    auto lines = answer_lines("water_outage", water, answers);
    ASSERT_FALSE(lines);
    EXPECT_EQ(lines.error().kind, ErrorKind::bad_request);
  }
  EXPECT_FALSE(answer_lines("noise", nullptr, {{"x", {"y"}}}));
  EXPECT_TRUE(answer_lines("noise", nullptr, {}));
}

}  // namespace
}  // namespace gz::requests::open311
