// The data cockpit's snapshot (数据驾驶舱, DESIGN.md modules 7 and 10): for one community or a
// street, the current quarter's indicators, the open risk warnings (count and newest five),
// today's requests (received, and open ones past a deadline), the co-funding parties' money
// beside the government's, and the audit-chain head. One
// read of existing modules' use cases plus two counts on requests; routes.cpp sends it as JSON
// and as a Server-Sent Event.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/audit/audit.hpp"
#include "modules/indicators/indicators.hpp"
#include "modules/transparency/transparency.hpp"
#include "modules/warnings/warnings.hpp"
#include "storage/database.hpp"

namespace gz::cockpit {

inline constexpr std::size_t kNewestWarnings = 5;

struct RequestsToday {
  std::int64_t received = 0;      // received since midnight, Asia/Shanghai
  std::int64_t overdue_open = 0;  // open now and past their response or resolution deadline
};

struct Snapshot {
  indicators::IndicatorReport indicators;  // the quarter `now` falls in
  std::int64_t open_warnings = 0;
  std::vector<warnings::Warning> newest_warnings;  // newest first, at most kNewestWarnings
  RequestsToday requests_today;
  audit::Head ledger_head;
  // Over the scope's plans that executed: the government's planned money and what the other
  // parties gave (the seed's "resources multiplied"), summed over its communities.
  transparency::CommunityFunding funding;
  std::int64_t generated_ms = 0;
};

// Errors as load_indicators: forbidden for residents, bad_request "missing_query" unless
// exactly one of community_id and street is given, not_found for a community or street the
// actor has no part in.
Result<Snapshot> load_snapshot(storage::Connection& db, const Actor& actor,
                               const indicators::Scope& scope, std::int64_t now_ms);

// Pure helpers, unit-tested.
// Midnight before the instant, Asia/Shanghai, as epoch milliseconds.
std::int64_t start_of_day_ms(std::int64_t epoch_ms);
// Keeps the `limit` newest warnings (by raised_at, then id), newest first.
std::vector<warnings::Warning> newest_first(std::vector<warnings::Warning> warnings,
                                            std::size_t limit);

}  // namespace gz::cockpit
