// Codes by SMS, registration with a claim code, and password resets; onboarding.hpp.
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/pii.hpp"
#include "core/text.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit.hpp"
#include "modules/notifications/notifications.hpp"
#include "modules/onboarding/codes.hpp"
#include "modules/onboarding/onboarding.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::onboarding {
namespace {

constexpr std::int64_t kClaimWindowMs = 15 * kMinuteMs;

const char* purpose_name(Purpose purpose) {
  return purpose == Purpose::register_account ? "register" : "reset";
}

Result<std::string> valid_mobile(const std::string& mobile) {
  if (!pii::is_valid_mobile(mobile)) {
    return bad_request("invalid_mobile", "mobile must be an 11-digit mainland mobile number");
  }
  return pii::normalize_mobile(mobile);
}

// Takes one of the code's five tries, then compares: parallel guesses each use up a try.
// Returns the code's row id; the caller marks it used in its own transaction.
Result<std::int64_t> check_otp(storage::Connection& db, const std::string& mobile, Purpose purpose,
                               const std::string& otp, std::int64_t now_ms) {
  auto row = db.query_one(
      "SELECT id, expires_ms, code_hash FROM otp_codes WHERE mobile = ? AND purpose = ? AND "
      "used_ms IS NULL ORDER BY id DESC LIMIT 1",
      {mobile, std::string(purpose_name(purpose))});
  if (!row) return bad_request("invalid_otp", "the code is wrong; ask for a new one");
  const std::int64_t id = row->integer(0);
  if (row->integer(1) <= now_ms) {
    return bad_request("otp_expired", "the code has expired; ask for a new one");
  }
  if (db.execute("UPDATE otp_codes SET attempts = attempts + 1 WHERE id = ? AND attempts < ?",
                 {id, std::int64_t{kOtpTries}}) != 1) {
    return bad_request("otp_exhausted", "too many wrong codes; ask for a new one");
  }
  if (codes::otp_hash(mobile, id, otp) != row->text(2)) {  // hashes: nothing to time
    return bad_request("invalid_otp", "the code is wrong");
  }
  return id;
}

// Marks the code used inside the caller's transaction; false when another request used it.
bool use_otp(storage::Connection& db, std::int64_t otp_id, std::int64_t now_ms) {
  return db.execute("UPDATE otp_codes SET used_ms = ? WHERE id = ? AND used_ms IS NULL",
                    {now_ms, otp_id}) == 1;
}

void count_claim_failure(storage::Connection& db, const std::string& remote_ip,
                         std::int64_t now_ms) {
  db.execute("INSERT INTO claim_failures (remote_ip, at_ms) VALUES (?, ?)", {remote_ip, now_ms});
}

struct Claim {
  std::int64_t id = 0;
  registry::HouseholdRef household;
};

// The household a claim code opens: 400 invalid_claim_code (counted against the address),
// claim_code_expired; 429 claim_throttled after too many wrong codes from the address.
Result<Claim> open_claim(storage::Connection& db, const std::string& text,
                         const std::string& remote_ip, std::int64_t now_ms) {
  if (db.query_int("SELECT COUNT(*) FROM claim_failures WHERE remote_ip = ? AND at_ms > ?",
                   {remote_ip, now_ms - kClaimWindowMs}) >= kClaimFailuresPerAddress) {
    return make_error(ErrorKind::too_many_requests, "claim_throttled",
                      "too many wrong claim codes; try again in 15 minutes");
  }
  std::string normalized = codes::normalize_claim_code(text);
  auto row = normalized.empty()
                 ? std::nullopt
                 : db.query_one(
                       "SELECT id, household_id, expires_ms, revoked_at FROM claim_codes WHERE "
                       "code_hash = ?",
                       {codes::claim_code_hash(normalized)});
  if (!row || row->opt_text(3)) {
    count_claim_failure(db, remote_ip, now_ms);
    return bad_request("invalid_claim_code",
                       "this claim code is not valid; check it against the slip");
  }
  if (row->integer(2) <= now_ms) {
    return bad_request("claim_code_expired",
                       "this claim code has expired; ask the community office for a new one");
  }
  auto household = registry::find_household(db, row->integer(1));
  if (!household) return bad_request("invalid_claim_code", "this claim code is not valid");
  return Claim{row->integer(0), *household};
}

Result<void> check_registration(const Registration& input) {
  if (input.claim_code.empty() || input.name.empty() || input.mobile.empty() || input.otp.empty() ||
      input.password.empty()) {
    return bad_request("missing_field", "claim_code, name, mobile, otp and password are required");
  }
  if (text::utf8_length(input.name) > 40) return bad_request("invalid_name", "name is too long");
  return {};
}

}  // namespace

std::optional<Purpose> parse_purpose(const std::string& text) {
  if (text == "register") return Purpose::register_account;
  if (text == "reset") return Purpose::reset_password;
  return std::nullopt;
}

Result<void> send_otp(storage::Connection& db, const std::string& mobile_text, Purpose purpose,
                      const std::string& remote_ip, std::int64_t now_ms) {
  GZ_ASSIGN_OR_RETURN(std::string mobile, valid_mobile(mobile_text));
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<void> {
    auto last = db.query_one(
        "SELECT MAX(created_ms), COUNT(*) FROM otp_codes WHERE mobile = ? AND created_ms > ?",
        {mobile, now_ms - kHourMs});
    if (last && last->opt_integer(0) && *last->opt_integer(0) > now_ms - kOtpGapSeconds * 1000) {
      return make_error(ErrorKind::too_many_requests, "otp_throttled",
                        "a code was sent less than a minute ago; wait before asking again");
    }
    if ((last ? last->integer(1) : 0) >= kOtpPerMobileHour ||
        db.query_int("SELECT COUNT(*) FROM otp_codes WHERE remote_ip = ? AND created_ms > ?",
                     {remote_ip, now_ms - kHourMs}) >= kOtpPerAddressHour) {
      return make_error(ErrorKind::too_many_requests, "otp_throttled",
                        "too many codes asked for; try again in an hour");
    }
    std::string otp = codes::new_otp();
    std::int64_t id = db.query_one(
                            "INSERT INTO otp_codes (mobile, purpose, code_hash, remote_ip, "
                            "created_ms, expires_ms) VALUES (?, ?, '', ?, ?, ?) RETURNING id",
                            {mobile, std::string(purpose_name(purpose)), remote_ip, now_ms,
                             now_ms + kOtpMinutes * kMinuteMs})
                          ->integer(0);
    db.execute("UPDATE otp_codes SET code_hash = ? WHERE id = ?",
               {codes::otp_hash(mobile, id, otp), id});
    // A reset code goes only where a login was registered; the answer does not say.
    std::int64_t community_id = 0;
    if (purpose == Purpose::reset_password) {
      auto login = accounts::find_login_by_mobile(db, mobile);
      if (!login || login->disabled) return {};
      if (auto user = db.query_one("SELECT community_id FROM users WHERE id = ?", {login->id})) {
        community_id = user->opt_integer(0).value_or(0);
      }
    }
    notifications::send_code(db, community_id, mobile, otp, kOtpMinutes, now_ms);
    return {};
  });
}

Result<Registered> register_account(storage::Connection& db, const Registration& input,
                                    const std::string& remote_ip, std::int64_t now_ms) {
  GZ_TRY(check_registration(input));
  GZ_ASSIGN_OR_RETURN(std::string mobile, valid_mobile(input.mobile));
  const std::string username = "u" + mobile;
  GZ_TRY(accounts::check_password_policy(input.password, username, mobile));
  GZ_ASSIGN_OR_RETURN(Claim claim, open_claim(db, input.claim_code, remote_ip, now_ms));
  if (accounts::find_login_by_mobile(db, mobile)) {
    return conflict("mobile_taken",
                    "a login is registered with this mobile; log in or reset "
                    "the password");
  }
  auto member = registry::match_member(db, claim.household.id, input.name, mobile);
  if (!member && db.query_int("SELECT COUNT(*) FROM account_requests WHERE household_id = ? AND "
                              "decision IS NULL",
                              {claim.household.id}) >= kPendingPerCode) {
    return conflict("too_many_pending",
                    "registrations of this household already wait for the community office");
  }
  GZ_ASSIGN_OR_RETURN(std::int64_t otp_id,
                      check_otp(db, mobile, Purpose::register_account, input.otp, now_ms));
  const std::string hash = crypto::hash_password(input.password);  // slow: outside the lock
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Registered> {
    if (!use_otp(db, otp_id, now_ms)) return bad_request("invalid_otp", "the code was used");
    accounts::NewUser user;
    user.username = username;
    user.role = Role::resident;
    user.household_id = claim.household.id;
    user.password = input.password;
    user.password_hash = hash;
    user.display_name = input.name;
    user.mobile = mobile;
    if (member) user.resident_id = member->id;
    user.disabled = !member;
    GZ_ASSIGN_OR_RETURN(std::int64_t user_id, accounts::add_user(db, audit::system_actor(), user));
    db.execute("UPDATE claim_codes SET uses = uses + 1 WHERE id = ?", {claim.id});
    notifications::put_contact(db, {user_id, claim.household.community_id, mobile, true, "zh"},
                               now_ms);
    Registered out{user_id, username, claim.household.id, std::nullopt, !member};
    if (member) {
      out.resident_id = member->id;
    } else {
      db.execute(
          "INSERT INTO account_requests (user_id, community_id, household_id, name, created_at, "
          "created_ms) VALUES (?, ?, ?, ?, ?, ?)",
          {user_id, claim.household.community_id, claim.household.id, input.name,
           format_iso8601(now_ms), now_ms});
      notifications::Event event;
      event.community_id = claim.household.community_id;
      event.kind = "account.registered";
      event.subject_type = "account_request";
      event.subject_id = std::to_string(user_id);
      event.data = {{"name", pii::mask_name(input.name)}, {"address", claim.household.code}};
      event.recipients = accounts::community_users(db, claim.household.community_id, {Role::staff});
      notifications::record(db, event, now_ms);
    }
    audit::append(
        db, audit::system_actor(),
        {claim.household.community_id, "account.register", "household",
         std::to_string(claim.household.id),
         boost::json::object{
             {"user_id", user_id}, {"claim_code_id", claim.id}, {"matched", member.has_value()}}});
    return out;
  });
}

Result<void> reset_password(storage::Connection& db, const std::string& mobile_text,
                            const std::string& otp, const std::string& new_password,
                            std::int64_t now_ms) {
  GZ_ASSIGN_OR_RETURN(std::string mobile, valid_mobile(mobile_text));
  auto login = accounts::find_login_by_mobile(db, mobile);
  GZ_TRY(accounts::check_password_policy(new_password, login ? login->username : "", mobile));
  GZ_ASSIGN_OR_RETURN(std::int64_t otp_id,
                      check_otp(db, mobile, Purpose::reset_password, otp, now_ms));
  if (!login || login->disabled) return bad_request("invalid_otp", "the code is wrong");
  if (!storage::transact(db, storage::TxMode::write, [&]() -> Result<void> {
        if (!use_otp(db, otp_id, now_ms)) return bad_request("invalid_otp", "the code was used");
        return {};
      })) {
    return bad_request("invalid_otp", "the code was used");
  }
  return accounts::set_password(db, audit::system_actor(), login->id, new_password);
}

}  // namespace gz::onboarding
