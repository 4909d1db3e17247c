// Charts drawn on the server as inline SVG for the printable report: bars against a target
// line (an indicator's trend), plain bars (the allocation by category) and paired bars (each
// group's share of the resources against its share of the need). Pure functions: every text
// is escaped, nothing is scripted, the markup depends only on the input.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gz::reports {

// Escapes & < > " ' for XML and HTML text and attributes.
std::string escape_xml(std::string_view text);

// A vertical value scale from 0 at `bottom_y` up to `max_value` at `top_y` (SVG y grows down).
struct Scale {
  double max_value = 1;
  double top_y = 0;
  double bottom_y = 100;
  double y(double value) const;
};
// A scale whose top leaves 15% headroom above the largest value or target (1 when all are 0
// or below); negative values are drawn at 0.
Scale value_scale(const std::vector<double>& values, std::optional<double> target, double top_y,
                  double bottom_y);

// "62.5%" for shares, "3.25" for other values (two significant decimals at most).
std::string format_value(double value, bool percent);

struct Bar {
  std::string label;
  std::optional<double> value;  // none: drawn as a gap marked "—"
};

struct BarChart {
  std::string title;  // the accessible name (aria-label and <title>)
  std::vector<Bar> bars;
  std::optional<double> target;  // a dashed line across the bars
  bool percent = false;
  int width = 240;
  int height = 90;
};
std::string bar_chart_svg(const BarChart& chart);

struct PairedBar {
  std::string label;
  double first = 0;
  double second = 0;
};

struct PairedChart {
  std::string title;
  std::string first_name;   // legend, e.g. "资源占比"
  std::string second_name;  // e.g. "需求占比"
  std::vector<PairedBar> groups;
  bool percent = true;
  int width = 640;
  int height = 220;
};
std::string paired_bar_svg(const PairedChart& chart);

// Chart geometry shared by the builders and their tests: the plot area's top and bottom.
constexpr double kPlotTop = 14;
constexpr double kLabelBand = 30;  // below the plot, for the bar labels

}  // namespace gz::reports
