// The guide's casework (走访与工作台), the contract of the casework module: visits to households
// (home, phone or in the street) with what was found and when to follow up; a household's
// timeline gathered from the modules that own each fact (requests, visits, assessments,
// activities, points); and a guide's own figures for a quarter (households visited, silent
// needy reached, requests handled on time). Permissions in permissions.hpp; routes.hpp is
// wired by src/app.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/history.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace gz::casework {

// home | phone | street
bool is_visit_kind(std::string_view kind);

struct Visit {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::int64_t household_id = 0;
  std::string household_code;
  std::string household_address;
  std::int64_t visitor_user_id = 0;
  std::string visitor_name;
  std::string kind;
  std::int64_t visited_ms = 0;
  std::string notes;  // masked for readers without personal-data rights
  std::vector<std::string> needs_found;
  std::optional<std::int64_t> follow_up_ms;
  std::int64_t created_ms = 0;
};

struct NewVisit {
  std::int64_t household_id = 0;
  std::int64_t visited_ms = 0;
  std::string kind;
  std::string notes;
  std::vector<std::string> needs_found;  // the registry's needs vocabulary
  std::optional<std::int64_t> follow_up_ms;
};
// Guides and staff of the household's community, admins. Errors: 404 household (or one the
// actor may not know of); 400 invalid_field (kind, notes 1-2000 characters, a visit more than
// 10 minutes ahead of now or more than a year back, a follow-up before the visit or more than
// a year after it), unknown_need.
Result<Visit> record_visit(storage::Connection& db, const Actor& actor, const NewVisit& visit,
                           std::int64_t now_ms);

struct VisitFilter {
  std::optional<std::int64_t> household_id;
  std::optional<std::int64_t> visitor_user_id;
  std::optional<std::int64_t> community_id;
  // Only the latest visit of each household whose follow-up falls before this instant and no
  // later visit was made: the guide's follow-ups due.
  std::optional<std::int64_t> follow_up_before_ms;
  std::int64_t limit = 100;
};
// Newest first. A household or a community is required unless the visitor is the actor.
Result<std::vector<Visit>> list_visits(storage::Connection& db, const Actor& actor,
                                       const VisitFilter& filter);

// A household's history, newest first, at most `limit` lines (guides and staff of its
// community, admins).
Result<std::vector<HistoryItem>> household_timeline(storage::Connection& db, const Actor& actor,
                                                    std::int64_t household_id, std::int64_t limit);

struct GuideFigures {
  std::int64_t guide_user_id = 0;
  std::string guide_name;
  std::int64_t community_id = 0;
  std::string period;
  std::int64_t households_in_charge = 0;
  std::int64_t households_visited = 0;  // distinct households of the community, in the period
  std::int64_t visits = 0;
  std::int64_t silent_in_charge = 0;  // silent needy among the guide's households, today
  std::int64_t silent_reached = 0;    // ... of them visited in the period
  std::int64_t follow_ups_due = 0;    // by the end of today (Shanghai), as the due list
  std::int64_t requests_resolved = 0;
  std::int64_t requests_resolved_on_time = 0;
  std::int64_t requests_open = 0;
  std::int64_t requests_open_overdue = 0;
};
// The guide themselves; staff and street users of the community; admins. 404 for a user who
// is not a guide or staff member of the community.
Result<GuideFigures> guide_figures(storage::Connection& db, const Actor& actor,
                                   std::int64_t guide_user_id, std::int64_t community_id,
                                   const Period& period, std::int64_t now_ms);

// The demo: a year of visits by the community's guides to their households, the neediest
// more often, with follow-ups; returns visits written.
std::int64_t demo_visits(storage::Connection& db, std::int64_t community_id, std::int64_t as_of_ms);

}  // namespace gz::casework
