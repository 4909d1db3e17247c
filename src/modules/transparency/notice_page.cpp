// The printable notice page; see notice_page.hpp.
#include "modules/transparency/notice_page.hpp"

#include <array>
#include <string_view>

#include "core/clock.hpp"
#include "core/qr.hpp"
#include "core/text.hpp"
#include "http/forwarded.hpp"

namespace gz::transparency {
namespace {

std::string escape(std::string_view text) {
  return text::escape_markup(text);
}

struct Words {
  const char* title;
  const char* quarter;
  const char* state;
  const char* budget;
  const char* period;
  const char* days_left;
  const char* category;
  const char* planned;
  const char* spent;
  const char* coverage;
  const char* objections;
  const char* objections_text;
  const char* evaluations;
  const char* history;
  const char* scan;
  const char* how_to_object;
  const char* printed;
  const char* none;
};

constexpr Words kChinese{
    "社区资源分配方案公示",
    "季度",
    "当前阶段",
    "预算总额",
    "公示期",
    "剩余天数",
    "类别",
    "计划",
    "已支出",
    "覆盖（已服务/目标户）",
    "异议",
    "户提出异议，全部须公开答复；超过户数比例 %s 时须先经第三方评估。",
    "评估",
    "决策过程",
    "扫码查看线上公示、实时进度并提出异议",
    "本社区居民可在公示期内扫码或到居委会提出书面异议。",
    "打印时间",
    "暂无",
};

constexpr Words kEnglish{
    "Public notice of the community resource plan",
    "Quarter",
    "Stage",
    "Budget",
    "Notice period",
    "Days left",
    "Category",
    "Planned",
    "Spent",
    "Coverage (served / targeted households)",
    "Objections",
    " household(s) objected; each gets a public answer. Above %s of households a third-party "
    "evaluation comes first.",
    "Evaluations",
    "How it was decided",
    "Scan to read the online notice, live progress, and to object",
    "Residents of the community may object during the notice period online or at the "
    "residents' committee office.",
    "Printed",
    "None yet",
};

struct Named {
  std::string_view key;
  const char* zh;
  const char* en;
};

constexpr std::array<Named, 7> kStages{
    {{"draft", "草案", "draft"},
     {"public_notice", "公示中", "public notice"},
     {"council_vote", "议事会表决", "council vote"},
     {"professional_assessment", "专业评估", "professional assessment"},
     {"street_review", "街道审核", "street review"},
     {"executing", "执行中", "executing"},
     {"closed", "已结项", "closed"}}};

constexpr std::array<Named, 5> kCategories{
    {{"elderly_care", "养老服务", "elderly care"},
     {"childcare", "托育服务", "childcare"},
     {"disability_service", "助残服务", "disability services"},
     {"low_income_assistance", "困难帮扶", "low-income assistance"},
     {"culture_sports", "文体活动", "culture and sports"}}};

template <std::size_t N>
std::string label(const std::array<Named, N>& names, std::string_view key, bool english) {
  for (const auto& named : names) {
    if (named.key == key) return english ? named.en : named.zh;
  }
  return std::string(key);
}

std::string percent(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return "—";
  std::int64_t tenths = (part * 1000 + whole / 2) / whole;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

std::string bp_percent(std::int64_t bp) {
  std::string out = std::to_string(bp / 100);
  if (bp % 100 != 0) {
    out += "." + std::to_string((bp % 100) / 10);
    if (bp % 10 != 0) out += std::to_string(bp % 10);
  }
  return out + "%";
}

}  // namespace

std::string format_amount(std::int64_t amount, const std::string& unit) {
  if (unit != "fen") return std::to_string(amount);
  bool negative = amount < 0;
  std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
  std::string whole = std::to_string(magnitude / 100);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  std::uint64_t cents = magnitude % 100;
  return (negative ? "-" : "") + grouped + "." + (cents < 10 ? "0" : "") + std::to_string(cents);
}

std::string notice_url(const http::Request& request, std::int64_t plan_id) {
  // The configured public address (serve --public-url) when there is one: a printed QR code
  // must not follow a Host header a client chose.
  auto host = request.header("host");
  return http::public_base_url(host ? std::optional<std::string_view>(*host) : std::nullopt,
                               request.secure) +
         "/board/plans/" + std::to_string(plan_id);
}

std::string render_notice_page(const NoticePageInput& input) {
  const PlanBoard& board = *input.board;
  const Words& w = input.english ? kEnglish : kChinese;
  const auto& plan = board.plan;
  std::string unit_suffix =
      plan.unit == "fen" ? (input.english ? " yuan" : " 元") : " " + escape(plan.unit);
  std::string html;
  html.reserve(16384);
  html += "<!doctype html><html lang=\"";
  html += input.english ? "en" : "zh-CN";
  html +=
      "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width,initial-scale=1\"><title>";
  html += escape(w.title);
  html +=
      "</title><style>@page{size:A4;margin:16mm}body{font-family:\"Noto Sans CJK "
      "SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif;font-size:"
      "14pt;color:#000;margin:0 auto;max-width:190mm;line-height:1.5}h1{font-size:24pt;"
      "text-align:center;margin:0 0 4mm}h2{font-size:16pt;border-bottom:2px solid #000;margin:"
      "6mm 0 2mm}table{border-collapse:collapse;width:100%}th,td{border:1px solid #000;"
      "padding:1.5mm 2mm;text-align:left}td.n{text-align:right}.head{display:flex;"
      "justify-content:space-between;gap:6mm}.qr{text-align:center;font-size:11pt}"
      ".muted{font-size:11pt}</style></head><body>";
  html += "<h1>" + escape(input.community_name) + " " + escape(w.title) + "</h1>";
  html += "<div class=\"head\"><div><p>" + std::string(w.quarter) + "：" + escape(plan.quarter) +
          "<br>" + w.state + "：" + label(kStages, stage_name(plan.stage), input.english) + "<br>" +
          w.budget + "：" + format_amount(plan.total, plan.unit) + unit_suffix;
  if (plan.notice_started_ms) {
    // To the minute, Shanghai time: the notice ends at the instant it started, days later.
    auto minute = [](std::int64_t ms) {
      std::string iso = format_iso8601(ms);
      return iso.substr(0, 10) + " " + iso.substr(11, 5);
    };
    html += "<br>" + std::string(w.period) + "：" + minute(*plan.notice_started_ms) + " — " +
            minute(notice_ends_ms(*plan.notice_started_ms, plan.notice_days));
  }
  if (plan.notice_days_left) {
    html += "<br>" + std::string(w.days_left) + "：" + std::to_string(*plan.notice_days_left);
  }
  html += "</p></div><div class=\"qr\">";
  if (auto matrix = qr_encode(input.online_url)) html += qr_svg(*matrix, 170);
  html += "<br>" + escape(w.scan) + "<br><span class=\"muted\">" + escape(input.online_url) +
          "</span></div></div>";

  html += "<h2>" + std::string(input.english ? "Allocation" : "分配方案") + "</h2><table><tr><th>" +
          w.category + "</th><th>" + w.planned + "</th><th>" + w.spent + "</th><th>" + w.coverage +
          "</th></tr>";
  for (const auto& line : board.progress.lines) {
    html += "<tr><td>" + escape(label(kCategories, line.category, input.english)) +
            "</td><td class=\"n\">" + format_amount(line.planned, plan.unit) +
            "</td><td class=\"n\">" + format_amount(line.spent, plan.unit) + " (" +
            percent(line.spent, line.planned) + ")</td><td class=\"n\">";
    if (line.households_targeted) {
      html += std::to_string(line.households_covered) + " / " +
              std::to_string(*line.households_targeted) + " (" +
              percent(line.households_covered, *line.households_targeted) + ")";
    } else {
      html += "—";
    }
    html += "</td></tr>";
  }
  html += "</table>";

  std::string objections_text = w.objections_text;
  auto slot = objections_text.find("%s");
  objections_text.replace(slot, 2, bp_percent(board.objections.threshold_bp));
  html += "<h2>" + std::string(w.objections) + "</h2><p>" +
          std::to_string(board.objections.objecting_households) + objections_text + "</p>";
  if (!board.feedback.empty()) {
    html += "<table>";
    for (const auto& objection : board.feedback) {
      html += "<tr><td>" + escape(objection.text) + "</td><td>" +
              escape(objection.answer.value_or("")) + "</td></tr>";
    }
    html += "</table>";
  }
  if (!board.evaluations.empty()) {
    html += "<h2>" + std::string(w.evaluations) + "</h2><ul>";
    for (const auto& evaluation : board.evaluations) {
      html += "<li>" + escape(evaluation.evaluator) + "：" + escape(evaluation.summary);
      if (evaluation.score) html += "（" + std::to_string(*evaluation.score) + "/100）";
      html += "</li>";
    }
    html += "</ul>";
  }
  html += "<h2>" + std::string(w.history) + "</h2><ul>";
  if (board.history.empty()) html += "<li>" + std::string(w.none) + "</li>";
  for (const auto& event : board.history) {
    html += "<li>" + escape(event.created_at.substr(0, 10)) + " " +
            label(kStages, event.to_stage, input.english) + "：" + escape(event.note) + "</li>";
  }
  html += "</ul><p class=\"muted\">" + escape(w.how_to_object) + "<br>" + w.printed + "：" +
          format_iso8601(input.now_ms).substr(0, 16) + "</p></body></html>";
  return html;
}

}  // namespace gz::transparency
