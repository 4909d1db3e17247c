// Who may add and see a request's photos: the resident whose household filed it, and the
// guides, staff and administrators of its community. Street supervisors read cases without
// the residents' pictures.
#pragma once

#include "core/actor.hpp"
#include "modules/requests/permissions.hpp"
#include "modules/requests/requests.hpp"

namespace gz::attachments::permissions {

inline bool may_handle_photos(const Actor& actor, const requests::Request& request) {
  if (actor.role == Role::resident) return requests::permissions::is_owner(actor, request);
  return (actor.role == Role::guide || actor.role == Role::staff || actor.role == Role::admin) &&
         actor.belongs_to(request.community_id);
}

}  // namespace gz::attachments::permissions
