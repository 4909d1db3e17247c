// Actors for the permission units' tests: one of each role, of community 1 unless told
// otherwise (the resident logged in for household 10), so a test reads as who asks about
// what: `EXPECT_FALSE(may_plan(test_actors::guide(), 1))`. For tests only.
#pragma once

#include <cstdint>
#include <optional>

#include "core/actor.hpp"

namespace gz::test_actors {

inline Actor resident(std::int64_t community_id = 1, std::int64_t household_id = 10) {
  return Actor{101, "resident", Role::resident, household_id, {community_id}, "居民"};
}
// A resident login not (yet) linked to a household.
inline Actor resident_without_household(std::int64_t community_id = 1) {
  return Actor{102, "newcomer", Role::resident, std::nullopt, {community_id}, "新居民"};
}
inline Actor guide(std::int64_t community_id = 1) {
  return Actor{103, "guide", Role::guide, std::nullopt, {community_id}, "指导员"};
}
inline Actor staff(std::int64_t community_id = 1) {
  return Actor{104, "staff", Role::staff, std::nullopt, {community_id}, "社工"};
}
inline Actor street(std::int64_t community_id = 1) {
  return Actor{105, "street", Role::street, std::nullopt, {community_id}, "街道"};
}
inline Actor admin() {
  return Actor{106, "admin", Role::admin, std::nullopt, {}, "管理员"};
}

}  // namespace gz::test_actors
