#include "modules/indicators/indicators.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "core/clock.hpp"

namespace gz::indicators {
namespace {

// 00:00 Shanghai on the first day of a month.
bool has_any(const std::vector<std::string>& tags, std::initializer_list<std::string_view> wanted) {
  return std::any_of(tags.begin(), tags.end(), [&](const std::string& tag) {
    return std::find(wanted.begin(), wanted.end(), tag) != wanted.end();
  });
}

Status judge(std::optional<double> value, double target, Comparison comparison) {
  if (!value) return Status::no_data;
  bool met = comparison == Comparison::above ? *value > target : *value < target;
  return met ? Status::met : Status::not_met;
}

Indicator ratio(std::string key, std::string formula, std::int64_t numerator,
                std::int64_t denominator, double target, Comparison comparison) {
  Indicator out{std::move(key),
                std::nullopt,
                target,
                comparison,
                Status::no_data,
                std::move(formula),
                static_cast<double>(numerator),
                static_cast<double>(denominator)};
  if (denominator > 0)
    out.value = static_cast<double>(numerator) / static_cast<double>(denominator);
  out.status = judge(out.value, target, comparison);
  return out;
}

Indicator no_data(std::string key, std::string formula, double target, Comparison comparison) {
  return {std::move(key),  std::nullopt,       target,       comparison,
          Status::no_data, std::move(formula), std::nullopt, std::nullopt};
}

Indicator from_rate(std::string key, std::string formula, const requests::Rate& rate,
                    double target) {
  return ratio(std::move(key), std::move(formula), rate.numerator, rate.denominator, target,
               Comparison::above);
}

}  // namespace

Result<Period> parse_period(std::string_view text) {
  auto period = Period::parse(text);
  if (!period) {
    return bad_request("invalid_period", "period must be like 2026Q3, 2026-11 or 2026, not '" +
                                             std::string(text.substr(0, 20)) + "'");
  }
  return *period;
}

std::string_view group_name(ResidentGroup group) {
  switch (group) {
    case ResidentGroup::elderly:
      return "elderly";
    case ResidentGroup::families_with_children:
      return "families_with_children";
    case ResidentGroup::tenants:
      return "tenants";
    case ResidentGroup::others:
      return "others";
  }
  return "others";
}

ResidentGroup group_of(const std::vector<std::string>& tags, std::string_view housing_type) {
  if (has_any(tags, {"elderly", "elderly_alone", "empty_nest"})) return ResidentGroup::elderly;
  if (has_any(tags, {"minor", "newborn"})) return ResidentGroup::families_with_children;
  if (housing_type == "tenant" || has_any(tags, {"tenant"})) return ResidentGroup::tenants;
  return ResidentGroup::others;
}

std::string_view status_name(Status status) {
  switch (status) {
    case Status::met:
      return "met";
    case Status::not_met:
      return "not_met";
    case Status::no_data:
      return "no_data";
  }
  return "no_data";
}

std::optional<Variation> group_mean_variation(const std::vector<GroupRating>& ratings) {
  std::array<std::int64_t, 4> sum{}, count{};
  for (const auto& rating : ratings) {
    auto index = static_cast<std::size_t>(rating.group);
    sum[index] += rating.rating;
    count[index] += 1;
  }
  std::vector<double> means;
  for (std::size_t i = 0; i < sum.size(); ++i) {
    if (count[i] > 0) means.push_back(static_cast<double>(sum[i]) / static_cast<double>(count[i]));
  }
  if (means.size() < 2) return std::nullopt;
  Variation out;
  out.groups = static_cast<int>(means.size());
  for (double mean : means) out.mean += mean;
  out.mean /= static_cast<double>(means.size());
  double squares = 0;
  for (double mean : means) squares += (mean - out.mean) * (mean - out.mean);
  out.standard_deviation = std::sqrt(squares / static_cast<double>(means.size()));
  return out;
}

std::vector<Indicator> compute_indicators(const IndicatorInput& input, const Targets& targets,
                                          std::int64_t now_ms, const WorkCalendar& calendar) {
  auto stats = requests::compute_stats(input.requests, now_ms, calendar);
  std::vector<Indicator> out;
  out.push_back(ratio("participation_rate",
                      "households with at least one attendance at an activity or meeting in the "
                      "period / households",
                      input.participating_households, input.households, targets.participation_rate,
                      Comparison::above));
  {
    Indicator proposals =
        ratio("proposals_per_100_households",
              "resident proposals submitted in the period × 100 × 12 / "
              "(households × months of the period)",
              input.proposals * 100 * 12, input.households * std::max(input.months, 1),
              targets.proposals_per_100_households, Comparison::above);
    out.push_back(std::move(proposals));
  }
  {
    Indicator growth = no_data("leader_growth_rate",
                               "(resident leaders on the register at the end of the period − at "
                               "its start) / at its start",
                               targets.leader_growth_rate, Comparison::above);
    if (input.leaders_at_start) {
      growth = ratio("leader_growth_rate", growth.formula + " × 12 / months of the period",
                     (input.leaders_at_end - *input.leaders_at_start) * 12,
                     *input.leaders_at_start * std::max(input.months, 1),
                     targets.leader_growth_rate, Comparison::above);
    }
    out.push_back(std::move(growth));
  }
  out.push_back(ratio("misallocation_rate",
                      "units delivered in the period to households the needs assessment showed no "
                      "demand in the line's category / units delivered",
                      input.misallocated_units, input.delivered_units, targets.misallocation_rate,
                      Comparison::below));
  out.push_back(ratio("complaint_rate",
                      "requests in complaint categories received in the period (cancelled "
                      "excluded) / households",
                      input.complaint_requests, input.households, targets.complaint_rate,
                      Comparison::below));
  {
    Indicator cv = no_data("satisfaction_difference_coefficient",
                           "standard deviation / mean of the mean rating per resident group "
                           "(elderly, families_with_children, tenants, others; at least 2 groups "
                           "rated)",
                           targets.satisfaction_difference_coefficient, Comparison::below);
    if (auto variation = group_mean_variation(input.ratings); variation && variation->mean > 0) {
      cv.numerator = variation->standard_deviation;
      cv.denominator = variation->mean;
      cv.value = variation->standard_deviation / variation->mean;
      cv.status = judge(cv.value, cv.target, cv.comparison);
    }
    out.push_back(std::move(cv));
  }
  out.push_back(ratio("resource_utilization",
                      "fen spent / fen planned over the approved money plans of the period's "
                      "quarters (to date)",
                      input.spent_fen, input.planned_fen, targets.resource_utilization,
                      Comparison::above));
  {
    Indicator median = no_data("median_resolution_working_days",
                               "median working days from receipt to resolution, over requests "
                               "received in the period and resolved",
                               targets.median_resolution_working_days, Comparison::below);
    median.denominator = static_cast<double>(stats.resolved_count);
    if (stats.median_working_days_to_resolve) {
      median.value = *stats.median_working_days_to_resolve;
      median.status = judge(median.value, median.target, median.comparison);
    }
    out.push_back(std::move(median));
  }
  out.push_back(ratio("cost_benefit_ratio",
                      "(minutes at volunteer activities + confirmed time-bank minutes) × " +
                          std::to_string(targets.volunteer_hour_value_fen) +
                          " fen per hour / 60 ÷ fen spent on plan services in the period",
                      input.contribution_minutes * targets.volunteer_hour_value_fen / 60,
                      input.spending_fen, targets.cost_benefit_ratio, Comparison::above));
  out.push_back(from_rate("response_rate",
                          "first responses within the deadline / requests responded to or past "
                          "their response deadline (cancelled excluded)",
                          stats.response, targets.response_rate));
  out.push_back(from_rate("resolution_rate",
                          "resolved or closed / requests resolved or past their resolution "
                          "deadline (cancelled, duplicates and referrals excluded)",
                          stats.resolution, targets.resolution_rate));
  out.push_back(from_rate("satisfaction_rate", "ratings of 4-5 / all ratings", stats.satisfaction,
                          targets.satisfaction_rate));
  return out;
}

}  // namespace gz::indicators
