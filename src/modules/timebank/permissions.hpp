// Who may do what in the time bank; the use cases ask here. Anyone outside the community gets
// 404 first (is_member), and a resident only knows of their own household's members
// (registry::visible_resident) and of the services their household gave or received.
//   record a service: the provider's household, or a guide or staff member of the community
//   confirm or dispute it: the recipient's household, or a guide or staff member for them
//   transfer banked time within a household: that household, or staff (not guides: they
//     record and confirm services but do not move a family's savings)
// Admins count as staff of every community.
#pragma once

#include <cstdint>
#include <optional>

#include "core/actor.hpp"

namespace gz::timebank {

// The households a service is between (none when a member's record is gone).
struct ServiceParties {
  std::int64_t community_id = 0;
  std::optional<std::int64_t> provider_household_id;
  std::optional<std::int64_t> recipient_household_id;
};

bool is_member(const Actor& actor, std::int64_t community_id);
// The actor speaks for a member of this household: their own household, or a guide or staff
// member of the community.
bool speaks_for(const Actor& actor, std::int64_t community_id,
                std::optional<std::int64_t> household_id);
// The community's officials, and the two households involved.
bool may_see_service(const Actor& actor, const ServiceParties& parties);
// Confirm or dispute: whoever speaks for the recipient.
bool may_answer_service(const Actor& actor, const ServiceParties& parties);
// A resident's list holds their own household's services only.
bool sees_own_household_only(const Actor& actor);
bool may_transfer(const Actor& actor, std::int64_t community_id, std::int64_t household_id);

}  // namespace gz::timebank
