// Who may do what in onboarding. Registration, codes by SMS and password resets need no login
// (they are how people get one). Otherwise:
//   claim codes: staff of the community (admins) for any household; a guide for the
//     households assigned to them;
//   the queue of unmatched registrations: staff of the community decide;
//   a household's logins: its own residents, its guide and staff see them; the household
//     head (户主) and staff remove one.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/actor.hpp"

namespace gz::onboarding::permissions {

// The household's guide: a guide of the community with the household assigned to them.
bool is_guide_of(const Actor& actor, std::int64_t community_id,
                 const std::optional<std::int64_t>& guide_user_id);
bool may_issue_claim_codes(const Actor& actor, std::int64_t community_id,
                           const std::optional<std::int64_t>& guide_user_id);
bool may_review_registrations(const Actor& actor, std::int64_t community_id);
bool may_see_household_accounts(const Actor& actor, std::int64_t community_id,
                                std::int64_t household_id,
                                const std::optional<std::int64_t>& guide_user_id);
// `is_head`: the actor's own login is that of the household's head.
bool may_remove_household_account(const Actor& actor, std::int64_t community_id,
                                  std::int64_t household_id, bool is_head);

// Creating a login of this role in these communities: admins any role but residents; staff
// guides of their own community.
bool may_create_user(const Actor& actor, Role role, const std::vector<std::int64_t>& communities);
// Acting on an existing login (deactivate, reactivate, force a reset, rename): admins anyone;
// staff the guides and residents of their community (`community_id`: the target's).
bool may_manage_user(const Actor& actor, Role target_role,
                     const std::optional<std::int64_t>& community_id);
// Changing role, communities or streets: admins.
bool may_change_scope(const Actor& actor);

}  // namespace gz::onboarding::permissions
