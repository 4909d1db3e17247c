// SVG chart builders; see svg.hpp.
#include "modules/reports/svg.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace gz::reports {
namespace {

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

std::string open_svg(int width, int height, const std::string& title) {
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) +
                    "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
                    std::to_string(width) + " " + std::to_string(height) +
                    "\" role=\"img\" aria-label=\"" + escape_xml(title) + "\" font-size=\"10\">";
  out += "<title>" + escape_xml(title) + "</title>";
  return out;
}

std::string text_at(double x, double y, const std::string& text, const char* anchor = "middle") {
  return "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" text-anchor=\"" + anchor + "\">" +
         escape_xml(text) + "</text>";
}

}  // namespace

std::string escape_xml(std::string_view text) {
  return text::escape_markup(text);
}

double Scale::y(double value) const {
  double clamped = std::clamp(value, 0.0, max_value);
  return bottom_y - clamped / max_value * (bottom_y - top_y);
}

Scale value_scale(const std::vector<double>& values, std::optional<double> target, double top_y,
                  double bottom_y) {
  double largest = target.value_or(0);
  for (double value : values) largest = std::max(largest, value);
  Scale scale;
  scale.max_value = largest > 0 ? largest * 1.15 : 1;
  scale.top_y = top_y;
  scale.bottom_y = bottom_y;
  return scale;
}

std::string format_value(double value, bool percent) {
  char text[32];
  if (percent) {
    std::snprintf(text, sizeof text, "%.1f%%", value * 100);
  } else {
    std::snprintf(text, sizeof text, "%.2f", value);
    std::string out = text;
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
    return out == "-0" ? "0" : out;
  }
  return text;
}

std::string bar_chart_svg(const BarChart& chart) {
  const double bottom = chart.height - kLabelBand;
  std::vector<double> values;
  for (const auto& bar : chart.bars) {
    if (bar.value) values.push_back(*bar.value);
  }
  Scale scale = value_scale(values, chart.target, kPlotTop, bottom);
  std::string out = open_svg(chart.width, chart.height, chart.title);
  out += "<line x1=\"0\" y1=\"" + number(bottom) + "\" x2=\"" + std::to_string(chart.width) +
         "\" y2=\"" + number(bottom) + "\" stroke=\"#000\" stroke-width=\"1\"/>";
  const double slot = chart.bars.empty() ? chart.width : double(chart.width) / chart.bars.size();
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const Bar& bar = chart.bars[i];
    double x = slot * i + slot * 0.2;
    double center = slot * i + slot / 2;
    if (bar.value) {
      double top = scale.y(*bar.value);
      out += "<rect class=\"bar\" x=\"" + number(x) + "\" y=\"" + number(top) + "\" width=\"" +
             number(slot * 0.6) + "\" height=\"" + number(bottom - top) + "\" fill=\"#4a6fa5\"/>";
      out += text_at(center, top - 3, format_value(*bar.value, chart.percent));
    } else {
      out += text_at(center, bottom - 3, "—");
    }
    out += text_at(center, bottom + 13, bar.label);
  }
  if (chart.target) {
    std::string y = number(scale.y(*chart.target));
    out += "<line class=\"target\" x1=\"0\" y1=\"" + y + "\" x2=\"" + std::to_string(chart.width) +
           "\" y2=\"" + y + "\" stroke=\"#c0392b\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>";
  }
  out += "</svg>";
  return out;
}

std::string paired_bar_svg(const PairedChart& chart) {
  const double legend = 16;
  const double bottom = chart.height - kLabelBand;
  std::vector<double> values;
  for (const auto& group : chart.groups) {
    values.push_back(group.first);
    values.push_back(group.second);
  }
  Scale scale = value_scale(values, std::nullopt, kPlotTop + legend, bottom);
  std::string out = open_svg(chart.width, chart.height, chart.title);
  out += "<rect x=\"0\" y=\"2\" width=\"10\" height=\"10\" fill=\"#4a6fa5\"/>" +
         text_at(14, 11, chart.first_name, "start");
  out += "<rect x=\"" + number(chart.width / 2.0) +
         "\" y=\"2\" width=\"10\" height=\"10\" fill=\"#e0a030\"/>" +
         text_at(chart.width / 2.0 + 14, 11, chart.second_name, "start");
  out += "<line x1=\"0\" y1=\"" + number(bottom) + "\" x2=\"" + std::to_string(chart.width) +
         "\" y2=\"" + number(bottom) + "\" stroke=\"#000\" stroke-width=\"1\"/>";
  const double slot =
      chart.groups.empty() ? chart.width : double(chart.width) / chart.groups.size();
  for (std::size_t i = 0; i < chart.groups.size(); ++i) {
    const PairedBar& group = chart.groups[i];
    double width = slot * 0.35;
    double first_x = slot * i + slot * 0.12;
    double second_x = first_x + width;
    double first_top = scale.y(group.first), second_top = scale.y(group.second);
    out += "<rect class=\"first\" x=\"" + number(first_x) + "\" y=\"" + number(first_top) +
           "\" width=\"" + number(width) + "\" height=\"" + number(bottom - first_top) +
           "\" fill=\"#4a6fa5\"/>";
    out += "<rect class=\"second\" x=\"" + number(second_x) + "\" y=\"" + number(second_top) +
           "\" width=\"" + number(width) + "\" height=\"" + number(bottom - second_top) +
           "\" fill=\"#e0a030\"/>";
    out += text_at(first_x + width / 2, first_top - 3, format_value(group.first, chart.percent));
    out += text_at(second_x + width / 2, second_top - 3, format_value(group.second, chart.percent));
    out += text_at(slot * i + slot / 2, bottom + 13, group.label);
  }
  out += "</svg>";
  return out;
}

}  // namespace gz::reports
