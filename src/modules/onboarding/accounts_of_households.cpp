// The staff's queue of registrations no member matched, and a household's logins as its head
// and the community see them; onboarding.hpp.
#include "core/clock.hpp"
#include "core/pii.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/onboarding/onboarding.hpp"
#include "modules/onboarding/permissions.hpp"
#include "modules/registry/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::onboarding {
namespace {

constexpr const char* kRequestColumns =
    "SELECT r.user_id, r.household_id, h.address, r.name, u.mobile, r.created_at, r.decision, "
    "r.community_id FROM account_requests r JOIN households h ON h.id = r.household_id JOIN "
    "users u ON u.id = r.user_id ";

AccountRequest request_from(const storage::Row& row, const Actor& reader) {
  AccountRequest out;
  out.user_id = row.integer(0);
  out.household_id = row.integer(1);
  out.household_address = row.text(2);
  out.name = row.text(3);
  std::string mobile = row.opt_text(4).value_or("");
  out.mobile = registry::permissions::may_see_personal_data(reader, row.integer(7))
                   ? mobile
                   : pii::mask_mobile(mobile);
  out.created_at = row.text(5);
  out.decision = row.opt_text(6);
  return out;
}

// The household when the actor may see its logins; 404 otherwise.
Result<registry::HouseholdRef> seen_household(storage::Connection& db, const Actor& actor,
                                              std::int64_t household_id) {
  auto household = registry::find_household(db, household_id);
  if (!household || !actor.belongs_to(household->community_id) ||
      !permissions::may_see_household_accounts(actor, household->community_id, household->id,
                                               household->guide_user_id)) {
    return not_found("no household " + std::to_string(household_id));
  }
  return *household;
}

// Whether the actor's own login is that of their household's head (户主).
bool is_head(storage::Connection& db, const Actor& actor) {
  if (!actor.is(Role::resident)) return false;
  auto own = accounts::find_login(db, actor.user_id);
  return own && own->resident_id && registry::is_household_head(db, *own->resident_id);
}

}  // namespace

Result<std::vector<AccountRequest>> list_account_requests(storage::Connection& db,
                                                          const Actor& actor,
                                                          std::int64_t community_id,
                                                          bool open_only) {
  GZ_TRY(registry::require_member(db, actor, community_id));
  if (!permissions::may_review_registrations(actor, community_id)) {
    return forbidden("the community's staff confirm registrations");
  }
  std::vector<AccountRequest> out;
  for (const auto& row : db.query(std::string(kRequestColumns) + "WHERE r.community_id = ?" +
                                      (open_only ? " AND r.decision IS NULL" : "") +
                                      " ORDER BY r.created_ms LIMIT 500",
                                  {community_id})) {
    out.push_back(request_from(row, actor));
  }
  return out;
}

Result<AccountRequest> decide_account_request(storage::Connection& db, const Actor& actor,
                                              std::int64_t user_id, bool confirm,
                                              std::optional<std::int64_t> resident_id,
                                              std::int64_t now_ms) {
  auto row = db.query_one(std::string(kRequestColumns) + "WHERE r.user_id = ?", {user_id});
  if (!row || !actor.belongs_to(row->integer(7))) {
    return not_found("no registration " + std::to_string(user_id));
  }
  const std::int64_t community_id = row->integer(7);
  const std::int64_t household_id = row->integer(1);
  if (!permissions::may_review_registrations(actor, community_id)) {
    return forbidden("the community's staff confirm registrations");
  }
  if (resident_id) {
    if (!confirm) return bad_request("invalid_field", "a refusal binds no member");
    auto resident = registry::find_resident(db, *resident_id);
    if (!resident || resident->household_id != household_id) {
      return bad_request("invalid_resident", "the member must be of the registering household");
    }
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<AccountRequest> {
    if (db.execute("UPDATE account_requests SET decision = ?, decided_by_user_id = ?, "
                   "decided_at = ? WHERE user_id = ? AND decision IS NULL",
                   {std::string(confirm ? "confirmed" : "refused"), actor.user_id,
                    format_iso8601(now_ms), user_id}) != 1) {
      return conflict("already_decided", "this registration was decided before");
    }
    if (resident_id && db.query_one("SELECT id FROM users WHERE resident_id = ?", {*resident_id})) {
      return conflict("already_registered", "this member of the household has a login");
    }
    if (confirm) {
      accounts::set_disabled(db, actor, user_id, false, "account.confirm", resident_id);
    } else {
      accounts::set_disabled(db, actor, user_id, true, "account.refuse");
    }
    return request_from(
        *db.query_one(std::string(kRequestColumns) + "WHERE r.user_id = ?", {user_id}), actor);
  });
}

Result<std::vector<HouseholdAccount>> household_accounts(storage::Connection& db,
                                                         const Actor& actor,
                                                         std::int64_t household_id) {
  GZ_ASSIGN_OR_RETURN(auto household, seen_household(db, actor, household_id));
  const bool may_remove = permissions::may_remove_household_account(
      actor, household.community_id, household.id, is_head(db, actor));
  std::vector<HouseholdAccount> out;
  for (const auto& login : accounts::household_logins(db, household.id)) {
    HouseholdAccount account;
    account.user_id = login.id;
    account.username = login.username;
    account.display_name = login.display_name;
    account.resident_id = login.resident_id;
    account.mobile = login.mobile ? pii::mask_mobile(*login.mobile) : "";
    account.created_at = login.created_at;
    const bool waiting =
        db.query_one("SELECT 1 FROM account_requests WHERE user_id = ? AND decision IS NULL",
                     {login.id})
            .has_value();
    account.state = !login.disabled ? "active" : waiting ? "pending" : "removed";
    account.removable = may_remove && login.id != actor.user_id && !login.disabled;
    out.push_back(std::move(account));
  }
  return out;
}

Result<void> remove_household_account(storage::Connection& db, const Actor& actor,
                                      std::int64_t household_id, std::int64_t user_id) {
  GZ_ASSIGN_OR_RETURN(auto household, seen_household(db, actor, household_id));
  auto login = accounts::find_login(db, user_id);
  if (!login || login->household_id != household.id || login->role != Role::resident) {
    return not_found("no login " + std::to_string(user_id) + " in this household");
  }
  if (!permissions::may_remove_household_account(actor, household.community_id, household.id,
                                                 is_head(db, actor))) {
    return forbidden("the household head (户主) or the community's staff remove a login");
  }
  if (user_id == actor.user_id) {
    return bad_request("cannot_remove_self", "one does not remove one's own login here");
  }
  if (login->disabled) return conflict("already_removed", "this login is not active");
  accounts::set_disabled(db, actor, user_id, true, "account.remove");
  return {};
}

}  // namespace gz::onboarding
