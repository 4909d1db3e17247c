// The XLSX writer; see xlsx.hpp.
#include "modules/reports/xlsx.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace gz::reports {
namespace {

Error xlsx_error(const std::string& what) {
  return make_error(ErrorKind::internal, "xlsx_failed", "cannot write the workbook: " + what);
}

}  // namespace

Result<void> write_xlsx(const std::vector<Figure>& figures, const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (!workbook) return xlsx_error("cannot create " + path);
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  format_set_bottom(bold, LXW_BORDER_THIN);
  lxw_format* share = workbook_add_format(workbook);
  format_set_num_format(share, "0.0%");
  lxw_format* plain = workbook_add_format(workbook);
  format_set_num_format(plain, "#,##0.####");
  for (const auto& section : kSections) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, section.c_str());
    if (!sheet) {
      workbook_close(workbook);
      return xlsx_error("cannot add the sheet " + section);
    }
    worksheet_set_column(sheet, 0, 0, 12, nullptr);
    worksheet_set_column(sheet, 1, 1, 36, nullptr);
    worksheet_set_column(sheet, 2, 2, 40, nullptr);
    worksheet_set_column(sheet, 3, 7, 13, nullptr);
    for (std::size_t column = 0; column < kFigureColumns.size(); ++column) {
      worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(column),
                             kFigureColumns[column].c_str(), bold);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    lxw_row_t row = 1;
    for (const auto& figure : figures) {
      if (figure.section != section) continue;
      // Text cells are stored as strings, never formulas, so no injection guard is needed.
      worksheet_write_string(sheet, row, 0, figure.section.c_str(), nullptr);
      worksheet_write_string(sheet, row, 1, figure.key.c_str(), nullptr);
      worksheet_write_string(sheet, row, 2, figure.label.c_str(), nullptr);
      lxw_format* value_format = figure.share ? share : plain;
      if (figure.value) worksheet_write_number(sheet, row, 3, *figure.value, value_format);
      if (figure.target) worksheet_write_number(sheet, row, 4, *figure.target, value_format);
      if (!figure.status.empty()) {
        worksheet_write_string(sheet, row, 5, figure.status.c_str(), nullptr);
      }
      if (figure.numerator) worksheet_write_number(sheet, row, 6, *figure.numerator, plain);
      if (figure.denominator) worksheet_write_number(sheet, row, 7, *figure.denominator, plain);
      ++row;
    }
  }
  lxw_error status = workbook_close(workbook);
  if (status != LXW_NO_ERROR) return xlsx_error(lxw_strerror(status));
  return {};
}

Result<std::string> xlsx_bytes(const std::vector<Figure>& figures) {
  std::string path = (std::filesystem::temp_directory_path() / "gongzhi-report-XXXXXX").string();
  int descriptor = ::mkstemp(path.data());
  if (descriptor < 0) return xlsx_error("no temporary file");
  ::close(descriptor);
  auto written = write_xlsx(figures, path);
  std::string bytes;
  if (written) {
    std::ifstream file(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  }
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  if (!written) return written.take_error();
  if (bytes.empty()) return xlsx_error("empty workbook");
  return bytes;
}

}  // namespace gz::reports
