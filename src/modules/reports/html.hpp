// The printable quarterly report: one self-contained HTML page sized for A4, Chinese by
// default, with the charts drawn here as inline SVG. Every text is escaped; the page loads
// nothing and runs nothing (served with kReportCsp).
#pragma once

#include <string>

#include "modules/reports/labels.hpp"
#include "modules/reports/report.hpp"

namespace gz::reports {

// Inline styles and inline SVG only: nothing to fetch, nothing to run.
inline constexpr const char* kReportCsp =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'none'";

std::string render_html(const Report& report, Language language);

}  // namespace gz::reports
