// Open data (开放数据), the contract of the opendata module: a public, anonymised dataset per
// community and quarter — the requests received (category, priority, channel, timing and
// outcome), the plans' lines (planned and spent, households served) and the indicators — in
// JSON and CSV, with a documented schema and licence (CC BY 4.0). Nothing in it identifies a
// household or a person: no tracking codes, texts, places, households, handlers or names;
// request times are days, durations hours; a request category with fewer than three requests
// in the quarter is merged into "other" so a rare case cannot be told apart. No login;
// permissions.hpp says so. routes.hpp is wired by src/app.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "modules/requests/requests.hpp"
#include "storage/database.hpp"

namespace gz::opendata {

inline constexpr const char* kLicence = "CC BY 4.0";
inline constexpr const char* kLicenceUrl = "https://creativecommons.org/licenses/by/4.0/";
inline constexpr int kMinCategoryCount = 3;

struct PlanLine {
  std::int64_t plan_id = 0;
  std::string quarter;
  std::string stage;
  std::string unit;
  std::int64_t position = 0;
  std::string category;
  std::int64_t planned = 0;
  std::int64_t spent = 0;
  std::int64_t households_served = 0;
};

struct IndicatorRow {
  std::string key;
  std::optional<double> value;
  double target = 0;
  std::string status;
  std::optional<double> numerator;
  std::optional<double> denominator;
};

struct Dataset {
  std::int64_t community_id = 0;
  std::string community_name;
  std::optional<std::string> street;
  std::string quarter;
  bool partial = false;  // the quarter has not ended yet
  std::vector<requests::OpenRecord> requests;
  std::vector<PlanLine> plan_lines;
  std::vector<IndicatorRow> indicators;
};

// 404 community; 400 invalid_quarter (not like 2026Q3, or a quarter that has not started).
Result<Dataset> build(storage::Connection& db, std::int64_t community_id,
                      const std::string& quarter, std::int64_t now_ms);

// The tables as CSV (UTF-8 with a BOM so spreadsheet programs read the Chinese; a header row
// of the schema's field names).
enum class Table { requests, plan_lines, indicators };
std::optional<Table> parse_table(const std::string& name);
std::string to_csv(const Dataset& dataset, Table table);

// The schema: each table's fields with type and meaning, the anonymisation rules, the licence.
std::string schema_json();

}  // namespace gz::opendata
