// LogIn: checks a password and opens a session; throttles repeated failures.
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit_log.hpp"

namespace gz::accounts {
namespace {

// Verifying against this when the user does not exist keeps the timing the same.
const std::string& dummy_hash() {
  static const std::string hash = crypto::hash_password("not-a-real-password");
  return hash;
}

}  // namespace

Result<LoginResult> log_in(storage::Connection& connection, const std::string& username,
                           const std::string& password, const std::string& remote_ip) {
  std::int64_t now = now_epoch_ms() / 1000;
  std::int64_t since = now - kThrottleWindowSeconds;
  std::int64_t user_failures = connection.query_int(
      "SELECT COUNT(*) FROM login_failures WHERE username = ? AND at_epoch > ?", {username, since});
  std::int64_t address_failures = connection.query_int(
      "SELECT COUNT(*) FROM login_failures WHERE remote_ip = ? AND at_epoch > ?",
      {remote_ip, since});
  if (user_failures >= kMaxFailuresPerUsername || address_failures >= kMaxFailuresPerAddress) {
    Error error = make_error(ErrorKind::too_many_requests, "login_throttled",
                             "too many failed logins; try again in 15 minutes");
    return error;
  }

  auto row = connection.query_one(
      "SELECT id, password_hash, disabled FROM users WHERE username = ?", {username});
  bool matches = crypto::verify_password(row ? row->text(1) : dummy_hash(), password);
  if (!row || !matches || row->integer(2) != 0) {
    storage::with_transaction(connection, storage::TxMode::write, [&] {
      connection.execute(
          "INSERT INTO login_failures (username, remote_ip, at_epoch) VALUES (?, ?, ?)",
          {username, remote_ip, now});
    });
    return make_error(ErrorKind::unauthorized, "invalid_credentials", "wrong username or password");
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
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_epoch) VALUES (?, ?, ?, ?)",
        {crypto::sha256_hex(result.token), user_id, now_iso8601(), result.expires_epoch});
    connection.execute("DELETE FROM login_failures WHERE username = ?", {username});
    connection.execute("DELETE FROM sessions WHERE user_id = ? AND expires_epoch < ?",
                       {user_id, now});
  });
  return result;
}

void log_out(storage::Connection& connection, const std::string& token) {
  connection.execute("DELETE FROM sessions WHERE token_hash = ?", {crypto::sha256_hex(token)});
}

}  // namespace gz::accounts
