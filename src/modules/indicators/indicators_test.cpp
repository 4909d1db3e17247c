// The indicators against hand-counted inputs: periods in Shanghai time, each ratio's counts,
// the coefficient of variation across resident groups, and no_data where nothing is recorded.
#include "modules/indicators/indicators.hpp"

#include <gtest/gtest.h>

namespace gz::indicators {
namespace {

constexpr std::int64_t kHour = 3'600'000;
// Monday 2026-09-07 10:00 in Shanghai.
constexpr std::int64_t kMonday = 1'788'746'400'000;

const Indicator& find(const std::vector<Indicator>& all, const std::string& key) {
  for (const auto& indicator : all) {
    if (indicator.key == key) return indicator;
  }
  ADD_FAILURE() << "no indicator " << key;
  return all.front();
}

TEST(Period, QuarterMonthAndYearStartAtShanghaiMidnight) {
  auto quarter = parse_period("2026Q3");
  ASSERT_TRUE(quarter);
  EXPECT_EQ(quarter->from_ms, 1'782'835'200'000);  // 2026-07-01T00:00+08:00
  EXPECT_EQ(quarter->to_ms, 1'790'784'000'000);    // 2026-10-01T00:00+08:00
  EXPECT_EQ(quarter->months, 3);
  auto month = parse_period("2026-10");
  ASSERT_TRUE(month);
  EXPECT_EQ(month->from_ms, 1'790'784'000'000);
  EXPECT_EQ(month->to_ms, 1'793'462'400'000);  // 2026-11-01T00:00+08:00
  auto year = parse_period("2026");
  ASSERT_TRUE(year);
  EXPECT_EQ(year->from_ms, 1'767'196'800'000);  // 2026-01-01T00:00+08:00
  EXPECT_EQ(year->to_ms, 1'798'732'800'000);    // 2027-01-01T00:00+08:00
  auto q4 = parse_period("2026Q4");
  ASSERT_TRUE(q4);
  EXPECT_EQ(q4->to_ms, 1'798'732'800'000);
}

TEST(Period, fails_when_the_text_is_not_a_quarter_month_or_year) {
  for (const char* text : {"", "26Q3", "2026Q5", "2026Q0", "2026-13", "2026-1", "2026-00",
                           "2026Q3x", "abcd", "2026-11-01", "1999"}) {
    auto period = parse_period(text);
    ASSERT_FALSE(period) << text;
    EXPECT_EQ(period.error().code, "invalid_period") << text;
  }
}

TEST(ResidentGroups, ElderlyComesFirstThenChildrenThenTenants) {
  EXPECT_EQ(group_of({"minor", "empty_nest"}, "tenant"), ResidentGroup::elderly);
  EXPECT_EQ(group_of({"newborn"}, "tenant"), ResidentGroup::families_with_children);
  EXPECT_EQ(group_of({}, "tenant"), ResidentGroup::tenants);
  EXPECT_EQ(group_of({"tenant"}, "owner"), ResidentGroup::tenants);
  EXPECT_EQ(group_of({"disability"}, "owner"), ResidentGroup::others);
}

TEST(SatisfactionDifference, IsTheCoefficientOfVariationOfGroupMeans) {
  // Elderly 5 and 5 → mean 5; others 3 and 3 → mean 3. Means 5, 3: mean 4, σ 1, CV 0.25.
  auto variation = group_mean_variation({{ResidentGroup::elderly, 5},
                                         {ResidentGroup::elderly, 5},
                                         {ResidentGroup::others, 3},
                                         {ResidentGroup::others, 3}});
  ASSERT_TRUE(variation);
  EXPECT_EQ(variation->groups, 2);
  EXPECT_DOUBLE_EQ(variation->mean, 4.0);
  EXPECT_DOUBLE_EQ(variation->standard_deviation, 1.0);
}

TEST(SatisfactionDifference, needs_at_least_two_groups_with_ratings) {
  EXPECT_FALSE(group_mean_variation({}));
  EXPECT_FALSE(group_mean_variation({{ResidentGroup::tenants, 4}, {ResidentGroup::tenants, 2}}));
}

TEST(Indicators, EachFigureShowsItsCountsAndStatus) {
  IndicatorInput input;
  input.households = 4;
  input.participating_households = 3;  // 3/4 = 0.75 > 0.60: met
  input.complaint_requests = 1;        // 1/4 = 0.25, not below 0.02
  // Two requests received Monday: one answered in 1 h and resolved Wednesday (2 working
  // days), rated 5 by an elderly household; one answered late, resolved Friday (4 working
  // days), rated 2 by a tenant.
  requests::RequestFacts quick;
  quick.status = requests::Status::resolved;
  quick.received_ms = kMonday;
  quick.response_due_ms = kMonday + 24 * kHour;
  quick.resolution_due_ms = kMonday + 10 * 24 * kHour;
  quick.responded_ms = kMonday + kHour;
  quick.resolved_ms = kMonday + 48 * kHour;
  quick.rating = 5;
  requests::RequestFacts slow = quick;
  slow.responded_ms = kMonday + 30 * kHour;
  slow.resolved_ms = kMonday + 96 * kHour;
  slow.rating = 2;
  input.requests = {quick, slow};
  input.ratings = {{ResidentGroup::elderly, 5}, {ResidentGroup::tenants, 2}};
  input.planned_fen = 200'000;
  input.spent_fen = 190'000;  // 0.95 > 0.85

  auto all = compute_indicators(input, Targets{}, kMonday + 30 * 24 * kHour, WorkCalendar{});
  ASSERT_EQ(all.size(), 12u);
  const char* keys[] = {"participation_rate",   "proposals_per_100_households",
                        "leader_growth_rate",   "misallocation_rate",
                        "complaint_rate",       "satisfaction_difference_coefficient",
                        "resource_utilization", "median_resolution_working_days",
                        "cost_benefit_ratio",   "response_rate",
                        "resolution_rate",      "satisfaction_rate"};
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].key, keys[i]);
    EXPECT_FALSE(all[i].formula.empty()) << keys[i];
  }

  const auto& participation = find(all, "participation_rate");
  EXPECT_DOUBLE_EQ(*participation.value, 0.75);
  EXPECT_EQ(*participation.numerator, 3);
  EXPECT_EQ(*participation.denominator, 4);
  EXPECT_EQ(participation.status, Status::met);

  const auto& complaints = find(all, "complaint_rate");
  EXPECT_DOUBLE_EQ(*complaints.value, 0.25);
  EXPECT_EQ(complaints.comparison, Comparison::below);
  EXPECT_EQ(complaints.status, Status::not_met);

  // Means 5 and 2: mean 3.5, σ 1.5, CV 0.428… ≥ 0.3.
  const auto& difference = find(all, "satisfaction_difference_coefficient");
  EXPECT_DOUBLE_EQ(*difference.numerator, 1.5);
  EXPECT_DOUBLE_EQ(*difference.denominator, 3.5);
  EXPECT_NEAR(*difference.value, 1.5 / 3.5, 1e-12);
  EXPECT_EQ(difference.status, Status::not_met);

  const auto& utilization = find(all, "resource_utilization");
  EXPECT_DOUBLE_EQ(*utilization.value, 0.95);
  EXPECT_EQ(utilization.status, Status::met);

  // Working days 2 and 4: median 3 < 5.
  const auto& median = find(all, "median_resolution_working_days");
  EXPECT_DOUBLE_EQ(*median.value, 3.0);
  EXPECT_EQ(*median.denominator, 2);
  EXPECT_EQ(median.status, Status::met);

  const auto& response = find(all, "response_rate");
  EXPECT_EQ(*response.numerator, 1);
  EXPECT_EQ(*response.denominator, 2);
  EXPECT_EQ(response.status, Status::not_met);
  const auto& resolution = find(all, "resolution_rate");
  EXPECT_DOUBLE_EQ(*resolution.value, 1.0);
  EXPECT_EQ(resolution.status, Status::met);
  const auto& satisfaction = find(all, "satisfaction_rate");
  EXPECT_DOUBLE_EQ(*satisfaction.value, 0.5);
  EXPECT_EQ(satisfaction.status, Status::not_met);

  // No proposal in a community with households is a zero, not a gap.
  EXPECT_DOUBLE_EQ(*find(all, "proposals_per_100_households").value, 0.0);
  EXPECT_EQ(find(all, "proposals_per_100_households").status, Status::not_met);
  for (const char* key : {"leader_growth_rate", "misallocation_rate", "cost_benefit_ratio"}) {
    const auto& missing = find(all, key);
    EXPECT_EQ(missing.status, Status::no_data) << key;
    EXPECT_FALSE(missing.value) << key;
  }
}

TEST(Indicators, ParticipationFiguresAreScaledToAYear) {
  IndicatorInput input;
  input.months = 3;
  input.households = 400;
  input.proposals = 6;  // in a quarter: 6 × 100 × 12 / (400 × 3) = 6 per 100 a year > 5
  input.leaders_at_start = 40;
  input.leaders_at_end = 41;  // +1 in a quarter: (1 × 12) / (40 × 3) = 0.10, not above 0.10
  input.delivered_units = 1000;
  input.misallocated_units = 120;         // 0.12, not below 0.10
  input.contribution_minutes = 60 * 480;  // 480 hours × 25 yuan = 12,000 yuan
  input.spending_fen = 300'000;           // 3,000 yuan: ratio 4 > 3
  auto all = compute_indicators(input, Targets{}, kMonday, WorkCalendar{});

  const auto& proposals = find(all, "proposals_per_100_households");
  EXPECT_DOUBLE_EQ(*proposals.value, 6.0);
  EXPECT_EQ(*proposals.numerator, 7200);
  EXPECT_EQ(*proposals.denominator, 1200);
  EXPECT_EQ(proposals.status, Status::met);

  const auto& growth = find(all, "leader_growth_rate");
  EXPECT_DOUBLE_EQ(*growth.value, 0.10);
  EXPECT_EQ(growth.status, Status::not_met);  // more than 10% is the target

  const auto& misallocation = find(all, "misallocation_rate");
  EXPECT_DOUBLE_EQ(*misallocation.value, 0.12);
  EXPECT_EQ(misallocation.status, Status::not_met);

  const auto& cost_benefit = find(all, "cost_benefit_ratio");
  EXPECT_EQ(*cost_benefit.numerator, 1'200'000);
  EXPECT_DOUBLE_EQ(*cost_benefit.value, 4.0);
  EXPECT_EQ(cost_benefit.status, Status::met);

  Targets valued;
  valued.volunteer_hour_value_fen = 1500;  // 15 yuan an hour: 7,200 / 3,000 = 2.4
  auto cheaper = compute_indicators(input, valued, kMonday, WorkCalendar{});
  EXPECT_DOUBLE_EQ(*find(cheaper, "cost_benefit_ratio").value, 2.4);
  EXPECT_EQ(find(cheaper, "cost_benefit_ratio").status, Status::not_met);
}

TEST(Indicators, an_empty_community_has_no_data_rather_than_zero) {
  auto all = compute_indicators(IndicatorInput{}, Targets{}, kMonday, WorkCalendar{});
  for (const auto& indicator : all) {
    EXPECT_EQ(indicator.status, Status::no_data) << indicator.key;
    EXPECT_FALSE(indicator.value) << indicator.key;
  }
}

}  // namespace
}  // namespace gz::indicators

namespace gz::indicators {
namespace {

TEST(GroupParticipation, GroupsOverlapAndTheGainIsAgainstThePeriodBefore) {
  std::map<std::int64_t, HouseholdGroups> households;
  households[1].elderly = true;
  households[2].elderly = true;
  households[2].tenants = true;
  households[3].young_workers = true;
  households[3].tenants = true;
  households[3].migrants = true;
  households[4].young_workers = true;
  auto lines = group_participation(households, {1, 2, 3}, {1});
  ASSERT_EQ(lines.size(), 4u);
  const auto& elderly = lines[0];
  EXPECT_EQ(elderly.group, "elderly");
  EXPECT_EQ(elderly.households, 2);
  EXPECT_EQ(elderly.participating, 2);
  EXPECT_DOUBLE_EQ(*elderly.rate, 1.0);
  EXPECT_DOUBLE_EQ(*elderly.previous_rate, 0.5);
  EXPECT_DOUBLE_EQ(*elderly.gain, 1.0);  // doubled: +100%
  const auto& young = lines[1];
  EXPECT_EQ(young.households, 2);
  EXPECT_DOUBLE_EQ(*young.rate, 0.5);
  EXPECT_FALSE(young.gain.has_value());  // nobody took part before: no ratio
  const auto& tenants = lines[2];
  EXPECT_EQ(tenants.households, 2);
  EXPECT_EQ(tenants.participating, 2);
  const auto& migrants = lines[3];
  EXPECT_EQ(migrants.households, 1);
  auto none = group_participation({}, {}, {});
  EXPECT_FALSE(none[0].rate.has_value());
}

}  // namespace
}  // namespace gz::indicators
