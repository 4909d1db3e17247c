// LogIn: checks a password and opens a session; throttles repeated failures.
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/pii.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit.hpp"

namespace gz::accounts {
namespace {

// Verifying against this when the user does not exist keeps the timing the same.
const std::string& dummy_hash() {
  static const std::string hash = crypto::hash_password("not-a-real-password");
  return hash;
}

// One more attempt on a counter, atomically (a single upsert: a row lock on PostgreSQL, the
// write lock on SQLite); a window older than kThrottleWindowSeconds starts again at 1.
// Returns the attempts in the current window, this one included.
std::int64_t count_attempt(storage::Connection& connection, const std::string& key,
                           std::int64_t now) {
  auto row = connection.query_one(
      "INSERT INTO login_counters (key, window_start_epoch, failures) VALUES (?, ?, 1) "
      "ON CONFLICT (key) DO UPDATE SET "
      "failures = CASE WHEN login_counters.window_start_epoch > ? "
      "THEN login_counters.failures + 1 ELSE 1 END, "
      "window_start_epoch = CASE WHEN login_counters.window_start_epoch > ? "
      "THEN login_counters.window_start_epoch ELSE excluded.window_start_epoch END "
      "RETURNING failures",
      {key, now, now - kThrottleWindowSeconds, now - kThrottleWindowSeconds});
  return row ? row->integer(0) : 1;
}

}  // namespace

Result<LoginResult> log_in(storage::Connection& connection, const std::string& login,
                           const std::string& password, const std::string& remote_ip,
                           const std::string& user_agent) {
  // A mobile (as typed: spaces, dashes, +86) names the login registered with it.
  const bool by_mobile = pii::is_valid_mobile(login);
  const std::string username = by_mobile ? pii::normalize_mobile(login) : login;
  std::int64_t now = now_epoch_ms() / 1000;
  // Every attempt is counted before the password is checked, so that parallel guesses each
  // take a place under the limit instead of all passing one stale count; a success gives its
  // place back. Per account and address: a guesser elsewhere cannot lock the real user out.
  const std::string pair_key = "user:" + username + "|" + remote_ip;
  const std::string address_key = "addr:" + remote_ip;
  std::int64_t pair_attempts = count_attempt(connection, pair_key, now);
  std::int64_t address_attempts = count_attempt(connection, address_key, now);
  if (pair_attempts > kMaxFailuresPerUsername || address_attempts > kMaxFailuresPerAddress) {
    Error error = make_error(ErrorKind::too_many_requests, "login_throttled",
                             "too many failed logins; try again in 15 minutes");
    return error;
  }

  auto row =
      connection.query_one(std::string("SELECT id, password_hash, disabled FROM users WHERE ") +
                               (by_mobile ? "mobile = ?" : "username = ?"),
                           {username});
  bool matches = crypto::verify_password(row ? row->text(1) : dummy_hash(), password);
  if (!row || !matches) {
    return make_error(ErrorKind::unauthorized, "invalid_credentials", "wrong username or password");
  }
  // Only the holder of the password learns that the login is not active.
  if (row->integer(2) != 0) {
    return make_error(ErrorKind::forbidden, "account_inactive",
                      "this login is deactivated or waits for the community's confirmation");
  }

  std::int64_t user_id = row->integer(0);
  LoginResult result;
  result.token = crypto::random_hex(32);
  result.expires_epoch = now + kSessionSeconds;
  auto actor = load_actor(connection, user_id);
  if (!actor) return make_error(ErrorKind::unauthorized, "invalid_credentials", "no such user");
  result.actor = *actor;
  storage::with_transaction(connection, storage::TxMode::write, [&] {
    connection.execute(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_epoch, remote_ip, "
        "user_agent) VALUES (?, ?, ?, ?, ?, ?)",
        {crypto::sha256_hex(result.token), user_id, now_iso8601(), result.expires_epoch, remote_ip,
         user_agent.substr(0, 200)});
    connection.execute("DELETE FROM login_counters WHERE key = ?", {pair_key});
    connection.execute(
        "UPDATE login_counters SET failures = failures - 1 WHERE key = ? AND failures > 0",
        {address_key});
    connection.execute("DELETE FROM sessions WHERE user_id = ? AND expires_epoch < ?",
                       {user_id, now});
  });
  return result;
}

void log_out(storage::Connection& connection, const std::string& token) {
  connection.execute("DELETE FROM sessions WHERE token_hash = ?", {crypto::sha256_hex(token)});
}

}  // namespace gz::accounts
