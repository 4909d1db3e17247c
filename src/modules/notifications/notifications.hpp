// Notifications: the module every other module tells when something changed that someone
// should hear about. Its contract is `record`, called inside the caller's transaction: the
// event, each recipient's inbox row and every outbound delivery (group robots, webhooks, SMS)
// are written with the change or not at all, and nothing is sent from inside a transaction.
// The delivery worker (`deliver_due`, run by every server) claims due deliveries with a
// conditional UPDATE, so several servers never send one at the same time; it sends at least
// once with a stable delivery id, retries with backoff and gives up after 24 hours.
//
// Who hears what is the caller's to say (recipients, broadcast, building); how is this
// module's: preferences per user and kind (in-app on and SMS off unless chosen), quiet hours
// 22:00–07:00 Shanghai for SMS and robots except urgent events, each recipient's language,
// texts masked as on public pages.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "http/client.hpp"
#include "storage/database.hpp"

namespace gz::notifications {

struct Event {
  std::int64_t community_id = 0;
  std::string kind;          // one of event_kinds() (rules.hpp), e.g. "request.resolved"
  std::string subject_type;  // "request", "plan", "activity", …
  std::string subject_id;
  boost::json::object data;  // the message's fields; string values are masked on the way in
  std::vector<std::int64_t> recipients;  // users told in their inbox (and by SMS if opted in)
  bool broadcast = false;  // the community's residents who opted in to SMS for the kind
  std::optional<std::string> building;  // building-scoped channels hear only their building
  bool urgent = false;                  // a red request: quiet hours do not hold it back
};

// Writes the event, inbox rows and deliveries in the caller's transaction; returns its id, or
// 0 when nobody is to hear of it (no recipient with a working login, no broadcast, no channel
// wanting the kind): then nothing is written.
std::int64_t record(storage::Connection& db, const Event& event, std::int64_t now_ms);

// --- the inbox (every role, own rows only)
struct InboxItem {
  std::int64_t id = 0;
  std::string kind;
  std::string object_type;
  std::string object_id;
  std::string title;
  std::string message;
  std::string created_at;
  std::optional<std::string> read_at;
};
struct Inbox {
  std::int64_t unread = 0;
  std::vector<InboxItem> items;  // newest first
};
Inbox inbox(storage::Connection& db, const Actor& actor, bool unread_only, std::int64_t limit);
// 404 for another user's row.
Result<void> mark_read(storage::Connection& db, const Actor& actor, std::int64_t id,
                       std::int64_t now_ms);
std::int64_t mark_all_read(storage::Connection& db, const Actor& actor, std::int64_t now_ms);
// The demo: a community's inbox rows older than `before_ms` read when they arrived.
void mark_read_before(storage::Connection& db, std::int64_t community_id, std::int64_t before_ms);

// --- preferences (own)
struct Preference {
  std::string kind;
  bool in_app = true;
  bool sms = false;
};
std::vector<Preference> preferences(storage::Connection& db, const Actor& actor);
// 400 unknown_kind.
Result<Preference> set_preference(storage::Connection& db, const Actor& actor,
                                  const Preference& preference);

// --- how to reach a user: mobile (verified at the desk), language
struct Contact {
  std::int64_t user_id = 0;
  std::int64_t community_id = 0;
  std::optional<std::string> mobile;
  bool verified = false;
  std::string language = "zh";
};
Contact contact(storage::Connection& db, const Actor& actor);
// Own contact; a changed mobile is unverified until staff (or a code) confirm it. 400
// invalid_mobile, invalid_language; 409 no_community for a user without one.
Result<Contact> set_contact(storage::Connection& db, const Actor& actor,
                            const std::optional<std::string>& mobile, const std::string& language,
                            std::int64_t now_ms);
// Staff and guides of the user's community confirm the mobile in person. 404 unknown user or
// contact; 409 no_mobile.
Result<Contact> verify_mobile(storage::Connection& db, const Actor& actor, std::int64_t user_id,
                              std::int64_t now_ms);
// The work without the checks, for the demo and the accounts module's verified codes.
void put_contact(storage::Connection& db, const Contact& contact, std::int64_t now_ms);

// --- channels (staff and admins of the community)
struct Channel {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::optional<std::string> building;
  std::string kind;  // wecom, dingtalk, webhook
  std::string name;
  std::string url;
  bool has_secret = false;
  std::vector<std::string> events;  // {"*"} for every kind
  bool enabled = true;
  std::string created_at;
};
struct ChannelInput {
  std::int64_t community_id = 0;
  std::optional<std::string> building;
  std::string kind;
  std::string name;
  std::string url;
  std::optional<std::string> secret;
  std::vector<std::string> events;
  bool enabled = true;
};
// 400 invalid_kind, invalid_url, unknown_kind, secret_required (webhooks sign every body);
// 403; 404 community.
Result<Channel> add_channel(storage::Connection& db, const Actor& actor, const ChannelInput& input,
                            std::int64_t now_ms);
// Changes name, url, secret (when given), events, enabled, building; the kind stays.
Result<Channel> update_channel(storage::Connection& db, const Actor& actor, std::int64_t id,
                               const ChannelInput& input);
Result<std::vector<Channel>> list_channels(storage::Connection& db, const Actor& actor,
                                           std::int64_t community_id);

struct DeliveryView {
  std::int64_t id = 0;
  std::int64_t event_id = 0;
  std::string event_kind;
  std::string channel;
  std::string status;  // pending, sent, dead
  std::int64_t attempts = 0;
  std::optional<std::string> last_error;
  std::string next_attempt_at;
  std::optional<std::string> sent_at;
  std::string created_at;
};
Result<std::vector<DeliveryView>> list_deliveries(storage::Connection& db, const Actor& actor,
                                                  std::int64_t channel_id, std::int64_t limit);
// Records a channel.test event delivered to that channel only; returns the delivery id.
Result<std::int64_t> send_test(storage::Connection& db, const Actor& actor, std::int64_t channel_id,
                               std::int64_t now_ms);

// A one-time code to a mobile not yet verified (registration, password reset): an SMS at once
// (no quiet hours, no preference), in the caller's transaction; the code is stored only in
// the delivery's event (unmasked: the SMS must carry it). Returns the delivery id.
std::int64_t send_code(storage::Connection& db, std::int64_t community_id,
                       const std::string& mobile, const std::string& code, int minutes,
                       std::int64_t now_ms);

// --- the delivery worker
struct SmsMessage {
  std::string to;
  std::string template_name;  // the event kind
  boost::json::object params;
  std::string text;
};
using PostFn = std::function<Result<http::OutboundResponse>(const http::OutboundRequest&)>;
using SmsFn = std::function<Result<void>(const SmsMessage&)>;
struct Senders {
  PostFn post;
  SmsFn sms;  // empty: no gateway configured (SMS deliveries fail and are retried)
  std::int64_t retry_base_ms = 30'000;
  // Channel URLs (typed by staff) may reach loopback and private addresses only when the
  // operator allows it (serve --notification-allow-private-hosts: tests, an intranet platform).
  bool allow_private_hosts = false;
};
// "file:PATH" appends one JSON line per message ({to, template, params, text, sent_at}); an
// http(s) URL receives that JSON (without sent_at) as a POST and must answer 2xx. Throws
// std::invalid_argument for anything else.
SmsFn sms_gateway(const std::string& spec, PostFn post);

struct DeliveryRun {
  int sent = 0;
  int failed = 0;
  int dead = 0;
};
DeliveryRun deliver_due(storage::Connection& db, const Senders& senders, std::int64_t now_ms,
                        int limit = 50);
// Prometheus lines: queue depth, age of the oldest due delivery, sent/failed per channel.
std::string metrics_text(storage::Connection& db, std::int64_t now_ms);

}  // namespace gz::notifications
