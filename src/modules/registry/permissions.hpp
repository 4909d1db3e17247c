// Who may do what in the registry. Handlers ask; they do not decide.
#pragma once

#include <cstdint>
#include <optional>

#include "core/actor.hpp"
#include "core/pii.hpp"

namespace gz::registry::permissions {

bool may_create_community(const Actor& actor);
// Streets (街道) are the administrators'.
bool may_manage_streets(const Actor& actor);
bool may_view_community(const Actor& actor, std::int64_t community_id);
bool may_manage_buildings(const Actor& actor, std::int64_t community_id);
// Households: residents only their own; guides, staff and street users those of their
// communities; admins all.
bool may_view_household(const Actor& actor, std::int64_t community_id, std::int64_t household_id);
bool may_create_household(const Actor& actor, std::int64_t community_id);
bool may_edit_household(const Actor& actor, std::int64_t community_id, std::int64_t household_id);
// Residents may change only what they know best about themselves.
bool may_edit_household_field(const Actor& actor, const char* field);
bool may_assign_guide(const Actor& actor, std::int64_t community_id);
// Full ID numbers, mobiles and birth dates, and free text unmasked: staff and admins of the
// community only. The one rule every module asks before showing personal data.
bool may_see_personal_data(const Actor& actor, std::int64_t community_id);
// The same rule as the pii::Reader that masks free text (pii::text_for).
pii::Reader personal_data_reader(const Actor& actor, std::int64_t community_id);
bool may_import(const Actor& actor, std::int64_t community_id);
bool may_export(const Actor& actor, std::int64_t community_id);

}  // namespace gz::registry::permissions
