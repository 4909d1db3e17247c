// Who may do what with a plan's public life (notice, objections, evaluations, spending,
// satisfaction); the use cases ask here. Anyone outside the plan's community gets 404 first
// (is_member). Who takes each lifecycle step (staff submit and close, the street approves) is
// the state machine's rule, in lifecycle.hpp.
//   managers (staff of the community, admins): the public-notice rules, answers to
//     objections, evaluations, spending records, and turning a budgeting outcome into a plan
//   officials (guides, staff and street users of the community, admins): the settings and
//     the spending records as entered; residents read the public board instead
//   the street (street users of the community, admins): sign off spending from the
//     emergency reserve
//   households (a resident login linked to a household): object during the notice and rate
//     a closed plan
#pragma once

#include <cstdint>

#include "core/actor.hpp"

namespace gz::transparency {

bool is_member(const Actor& actor, std::int64_t community_id);
bool may_manage(const Actor& actor, std::int64_t community_id);
bool may_read_records(const Actor& actor, std::int64_t community_id);
bool may_object(const Actor& actor, std::int64_t community_id);
bool may_rate(const Actor& actor, std::int64_t community_id);
bool may_sign_off(const Actor& actor, std::int64_t community_id);

}  // namespace gz::transparency
