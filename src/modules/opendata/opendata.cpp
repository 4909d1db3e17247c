// The open dataset of a community's quarter (opendata.hpp).
#include "modules/opendata/opendata.hpp"

#include <boost/json.hpp>
#include <cstdio>
#include <map>

#include "core/clock.hpp"
#include "modules/audit/audit.hpp"
#include "modules/indicators/indicators.hpp"
#include "modules/registry/registry.hpp"
#include "modules/transparency/transparency.hpp"

namespace gz::opendata {
namespace {

std::string number(double value) {
  char out[32];
  std::snprintf(out, sizeof out, "%.4g", value);
  return out;
}

std::string optional_number(const std::optional<double>& value) {
  return value ? number(*value) : std::string();
}

std::string optional_bool(const std::optional<bool>& value) {
  return value ? (*value ? "true" : "false") : "";
}

struct Field {
  const char* name;
  const char* type;
  const char* meaning;
};

constexpr Field kRequestFields[] = {
    {"received_date", "date", "the day the request was received (Asia/Shanghai)"},
    {"category", "string",
     "request category code (categories with fewer than 3 requests in "
     "the quarter are reported as other)"},
    {"priority", "string", "red (urgent), yellow (important) or blue (routine)"},
    {"channel", "string", "app, web, phone, counter, building_corner or open311"},
    {"status", "string", "the request's state when the data was built"},
    {"response_hours", "number", "hours from receipt to the first response, one decimal"},
    {"resolution_hours", "number", "hours from receipt to resolution, one decimal"},
    {"responded_on_time", "boolean",
     "first response within its deadline; empty while still "
     "inside it"},
    {"resolved_on_time", "boolean", "resolved within its deadline; empty while still inside it"},
    {"referred", "boolean", "referred to the street or a department"},
    {"rating", "integer", "the resident's rating 1-5, empty when not rated"},
};
constexpr Field kPlanFields[] = {
    {"plan_id", "integer", "the plan's number on the public board"},
    {"quarter", "string", "the plan's quarter"},
    {"stage", "string", "the plan's stage (public_notice, executing, closed, …)"},
    {"unit", "string", "fen (money, 1/100 yuan) or a service unit"},
    {"position", "integer", "the line's place in the plan"},
    {"category", "string", "the service category of the line"},
    {"planned", "integer", "amount planned for the line, in the unit"},
    {"spent", "integer", "amount spent so far (final once closed)"},
    {"households_served", "integer", "households the line has served"},
};
constexpr Field kIndicatorFields[] = {
    {"key", "string", "indicator key (participation_rate, response_rate, …)"},
    {"value", "number", "the indicator's value for the quarter, empty without data"},
    {"target", "number", "the community's target"},
    {"status", "string", "met, not_met or no_data"},
    {"numerator", "number", "the count above the line"},
    {"denominator", "number", "the count below the line"},
};

template <std::size_t N>
boost::json::array fields_json(const Field (&fields)[N]) {
  boost::json::array out;
  for (const auto& field : fields) {
    out.push_back(boost::json::object{
        {"name", field.name}, {"type", field.type}, {"meaning", field.meaning}});
  }
  return out;
}

template <std::size_t N>
std::vector<std::string> header(const Field (&fields)[N]) {
  std::vector<std::string> out;
  for (const auto& field : fields) out.emplace_back(field.name);
  return out;
}

}  // namespace

Result<Dataset> build(storage::Connection& db, std::int64_t community_id,
                      const std::string& quarter, std::int64_t now_ms) {
  auto period = Period::parse(quarter);
  if (!period || period->months != 3) {
    return bad_request("invalid_quarter", "quarter must be like 2026Q3");
  }
  if (period->from_ms > now_ms) {
    return bad_request("invalid_quarter", "the quarter has not started");
  }
  auto community = registry::get_community(db, audit::system_actor(), community_id);
  if (!community) return not_found("no community " + std::to_string(community_id));
  Dataset out;
  out.community_id = community_id;
  out.community_name = community->name;
  out.street = community->street;
  out.quarter = period->label;
  out.partial = period->to_ms > now_ms;

  out.requests = requests::open_records(db, community_id, period->from_ms, period->to_ms, now_ms);
  // A rare category could point at the one household that asked: merged into "other".
  std::map<std::string, int> counts;
  for (const auto& record : out.requests) ++counts[record.category];
  for (auto& record : out.requests) {
    if (counts[record.category] < kMinCategoryCount) record.category = "other";
  }

  if (auto notices = transparency::public_notices(db, community_id, now_ms)) {
    for (const auto& notice : *notices) {
      if (notice.status.quarter != period->label) continue;
      auto board = transparency::public_plan(db, notice.status.plan_id, now_ms);
      if (!board) continue;
      for (const auto& line : board->progress.lines) {
        out.plan_lines.push_back({notice.status.plan_id, notice.status.quarter,
                                  std::string(transparency::stage_name(notice.status.stage)),
                                  notice.status.unit, line.position, line.category, line.planned,
                                  line.spent, line.households_served});
      }
    }
  }

  indicators::Scope scope;
  scope.community_id = community_id;
  if (auto report =
          indicators::load_indicators(db, audit::system_actor(), scope, *period, now_ms)) {
    for (const auto& indicator : report->indicators) {
      out.indicators.push_back({indicator.key, indicator.value, indicator.target,
                                std::string(indicators::status_name(indicator.status)),
                                indicator.numerator, indicator.denominator});
    }
  }
  return out;
}

std::optional<Table> parse_table(const std::string& name) {
  if (name == "requests") return Table::requests;
  if (name == "plan_lines") return Table::plan_lines;
  if (name == "indicators") return Table::indicators;
  return std::nullopt;
}

std::string to_csv(const Dataset& dataset, Table table) {
  using registry::csv::format_row;
  std::string out = "\xEF\xBB\xBF";
  switch (table) {
    case Table::requests:
      out += format_row(header(kRequestFields));
      for (const auto& r : dataset.requests) {
        out += format_row({r.received_date, r.category, r.priority, r.channel, r.status,
                           optional_number(r.response_hours), optional_number(r.resolution_hours),
                           optional_bool(r.responded_on_time), optional_bool(r.resolved_on_time),
                           r.referred ? "true" : "false",
                           r.rating ? std::to_string(*r.rating) : std::string()});
      }
      break;
    case Table::plan_lines:
      out += format_row(header(kPlanFields));
      for (const auto& l : dataset.plan_lines) {
        out += format_row({std::to_string(l.plan_id), l.quarter, l.stage, l.unit,
                           std::to_string(l.position), l.category, std::to_string(l.planned),
                           std::to_string(l.spent), std::to_string(l.households_served)});
      }
      break;
    case Table::indicators:
      out += format_row(header(kIndicatorFields));
      for (const auto& i : dataset.indicators) {
        out += format_row({i.key, optional_number(i.value), number(i.target), i.status,
                           optional_number(i.numerator), optional_number(i.denominator)});
      }
      break;
  }
  return out;
}

std::string schema_json() {
  boost::json::object schema{
      {"title", "共治 社区开放数据 / Gongzhi community open data"},
      {"licence", kLicence},
      {"licence_url", kLicenceUrl},
      {"attribution", "共治社区服务平台，{community} {quarter}"},
      {"granularity",
       "one dataset per community and quarter; JSON with every table, or one CSV "
       "per table"},
      {"anonymisation",
       boost::json::array{
           "no tracking codes, descriptions, places, households, residents, handlers or names",
           "request times are days; durations are hours with one decimal",
           "a request category with fewer than 3 requests in the quarter is reported as other",
           "plans are reported by line: planned, spent and households served, not the "
           "households themselves",
       }},
      {"tables", boost::json::object{{"requests", fields_json(kRequestFields)},
                                     {"plan_lines", fields_json(kPlanFields)},
                                     {"indicators", fields_json(kIndicatorFields)}}}};
  return boost::json::serialize(schema);
}

}  // namespace gz::opendata
