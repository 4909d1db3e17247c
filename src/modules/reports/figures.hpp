// The report flattened to one row per figure — section, key, label, value, target, status,
// numerator, denominator — which the CSV and the XLSX writers share. Sections, in order:
// indicators, trend, plans, fairness, requests, warnings, improvements.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "modules/reports/labels.hpp"
#include "modules/reports/report.hpp"

namespace gz::reports {

struct Figure {
  std::string section;
  std::string key;
  std::string label;
  std::optional<double> value;
  std::optional<double> target;
  std::string status;
  std::optional<double> numerator;
  std::optional<double> denominator;
  bool share = false;  // value and target are fractions, shown as percentages
};

extern const std::vector<std::string> kSections;
extern const std::vector<std::string> kFigureColumns;

std::vector<Figure> report_figures(const Report& report, Language language);

// UTF-8 with a byte-order mark (for spreadsheets), CRLF line ends, a header row, and every
// text field through the registry export's formula-injection rule; numbers are written as
// plain decimals.
std::string render_csv(const std::vector<Figure>& figures);

}  // namespace gz::reports
