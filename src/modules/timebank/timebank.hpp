// The time bank (时间银行): one member serves another (younger elderly serve older elderly),
// the recipient confirms, and only then do the minutes move from the recipient's account to
// the provider's. A newcomer may receive help before giving it, down to the community's
// debt cap (default −10 hours). Unconfirmed or disputed records expire after 14 days.
// Banked time may be given to a family member of the same household.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "modules/ledger/ledger.hpp"
#include "modules/registry/registry.hpp"
#include "storage/database.hpp"

namespace gz::timebank {

inline constexpr std::int64_t kExpiryMs = 14 * kDayMs;

struct Service {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::int64_t provider_resident_id = 0;
  std::int64_t recipient_resident_id = 0;
  std::string service_date;
  std::int64_t minutes = 0;
  std::string service_type;
  std::optional<std::string> note;
  std::string status;  // pending, confirmed, disputed, expired
  std::optional<std::int64_t> posting_id;
  std::string created_at;
  std::int64_t expires_ms = 0;
};

struct NewService {
  std::int64_t provider_resident_id = 0;
  std::int64_t recipient_resident_id = 0;
  std::string service_date;  // YYYY-MM-DD, not in the future
  std::int64_t minutes = 0;  // rounded to the nearest quarter hour
  std::string service_type;
  std::optional<std::string> note;
};
inline constexpr const char* kServiceTypes[] = {
    "companionship", "shopping", "meal_delivery", "cleaning", "escort_to_hospital",
    "tech_help",     "tutoring", "repair",        "other"};

// The provider's household records it, or a guide/staff member of the community.
Result<Service> record_service(storage::Connection& db, const Actor& actor, const NewService& input,
                               std::int64_t now_ms);
// The recipient's household confirms, or a guide/staff member on their behalf; moves the
// minutes. 409 debt_cap_reached when the recipient would pass the cap.
Result<Service> confirm_service(storage::Connection& db, const Actor& actor,
                                std::int64_t service_id, std::int64_t now_ms);
Result<Service> dispute_service(storage::Connection& db, const Actor& actor,
                                std::int64_t service_id, const std::string& note,
                                std::int64_t now_ms);
Result<std::vector<Service>> list_services(storage::Connection& db, const Actor& actor,
                                           std::int64_t community_id,
                                           const std::optional<std::string>& status);

// Gives banked minutes to a member of the same household; only positive balance may go.
Result<ledger::Posting> transfer(storage::Connection& db, const Actor& actor,
                                 std::int64_t from_resident_id, std::int64_t to_resident_id,
                                 std::int64_t minutes, std::int64_t now_ms);

// A member's banked minutes: the account (its floor is the debt cap) with what it has received
// and given. 404 unless registry::visible_resident.
struct AccountView {
  registry::ResidentRef resident;
  ledger::Account account;
  std::int64_t earned = 0;
  std::int64_t spent = 0;
};
Result<AccountView> account_view(storage::Connection& db, const Actor& actor,
                                 std::int64_t resident_id);

// The expiry job: pending or disputed records older than 14 days become expired.
int expire_services(storage::Connection& db, std::int64_t now_ms);

}  // namespace gz::timebank
