// Who may do what with the trust fund and public revenue, in one place; the use cases ask it.
//   members (any role of the community, and admins): read settings, quarters, the fund, rules
//     and incomes; others get 404 (the community is not theirs to know of)
//   managers (staff of the community, admins): settings, committee, bills, payments, expenses,
//     rules, incomes
//   committee members (resident users flagged by staff): decide expenses
//   residents with a household: score the service, read their own bills
#pragma once

#include <cstdint>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace gz::property {

bool is_member(const Actor& actor, std::int64_t community_id);
bool is_manager(const Actor& actor, std::int64_t community_id);
bool is_committee_member(storage::Connection& db, const Actor& actor, std::int64_t community_id);
// 404 unless the community exists and the actor belongs to it.
Result<void> check_member(storage::Connection& db, const Actor& actor, std::int64_t community_id);

}  // namespace gz::property
