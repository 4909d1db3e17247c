// Who may do what in a discussion; the use cases ask here. The subject (a proposal, a plan, an
// announcement) must be one the actor may see, else 404 before any of these.
//   comment and reply: residents with a household of the community; its guides and staff
//     (answering residents); admins. Street supervisors read.
//   flag a comment: residents of the community, not their own household's comment
//   hide or restore a comment, read the moderation queue: staff of the community, admins
#pragma once

#include <cstdint>
#include <optional>

#include "core/actor.hpp"

namespace gz::discussion {

bool may_comment(const Actor& actor, std::int64_t community_id);
bool may_flag(const Actor& actor, std::int64_t community_id,
              std::optional<std::int64_t> author_household_id);
bool may_moderate(const Actor& actor, std::int64_t community_id);

}  // namespace gz::discussion
