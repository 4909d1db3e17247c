// Onboarding: how residents get in without anyone typing on the server. Staff or the
// household's guide issue a household claim code (printed on a door-hanger slip, 30 days);
// each member registers on their phone with it, their name and a code sent to their mobile.
// A member the registry knows by name and mobile gets a working login at once; anyone else
// gets a login staff confirm or refuse from a queue. Passwords are reset by a code sent to
// the registered mobile. The household head (户主) sees the members' logins and may remove one.
//
// Codes are kept only as hashes. Sending codes is limited per mobile and per client address,
// and wrong claim codes per address, so neither can be guessed by trying.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/accounts/accounts.hpp"
#include "storage/database.hpp"

namespace gz::onboarding {

inline constexpr std::int64_t kClaimCodeDays = 30;
inline constexpr int kOtpMinutes = 10;
inline constexpr int kOtpTries = 5;
// Sending a code: one a minute and five an hour to a mobile, twenty an hour from an address.
inline constexpr int kOtpPerMobileHour = 5;
inline constexpr int kOtpPerAddressHour = 20;
inline constexpr std::int64_t kOtpGapSeconds = 60;
// Wrong claim codes from one address in 15 minutes before registration is refused there.
inline constexpr int kClaimFailuresPerAddress = 10;
// Registrations no member matched, waiting on one code at a time.
inline constexpr int kPendingPerCode = 3;

// --- claim codes
struct IssuedCode {
  std::int64_t id = 0;
  std::int64_t household_id = 0;
  std::string code;  // "K7QM-4XPD": shown once, then only its hint
  std::string expires_at;
};
struct ClaimCodeView {
  std::int64_t id = 0;
  std::int64_t household_id = 0;
  std::string hint;  // "…PD"
  std::string created_at;
  std::string expires_at;
  std::optional<std::string> revoked_at;
  std::int64_t uses = 0;
  std::string state;  // active, expired, revoked
};
// Staff of the community and the household's own guide; 404 for a household the actor may
// not see.
Result<IssuedCode> issue_claim_code(storage::Connection& db, const Actor& actor,
                                    std::int64_t household_id, std::int64_t now_ms);
Result<std::vector<ClaimCodeView>> list_claim_codes(storage::Connection& db, const Actor& actor,
                                                    std::int64_t household_id, std::int64_t now_ms);
// 409 already_revoked.
Result<ClaimCodeView> revoke_claim_code(storage::Connection& db, const Actor& actor,
                                        std::int64_t code_id, std::int64_t now_ms);
// A fresh code for every household of the building and an A6 slip for each (HTML to print:
// the address, the code, a QR to `register_url`?code=…, short instructions in Chinese).
// Staff of the community; guides for their own households of the building.
Result<std::string> print_claim_codes(storage::Connection& db, const Actor& actor,
                                      std::int64_t community_id, std::int64_t building_id,
                                      const std::string& register_url, std::int64_t now_ms);

// --- one-time codes by SMS
enum class Purpose { register_account, reset_password };
std::optional<Purpose> parse_purpose(const std::string& text);
// Sends a 6-digit code valid 10 minutes. 400 invalid_mobile; 429 otp_throttled. A reset code
// goes only to a mobile a login was registered with, but the answer is the same either way.
Result<void> send_otp(storage::Connection& db, const std::string& mobile, Purpose purpose,
                      const std::string& remote_ip, std::int64_t now_ms);

// --- registration and reset
struct Registration {
  std::string claim_code;
  std::string name;
  std::string mobile;
  std::string otp;
  std::string password;
};
struct Registered {
  std::int64_t user_id = 0;
  std::string username;
  std::int64_t household_id = 0;
  std::optional<std::int64_t> resident_id;
  bool pending = false;  // waits for staff: no registered member matched
};
// 400 invalid_claim_code (unknown or revoked), claim_code_expired, invalid_otp, otp_expired,
// otp_exhausted, weak_password, invalid_mobile, missing_field; 409 mobile_taken,
// already_registered, too_many_pending; 429 claim_throttled.
Result<Registered> register_account(storage::Connection& db, const Registration& input,
                                    const std::string& remote_ip, std::int64_t now_ms);
// 400 invalid_otp (also for a mobile without a login), otp_expired, otp_exhausted,
// weak_password.
Result<void> reset_password(storage::Connection& db, const std::string& mobile,
                            const std::string& otp, const std::string& new_password,
                            std::int64_t now_ms);

// --- the staff's queue of registrations no member matched
struct AccountRequest {
  std::int64_t user_id = 0;
  std::int64_t household_id = 0;
  std::string household_address;
  std::string name;
  std::string mobile;  // masked unless the reader may see personal data
  std::string created_at;
  std::optional<std::string> decision;  // confirmed, refused
};
// Staff of the community (guides: their own households); state open | all.
Result<std::vector<AccountRequest>> list_account_requests(storage::Connection& db,
                                                          const Actor& actor,
                                                          std::int64_t community_id,
                                                          bool open_only);
// Confirm (the login works; bound to `resident_id` of the household when given, which must
// not have a login) or refuse (the login stays closed). 404; 409 already_decided.
Result<AccountRequest> decide_account_request(storage::Connection& db, const Actor& actor,
                                              std::int64_t user_id, bool confirm,
                                              std::optional<std::int64_t> resident_id,
                                              std::int64_t now_ms);

// --- a household's logins
struct HouseholdAccount {
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  std::optional<std::int64_t> resident_id;
  std::string mobile;  // masked
  std::string state;   // active, pending, removed
  std::string created_at;
  bool removable = false;  // the reader may remove it (not their own, still active)
};
// The household's members (its own logins), staff and its guide.
Result<std::vector<HouseholdAccount>> household_accounts(storage::Connection& db,
                                                         const Actor& actor,
                                                         std::int64_t household_id);
// The household head or staff remove (deactivate) a member's login; not one's own (400
// cannot_remove_self). 403 for other members.
Result<void> remove_household_account(storage::Connection& db, const Actor& actor,
                                      std::int64_t household_id, std::int64_t user_id);

// --- workers and administrators (users_admin.cpp). Admins create and change anyone but
// residents (who register); a community's staff create guides of their community and
// deactivate, reactivate or force a new password on its guides and residents. Every change is
// audited; nobody acts on their own login here (400 cannot_change_self).
struct NewWorker {
  std::string username;
  std::string display_name;
  Role role = Role::guide;
  std::vector<std::int64_t> community_ids;  // guide, staff: exactly one
  std::vector<std::int64_t> street_ids;     // street supervisors
  std::optional<std::string> password;      // absent: a temporary one, changed at first login
};
struct CreatedWorker {
  std::int64_t id = 0;
  std::string username;
  std::optional<std::string> temporary_password;  // shown once
};
// 400 invalid_username, weak_password, invalid_role, community_required, one_community,
// street_required; 403; 404 community or street; 409 username_taken.
Result<CreatedWorker> create_worker(storage::Connection& db, const Actor& actor,
                                    const NewWorker& input);
// Admins change name, role, communities and streets; staff the names of their guides.
Result<accounts::UserView> change_worker(storage::Connection& db, const Actor& actor,
                                         std::int64_t user_id, const accounts::UserChange& change);
// 409 already_disabled, already_active, registration_pending (decided in the queue instead).
enum class UserAction { deactivate, reactivate, force_reset };
Result<accounts::UserView> act_on_user(storage::Connection& db, const Actor& actor,
                                       std::int64_t user_id, UserAction action);

}  // namespace gz::onboarding
