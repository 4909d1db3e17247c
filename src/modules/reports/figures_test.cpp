#include "modules/reports/figures.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "modules/reports/document.hpp"
#include "modules/reports/html.hpp"
#include "modules/reports/xlsx.hpp"

namespace gz::reports {
namespace {

// A small report written by hand: two indicators, one plan of two lines with fairness for two
// groups, a warning whose subject looks like a formula, and requests by priority.
Report sample_report() {
  Report report;
  report.period = *parse_quarter("2026Q3");
  report.community_ids = {7};
  report.community_id = 7;
  report.scope_name = "幸福里<社区>";
  report.generated_at = "2026-10-01T09:00:00.000+08:00";
  indicators::Indicator participation{"participation_rate",
                                      0.5,
                                      0.6,
                                      indicators::Comparison::above,
                                      indicators::Status::not_met,
                                      "households attending / households",
                                      2.0,
                                      4.0};
  IndicatorRow row{participation,
                   {{"2025Q4", 0.25}, {"2026Q1", std::nullopt}, {"2026Q2", 0.75}, {"2026Q3", 0.5}}};
  report.indicators.push_back(row);
  indicators::Indicator growth{"leader_growth_rate",
                               -0.1,
                               0.1,
                               indicators::Comparison::above,
                               indicators::Status::not_met,
                               "(end - start) / start",
                               -1.0,
                               10.0};
  report.indicators.push_back({growth, {{"2026Q3", -0.1}}});

  PlanSection plan;
  plan.plan_id = 3;
  plan.community_id = 7;
  plan.quarter = "2026Q3";
  plan.unit = "fen";
  plan.stage = "executing";
  plan.total = 100000;
  plan.lines.push_back({0, "elderly_care", 60000, 30000, 5, 4, 8});
  plan.lines.push_back({1, "childcare", 40000, 0, 0, 0, std::nullopt});
  allocation::FairnessReport fairness;
  fairness.groups.push_back({"elderly", 7500, 5000, 4000, 150, 120, false, false});
  fairness.groups.push_back({"tenants", 2500, 5000, 6000, 50, 40, false, false});
  fairness.gini_bp = 2500;
  plan.fairness = fairness;
  plan.household_gini_bp = 4100;
  report.plans.push_back(plan);

  requests::RequestStats overall;
  overall.received = 10;
  overall.response = {9, 10};
  overall.resolution = {8, 9};
  overall.satisfaction = {3, 4};
  overall.median_working_days_to_resolve = 2.5;
  report.requests.overall = overall;
  report.requests.by_priority = {{"red", overall}, {"yellow", {}}, {"blue", {}}};

  warnings::Warning warning;
  warning.id = 11;
  warning.kind = "allocation_dispute";
  warning.subject = "=HYPERLINK(\"http://x\")";
  warning.raised_at = "2026-08-01T08:00:00.000+08:00";
  warning.suggestion_zh = "公开答复";
  report.warnings.push_back({warning, true});
  return report;
}

const Figure* find(const std::vector<Figure>& figures, const std::string& key) {
  for (const auto& figure : figures) {
    if (figure.key == key) return &figure;
  }
  return nullptr;
}

TEST(ReportsFigures, OneFigurePerNumberInSectionOrder) {
  auto figures = report_figures(sample_report(), Language::zh);
  ASSERT_FALSE(figures.empty());
  // Sections appear in kSections' order.
  std::size_t last = 0;
  for (const auto& figure : figures) {
    auto at = std::find(kSections.begin(), kSections.end(), figure.section) - kSections.begin();
    ASSERT_LT(static_cast<std::size_t>(at), kSections.size()) << figure.section;
    EXPECT_GE(static_cast<std::size_t>(at), last) << figure.key;
    last = static_cast<std::size_t>(at);
  }
  const Figure* participation = find(figures, "participation_rate");
  ASSERT_NE(participation, nullptr);
  EXPECT_EQ(participation->label, "居民参与率");
  EXPECT_EQ(*participation->value, 0.5);
  EXPECT_EQ(*participation->target, 0.6);
  EXPECT_EQ(participation->status, "not_met");
  EXPECT_EQ(*participation->numerator, 2);
  EXPECT_EQ(*participation->denominator, 4);
  EXPECT_TRUE(participation->share);
  // The trend keeps its gap.
  ASSERT_NE(find(figures, "participation_rate@2026Q1"), nullptr);
  EXPECT_FALSE(find(figures, "participation_rate@2026Q1")->value.has_value());
  EXPECT_EQ(find(figures, "participation_rate@2026Q1")->status, "no_data");
  EXPECT_EQ(*find(figures, "participation_rate@2026Q2")->value, 0.75);
  // Each past quarter is judged against the target: 75% > 60%, 25% is not.
  EXPECT_EQ(find(figures, "participation_rate@2026Q2")->status, "met");
  EXPECT_EQ(find(figures, "participation_rate@2025Q4")->status, "not_met");
  // Plan lines: spent against planned, coverage as covered / targeted (none before execution).
  const Figure* spent = find(figures, "plan3.elderly_care.spent");
  ASSERT_NE(spent, nullptr);
  EXPECT_EQ(*spent->value, 30000);
  EXPECT_EQ(*spent->denominator, 60000);
  EXPECT_EQ(*find(figures, "plan3.elderly_care.coverage")->value, 0.5);
  EXPECT_FALSE(find(figures, "plan3.childcare.coverage")->value.has_value());
  // Fairness in fractions.
  EXPECT_EQ(*find(figures, "plan3.elderly.resource_share")->value, 0.75);
  EXPECT_EQ(*find(figures, "plan3.tenants.need_share")->value, 0.5);
  EXPECT_EQ(*find(figures, "plan3.gini")->value, 0.25);
  // Requests overall and by priority.
  EXPECT_EQ(*find(figures, "received")->value, 10);
  EXPECT_EQ(*find(figures, "resolution_rate")->numerator, 8);
  EXPECT_EQ(*find(figures, "red.median_working_days")->value, 2.5);
  EXPECT_FALSE(find(figures, "yellow.response_rate")->value.has_value());
  EXPECT_EQ(find(figures, "warning11.allocation_dispute")->status, "open");
}

TEST(ReportsFigures, CsvHasABomAHeaderAndOneRowPerFigure) {
  auto figures = report_figures(sample_report(), Language::en);
  std::string csv = render_csv(figures);
  ASSERT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);
  EXPECT_EQ(csv.substr(3, csv.find("\r\n") - 3),
            "section,key,label,value,target,status,numerator,denominator");
  std::size_t lines = 0;
  for (auto at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) ++lines;
  EXPECT_EQ(lines, figures.size() + 1);
  EXPECT_NE(
      csv.find("\r\nindicators,participation_rate,Participation rate,0.5,0.6,not_met,2,4\r\n"),
      std::string::npos)
      << csv;
  // Negative numbers are numbers, not guarded text.
  EXPECT_NE(csv.find("leader_growth_rate,Resident-leader growth a year,-0.1,0.1,not_met,-1,10"),
            std::string::npos);
}

TEST(ReportsFigures, CsvGuardsTextThatASpreadsheetWouldRunAsAFormula) {
  Report report = sample_report();
  report.warnings[0].warning.kind = "=cmd|' /C calc'!A0";
  std::string csv = render_csv(report_figures(report, Language::zh));
  // The key starts with "warning11." and is safe; the label starts with the kind, guarded.
  EXPECT_NE(csv.find(",\"'=cmd|' /C calc'!A0"), std::string::npos) << csv;
  EXPECT_EQ(csv.find(",=cmd"), std::string::npos);
  EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos);
}

TEST(ReportsHtml, APrintablePageWithChartsAndNoScript) {
  Report report = sample_report();
  std::string html = render_html(report, Language::zh);
  EXPECT_EQ(html.rfind("<!doctype html><html lang=\"zh-CN\">", 0), 0u);
  EXPECT_NE(html.find("size:A4"), std::string::npos);
  // One trend chart per indicator, the allocation chart and the fairness chart.
  int charts = 0;
  for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
    ++charts;
  }
  EXPECT_EQ(charts, 4);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("幸福里&lt;社区&gt;"), std::string::npos);
  EXPECT_NE(html.find("=HYPERLINK(&quot;http://x&quot;)"), std::string::npos);
  EXPECT_NE(html.find("600.00 元"), std::string::npos);
  std::string english = render_html(report, Language::en);
  EXPECT_EQ(english.rfind("<!doctype html><html lang=\"en\">", 0), 0u);
  EXPECT_NE(english.find("Participation rate"), std::string::npos);
}

TEST(ReportsXlsx, TheWorkbookIsAZipWithASheetPerSection) {
  auto bytes = xlsx_bytes(report_figures(sample_report(), Language::zh));
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  ASSERT_GT(bytes->size(), 4u);
  EXPECT_EQ(bytes->substr(0, 2), "PK");
  for (std::size_t sheet = 1; sheet <= kSections.size(); ++sheet) {
    EXPECT_NE(bytes->find("xl/worksheets/sheet" + std::to_string(sheet) + ".xml"),
              std::string::npos)
        << sheet;
  }
  EXPECT_EQ(bytes->find("xl/worksheets/sheet" + std::to_string(kSections.size() + 1) + ".xml"),
            std::string::npos);
}

TEST(ReportsDocument, ParsesFormatsAndNamesFilesInAscii) {
  EXPECT_EQ(parse_format("xlsx"), Format::xlsx);
  EXPECT_FALSE(parse_format("pdf").has_value());
  Report report = sample_report();
  EXPECT_EQ(file_name(report, Format::csv), "gongzhi-report-c7-2026Q3.csv");
  report.community_id.reset();
  report.street = "北山街道";
  EXPECT_EQ(file_name(report, Format::html), "gongzhi-report-street-2026Q3.html");
  EXPECT_FALSE(parse_quarter("2026-07").ok());
  EXPECT_EQ(parse_quarter("2026-07").error().code, "invalid_period");
}

}  // namespace
}  // namespace gz::reports
