// Passwords: the policy every new password meets, changing one's own, setting one after a
// verified reset, and an administrator's forced reset.
#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <cctype>
#include <string_view>

#include "core/crypto.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit.hpp"
#include "storage/transact.hpp"

namespace gz::accounts {
namespace {

// The passwords most often found in leaked Chinese and international lists, lower-case;
// anything equal to one of them (ignoring case) is refused.
constexpr std::array<std::string_view, 48> kCommon = {
    "12345678",    "123456789",   "1234567890", "87654321",      "11111111",     "88888888",
    "66666666",    "00000000",    "12341234",   "11223344",      "password",     "password1",
    "password123", "passw0rd",    "qwertyui",   "qwerty123",     "1qaz2wsx",     "qazwsxedc",
    "1q2w3e4r",    "abc12345",    "abcd1234",   "a1234567",      "aa123456",     "a12345678",
    "iloveyou",    "woaini1314",  "5201314520", "woaini520",     "1314520520",   "147258369",
    "123123123",   "123321123",   "admin123",   "administrator", "welcome1",     "zxcvbnm1",
    "asdfghjk",    "asd123456",   "qq123456",   "q1w2e3r4",      "112233445566", "123qweasd",
    "gongzhi123",  "gongzhi2025", "changeme",   "letmein1",      "iloveyou1",    "sunshine"};

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// "aaaaaaaa", "12345678", "98765432": one character, or digits counting up or down by one.
bool is_run(const std::string& text) {
  if (text.size() < 2) return true;
  bool same = true, up = true, down = true;
  for (std::size_t i = 1; i < text.size(); ++i) {
    same = same && text[i] == text[0];
    bool digits = std::isdigit(static_cast<unsigned char>(text[i])) &&
                  std::isdigit(static_cast<unsigned char>(text[i - 1]));
    up = up && digits && text[i] == text[i - 1] + 1;
    down = down && digits && text[i] == text[i - 1] - 1;
  }
  return same || up || down;
}

}  // namespace

Result<void> check_password_policy(const std::string& password, const std::string& username,
                                   const std::optional<std::string>& mobile) {
  if (password.size() < 8 || password.size() > 256) {
    return bad_request("weak_password", "password must be 8 to 256 characters (密码至少8位)");
  }
  const std::string folded = lower(password);
  if (std::find(kCommon.begin(), kCommon.end(), folded) != kCommon.end() || is_run(password)) {
    return bad_request("weak_password",
                       "this password is too common; choose another (密码过于常见，请换一个)");
  }
  if ((!username.empty() && folded.find(lower(username)) != std::string::npos) ||
      (mobile && !mobile->empty() && password.find(*mobile) != std::string::npos)) {
    return bad_request("weak_password",
                       "a password must not contain the username or the mobile "
                       "(密码不能包含用户名或手机号)");
  }
  return {};
}

Result<void> change_password(storage::Connection& connection, const Actor& actor,
                             const std::string& current, const std::string& next,
                             const std::string& current_token) {
  auto row =
      connection.query_one("SELECT password_hash, mobile FROM users WHERE id = ?", {actor.user_id});
  if (!row || !crypto::verify_password(row->text(0), current)) {
    // 400, not 401: the session is fine, the form is not.
    return bad_request("wrong_password", "the current password is wrong");
  }
  GZ_TRY(check_password_policy(next, actor.username, row->opt_text(1)));
  std::string hash = crypto::hash_password(next);  // slow: outside the lock
  return storage::transact(connection, storage::TxMode::write, [&]() -> Result<void> {
    connection.execute("UPDATE users SET password_hash = ?, must_reset_password = 0 WHERE id = ?",
                       {hash, actor.user_id});
    connection.execute("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?",
                       {actor.user_id, crypto::sha256_hex(current_token)});
    audit::append(
        connection, actor,
        {actor.community_ids.empty() ? std::nullopt : std::optional(actor.community_ids.front()),
         "user.password_change",
         "user",
         std::to_string(actor.user_id),
         boost::json::object{},
         {{&user_rows(), actor.user_id}}});
    return {};
  });
}

Result<void> set_password(storage::Connection& connection, const Actor& by, std::int64_t user_id,
                          const std::string& password) {
  auto login = find_login(connection, user_id);
  if (!login) return not_found("no user " + std::to_string(user_id));
  GZ_TRY(check_password_policy(password, login->username, login->mobile));
  std::string hash = crypto::hash_password(password);
  storage::with_transaction(connection, storage::TxMode::write, [&] {
    connection.execute("UPDATE users SET password_hash = ?, must_reset_password = 0 WHERE id = ?",
                       {hash, user_id});
    connection.execute("DELETE FROM sessions WHERE user_id = ?", {user_id});
    audit::append(connection, by,
                  {connection.query_one("SELECT community_id FROM users WHERE id = ?", {user_id})
                       ->opt_integer(0),
                   "user.password_reset",
                   "user",
                   std::to_string(user_id),
                   boost::json::object{},
                   {{&user_rows(), user_id}}});
  });
  return {};
}

void force_password_reset(storage::Connection& connection, const Actor& by, std::int64_t user_id) {
  storage::with_transaction(connection, storage::TxMode::write, [&] {
    connection.execute("UPDATE users SET must_reset_password = 1 WHERE id = ?", {user_id});
    connection.execute("DELETE FROM sessions WHERE user_id = ?", {user_id});
    audit::append(connection, by,
                  {connection.query_one("SELECT community_id FROM users WHERE id = ?", {user_id})
                       ->opt_integer(0),
                   "user.force_reset", "user", std::to_string(user_id), boost::json::object{}});
  });
}

bool must_reset_password(storage::Connection& connection, std::int64_t user_id) {
  auto row = connection.query_one("SELECT must_reset_password FROM users WHERE id = ?", {user_id});
  return row && row->integer(0) != 0;
}

}  // namespace gz::accounts
