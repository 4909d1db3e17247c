// Sessions: a user lists the logins open in their name and ends any of them.
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "modules/accounts/accounts.hpp"

namespace gz::accounts {
namespace {

constexpr std::size_t kSessionIdLength = 16;

}  // namespace

std::vector<SessionView> list_sessions(storage::Connection& connection, const Actor& actor,
                                       const std::string& current_token) {
  const std::string current = crypto::sha256_hex(current_token);
  std::vector<SessionView> out;
  for (const auto& row : connection.query(
           "SELECT token_hash, created_at, expires_epoch, remote_ip, user_agent FROM sessions "
           "WHERE user_id = ? AND expires_epoch > ? ORDER BY created_at DESC, token_hash",
           {actor.user_id, now_epoch_ms() / 1000})) {
    SessionView view;
    view.id = row.text(0).substr(0, kSessionIdLength);
    view.created_at = row.text(1);
    view.expires_at = format_iso8601(row.integer(2) * 1000);
    view.remote_ip = row.opt_text(3);
    view.user_agent = row.opt_text(4);
    view.current = row.text(0) == current;
    out.push_back(std::move(view));
  }
  return out;
}

Result<void> end_session(storage::Connection& connection, const Actor& actor,
                         const std::string& session_id) {
  bool hex = session_id.size() == kSessionIdLength;
  for (char c : session_id) hex = hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  if (!hex) return not_found("no session " + session_id.substr(0, 20));
  // The prefix is matched among the actor's own sessions only.
  std::int64_t ended = 0;
  for (const auto& row :
       connection.query("SELECT token_hash FROM sessions WHERE user_id = ?", {actor.user_id})) {
    if (row.text(0).compare(0, kSessionIdLength, session_id) == 0) {
      ended += connection.execute("DELETE FROM sessions WHERE token_hash = ?", {row.text(0)});
    }
  }
  if (ended == 0) return not_found("no session " + session_id);
  return {};
}

}  // namespace gz::accounts
