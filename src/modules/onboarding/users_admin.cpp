// Workers and administrators: created, changed, deactivated, reactivated and made to choose a
// new password by those who run the platform; onboarding.hpp.
#include "core/crypto.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/onboarding/onboarding.hpp"
#include "modules/onboarding/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::onboarding {
namespace {

// The community a login belongs to for the permission check: a resident's household's, a
// worker's first.
std::optional<std::int64_t> community_of(storage::Connection& db, const accounts::UserView& user) {
  if (user.household_id) {
    if (auto household = registry::find_household(db, *user.household_id)) {
      return household->community_id;
    }
    return std::nullopt;
  }
  if (!user.community_ids.empty()) return user.community_ids.front();
  return std::nullopt;
}

// The login when the actor may act on it; 404 when they may not know of it, 403 when they may
// see it but not act.
Result<accounts::UserView> managed(storage::Connection& db, const Actor& actor,
                                   std::int64_t user_id) {
  auto user = accounts::find_user(db, user_id);
  auto community = user ? community_of(db, *user) : std::nullopt;
  if (!user || (!actor.is(Role::admin) && (!community || !actor.belongs_to(*community)))) {
    return not_found("no user " + std::to_string(user_id));
  }
  if (user->id == actor.user_id) {
    return bad_request("cannot_change_self", "one does not change one's own login here");
  }
  if (!permissions::may_manage_user(actor, user->role, community)) {
    return forbidden("staff manage only their community's guides and residents");
  }
  return *user;
}

Result<void> check_scope(storage::Connection& db, Role role,
                         const std::vector<std::int64_t>& communities,
                         const std::vector<std::int64_t>& streets) {
  for (std::int64_t id : communities) {
    if (!registry::community_exists(db, id)) {
      return not_found("no community " + std::to_string(id));
    }
  }
  for (std::int64_t id : streets) {
    if (!registry::street_exists(db, id)) return not_found("no street " + std::to_string(id));
  }
  if ((role == Role::guide || role == Role::staff) && communities.size() != 1) {
    return bad_request("one_community", "guides and staff belong to exactly one community");
  }
  if (role == Role::street && communities.empty() && streets.empty()) {
    return bad_request("street_required", "a street supervisor oversees a street");
  }
  if (role != Role::street && !streets.empty()) {
    return bad_request("invalid_field", "only street supervisors have streets");
  }
  if (role == Role::admin && !communities.empty()) {
    return bad_request("invalid_field", "administrators belong to no community");
  }
  return {};
}

}  // namespace

Result<CreatedWorker> create_worker(storage::Connection& db, const Actor& actor,
                                    const NewWorker& input) {
  if (input.role == Role::resident) {
    return bad_request("invalid_role", "residents register themselves with a claim code");
  }
  if (!permissions::may_create_user(actor, input.role, input.community_ids)) {
    return forbidden("admins create workers; staff create guides of their own community");
  }
  GZ_TRY(check_scope(db, input.role, input.community_ids, input.street_ids));
  accounts::NewUser user;
  user.username = input.username;
  user.role = input.role;
  user.community_ids = input.community_ids;
  user.street_ids = input.street_ids;
  user.display_name = input.display_name;
  CreatedWorker out;
  if (input.password) {
    user.password = *input.password;
  } else {
    user.password = crypto::generate_password();
    out.temporary_password = user.password;
  }
  user.password_hash = crypto::hash_password(user.password);  // outside the transaction
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<CreatedWorker> {
    GZ_ASSIGN_OR_RETURN(out.id, accounts::add_user(db, actor, user));
    out.username = input.username;
    if (out.temporary_password) accounts::force_password_reset(db, actor, out.id);
    return out;
  });
}

Result<accounts::UserView> change_worker(storage::Connection& db, const Actor& actor,
                                         std::int64_t user_id, const accounts::UserChange& change) {
  GZ_ASSIGN_OR_RETURN(auto user, managed(db, actor, user_id));
  const bool scope = change.role || change.community_ids || change.street_ids;
  if (scope && !permissions::may_change_scope(actor)) {
    return forbidden("administrators change roles, communities and streets");
  }
  if (change.role && (*change.role == Role::resident || user.role == Role::resident)) {
    return bad_request("invalid_role",
                       "residents are residents: their logins come with a household");
  }
  if (change.display_name && (change.display_name->empty() || change.display_name->size() > 120)) {
    return bad_request("invalid_field", "display_name must be 1 to 120 bytes");
  }
  if (scope) {
    GZ_TRY(check_scope(db, change.role.value_or(user.role),
                       change.community_ids.value_or(user.community_ids),
                       change.street_ids.value_or(change.role && *change.role != Role::street
                                                      ? std::vector<std::int64_t>{}
                                                      : user.street_ids)));
  }
  accounts::UserChange applied = change;
  // Leaving the street supervisors drops the streets.
  if (change.role && *change.role != Role::street && !change.street_ids) {
    applied.street_ids = std::vector<std::int64_t>{};
  }
  accounts::change_user(db, actor, user_id, applied);
  return *accounts::find_user(db, user_id);
}

Result<accounts::UserView> act_on_user(storage::Connection& db, const Actor& actor,
                                       std::int64_t user_id, UserAction action) {
  GZ_ASSIGN_OR_RETURN(auto user, managed(db, actor, user_id));
  switch (action) {
    case UserAction::deactivate:
      if (user.disabled) return conflict("already_disabled", "this login is deactivated");
      accounts::set_disabled(db, actor, user_id, true, "user.deactivate");
      break;
    case UserAction::reactivate:
      if (!user.disabled) return conflict("already_active", "this login is active");
      // A registration waiting for staff is decided in the queue, where its member is bound.
      if (db.query_one("SELECT 1 FROM account_requests WHERE user_id = ? AND decision IS NULL",
                       {user_id})) {
        return conflict("registration_pending",
                        "this login waits in the registration queue: confirm or refuse it there");
      }
      accounts::set_disabled(db, actor, user_id, false, "user.reactivate");
      break;
    case UserAction::force_reset:
      accounts::force_password_reset(db, actor, user_id);
      break;
  }
  return *accounts::find_user(db, user_id);
}

}  // namespace gz::onboarding
