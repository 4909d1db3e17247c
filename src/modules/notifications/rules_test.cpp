#include "modules/notifications/rules.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace gz::notifications {
namespace {

std::int64_t at(const char* text) {
  return *parse_iso8601(text);
}

TEST(QuietHours, HoldMessagesFrom22To7InShanghai) {
  EXPECT_EQ(after_quiet_hours(at("2026-11-18T21:59:59+08:00")), at("2026-11-18T21:59:59+08:00"));
  EXPECT_EQ(after_quiet_hours(at("2026-11-18T22:00:00+08:00")), at("2026-11-19T07:00:00+08:00"));
  EXPECT_EQ(after_quiet_hours(at("2026-11-18T23:59:00+08:00")), at("2026-11-19T07:00:00+08:00"));
  EXPECT_EQ(after_quiet_hours(at("2026-11-19T03:00:00+08:00")), at("2026-11-19T07:00:00+08:00"));
  EXPECT_EQ(after_quiet_hours(at("2026-11-19T07:00:00+08:00")), at("2026-11-19T07:00:00+08:00"));
  // 15:30 UTC is 23:30 in Shanghai: quiet there, whatever the server's zone.
  EXPECT_EQ(after_quiet_hours(at("2026-12-31T15:30:00Z")), at("2027-01-01T07:00:00+08:00"));
}

TEST(Retries, DoubleFromTheBaseAndStopAtAnHour) {
  EXPECT_EQ(retry_delay_ms(1, 30'000), 30'000);
  EXPECT_EQ(retry_delay_ms(2, 30'000), 60'000);
  EXPECT_EQ(retry_delay_ms(3, 30'000), 120'000);
  EXPECT_EQ(retry_delay_ms(8, 30'000), 3'600'000);
  EXPECT_EQ(retry_delay_ms(60, 30'000), 3'600'000);
  EXPECT_EQ(kGiveUpAfterMs, 24 * kHourMs);
}

TEST(Texts, FillPlaceholdersInTheRecipientsLanguage) {
  boost::json::object data{{"code", "ABCD-EFGH2"}, {"category", "漏水渗水"}, {"note", "已修好"}};
  EXPECT_EQ(render_text("request.resolved", data, "zh"),
            "您的诉求 ABCD-EFGH2（漏水渗水）已办结：已修好。欢迎在“我的诉求”里评价。");
  EXPECT_EQ(render_text("request.resolved", data, "en"),
            "Your request ABCD-EFGH2 (漏水渗水) is resolved: 已修好. Please rate it under My "
            "requests.");
  EXPECT_EQ(render_title("plan.notice_started", "zh"), "公示开始");
  // A note with its own full stop, or none at all, reads as one sentence.
  data["note"] = "已更换信报箱。";
  EXPECT_EQ(render_text("request.resolved", data, "zh"),
            "您的诉求 ABCD-EFGH2（漏水渗水）已办结：已更换信报箱。欢迎在“我的诉求”里评价。");
  data["note"] = "";
  EXPECT_EQ(render_text("request.resolved", data, "zh"),
            "您的诉求 ABCD-EFGH2（漏水渗水）已办结。欢迎在“我的诉求”里评价。");
  EXPECT_EQ(render_text("request.resolved", data, "en"),
            "Your request ABCD-EFGH2 (漏水渗水) is resolved. Please rate it under My requests.");
  // A missing field leaves its place empty, never the placeholder.
  EXPECT_EQ(
      render_text("points.awarded", boost::json::object{{"points", 5}, {"resident", "王**"}}, "zh"),
      "王** 获得 5 积分。");
  EXPECT_TRUE(is_event_kind("timebank.confirmation_requested"));
  EXPECT_FALSE(is_event_kind("request.deleted"));
}

TEST(Channels, BodiesAreTheRobotsFormats) {
  EXPECT_EQ(
      wecom_body("公示开始", "《加装电梯》开始公示"),
      R"({"msgtype":"markdown","markdown":{"content":"**公示开始**\n《加装电梯》开始公示"}})");
  EXPECT_EQ(
      dingtalk_body("公示开始", "正文"),
      R"({"msgtype":"markdown","markdown":{"title":"公示开始","text":"#### 公示开始\n正文"}})");
}

TEST(Channels, DingTalkSignsTimestampNewlineSecret) {
  // Computed independently (Python hmac + base64 + urllib.parse.quote).
  EXPECT_EQ(dingtalk_signed_url("https://oapi.dingtalk.com/robot/send?access_token=T",
                                std::string("SEC000demo"), 1700000000000),
            "https://oapi.dingtalk.com/robot/send?access_token=T&timestamp=1700000000000&sign="
            "iurE96kfHUStduit0Bo4Ci97BbRdyDi3E4VnAF7SkIQ%3D");
  EXPECT_EQ(dingtalk_signed_url("https://x/robot", std::nullopt, 1), "https://x/robot");
}

TEST(Channels, WebhooksAreSignedOverTheExactBody) {
  EXPECT_EQ(webhook_signature("k", R"({"a":1})"),
            "sha256=c3a92ff9e274cdcce27a58c15a78ec6dcbbdbd0038a87e7a11baef2028fd8bff");
  EXPECT_EQ(
      webhook_body(42, "request.accepted", "2026-11-18T10:00:00.000+08:00", 7,
                   boost::json::object{{"code", "X"}}),
      R"({"id":"42","event":"request.accepted","occurred_at":"2026-11-18T10:00:00.000+08:00","community_id":7,"data":{"code":"X"}})");
  EXPECT_EQ(url_encode("a+b/c=d é"), "a%2Bb%2Fc%3Dd%20%C3%A9");
}

}  // namespace
}  // namespace gz::notifications
