// The quarterly report (issue 7) of a community or a street: the twelve indicators with their
// targets and the same figures for the three quarters before (the trend), the warnings raised
// in the quarter or still open, the improvement (PDCA) tasks, the quarter's allocation plans
// with per-line planned / spent / coverage and the fairness read-out, and the requests' rates
// overall and by priority. Assembled from the other modules' use cases; the writers (html.hpp,
// figures.hpp, xlsx.hpp) turn the model into a document and never touch the database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/allocation/allocation.hpp"
#include "modules/indicators/indicators.hpp"
#include "modules/requests/requests.hpp"
#include "modules/transparency/transparency.hpp"
#include "modules/warnings/warnings.hpp"
#include "storage/database.hpp"

namespace gz::reports {

struct TrendPoint {
  std::string period;  // "2026Q2"
  std::optional<double> value;
};

struct IndicatorRow {
  indicators::Indicator indicator;
  std::vector<TrendPoint> trend;  // the three quarters before, oldest first, then this one
};

struct PlanSection {
  std::int64_t plan_id = 0;
  std::int64_t community_id = 0;
  std::string quarter;
  std::string unit;  // fen or a whole unit ("place")
  std::string stage;
  std::int64_t total = 0;
  std::vector<transparency::LineProgress> lines;
  std::int64_t planned = 0;
  std::int64_t spent = 0;
  std::optional<allocation::FairnessReport> fairness;  // none when it cannot be computed
  std::int64_t household_gini_bp = 0;
  transparency::Satisfaction satisfaction;
};

struct PriorityStats {
  std::string priority;  // red | yellow | blue
  requests::RequestStats stats;
};

struct RequestSection {
  requests::RequestStats overall;
  std::vector<PriorityStats> by_priority;  // red, yellow, blue
};

struct ReportWarning {
  warnings::Warning warning;
  bool raised_in_period = false;
};

struct Report {
  indicators::Period period;
  std::vector<std::int64_t> community_ids;
  std::optional<std::int64_t> community_id;  // the scope asked for
  std::optional<std::string> street;
  std::string scope_name;  // the community's name, or the street's
  std::string generated_at;
  std::vector<IndicatorRow> indicators;
  std::vector<ReportWarning> warnings;  // raised in the quarter, or raised before and open
  std::vector<warnings::Improvement> improvements;  // of the quarter, or not yet closed
  std::vector<PlanSection> plans;
  RequestSection requests;
};

// A quarter "2026Q3"; bad_request "invalid_period" for anything else.
Result<indicators::Period> parse_quarter(std::string_view text);

// Guides, staff, street users and admins of the community or the street (the indicators'
// rules): 403 for residents, 404 for a community or street outside the actor's, 400
// missing_query unless exactly one of community and street is given.
Result<Report> build_report(storage::Connection& db, const Actor& actor,
                            const indicators::Scope& scope, const indicators::Period& quarter,
                            std::int64_t now_ms);

}  // namespace gz::reports
