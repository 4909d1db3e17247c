// Who is acting: the logged-in user with their role and the communities (or household) they
// belong to. Permission units in each module take an Actor and answer yes or no.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gz {

enum class Role { resident, guide, staff, street, admin };

std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);

struct Actor {
  std::int64_t user_id = 0;
  std::string username;
  Role role = Role::resident;
  std::optional<std::int64_t> household_id;  // residents only
  std::vector<std::int64_t> community_ids;   // residents: their household's community
  std::string display_name;

  bool is(Role other) const { return role == other; }
  bool belongs_to(std::int64_t community_id) const {
    return role == Role::admin || std::find(community_ids.begin(), community_ids.end(),
                                            community_id) != community_ids.end();
  }
};

// Staff of the community, or an admin: those who run its records.
inline bool is_staff_of(const Actor& actor, std::int64_t community_id) {
  return actor.is(Role::admin) || (actor.is(Role::staff) && actor.belongs_to(community_id));
}
// Guides, staff and street users of the community, or an admin: everyone but residents.
inline bool is_official_of(const Actor& actor, std::int64_t community_id) {
  return actor.is(Role::admin) || (!actor.is(Role::resident) && actor.belongs_to(community_id));
}

inline std::string_view role_name(Role role) {
  switch (role) {
    case Role::resident:
      return "resident";
    case Role::guide:
      return "guide";
    case Role::staff:
      return "staff";
    case Role::street:
      return "street";
    case Role::admin:
      return "admin";
  }
  return "resident";
}

inline std::optional<Role> parse_role(std::string_view name) {
  for (Role role : {Role::resident, Role::guide, Role::staff, Role::street, Role::admin}) {
    if (role_name(role) == name) return role;
  }
  return std::nullopt;
}

}  // namespace gz
