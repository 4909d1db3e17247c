#include "modules/requests/triage.hpp"

#include <gtest/gtest.h>

namespace gz::requests {
namespace {

const std::vector<TriageRule> kRules = {{"燃气", Priority::red, "涉及燃气"},
                                        {"gas", Priority::red, "Gas"},
                                        {"漏水", Priority::yellow, "漏水"}};

TEST(Triage, CategoryDefaultWhenNothingMatches) {
  auto decision =
      triage({Priority::blue, "环境卫生", "楼道垃圾没人清理", std::nullopt, false}, kRules);
  EXPECT_EQ(decision.priority, Priority::blue);
  EXPECT_EQ(decision.source, "category");
}

TEST(Triage, KeywordRulesRaiseButNeverLower) {
  auto gas = triage({Priority::blue, "其他", "楼下闻到燃气味", std::nullopt, false}, kRules);
  EXPECT_EQ(gas.priority, Priority::red);
  EXPECT_EQ(gas.source, "rule");
  auto english =
      triage({Priority::blue, "other", "Smell of GAS in hallway", std::nullopt, false}, kRules);
  EXPECT_EQ(english.priority, Priority::red);
  auto leak = triage({Priority::red, "停水", "停水而且漏水", std::nullopt, false}, kRules);
  EXPECT_EQ(leak.priority, Priority::red);
}

TEST(Triage, AResidentMayOnlyRaiseAndStaffDecide) {
  auto raised = triage({Priority::blue, "噪音", "楼上每晚装修", Priority::yellow, false}, kRules);
  EXPECT_EQ(raised.priority, Priority::yellow);
  EXPECT_EQ(raised.source, "resident");
  auto lowered = triage({Priority::red, "燃气泄漏", "燃气", Priority::blue, false}, kRules);
  EXPECT_EQ(lowered.priority, Priority::red);
  auto staff = triage({Priority::red, "燃气泄漏", "燃气", Priority::blue, true}, kRules);
  EXPECT_EQ(staff.priority, Priority::blue);
  EXPECT_EQ(staff.source, "staff");
}

}  // namespace
}  // namespace gz::requests
