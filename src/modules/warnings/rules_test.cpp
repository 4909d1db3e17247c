// Warning rules: runs of falls and rises fire exactly at their length, the PDCA stages move
// forward one at a time and wait for the check, quarters wrap at the year.
#include "modules/warnings/rules.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace gz::warnings {
namespace {

TEST(WarningRules, ParticipationFallingNeedsThreeFallsInARow) {
  std::vector<std::int64_t> three_falls{40, 35, 30, 22};
  EXPECT_TRUE(falling_run(three_falls));
  std::vector<std::int64_t> two_falls{40, 35, 30};
  EXPECT_FALSE(falling_run(two_falls));
  std::vector<std::int64_t> flat{40, 35, 35, 22};
  EXPECT_FALSE(falling_run(flat));
  std::vector<std::int64_t> recovered{50, 40, 35, 30, 31};  // only the last four count
  EXPECT_FALSE(falling_run(recovered));
  std::vector<std::int64_t> older_rise{10, 40, 35, 30, 22};
  EXPECT_TRUE(falling_run(older_rise));
  EXPECT_FALSE(falling_run({}));
}

TEST(WarningRules, ComplaintsRisingNeedsTwoRisesInARow) {
  std::vector<double> rising{0.01, 0.015, 0.02};
  EXPECT_TRUE(rising_run(rising));
  std::vector<double> once{0.02, 0.01, 0.015};
  EXPECT_FALSE(rising_run(once));
  std::vector<double> equal{0.01, 0.02, 0.02};
  EXPECT_FALSE(rising_run(equal));
  std::vector<double> short_history{0.01, 0.02};
  EXPECT_FALSE(rising_run(short_history));
}

TEST(WarningRules, EveryKindHasANameAndASuggestionInBothLanguages) {
  for (auto kind : {Kind::participation_falling, Kind::complaints_rising, Kind::allocation_dispute,
                    Kind::stalled_topic, Kind::platform_fault}) {
    EXPECT_EQ(parse_kind(kind_name(kind)), kind);
    EXPECT_FALSE(suggestion_for(kind).zh.empty());
    EXPECT_FALSE(suggestion_for(kind).en.empty());
  }
  EXPECT_FALSE(parse_kind("fire"));
  EXPECT_NE(suggestion_for(Kind::allocation_dispute).zh.find("第三方评估"), std::string::npos);
}

TEST(WarningRules, TasksMoveForwardOneStageAndWaitForTheCheck) {
  EXPECT_EQ(*next_stage(Stage::plan, Stage::do_, false), Stage::do_);
  EXPECT_EQ(*next_stage(Stage::do_, Stage::check, false), Stage::check);
  auto early = next_stage(Stage::check, Stage::act, false);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, "check_pending");
  EXPECT_EQ(*next_stage(Stage::check, Stage::act, true), Stage::act);
  EXPECT_EQ(*next_stage(Stage::act, Stage::closed, true), Stage::closed);
  auto skip = next_stage(Stage::plan, Stage::check, true);
  ASSERT_FALSE(skip.ok());
  EXPECT_EQ(skip.error().code, "invalid_stage");
  EXPECT_FALSE(next_stage(Stage::closed, Stage::plan, true).ok());
  EXPECT_EQ(parse_stage("do"), Stage::do_);
}

}  // namespace
}  // namespace gz::warnings
