// Evaluation indicators (issue 7, DESIGN.md module 7) for one community or a street, over a
// period: each figure with its target, status, formula and the counts behind it. Pure
// functions over plain structs; data loading is load_indicators.hpp, HTTP is routes.cpp.
// This header is the module's contract: other modules include it (it brings
// load_indicators.hpp along), never the files behind it.
//
// Definitions:
// - participation_rate: households with at least one attendance (activity_attendance: staff
//   check-in, check-in code, or a sign-in sheet) at an activity or meeting in the period /
//   households. Households are today's registry (it keeps no history).
// - proposals_per_100_households: resident proposals submitted (past draft) in the period ×
//   100 / households, scaled to a year (× 12 / months of the period).
// - leader_growth_rate: (resident leaders on the register at the end of the period − at its
//   start) / at its start, scaled to a year (× 12 / months); no_data with no leader at the
//   start.
// - misallocation_rate: units delivered by spending records dated in the period to households
//   the needs assessment showed no demand in the line's category / units delivered (lines of
//   the five measured categories; reversals net out).
// - complaint_rate: requests in complaint categories (request_categories.is_complaint)
//   received in the period, cancelled ones excluded / households.
// - satisfaction_difference_coefficient: coefficient of variation (population standard
//   deviation / mean) of the mean rating per resident group; each rated request counts in
//   its household's group, the first that fits: elderly (tag elderly, elderly_alone or
//   empty_nest), families_with_children (tag minor or newborn), tenants (housing type or tag
//   tenant), others. Needs at least two groups with ratings.
// - resource_utilization: fen spent / fen planned over the money plans (unit fen) of the
//   quarters in the period that were approved for execution (executing or closed); to date for
//   a quarter still running.
// - cost_benefit_ratio: monetised resident contribution / public service spending in the
//   period: (minutes at volunteer activities + confirmed time-bank minutes) × the hourly value
//   (Targets::volunteer_hour_value_fen, default 2,500 fen = 25 yuan) / fen spent by plan
//   spending records dated in the period. It is the part of the benefit the system records.
// - response_rate, resolution_rate, satisfaction_rate, median_resolution_working_days: the
//   requests module's compute_stats over the requests received in the period.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "modules/requests/requests.hpp"

namespace gz::indicators {

// A period in Asia/Shanghai time: "2026Q3", "2026-11" or "2026"; [from_ms, to_ms) (core/clock).
using Period = gz::Period;

// bad_request "invalid_period" for anything else (years 2000–2100).
Result<Period> parse_period(std::string_view text);

enum class ResidentGroup { elderly, families_with_children, tenants, others };
std::string_view group_name(ResidentGroup group);
// The household's group from its tags and housing type, in the order above.
ResidentGroup group_of(const std::vector<std::string>& tags, std::string_view housing_type);

struct GroupRating {
  ResidentGroup group = ResidentGroup::others;
  int rating = 0;  // 1–5
};

// Everything the indicators need, summed over the communities asked for.
struct IndicatorInput {
  int months = 3;  // of the period
  std::int64_t households = 0;
  std::int64_t participating_households = 0;
  std::int64_t proposals = 0;
  std::optional<std::int64_t> leaders_at_start;  // none when leaders are not recorded
  std::int64_t leaders_at_end = 0;
  std::int64_t delivered_units = 0;
  std::int64_t misallocated_units = 0;
  std::int64_t complaint_requests = 0;
  std::vector<requests::RequestFacts> requests;
  std::vector<GroupRating> ratings;
  std::int64_t planned_fen = 0;           // approved money plans of the period's quarters
  std::int64_t spent_fen = 0;             // against them, to date
  std::int64_t contribution_minutes = 0;  // volunteer activities and time bank
  std::int64_t spending_fen = 0;          // spending records dated in the period
};

enum class Comparison { above, below };  // met when value > target, or value < target

// Targets from the issue; the last two are configurable, with these defaults: at most 2
// complaints per 100 households in the period, and resolution in under 5 working days
// (the blue-priority default of most categories).
struct Targets {
  double participation_rate = 0.60;
  double proposals_per_100_households = 5;
  double leader_growth_rate = 0.10;
  double misallocation_rate = 0.10;
  double complaint_rate = 0.02;
  double satisfaction_difference_coefficient = 0.3;
  double resource_utilization = 0.85;
  double median_resolution_working_days = 5;
  double cost_benefit_ratio = 3;
  double response_rate = 0.90;
  double resolution_rate = 0.90;
  double satisfaction_rate = 0.85;
  std::int64_t volunteer_hour_value_fen = 2500;  // values an hour of residents' service
};

enum class Status { met, not_met, no_data };
std::string_view status_name(Status status);

struct Indicator {
  std::string key;
  std::optional<double> value;
  double target = 0;
  Comparison comparison = Comparison::above;
  Status status = Status::no_data;
  std::string formula;
  std::optional<double> numerator;
  std::optional<double> denominator;
};

// The twelve indicators, in the order.
std::vector<Indicator> compute_indicators(const IndicatorInput& input, const Targets& targets,
                                          std::int64_t now_ms, const WorkCalendar& calendar);

// Coefficient of variation of the group means; numerator = standard deviation, denominator
// = mean of the means. None with fewer than two groups rated.
struct Variation {
  double standard_deviation = 0;
  double mean = 0;
  int groups = 0;
};
std::optional<Variation> group_mean_variation(const std::vector<GroupRating>& ratings);

}  // namespace gz::indicators

// The use cases that load these figures (load_indicators.hpp) are part of the contract too.
// They are declared over the types above and include this header first, so they come last.
#include "modules/indicators/load_indicators.hpp"
