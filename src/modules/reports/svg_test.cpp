#include "modules/reports/svg.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

namespace gz::reports {
namespace {

// Well-formed enough for an SVG: every element closes in order, attributes are quoted, and no
// raw '<' or '&' outside markup and entities.
bool well_formed(const std::string& xml) {
  std::vector<std::string> open;
  std::size_t i = 0;
  while (i < xml.size()) {
    if (xml[i] == '&') {
      auto end = xml.find(';', i);
      if (end == std::string::npos || end - i > 6) return false;
      i = end + 1;
      continue;
    }
    if (xml[i] != '<') {
      ++i;
      continue;
    }
    auto end = xml.find('>', i);
    if (end == std::string::npos) return false;
    std::string tag = xml.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.empty()) return false;
    if (tag.find('<') != std::string::npos) return false;
    if (std::count(tag.begin(), tag.end(), '"') % 2 != 0) return false;
    if (tag[0] == '/') {
      if (open.empty() || open.back() != tag.substr(1)) return false;
      open.pop_back();
    } else if (tag.back() != '/') {
      open.push_back(tag.substr(0, tag.find(' ')));
    }
  }
  return open.empty();
}

double attribute(const std::string& svg, const std::string& element_class, const std::string& name,
                 int nth = 0) {
  std::regex pattern("class=\"" + element_class + "\"[^>]*? " + name + "=\"([-0-9.]+)\"");
  auto it = std::sregex_iterator(svg.begin(), svg.end(), pattern);
  for (int k = 0; k < nth && it != std::sregex_iterator(); ++k) ++it;
  if (it == std::sregex_iterator()) return -1;
  return std::stod((*it)[1].str());
}

int count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(ReportsSvg, EscapesTheFiveCharacters) {
  EXPECT_EQ(escape_xml("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(escape_xml("居民参与率"), "居民参与率");
}

TEST(ReportsSvg, ScaleMapsZeroToTheBottomAndLeavesHeadroomAboveTheLargest) {
  Scale scale = value_scale({0.5, 0.2}, 0.6, 10, 110);
  EXPECT_DOUBLE_EQ(scale.max_value, 0.6 * 1.15);
  EXPECT_DOUBLE_EQ(scale.y(0), 110);
  EXPECT_DOUBLE_EQ(scale.y(scale.max_value), 10);
  EXPECT_NEAR(scale.y(0.6), 110 - 100 / 1.15, 1e-9);
  // Below zero is drawn at zero, above the top at the top.
  EXPECT_DOUBLE_EQ(scale.y(-3), 110);
  EXPECT_DOUBLE_EQ(scale.y(99), 10);
  // Nothing but zeros still gives a usable scale.
  EXPECT_DOUBLE_EQ(value_scale({0, 0}, std::nullopt, 0, 50).max_value, 1);
}

TEST(ReportsSvg, FormatsSharesAsPercentagesAndTrimsOtherValues) {
  EXPECT_EQ(format_value(0.625, true), "62.5%");
  EXPECT_EQ(format_value(0, true), "0.0%");
  EXPECT_EQ(format_value(3.25, false), "3.25");
  EXPECT_EQ(format_value(3.0, false), "3");
  EXPECT_EQ(format_value(0.1, false), "0.1");
  EXPECT_EQ(format_value(-0.001, false), "0");
}

TEST(ReportsSvg, BarChartIsWellFormedWithOneBarPerValueAndAGapForNone) {
  BarChart chart;
  chart.title = "参与率";
  chart.percent = true;
  chart.bars = {{"2026Q1", 0.4}, {"2026Q2", std::nullopt}, {"2026Q3", 0.7}};
  std::string svg = bar_chart_svg(chart);
  EXPECT_TRUE(well_formed(svg)) << svg;
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_EQ(count(svg, "class=\"bar\""), 2);
  EXPECT_NE(svg.find(">—<"), std::string::npos);
  EXPECT_NE(svg.find(">70.0%<"), std::string::npos);
  EXPECT_EQ(svg.find("class=\"target\""), std::string::npos);  // no target given
}

TEST(ReportsSvg, TheTargetLineSitsWhereTheScalePutsTheTarget) {
  BarChart chart;
  chart.title = "t";
  chart.target = 0.6;
  chart.width = 200;
  chart.height = 100;
  chart.bars = {{"a", 0.3}, {"b", 0.9}};
  std::string svg = bar_chart_svg(chart);
  ASSERT_TRUE(well_formed(svg)) << svg;
  Scale scale = value_scale({0.3, 0.9}, 0.6, kPlotTop, 100 - kLabelBand);
  EXPECT_NEAR(attribute(svg, "target", "y1"), scale.y(0.6), 0.05);
  EXPECT_NEAR(attribute(svg, "target", "y2"), scale.y(0.6), 0.05);
  // The bar above the target reaches higher (smaller y) than the line; the other stays below.
  EXPECT_LT(attribute(svg, "bar", "y", 1), attribute(svg, "target", "y1"));
  EXPECT_GT(attribute(svg, "bar", "y", 0), attribute(svg, "target", "y1"));
  // Heights are proportional to the values: 0.9 is three times 0.3.
  EXPECT_NEAR(attribute(svg, "bar", "height", 1) / attribute(svg, "bar", "height", 0), 3.0, 0.02);
  // A target above every value still fits under the top of the plot.
  chart.target = 5;
  std::string high = bar_chart_svg(chart);
  EXPECT_GE(attribute(high, "target", "y1"), kPlotTop);
}

TEST(ReportsSvg, LabelsAndTitlesAreEscaped) {
  BarChart chart;
  chart.title = "<script>alert(1)</script>";
  chart.bars = {{"a&b \"q\"", 1.0}};
  std::string svg = bar_chart_svg(chart);
  EXPECT_TRUE(well_formed(svg)) << svg;
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_NE(svg.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(svg.find("a&amp;b &quot;q&quot;"), std::string::npos);

  PairedChart paired;
  paired.title = "公平性";
  paired.first_name = "<b>";
  paired.second_name = "需求";
  paired.groups = {{"老人<家庭>", 0.2, 0.4}};
  std::string two = paired_bar_svg(paired);
  EXPECT_TRUE(well_formed(two)) << two;
  EXPECT_EQ(two.find("<b>"), std::string::npos);
  EXPECT_NE(two.find("老人&lt;家庭&gt;"), std::string::npos);
}

TEST(ReportsSvg, PairedBarsShowBothSharesOfEachGroupToScale) {
  PairedChart chart;
  chart.title = "fairness";
  chart.first_name = "resources";
  chart.second_name = "need";
  chart.groups = {{"elderly", 0.5, 0.25}, {"tenants", 0.1, 0.4}};
  std::string svg = paired_bar_svg(chart);
  ASSERT_TRUE(well_formed(svg)) << svg;
  EXPECT_EQ(count(svg, "class=\"first\""), 2);
  EXPECT_EQ(count(svg, "class=\"second\""), 2);
  EXPECT_NEAR(attribute(svg, "first", "height", 0) / attribute(svg, "second", "height", 0), 2.0,
              0.02);
  EXPECT_NEAR(attribute(svg, "second", "height", 1) / attribute(svg, "first", "height", 1), 4.0,
              0.05);
  EXPECT_NE(svg.find(">50.0%<"), std::string::npos);
  EXPECT_NE(svg.find(">tenants<"), std::string::npos);
}

}  // namespace
}  // namespace gz::reports
