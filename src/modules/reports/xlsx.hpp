// The report as an XLSX workbook through Debian's libxlsxwriter: one sheet per section of the
// figures (figures.hpp), the header row bold, numbers as numbers and shares formatted as
// percentages.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "modules/reports/figures.hpp"

namespace gz::reports {

// Writes the workbook to `path` (replacing it). Errors: internal "xlsx_failed".
Result<void> write_xlsx(const std::vector<Figure>& figures, const std::string& path);
// The workbook's bytes, written through a temporary file that is removed afterwards.
Result<std::string> xlsx_bytes(const std::vector<Figure>& figures);

}  // namespace gz::reports
