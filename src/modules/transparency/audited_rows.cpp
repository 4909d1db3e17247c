// SpendingRows, ObjectionRows: what the audit chain records of a plan's spending and of the
// objections to it (transparency.hpp).
#include "modules/transparency/transparency.hpp"

namespace gz::transparency {

const audit::Tracked& spending_rows() {
  static const audit::Tracked table{
      "plan_spending",
      "id",
      "SELECT id, plan_id, community_id, position, amount, purpose, payee_category, receipt_ref, "
      "corrects_id, user_id, spent_on FROM plan_spending",
      {"plan_id", "community_id", "position", "amount", "purpose", "payee_category", "receipt_ref",
       "corrects_id", "user_id", "spent_on"},
      {},
      {}};
  return table;
}

const audit::Tracked& objection_rows() {
  static const audit::Tracked table{
      "plan_objections",
      "id",
      "SELECT id, plan_id, community_id, household_id, user_id, body, answer, "
      "answered_by_user_id, answered_at FROM plan_objections",
      {"plan_id", "community_id", "household_id", "user_id", "body", "answer",
       "answered_by_user_id", "answered_at"},
      {"body", "answer"},
      {}};
  return table;
}

}  // namespace gz::transparency
