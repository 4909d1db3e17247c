// Participation permissions and settings; see permissions.hpp.
#include "modules/participation/permissions.hpp"

namespace gz::participation {

bool may_run_activities(const Actor& actor, std::int64_t community_id) {
  return actor.is(Role::admin) ||
         ((actor.is(Role::staff) || actor.is(Role::guide)) && actor.belongs_to(community_id));
}

bool may_chair(const Actor& actor, std::int64_t community_id) {
  return is_staff_of(actor, community_id);
}

bool is_resident_of(const Actor& actor, std::int64_t community_id) {
  return actor.is(Role::resident) && actor.household_id && actor.belongs_to(community_id);
}

Settings load_settings(storage::Connection& db, std::int64_t community_id) {
  Settings settings;
  auto row = db.query_one(
      "SELECT seconds_required, quorum_percent, quorum_min_households, response_days FROM "
      "participation_settings WHERE community_id = ?",
      {community_id});
  if (row) {
    settings.seconds_required = row->integer(0);
    settings.quorum_percent = row->integer(1);
    settings.quorum_min_households = row->integer(2);
    settings.response_days = row->integer(3);
  }
  return settings;
}

}  // namespace gz::participation
