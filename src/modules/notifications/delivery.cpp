// The delivery worker: claim a due delivery with a conditional UPDATE (so servers never send
// one at the same time), send it outside any transaction, then record the outcome. A server
// killed between the send and the record sends it again after the claim lapses: at least once,
// with the same delivery id for the receiver to recognise.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <stdexcept>

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "modules/notifications/notifications.hpp"
#include "modules/notifications/rules.hpp"
#include "modules/notifications/store.hpp"

namespace gz::notifications {
namespace {

// An error with this code will not go away by retrying: the delivery is dead at once.
constexpr const char* kGiveUp = "give_up";
// A run stops claiming after this long, so a slow receiver does not hold the jobs thread.
constexpr auto kRunBudget = std::chrono::seconds(5);

// How long a claim holds: longer than a send may take (its timeout is 10 s). A server killed
// mid-send leaves the claim to lapse; another server (or it, restarted) then sends again.
constexpr std::int64_t kClaimMs = 15'000;

struct Counters {
  std::atomic<std::uint64_t> sent{0};
  std::atomic<std::uint64_t> failed{0};
};
constexpr std::array<std::string_view, 4> kChannels = {"wecom", "dingtalk", "webhook", "sms"};
std::array<Counters, 4> counters;

Counters& counters_of(std::string_view channel) {
  for (std::size_t i = 0; i < kChannels.size(); ++i) {
    if (kChannels[i] == channel) return counters[i];
  }
  return counters[2];
}

struct Due {
  std::int64_t id = 0;
  std::string channel;
  std::optional<std::int64_t> channel_id;
  std::optional<std::int64_t> user_id;
  std::optional<std::string> address;
  std::int64_t attempts = 0;
  std::int64_t created_ms = 0;
  std::int64_t community_id = 0;
  std::string kind;
  boost::json::object data;
  std::int64_t occurred_ms = 0;
};

// Sends one delivery; an error says why it failed.
Result<void> send(storage::Connection& db, const Senders& senders, const Due& due,
                  std::int64_t now_ms) {
  std::string language = store::language_of(db, due.user_id);
  std::string title = render_title(due.kind, language);
  std::string text = render_text(due.kind, due.data, language);
  if (due.channel == "sms") {
    if (!senders.sms) {
      return make_error(ErrorKind::unavailable, "no_sms_gateway", "no SMS gateway configured");
    }
    return senders.sms(SmsMessage{due.address.value_or(""), due.kind, due.data, text});
  }
  auto channel = db.query_one("SELECT url, secret, enabled FROM notification_channels WHERE id = ?",
                              {storage::opt_int(due.channel_id)});
  if (!channel) return make_error(ErrorKind::not_found, kGiveUp, "the channel is gone");
  if (channel->integer(2) == 0) {
    return make_error(ErrorKind::conflict, kGiveUp, "the channel was switched off");
  }
  std::string url = channel->text(0);
  auto secret = channel->opt_text(1);
  http::OutboundRequest request;
  // Staff type these URLs: no posting into the server's own network unless the operator says so.
  request.public_only = !senders.allow_private_hosts;
  if (due.channel == "wecom") {
    request.url = url;
    request.body = wecom_body(title, text);
  } else if (due.channel == "dingtalk") {
    request.url = dingtalk_signed_url(url, secret, now_ms);
    request.body = dingtalk_body(title, text);
  } else {
    request.url = url;
    request.body =
        webhook_body(due.id, due.kind, format_iso8601(due.occurred_ms), due.community_id, due.data);
    request.headers = {
        {"X-Gongzhi-Event", due.kind},
        {"X-Gongzhi-Delivery", std::to_string(due.id)},
        {"X-Gongzhi-Signature", webhook_signature(secret.value_or(""), request.body)}};
  }
  if (!senders.post) return make_error(ErrorKind::unavailable, "no_sender", "no HTTP client");
  GZ_ASSIGN_OR_RETURN(auto response, senders.post(request));
  // Only the status: a receiver's body is not shown to staff (the URL is theirs to choose).
  if (response.status < 200 || response.status > 299) {
    return make_error(ErrorKind::unavailable, "http_status",
                      "HTTP " + std::to_string(response.status));
  }
  // The robots answer 200 with an error code in the body when they refuse a message.
  if (due.channel != "webhook") {
    boost::system::error_code ignored;
    auto parsed = boost::json::parse(response.body, ignored);
    if (parsed.is_object()) {
      if (const auto* code = parsed.get_object().if_contains("errcode");
          code && code->is_int64() && code->get_int64() != 0) {
        const auto* message = parsed.get_object().if_contains("errmsg");
        return make_error(ErrorKind::unavailable, "robot_refused",
                          "the robot refused it: errcode " + std::to_string(code->get_int64()) +
                              (message && message->is_string()
                                   ? " " + std::string(message->get_string()).substr(0, 100)
                                   : std::string()));
      }
    }
  }
  return {};
}

}  // namespace

DeliveryRun deliver_due(storage::Connection& db, const Senders& senders, std::int64_t now_ms,
                        int limit) {
  DeliveryRun run;
  std::vector<std::int64_t> ids;
  for (const auto& row : db.query(
           "SELECT id FROM notification_deliveries WHERE status = 'pending' AND next_attempt_ms "
           "<= ? AND claimed_until_ms <= ? ORDER BY next_attempt_ms, id LIMIT ?",
           {now_ms, now_ms, std::int64_t{limit}})) {
    ids.push_back(row.integer(0));
  }
  const auto started = std::chrono::steady_clock::now();
  for (std::int64_t id : ids) {
    if (std::chrono::steady_clock::now() - started > kRunBudget) break;  // the rest next run
    // The claim: only one server moves claimed_until_ms from a lapsed value.
    if (db.execute("UPDATE notification_deliveries SET claimed_until_ms = ? WHERE id = ? AND "
                   "status = 'pending' AND claimed_until_ms <= ?",
                   {now_ms + kClaimMs, id, now_ms}) != 1) {
      continue;
    }
    auto row = db.query_one(
        "SELECT d.id, d.channel, d.channel_id, d.user_id, d.address, d.attempts, d.created_ms, "
        "e.community_id, e.kind, e.data, e.occurred_ms FROM notification_deliveries d JOIN "
        "notification_events e ON e.id = d.event_id WHERE d.id = ?",
        {id});
    if (!row) continue;
    Due due;
    due.id = row->integer(0);
    due.channel = row->text(1);
    due.channel_id = row->opt_integer(2);
    due.user_id = row->opt_integer(3);
    due.address = row->opt_text(4);
    due.attempts = row->integer(5);
    due.created_ms = row->integer(6);
    due.community_id = row->integer(7);
    due.kind = row->text(8);
    boost::system::error_code ignored;
    auto data = boost::json::parse(row->text(9), ignored);
    if (data.is_object()) due.data = data.get_object();
    due.occurred_ms = row->integer(10);

    Result<void> outcome = Result<void>{};
    try {
      outcome = send(db, senders, due, now_ms);
    } catch (const std::exception& error) {
      outcome = make_error(ErrorKind::unavailable, "send_failed", error.what());
    }
    std::int64_t attempts = due.attempts + 1;
    auto& count = counters_of(due.channel);
    if (outcome) {
      db.execute(
          "UPDATE notification_deliveries SET status = 'sent', attempts = ?, sent_ms = ?, "
          "claimed_until_ms = 0, last_error = NULL WHERE id = ?",
          {attempts, now_ms, id});
      count.sent.fetch_add(1, std::memory_order_relaxed);
      ++run.sent;
      continue;
    }
    count.failed.fetch_add(1, std::memory_order_relaxed);
    std::string last_error = outcome.error().message.substr(0, 500);
    std::int64_t next = now_ms + retry_delay_ms(static_cast<int>(attempts), senders.retry_base_ms);
    if (next - due.created_ms > kGiveUpAfterMs || outcome.error().code == kGiveUp) {
      db.execute(
          "UPDATE notification_deliveries SET status = 'dead', attempts = ?, last_error = ?, "
          "claimed_until_ms = 0 WHERE id = ?",
          {attempts, last_error, id});
      ++run.dead;
    } else {
      db.execute(
          "UPDATE notification_deliveries SET attempts = ?, last_error = ?, next_attempt_ms = ?, "
          "claimed_until_ms = 0 WHERE id = ?",
          {attempts, last_error, next, id});
      ++run.failed;
    }
  }
  return run;
}

SmsFn sms_gateway(const std::string& spec, PostFn post) {
  if (spec.starts_with("file:")) {
    std::string path = spec.substr(5);
    if (path.empty()) throw std::invalid_argument("--sms-gateway file: needs a path");
    auto lock = std::make_shared<std::mutex>();
    return [path, lock](const SmsMessage& message) -> Result<void> {
      boost::json::object line{{"to", message.to},
                               {"template", message.template_name},
                               {"params", message.params},
                               {"text", message.text},
                               {"sent_at", now_iso8601()}};
      std::lock_guard guard(*lock);
      std::ofstream out(path, std::ios::app | std::ios::binary);
      out << boost::json::serialize(line) << '\n';
      out.flush();
      if (!out) {
        return make_error(ErrorKind::unavailable, "sms_sink_failed", "cannot append to " + path);
      }
      return {};
    };
  }
  if (spec.starts_with("http://") || spec.starts_with("https://")) {
    return [spec, post](const SmsMessage& message) -> Result<void> {
      http::OutboundRequest request;
      request.url = spec;
      request.body = boost::json::serialize(boost::json::object{{"to", message.to},
                                                                {"template", message.template_name},
                                                                {"params", message.params},
                                                                {"text", message.text}});
      GZ_ASSIGN_OR_RETURN(auto response, post(request));
      if (response.status < 200 || response.status > 299) {
        return make_error(ErrorKind::unavailable, "http_status",
                          "SMS gateway answered HTTP " + std::to_string(response.status));
      }
      return {};
    };
  }
  throw std::invalid_argument("--sms-gateway must be file:PATH or an http(s) URL");
}

std::string metrics_text(storage::Connection& db, std::int64_t now_ms) {
  std::int64_t depth =
      db.query_int("SELECT COUNT(*) FROM notification_deliveries WHERE status = 'pending'");
  std::int64_t oldest = db.query_int(
      "SELECT COALESCE(MIN(next_attempt_ms), 0) FROM notification_deliveries WHERE status = "
      "'pending' AND next_attempt_ms <= ?",
      {now_ms});
  std::string out =
      "# HELP gongzhi_notification_queue_depth Deliveries waiting to be sent (due or not).\n"
      "# TYPE gongzhi_notification_queue_depth gauge\n"
      "gongzhi_notification_queue_depth " +
      std::to_string(depth) +
      "\n# HELP gongzhi_notification_oldest_due_seconds How long the oldest due delivery has "
      "waited.\n# TYPE gongzhi_notification_oldest_due_seconds gauge\n"
      "gongzhi_notification_oldest_due_seconds " +
      std::to_string(oldest == 0 ? 0 : (now_ms - oldest) / 1000) +
      "\n# HELP gongzhi_notifications_total Sends by this server per channel and outcome.\n"
      "# TYPE gongzhi_notifications_total counter\n";
  for (std::size_t i = 0; i < kChannels.size(); ++i) {
    std::string channel(kChannels[i]);
    out += "gongzhi_notifications_total{channel=\"" + channel + "\",outcome=\"sent\"} " +
           std::to_string(counters[i].sent.load()) + "\n";
    out += "gongzhi_notifications_total{channel=\"" + channel + "\",outcome=\"failed\"} " +
           std::to_string(counters[i].failed.load()) + "\n";
  }
  return out;
}

}  // namespace gz::notifications
