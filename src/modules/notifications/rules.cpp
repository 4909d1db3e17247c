#include "modules/notifications/rules.hpp"

#include <algorithm>
#include <array>

#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "core/crypto.hpp"

namespace gz::notifications {
namespace {

struct Template {
  std::string_view kind;
  std::string_view title_zh, title_en;
  std::string_view text_zh, text_en;
};

constexpr std::array<Template, 28> kTemplates = {{
    {"request.accepted", "诉求已受理", "Request accepted",
     "您的诉求 {code}（{category}）已受理，我们会尽快处理。",
     "Your request {code} ({category}) has been accepted."},
    {"request.assigned", "诉求已派单", "Request assigned",
     "诉求 {code}（{category}）已派单处理：{note}。",
     "Request {code} ({category}) has been assigned: {note}."},
    {"request.resolved", "诉求已办结", "Request resolved",
     "您的诉求 {code}（{category}）已办结：{note}。欢迎在“我的诉求”里评价。",
     "Your request {code} ({category}) is resolved: {note}. Please rate it under My requests."},
    {"request.updated", "诉求进展", "Request update",
     "您的诉求 {code}（{category}）：{status_zh}。{note}",
     "Your request {code} ({category}) is now {status_en}. {note}"},
    {"request.overdue", "诉求超时", "Request overdue",
     "诉求 {code}（{category}）已超过{deadline}时限。",
     "Request {code} ({category}) is past its {deadline_en} deadline."},
    {"request.escalated", "诉求督办", "Request escalated", "诉求 {code} {note}",
     "Request {code} has been escalated: {note}"},
    {"request.referred", "转办诉求", "Request referred",
     "诉求 {code}（{category}）已转至{receiver}办理，请签收：{note}",
     "Request {code} ({category}) was referred to you ({receiver}): {note}"},
    {"request.referral_returned", "诉求退回", "Referral returned",
     "街道退回诉求 {code}（{category}）：{note}",
     "The street returned request {code} ({category}): {note}"},
    {"plan.notice_started", "公示开始", "Public notice started",
     "《{title}》开始公示，至 {ends} 结束。如有异议，请在公示期内提出。",
     "\"{title}\" is on public notice until {ends}. Objections are open until then."},
    {"objection.answered", "异议已答复", "Objection answered",
     "您对《{title}》提出的异议已有答复：{answer}",
     "Your objection to \"{title}\" has been answered: {answer}"},
    {"activity.published", "新活动", "New activity",
     "新活动：{title}，{starts} 开始，欢迎报名参加。", "New activity: {title}, starting {starts}."},
    {"activity.reminder", "活动提醒", "Activity reminder", "明天的活动：{title}，{starts} 开始。",
     "Tomorrow: {title}, starting {starts}."},
    {"activity.hosting_decided", "主理活动审核结果", "Your activity proposal",
     "您申请主理的活动《{title}》{decision_zh}。{note}",
     "Your proposed activity \"{title}\" was {decision_en}. {note}"},
    {"announcement.published", "社区公告", "Community notice", "【{kind_zh}】{title}",
     "[{kind_en}] {title}"},
    {"booking.requested", "场地预约待审核", "Room booking to approve",
     "{booker} 预约了{room}（{when}），请审核。", "{booker} asked to book {room} ({when})."},
    {"booking.decided", "场地预约结果", "Room booking",
     "您预约的{room}（{when}）{decision_zh}。{note}",
     "Your booking of {room} ({when}) was {decision_en}. {note}"},
    {"timebank.answered", "时间银行有人响应", "Time bank: someone answered",
     "有邻居响应了您发布的《{title}》，请在“时间银行”里查看并确认。",
     "A neighbour answered your post \"{title}\"; see it under Time bank."},
    {"timebank.match_answered", "时间银行响应结果", "Time bank: your answer",
     "您对《{title}》的响应{decision_zh}。", "Your answer to \"{title}\" was {decision_en}."},
    {"comment.replied", "评论有回复", "Reply to your comment",
     "您在《{title}》下的评论有了新回复。", "Your comment on \"{title}\" has a reply."},
    {"comment.hidden", "评论已隐藏", "Comment hidden", "您的一条评论已被社区隐藏：{reason}",
     "One of your comments was hidden by the community: {reason}"},
    {"survey.opened", "问卷开放", "Survey open", "问卷《{title}》已开放，欢迎填写。",
     "The survey \"{title}\" is open; please take part."},
    {"points.awarded", "积分到账", "Points awarded", "{resident} 获得 {points} 积分：{reason}。",
     "{resident} earned {points} points: {reason}."},
    {"points.redeemed", "积分兑换", "Points redeemed",
     "{resident} 已兑换 {item}，使用 {points} 积分。",
     "{resident} redeemed {item} for {points} points."},
    {"timebank.confirmation_requested", "时间银行待确认", "Time bank: please confirm",
     "{provider} 记录了为{resident}提供的 {minutes} 分钟服务（{service}），请在“时间银行”里确认。",
     "{provider} recorded {minutes} minutes of {service_en} for {resident}; please confirm it "
     "under Time bank."},
    {"warning.raised", "社区预警", "Community warning", "预警：{title}。建议：{suggestion}。",
     "Warning: {title_en}. Suggested: {suggestion_en}."},
    {"account.registered", "账号待审核", "Account registered", "{name} 申请注册账号，请核实。",
     "{name} has asked for an account; please check it."},
    {"account.code", "验证码", "Verification code",
     "您的共治验证码是 {code}，{minutes}分钟内有效，请勿告诉他人。",
     "Your Gongzhi code is {code}, valid for {minutes} minutes. Do not share it."},
    {"channel.test", "测试消息", "Test message", "测试消息：通知渠道“{channel}”工作正常。",
     "Test message: the channel \"{channel}\" works."},
}};

const Template* find_template(std::string_view kind) {
  for (const auto& entry : kTemplates) {
    if (entry.kind == kind) return &entry;
  }
  return nullptr;
}

std::string value_text(const boost::json::value& value) {
  if (value.is_string()) return std::string(value.get_string());
  if (value.is_int64()) return std::to_string(value.get_int64());
  if (value.is_uint64()) return std::to_string(value.get_uint64());
  if (value.is_bool()) return value.get_bool() ? "true" : "false";
  if (value.is_null()) return "";
  return boost::json::serialize(value);
}

}  // namespace

const std::vector<std::string_view>& event_kinds() {
  static const std::vector<std::string_view> kinds = [] {
    std::vector<std::string_view> out;
    for (const auto& entry : kTemplates) out.push_back(entry.kind);
    return out;
  }();
  return kinds;
}

bool is_event_kind(std::string_view kind) {
  return find_template(kind) != nullptr;
}

bool is_system_kind(std::string_view kind) {
  return kind == "account.code" || kind == "channel.test";
}

std::int64_t after_quiet_hours(std::int64_t epoch_ms) {
  constexpr std::int64_t kQuietFrom = 22 * kHourMs, kQuietUntil = 7 * kHourMs;
  std::int64_t day = shanghai_day(epoch_ms);
  std::int64_t of_day = shanghai_ms_of_day(epoch_ms);
  if (of_day >= kQuietFrom) return shanghai_midnight_ms(day + 1) + kQuietUntil;
  if (of_day < kQuietUntil) return shanghai_midnight_ms(day) + kQuietUntil;
  return epoch_ms;
}

std::int64_t retry_delay_ms(int attempts, std::int64_t base_ms) {
  std::int64_t delay = base_ms;
  for (int i = 1; i < attempts && delay < kHourMs; ++i) delay *= 2;
  return std::min(delay, kHourMs);
}

std::string render_text(std::string_view kind, const boost::json::object& data,
                        std::string_view language) {
  const Template* entry = find_template(kind);
  if (!entry) return std::string(kind);
  std::string_view pattern = language == "en" ? entry->text_en : entry->text_zh;
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '{') {
      auto close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        std::string key(pattern.substr(i + 1, close - i - 1));
        if (const auto* value = data.if_contains(key)) out += value_text(*value);
        i = close + 1;
        continue;
      }
    }
    out += pattern[i++];
  }
  // A note that ends its own sentence meets the template's full stop: keep one.
  // An empty note leaves no dangling colon.
  const std::pair<std::string_view, std::string_view> kTidy[] = {
      {"。。", "。"}, {"..", "."}, {"：。", "。"}, {": .", "."}};
  for (const auto& [from, to] : kTidy) {
    for (auto at = out.find(from); at != std::string::npos; at = out.find(from, at)) {
      out.replace(at, from.size(), to);
    }
  }
  return out;
}

std::string render_title(std::string_view kind, std::string_view language) {
  const Template* entry = find_template(kind);
  if (!entry) return std::string(kind);
  return std::string(language == "en" ? entry->title_en : entry->title_zh);
}

std::string wecom_body(std::string_view title, std::string_view text) {
  boost::json::object markdown{{"content", "**" + std::string(title) + "**\n" + std::string(text)}};
  return boost::json::serialize(
      boost::json::object{{"msgtype", "markdown"}, {"markdown", markdown}});
}

std::string dingtalk_body(std::string_view title, std::string_view text) {
  boost::json::object markdown{{"title", title},
                               {"text", "#### " + std::string(title) + "\n" + std::string(text)}};
  return boost::json::serialize(
      boost::json::object{{"msgtype", "markdown"}, {"markdown", markdown}});
}

std::string dingtalk_signed_url(const std::string& url, const std::optional<std::string>& secret,
                                std::int64_t timestamp_ms) {
  if (!secret || secret->empty()) return url;
  std::string timestamp = std::to_string(timestamp_ms);
  std::string sign = url_encode(crypto::hmac_sha256_base64(*secret, timestamp + "\n" + *secret));
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "timestamp=" + timestamp +
         "&sign=" + sign;
}

std::string webhook_body(std::int64_t delivery_id, std::string_view kind,
                         std::string_view occurred_at, std::int64_t community_id,
                         const boost::json::object& data) {
  return boost::json::serialize(boost::json::object{{"id", std::to_string(delivery_id)},
                                                    {"event", kind},
                                                    {"occurred_at", occurred_at},
                                                    {"community_id", community_id},
                                                    {"data", data}});
}

std::string webhook_signature(std::string_view secret, std::string_view body) {
  return "sha256=" + crypto::hmac_sha256_hex(secret, body);
}

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace gz::notifications
