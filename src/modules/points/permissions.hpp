// Who may do what in the points bank; the use cases ask here. Anyone outside the community
// gets 404 first (is_member), and a resident only knows of their own household's members
// (registry::visible_resident).
//   members (everyone of the community, admins): the catalogue, rules, settings, leaderboard
//   awarders (guides and staff of the community, admins): award points by rule
//   managers (staff of the community, admins): rules, settings, the catalogue, corrections,
//     and redeeming on a resident's behalf
//   residents: redeem their own household's points and choose whether the leaderboard names
//     them
// A use case whose own rules decide that points are due (a participation check-in pays its
// attendee) calls post_awards, award's work without may_award.
#pragma once

#include <cstdint>

#include "core/actor.hpp"

namespace gz::points {

bool is_member(const Actor& actor, std::int64_t community_id);
bool may_award(const Actor& actor, std::int64_t community_id);
bool may_manage(const Actor& actor, std::int64_t community_id);
// For a resident of this community the actor already may see (their own, for residents).
bool may_redeem_for(const Actor& actor, std::int64_t community_id);
bool may_choose_leaderboard_name(const Actor& actor);

}  // namespace gz::points
