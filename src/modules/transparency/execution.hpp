// A plan after its public notice: the community's notice settings, the third-party and final
// evaluations, spending records against the plan's lines (each naming the households it
// served), live progress and coverage, the final accounts frozen at closing, and the
// satisfaction ratings of the households served. Spending is append-only: a correction is a
// new record that reverses one whole earlier record. Every write is in the audit chain.
//
// Rules:
//   settings     notice_days 7–60 (never below the legal 7), objection threshold 1–10000
//                basis points of the community's households (default 500 = 5%).
//   evaluation   third_party: while the plan is in public notice or council vote; final: while
//                it executes. One of each per plan (409 evaluation_exists). Staff and admins.
//   spending     only while executing (409 not_executing); amount > 0 in the plan's unit; the
//                line's spending may not pass its planned total (409 line_overspent); the
//                households served must be households of the community (400
//                unknown_household); the amount is shared among them equally (largest
//                remainder) as the units each received, and each delivery records whether the
//                needs assessment showed demand in the line's category then (misallocation).
//   coverage     households covered / households targeted: covered = served (net units > 0)
//                with demand in the category when served; targeted = households with demand
//                in the category, counted when the plan starts executing.
//   rating       after closing, once per served household (409 already_rated, 403 not_served,
//                409 not_closed), score 1–5; satisfied = 4 or 5.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/pii.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace gz::transparency {

struct Settings {
  std::int64_t community_id = 0;
  std::int64_t notice_days = 7;
  std::int64_t objection_threshold_bp = 500;
};

// No permission check (the lifecycle reads it); defaults when the community set none.
Settings load_settings(storage::Connection& db, std::int64_t community_id);
// Guides, staff and street users of the community, admins.
Result<Settings> get_settings(storage::Connection& db, const Actor& actor,
                              std::int64_t community_id);
// Staff and admins of the community.
Result<Settings> set_settings(storage::Connection& db, const Actor& actor, Settings settings);

struct EvaluationInput {
  std::string kind;  // third_party | final
  std::string evaluator;
  std::string summary;
  std::optional<std::int64_t> score;  // 0–100
  std::optional<std::string> report_ref;
};
struct Evaluation {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::string kind;
  std::string evaluator;
  std::string summary;
  std::optional<std::int64_t> score;
  std::optional<std::string> report_ref;
  std::string created_at;
};
Result<Evaluation> record_evaluation(storage::Connection& db, const Actor& actor,
                                     std::int64_t plan_id, const EvaluationInput& input,
                                     std::int64_t now_ms);
std::vector<Evaluation> evaluations_of(storage::Connection& db, std::int64_t plan_id);

struct SpendingInput {
  std::string category;  // the plan line's category
  std::int64_t amount = 0;
  std::string purpose;
  std::string payee_category;
  std::string receipt_ref;
  std::optional<std::string> spent_on;  // YYYY-MM-DD; today (Asia/Shanghai) when absent
  std::vector<std::int64_t> household_ids;
  std::optional<std::int64_t> corrects_id;  // reverse this record instead (purpose = reason)
};
// Public by design: no household ids, no user.
struct Spending {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::string category;
  std::int64_t amount = 0;
  std::string purpose;
  std::string payee_category;
  std::string receipt_ref;
  std::string spent_on;
  std::optional<std::int64_t> corrects_id;
  std::int64_t households = 0;
  std::string created_at;
};
// The payee categories a record may name.
bool valid_payee_category(const std::string& name);

// Households with demand in each measured category (category name → sorted household ids),
// read from the needs assessment. record_spending loads it when a record names households;
// a caller recording many records at once (the demo) may load it once and pass it.
using DemandIndex = std::vector<std::pair<std::string, std::vector<std::int64_t>>>;
DemandIndex load_demand_index(storage::Connection& db, std::int64_t community_id);

Result<Spending> record_spending(storage::Connection& db, const Actor& actor, std::int64_t plan_id,
                                 const SpendingInput& input, std::int64_t now_ms,
                                 const DemandIndex* demand = nullptr);
// Newest first; `limit` 1–500; as stored.
std::vector<Spending> spending_of(storage::Connection& db, std::int64_t plan_id, int limit);
// Guides, staff, street users of the plan's community and admins; the purpose and receipt
// masked (pii::mask_text) for those without personal-data rights.
Result<std::vector<Spending>> list_spending(storage::Connection& db, const Actor& actor,
                                            std::int64_t plan_id, int limit);

struct LineProgress {
  std::int64_t position = 0;
  std::string category;
  std::int64_t planned = 0;
  std::int64_t spent = 0;
  std::int64_t households_served = 0;   // net units > 0
  std::int64_t households_covered = 0;  // of those, the ones with demand in the category
  std::optional<std::int64_t> households_targeted;  // until the plan executes: none
};
struct Progress {
  std::vector<LineProgress> lines;
  std::int64_t planned = 0;
  std::int64_t spent = 0;
  std::int64_t households_served = 0;  // distinct across lines
  std::int64_t delivered_units = 0;
  std::int64_t misallocated_units = 0;  // to households without demand in the category
};
// Frozen accounts once closed, live figures before.
Progress progress_of(storage::Connection& db, std::int64_t plan_id);

struct Satisfaction {
  std::int64_t served_households = 0;
  std::int64_t responses = 0;
  std::array<std::int64_t, 5> distribution{};  // scores 1..5
  std::int64_t mean_hundredths = 0;            // 0 with no response
  std::int64_t satisfied_bp = 0;               // share of responses scoring 4 or 5
};
Satisfaction satisfaction_of(storage::Connection& db, std::int64_t plan_id);

Result<Satisfaction> rate_plan(storage::Connection& db, const Actor& actor, std::int64_t plan_id,
                               std::int64_t score, const std::optional<std::string>& comment,
                               std::int64_t now_ms);

// Called by the lifecycle inside its transaction.
void freeze_targets(storage::Connection& db, std::int64_t plan_id, std::int64_t community_id);
void freeze_accounts(storage::Connection& db, std::int64_t plan_id, std::int64_t community_id,
                     std::int64_t now_ms);

// A record's free text as `reader` may see it: the public board and guides and street users
// get pii::mask_text of purposes, receipts, evaluators and summaries.
void mask_for(pii::Reader reader, Spending& spending);
void mask_for(pii::Reader reader, Evaluation& evaluation);

}  // namespace gz::transparency
