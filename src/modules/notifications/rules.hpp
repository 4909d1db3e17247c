// The notifications module's pure rules: which kinds exist and who may turn them off, quiet
// hours in Shanghai, the retry schedule, the texts in Chinese and English, and the exact bodies
// and signatures each channel expects (WeCom and DingTalk group robots, signed webhooks, SMS).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

namespace gz::notifications {

// Every event kind a module records, in the order the preferences page lists them.
const std::vector<std::string_view>& event_kinds();
bool is_event_kind(std::string_view kind);
// Kinds a user may not turn off or choose (a code they asked for, a channel's test message).
bool is_system_kind(std::string_view kind);

// Quiet hours are 22:00–07:00 in Asia/Shanghai: a message due then waits until 07:00 (the
// same instant when it is not quiet).
std::int64_t after_quiet_hours(std::int64_t epoch_ms);

// Retries: 1×, 2×, 4×, … the base delay after each failed attempt (attempts ≥ 1), at most an
// hour apart; a delivery still failing 24 hours after it was recorded is dead.
inline constexpr std::int64_t kGiveUpAfterMs = 24LL * 3600 * 1000;
std::int64_t retry_delay_ms(int attempts, std::int64_t base_ms);

// The message of an event in "zh" or "en", its {placeholders} filled from `data`.
std::string render_text(std::string_view kind, const boost::json::object& data,
                        std::string_view language);
// A short heading: "诉求办结" / "Request resolved".
std::string render_title(std::string_view kind, std::string_view language);

// WeCom (企业微信) group robot: {"msgtype":"markdown","markdown":{"content":"…"}}.
std::string wecom_body(std::string_view title, std::string_view text);
// DingTalk (钉钉) custom robot: {"msgtype":"markdown","markdown":{"title":…,"text":…}}.
std::string dingtalk_body(std::string_view title, std::string_view text);
// The signed DingTalk URL: `timestamp` (ms) and `sign`, the URL-encoded Base64 of
// HMAC-SHA256 over timestamp + "\n" + secret keyed by the secret. Unchanged without a secret.
std::string dingtalk_signed_url(const std::string& url, const std::optional<std::string>& secret,
                                std::int64_t timestamp_ms);
// The integrator's webhook body: {"id", "event", "occurred_at", "community_id", "data"}.
std::string webhook_body(std::int64_t delivery_id, std::string_view kind,
                         std::string_view occurred_at, std::int64_t community_id,
                         const boost::json::object& data);
// "sha256=<hex HMAC-SHA256 of the body under the secret>".
std::string webhook_signature(std::string_view secret, std::string_view body);

// Percent-encoding of everything but unreserved characters (RFC 3986).
std::string url_encode(std::string_view text);

}  // namespace gz::notifications
