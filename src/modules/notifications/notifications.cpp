// Recording events (the outbox), the inbox, preferences, contacts and channels.
#include "modules/notifications/notifications.hpp"

#include <algorithm>
#include <set>

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "modules/audit/audit.hpp"
#include "modules/notifications/permissions.hpp"
#include "modules/notifications/rules.hpp"
#include "modules/notifications/store.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::notifications {
namespace {

// String values masked as on public pages (mobiles, ID numbers, long numbers).
boost::json::object masked(const boost::json::object& data) {
  boost::json::object out;
  for (const auto& [key, value] : data) {
    out[key] = value.is_string() ? boost::json::value(pii::mask_text(value.get_string())) : value;
  }
  return out;
}

Preference preference_of(storage::Connection& db, std::int64_t user_id, const std::string& kind) {
  auto row = db.query_one(
      "SELECT in_app, sms FROM notification_preferences WHERE user_id = ? AND kind = ?",
      {user_id, kind});
  Preference out{kind};
  if (row) {
    out.in_app = row->integer(0) != 0;
    out.sms = row->integer(1) != 0;
  }
  return out;
}

Channel channel_from(const storage::Row& row) {
  Channel out;
  out.id = row.integer(0);
  out.community_id = row.integer(1);
  out.building = row.opt_text(2);
  out.kind = row.text(3);
  out.name = row.text(4);
  out.url = row.text(5);
  out.has_secret = row.opt_text(6).has_value();
  out.events = store::split_list(row.text(7));
  out.enabled = row.integer(8) != 0;
  out.created_at = row.text(9);
  return out;
}

constexpr const char* kChannelColumns =
    "SELECT id, community_id, building, kind, name, url, secret, events, enabled, created_at "
    "FROM notification_channels ";

std::optional<Channel> find_channel(storage::Connection& db, std::int64_t id) {
  auto row = db.query_one(std::string(kChannelColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return channel_from(*row);
}

Result<std::string> events_text(const std::vector<std::string>& events) {
  if (events.empty()) return bad_request("invalid_field", "events lists at least one kind or *");
  std::string out;
  for (const auto& kind : events) {
    if (kind == "*") {
      if (events.size() != 1) return bad_request("invalid_field", "* stands alone in events");
    } else if (!is_event_kind(kind)) {
      return bad_request("unknown_kind", "no event kind " + kind.substr(0, 60));
    }
    if (!out.empty()) out += ',';
    out += kind;
  }
  return out;
}

Result<void> check_channel_input(const ChannelInput& input) {
  if (input.kind != "wecom" && input.kind != "dingtalk" && input.kind != "webhook") {
    return bad_request("invalid_kind", "kind must be wecom, dingtalk or webhook");
  }
  if (!(input.url.starts_with("https://") || input.url.starts_with("http://")) ||
      input.url.size() > 500) {
    return bad_request("invalid_url", "url must be an http(s) URL of at most 500 characters");
  }
  if (input.name.empty()) return bad_request("invalid_field", "name is required");
  return {};
}

}  // namespace

std::int64_t record(storage::Connection& db, const Event& event, std::int64_t now_ms) {
  // Who is to hear of it: recipients with a working login (a record imported with a stale id
  // is skipped), and the enabled channels that want the kind (and the building, if scoped).
  std::vector<std::int64_t> recipients;
  std::set<std::int64_t> seen;
  for (std::int64_t user_id : event.recipients) {
    if (!seen.insert(user_id).second) continue;
    if (db.query_one("SELECT id FROM users WHERE id = ? AND disabled = 0", {user_id})) {
      recipients.push_back(user_id);
    }
  }
  struct Wanting {
    std::int64_t id;
    std::string kind;
  };
  std::vector<Wanting> channels;
  for (const auto& row : db.query(
           "SELECT id, kind, events, building FROM notification_channels WHERE community_id = ? "
           "AND enabled = 1 ORDER BY id",
           {event.community_id})) {
    auto wanted = store::split_list(row.text(2));
    if (wanted != std::vector<std::string>{"*"} &&
        std::find(wanted.begin(), wanted.end(), event.kind) == wanted.end()) {
      continue;
    }
    auto building = row.opt_text(3);
    if (building && (!event.building || *event.building != *building)) continue;
    channels.push_back({row.integer(0), row.text(1)});
  }
  // Nobody to tell: nothing is written (an award to a household without a login, say).
  if (recipients.empty() && channels.empty() && !event.broadcast) return 0;

  boost::json::object data = masked(event.data);
  const std::int64_t quiet_due = event.urgent ? now_ms : after_quiet_hours(now_ms);
  std::int64_t event_id =
      store::insert_event(db,
                          {event.community_id, event.kind, event.subject_type, event.subject_id,
                           event.building, event.urgent, data},
                          now_ms);
  const std::string prefix = "e" + std::to_string(event_id);
  auto sms_to = [&](std::int64_t user_id, const std::string& mobile) {
    store::add_delivery(db,
                        {prefix + ":sms:u" + std::to_string(user_id), event_id, event.community_id,
                         "sms", std::nullopt, user_id, mobile, quiet_due},
                        now_ms);
  };
  std::string created_at = format_iso8601(now_ms);

  for (std::int64_t user_id : recipients) {
    auto preference = preference_of(db, user_id, event.kind);
    std::string language = store::language_of(db, user_id);
    if (preference.in_app) {
      db.execute(
          "INSERT INTO notifications (community_id, user_id, kind, object_type, object_id, "
          "message, created_at, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (event_id, user_id) DO NOTHING",
          {event.community_id, user_id, event.kind, event.subject_type, event.subject_id,
           render_text(event.kind, data, language), created_at, event_id});
    }
    if (preference.sms) {
      auto contact = db.query_one(
          "SELECT mobile FROM notification_contacts WHERE user_id = ? AND mobile IS NOT NULL "
          "AND mobile_verified_at IS NOT NULL",
          {user_id});
      if (contact) sms_to(user_id, contact->text(0));
    }
  }
  if (event.broadcast) {
    for (const auto& row : db.query(
             "SELECT c.user_id, c.mobile FROM notification_contacts c JOIN "
             "notification_preferences p ON p.user_id = c.user_id AND p.kind = ? AND p.sms = 1 "
             "WHERE c.community_id = ? AND c.mobile IS NOT NULL AND c.mobile_verified_at IS NOT "
             "NULL ORDER BY c.user_id",
             {event.kind, event.community_id})) {
      std::int64_t user_id = row.integer(0);
      if (!seen.count(user_id)) sms_to(user_id, row.text(1));
    }
  }
  for (const auto& channel : channels) {
    // Robots post into people's group chats: they keep quiet hours. Webhooks are machines.
    std::int64_t due = channel.kind == "webhook" ? now_ms : quiet_due;
    store::add_delivery(db,
                        {prefix + ":c" + std::to_string(channel.id), event_id, event.community_id,
                         channel.kind, channel.id, std::nullopt, std::nullopt, due},
                        now_ms);
  }
  return event_id;
}

Inbox inbox(storage::Connection& db, const Actor& actor, bool unread_only, std::int64_t limit) {
  Inbox out;
  out.unread = db.query_int(
      "SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL", {actor.user_id});
  std::string language = store::language_of(db, actor.user_id);
  for (const auto& row :
       db.query(std::string("SELECT id, kind, object_type, object_id, message, created_at, "
                            "read_at FROM notifications WHERE user_id = ?") +
                    (unread_only ? " AND read_at IS NULL" : "") + " ORDER BY id DESC LIMIT ?",
                {actor.user_id, limit})) {
    InboxItem item;
    item.id = row.integer(0);
    item.kind = row.text(1);
    item.object_type = row.text(2);
    item.object_id = row.text(3);
    item.title =
        render_title(item.kind == "escalation" ? "request.escalated" : item.kind, language);
    item.message = row.text(4);
    item.created_at = row.text(5);
    item.read_at = row.opt_text(6);
    out.items.push_back(std::move(item));
  }
  return out;
}

Result<void> mark_read(storage::Connection& db, const Actor& actor, std::int64_t id,
                       std::int64_t now_ms) {
  // Only the addressee's own notifications; anything else is unknown to them.
  std::int64_t changed = db.execute(
      "UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?",
      {format_iso8601(now_ms), id, actor.user_id});
  if (changed != 1) return not_found("no notification " + std::to_string(id));
  return {};
}

std::int64_t mark_all_read(storage::Connection& db, const Actor& actor, std::int64_t now_ms) {
  return db.execute("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
                    {format_iso8601(now_ms), actor.user_id});
}

void mark_read_before(storage::Connection& db, std::int64_t community_id, std::int64_t before_ms) {
  db.execute(
      "UPDATE notifications SET read_at = created_at WHERE community_id = ? AND read_at IS NULL "
      "AND created_at < ?",
      {community_id, format_iso8601(before_ms)});
}

std::vector<Preference> preferences(storage::Connection& db, const Actor& actor) {
  std::vector<Preference> out;
  for (auto kind : event_kinds()) {
    if (is_system_kind(kind)) continue;
    out.push_back(preference_of(db, actor.user_id, std::string(kind)));
  }
  return out;
}

Result<Preference> set_preference(storage::Connection& db, const Actor& actor,
                                  const Preference& preference) {
  if (!is_event_kind(preference.kind) || is_system_kind(preference.kind)) {
    return bad_request("unknown_kind", "no event kind " + preference.kind.substr(0, 60));
  }
  db.execute(
      "INSERT INTO notification_preferences (user_id, kind, in_app, sms) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (user_id, kind) DO UPDATE SET in_app = excluded.in_app, sms = excluded.sms",
      {actor.user_id, preference.kind, std::int64_t{preference.in_app ? 1 : 0},
       std::int64_t{preference.sms ? 1 : 0}});
  return preference;
}

Contact contact(storage::Connection& db, const Actor& actor) {
  Contact out;
  out.user_id = actor.user_id;
  out.community_id = actor.community_ids.empty() ? 0 : actor.community_ids.front();
  if (auto row = db.query_one(
          "SELECT community_id, mobile, mobile_verified_at, language FROM notification_contacts "
          "WHERE user_id = ?",
          {actor.user_id})) {
    out.community_id = row->integer(0);
    out.mobile = row->opt_text(1);
    out.verified = row->opt_text(2).has_value();
    out.language = row->text(3);
  }
  return out;
}

void put_contact(storage::Connection& db, const Contact& contact, std::int64_t now_ms) {
  std::string now_text = format_iso8601(now_ms);
  db.execute(
      "INSERT INTO notification_contacts (user_id, community_id, mobile, mobile_verified_at, "
      "language, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
      "community_id = excluded.community_id, mobile = excluded.mobile, mobile_verified_at = "
      "excluded.mobile_verified_at, language = excluded.language, updated_at = "
      "excluded.updated_at",
      {contact.user_id, contact.community_id, storage::opt_text(contact.mobile),
       contact.verified && contact.mobile ? storage::Value(now_text) : storage::Value(),
       contact.language, now_text});
}

Result<Contact> set_contact(storage::Connection& db, const Actor& actor,
                            const std::optional<std::string>& mobile, const std::string& language,
                            std::int64_t now_ms) {
  if (mobile && !pii::is_valid_mobile(*mobile)) {
    return bad_request("invalid_mobile", "mobile must be an 11-digit mainland mobile number");
  }
  if (language != "zh" && language != "en") {
    return bad_request("invalid_language", "language must be zh or en");
  }
  if (actor.community_ids.empty()) {
    return conflict("no_community", "an account without a community has no contact to keep");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Contact> {
    Contact current = contact(db, actor);
    Contact next = current;
    bool same_mobile = current.mobile == mobile;
    next.mobile = mobile;
    next.verified = same_mobile && current.verified;
    next.language = language;
    if (next.community_id == 0) next.community_id = actor.community_ids.front();
    std::string now_text = format_iso8601(now_ms);
    db.execute(
        "INSERT INTO notification_contacts (user_id, community_id, mobile, mobile_verified_at, "
        "language, updated_at) VALUES (?, ?, ?, NULL, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
        "mobile = excluded.mobile, language = excluded.language, updated_at = excluded.updated_at, "
        "mobile_verified_at = CASE WHEN notification_contacts.mobile = excluded.mobile THEN "
        "notification_contacts.mobile_verified_at ELSE NULL END",
        {actor.user_id, next.community_id, storage::opt_text(mobile), language, now_text});
    return next;
  });
}

Result<Contact> verify_mobile(storage::Connection& db, const Actor& actor, std::int64_t user_id,
                              std::int64_t now_ms) {
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Contact> {
    auto row = db.query_one(
        "SELECT community_id, mobile, language FROM notification_contacts WHERE user_id = ?",
        {user_id});
    if (!row || !permissions::may_verify_mobile(actor, row->integer(0))) {
      return not_found("no contact for user " + std::to_string(user_id));
    }
    if (!row->opt_text(1)) return conflict("no_mobile", "the user has not given a mobile");
    db.execute(
        "UPDATE notification_contacts SET mobile_verified_at = ?, updated_at = ? WHERE user_id = ?",
        {format_iso8601(now_ms), format_iso8601(now_ms), user_id});
    audit::append(db, actor,
                  {row->integer(0), "notifications.mobile_verified", "user",
                   std::to_string(user_id), boost::json::object{}});
    return Contact{user_id, row->integer(0), row->opt_text(1), true, row->text(2)};
  });
}

Result<Channel> add_channel(storage::Connection& db, const Actor& actor, const ChannelInput& input,
                            std::int64_t now_ms) {
  if (!permissions::may_manage_channels(actor, input.community_id)) {
    return forbidden("only the community's staff configure its notification channels");
  }
  GZ_TRY(check_channel_input(input));
  if (input.kind == "webhook" && (!input.secret || input.secret->size() < 16)) {
    return bad_request("secret_required",
                       "a webhook signs every body: give a secret of at least 16 characters");
  }
  GZ_ASSIGN_OR_RETURN(std::string events, events_text(input.events));
  if (!registry::community_exists(db, input.community_id)) {
    return not_found("no community " + std::to_string(input.community_id));
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Channel> {
    std::int64_t id =
        db.query_one(
              "INSERT INTO notification_channels (community_id, building, kind, name, url, "
              "secret, events, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
              "RETURNING id",
              {input.community_id, storage::opt_text(input.building), input.kind, input.name,
               input.url, storage::opt_text(input.secret), events,
               std::int64_t{input.enabled ? 1 : 0}, format_iso8601(now_ms)})
            ->integer(0);
    audit::append(
        db, actor,
        {input.community_id, "notifications.channel_added", "notification_channel",
         std::to_string(id),
         boost::json::object{{"kind", input.kind}, {"name", input.name}, {"events", events}}});
    return *find_channel(db, id);
  });
}

Result<Channel> update_channel(storage::Connection& db, const Actor& actor, std::int64_t id,
                               const ChannelInput& input) {
  auto current = find_channel(db, id);
  if (!current || !permissions::may_manage_channels(actor, current->community_id)) {
    return not_found("no notification channel " + std::to_string(id));
  }
  ChannelInput checked = input;
  checked.kind = current->kind;
  GZ_TRY(check_channel_input(checked));
  GZ_ASSIGN_OR_RETURN(std::string events, events_text(input.events));
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Channel> {
    db.execute(
        "UPDATE notification_channels SET building = ?, name = ?, url = ?, events = ?, enabled = "
        "?, secret = COALESCE(?, secret) WHERE id = ?",
        {storage::opt_text(input.building), input.name, input.url, events,
         std::int64_t{input.enabled ? 1 : 0}, storage::opt_text(input.secret), id});
    audit::append(
        db, actor,
        {current->community_id, "notifications.channel_changed", "notification_channel",
         std::to_string(id), boost::json::object{{"events", events}, {"enabled", input.enabled}}});
    return *find_channel(db, id);
  });
}

Result<std::vector<Channel>> list_channels(storage::Connection& db, const Actor& actor,
                                           std::int64_t community_id) {
  if (!permissions::may_manage_channels(actor, community_id)) {
    return forbidden("only the community's staff see its notification channels");
  }
  std::vector<Channel> out;
  for (const auto& row : db.query(
           std::string(kChannelColumns) + "WHERE community_id = ? ORDER BY id", {community_id})) {
    out.push_back(channel_from(row));
  }
  return out;
}

Result<std::vector<DeliveryView>> list_deliveries(storage::Connection& db, const Actor& actor,
                                                  std::int64_t channel_id, std::int64_t limit) {
  auto channel = find_channel(db, channel_id);
  if (!channel || !permissions::may_manage_channels(actor, channel->community_id)) {
    return not_found("no notification channel " + std::to_string(channel_id));
  }
  std::vector<DeliveryView> out;
  for (const auto& row : db.query(
           "SELECT d.id, d.event_id, e.kind, d.channel, d.status, d.attempts, d.last_error, "
           "d.next_attempt_ms, d.sent_ms, d.created_ms FROM notification_deliveries d JOIN "
           "notification_events e ON e.id = d.event_id WHERE d.channel_id = ? ORDER BY d.id DESC "
           "LIMIT ?",
           {channel_id, limit})) {
    DeliveryView view;
    view.id = row.integer(0);
    view.event_id = row.integer(1);
    view.event_kind = row.text(2);
    view.channel = row.text(3);
    view.status = row.text(4);
    view.attempts = row.integer(5);
    view.last_error = row.opt_text(6);
    view.next_attempt_at = format_iso8601(row.integer(7));
    if (auto sent = row.opt_integer(8)) view.sent_at = format_iso8601(*sent);
    view.created_at = format_iso8601(row.integer(9));
    out.push_back(std::move(view));
  }
  return out;
}

std::int64_t send_code(storage::Connection& db, std::int64_t community_id,
                       const std::string& mobile, const std::string& code, int minutes,
                       std::int64_t now_ms) {
  std::int64_t event_id = store::insert_event(
      db,
      {community_id, "account.code", "mobile", pii::mask_mobile(mobile), std::nullopt, true,
       boost::json::object{{"code", code}, {"minutes", minutes}}},
      now_ms);
  store::add_delivery(db,
                      {"e" + std::to_string(event_id) + ":sms", event_id, community_id, "sms",
                       std::nullopt, std::nullopt, mobile, now_ms},
                      now_ms);
  return db.query_int("SELECT id FROM notification_deliveries WHERE event_id = ?", {event_id});
}

Result<std::int64_t> send_test(storage::Connection& db, const Actor& actor, std::int64_t channel_id,
                               std::int64_t now_ms) {
  auto channel = find_channel(db, channel_id);
  if (!channel || !permissions::may_manage_channels(actor, channel->community_id)) {
    return not_found("no notification channel " + std::to_string(channel_id));
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<std::int64_t> {
    std::int64_t event_id = store::insert_event(
        db,
        {channel->community_id, "channel.test", "notification_channel", std::to_string(channel_id),
         std::nullopt, true, boost::json::object{{"channel", channel->name}}},
        now_ms);
    store::add_delivery(
        db,
        {"e" + std::to_string(event_id) + ":c" + std::to_string(channel_id), event_id,
         channel->community_id, channel->kind, channel_id, std::nullopt, std::nullopt, now_ms},
        now_ms);
    return db.query_int("SELECT id FROM notification_deliveries WHERE event_id = ?", {event_id});
  });
}

}  // namespace gz::notifications
