// ImportHouseholds and ExportHouseholds: the registry as staff's spreadsheets hold it, one
// row per resident, household columns repeated. Import is all-or-nothing by default and
// reports every failing row; export masks personal data for roles that may not see it.
#include <boost/json.hpp>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "core/text.hpp"
#include "modules/audit/audit.hpp"
#include "modules/registry/csv.hpp"
#include "modules/registry/household_store.hpp"
#include "modules/registry/permissions.hpp"
#include "modules/registry/registry.hpp"

namespace gz::registry {
namespace {

std::vector<std::string> labels_of(const std::vector<Term>& terms) {
  std::vector<std::string> labels;
  for (const auto& term : terms) {
    if (std::find(labels.begin(), labels.end(), term.label_zh) == labels.end()) {
      labels.emplace_back(term.label_zh);
    }
  }
  return labels;
}

// A member's field error as a sheet's reader needs it: Chinese first.
std::string resident_message(const Error& error) {
  static const std::map<std::string, std::string> kChinese = {
      {"invalid_birth_date", "出生日期须为过去的日期，写成 1956-03-01"},
      {"invalid_id_number", "身份证号不对：18 位，最后一位可为 X，校验位要对"},
      {"invalid_mobile", "手机号须为 11 位数字，以 1 开头"},
      {"invalid_sex", "性别填“男”或“女”"},
      {"invalid_relation", "与户主关系请从可填的值中选"},
      {"invalid_registration", "户籍类型请从可填的值中选"},
      {"invalid_name", "姓名须为 1–50 个字"},
  };
  auto found = kChinese.find(error.code);
  return found == kChinese.end() ? error.message : found->second + " / " + error.message;
}

enum Column {
  kHouseholdCode,
  kBuilding,
  kAddress,
  kHousingType,
  kIncomeBand,
  kWillingness,
  kTags,
  kNeeds,
  kSkills,
  kName,
  kSex,
  kBirthDate,
  kIdNumber,
  kMobile,
  kRelation,
  kRegistration,
  kColumnCount
};

struct ColumnName {
  const char* en;
  const char* zh;
  const char* alias;
};

constexpr ColumnName kColumns[kColumnCount] = {
    {"household_code", "户号", "户编号"},
    {"building", "楼栋", "楼号"},
    {"address", "地址", "住址"},
    {"housing_type", "住房类型", "住房性质"},
    {"income_band", "收入档次", "收入水平"},
    {"willingness", "参与意愿", "参与度"},
    {"tags", "标签", "人群标签"},
    {"needs", "服务需求", "需求"},
    {"skills", "技能特长", "技能"},
    {"name", "姓名", "名字"},
    {"sex", "性别", "性别"},
    {"birth_date", "出生日期", "出生年月日"},
    {"id_number", "身份证号", "公民身份号码"},
    {"mobile", "手机号", "联系电话"},
    {"relation", "与户主关系", "关系"},
    {"registration", "户籍类型", "人口类型"},
};
// What a reader without personal-data rights gets in the birth-date column's place.
constexpr ColumnName kBirthYearColumn = {"birth_year", "出生年份", "出生年份"};

std::vector<std::string> split_list(const std::string& value) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    std::string item = text::trim(current);
    if (!item.empty()) out.push_back(item);
    current.clear();
  };
  for (std::size_t i = 0; i < value.size();) {
    // Separators: ; | , and the full-width ；、，
    if (value[i] == ';' || value[i] == '|' || value[i] == ',') {
      flush();
      ++i;
    } else if (value.compare(i, 3, "；") == 0 || value.compare(i, 3, "、") == 0 ||
               value.compare(i, 3, "，") == 0) {
      flush();
      i += 3;
    } else {
      current.push_back(value[i++]);
    }
  }
  flush();
  return out;
}

struct ParsedRow {
  std::size_t line = 0;
  std::string household_code;
  std::string building;
  HouseholdFields household;
  std::optional<ResidentFields> resident;  // nullopt when the row has no name (empty household)
  bool ok = true;
};

std::string join(const std::vector<std::string>& values, const char* separator) {
  std::string out;
  for (const auto& value : values) {
    if (!out.empty()) out += separator;
    out += value;
  }
  return out;
}

}  // namespace

Result<ImportReport> import_households(storage::Connection& db, const Actor& actor,
                                       std::int64_t community_id, std::string_view bytes,
                                       ImportMode mode) {
  if (!permissions::may_view_community(actor, community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  if (!permissions::may_import(actor, community_id)) {
    return forbidden("only staff of this community may import households");
  }
  if (!community_exists(db, community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  ImportReport report;
  switch (text::detect_encoding(bytes)) {
    case text::Encoding::utf8:
      report.encoding = "utf-8";
      break;
    case text::Encoding::utf8_bom:
      report.encoding = "utf-8-bom";
      break;
    case text::Encoding::gbk:
      report.encoding = "gbk";
      break;
  }
  auto utf8 = text::to_utf8(bytes);
  if (!utf8) {
    return bad_request("invalid_encoding", "the file is neither UTF-8 nor GBK text");
  }
  auto records = csv::parse(*utf8);
  if (!records) return records.take_error();
  if (records->empty()) return bad_request("empty_file", "the file has no header row");

  // Header: map each known column (English code or Chinese name) to its position.
  int position[kColumnCount];
  std::fill(std::begin(position), std::end(position), -1);
  const auto& header = records->front().fields;
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string name = text::to_lower_ascii(text::trim(header[i]));
    for (int c = 0; c < kColumnCount; ++c) {
      if (name == kColumns[c].en || name == kColumns[c].zh || name == kColumns[c].alias) {
        position[c] = static_cast<int>(i);
      }
    }
  }
  for (Column required : {kHouseholdCode, kName}) {
    if (position[required] < 0) {
      return bad_request("missing_column", std::string("表头缺少“") + kColumns[required].zh +
                                               "”列 / the header lacks the column '" +
                                               kColumns[required].en + "'");
    }
  }
  if (position[kAddress] < 0 && position[kBuilding] < 0) {
    return bad_request("missing_column",
                       "表头需要“地址”或“楼栋”列 / the header needs 'address' or 'building'");
  }

  std::vector<ParsedRow> rows;
  auto add_error = [&](ParsedRow& row, int column, std::string code, std::string message,
                       std::vector<std::string> allowed = {}) {
    row.ok = false;
    report.errors.push_back({row.line, column >= 0 ? kColumns[column].en : "",
                             column >= 0 ? kColumns[column].zh : "", std::move(code),
                             std::move(message), std::move(allowed)});
  };
  auto unknown_value = [&](ParsedRow& row, int column, const std::vector<Term>& terms,
                           const std::string& value) {
    add_error(row, column, "invalid_" + std::string(kColumns[column].en),
              std::string("“") + kColumns[column].zh + "”不认识“" + value +
                  "”，请从可填的值中选 / unknown value '" + value + "'",
              labels_of(terms));
  };
  for (std::size_t r = 1; r < records->size(); ++r) {
    const auto& record = (*records)[r];
    auto cell = [&](Column column) -> std::string {
      int at = position[column];
      if (at < 0 || static_cast<std::size_t>(at) >= record.fields.size()) return "";
      return text::trim(record.fields[at]);
    };
    ParsedRow row;
    row.line = record.line;
    row.household_code = cell(kHouseholdCode);
    row.building = cell(kBuilding);
    if (row.household_code.empty()) {
      add_error(row, kHouseholdCode, "missing_field", "户号为空 / household_code is empty");
    }
    std::string address = cell(kAddress);
    if (address.empty()) address = row.building + " " + row.household_code;
    row.household.code = row.household_code;
    row.household.address = address;
    auto enum_cell = [&](Column column, const std::vector<Term>& terms,
                         std::optional<std::string>& target) {
      std::string value = cell(column);
      if (value.empty()) return;
      auto code = find_term(terms, value);
      if (!code) unknown_value(row, column, terms, value);
      target = code;
    };
    enum_cell(kHousingType, housing_types(), row.household.housing_type);
    enum_cell(kIncomeBand, income_bands(), row.household.income_band);
    enum_cell(kWillingness, willingness_levels(), row.household.willingness);
    auto list_cell = [&](Column column, const std::vector<Term>* terms,
                         std::optional<std::vector<std::string>>& target) {
      std::vector<std::string> values;
      for (const auto& item : split_list(cell(column))) {
        if (!terms) {
          values.push_back(item);
          continue;
        }
        auto code = find_term(*terms, item);
        if (!code) {
          unknown_value(row, column, *terms, item);
        } else {
          values.push_back(*code);
        }
      }
      target = values;
    };
    list_cell(kTags, &household_tags(), row.household.tags);
    list_cell(kNeeds, &service_categories(), row.household.needs);
    list_cell(kSkills, nullptr, row.household.skills);
    if (row.household.skills && row.household.skills->size() > 20) {
      add_error(row, kSkills, "invalid_skills", "技能特长最多 20 项 / at most 20 skills");
    }

    std::string name = cell(kName);
    if (!name.empty()) {
      ResidentFields resident;
      resident.name = name;
      auto optional_cell = [&](Column column) -> std::optional<std::string> {
        std::string value = cell(column);
        if (value.empty()) return std::nullopt;
        return value;
      };
      resident.sex = optional_cell(kSex);
      resident.birth_date = optional_cell(kBirthDate);
      if (resident.birth_date) {
        // Excel often writes 1990/1/5; accept it.
        std::string& date = *resident.birth_date;
        std::replace(date.begin(), date.end(), '/', '-');
        int year;
        unsigned month, day;
        if (std::sscanf(date.c_str(), "%d-%u-%u", &year, &month, &day) == 3) {
          char buffer[16];
          std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
          date = buffer;
        }
      }
      resident.id_number = optional_cell(kIdNumber);
      resident.mobile = optional_cell(kMobile);
      resident.relation = optional_cell(kRelation).value_or("other");
      resident.registration = optional_cell(kRegistration).value_or("registered");
      auto valid = validate_resident(resident);
      if (!valid) {
        const Error& error = valid.error();
        int column = -1;
        if (error.code.find("id_number") != std::string::npos) column = kIdNumber;
        if (error.code.find("birth_date") != std::string::npos) column = kBirthDate;
        if (error.code.find("mobile") != std::string::npos) column = kMobile;
        if (error.code.find("sex") != std::string::npos) column = kSex;
        if (error.code.find("name") != std::string::npos) column = kName;
        if (error.code.find("relation") != std::string::npos) column = kRelation;
        if (error.code.find("registration") != std::string::npos) column = kRegistration;
        std::vector<std::string> allowed;
        if (column == kSex) allowed = labels_of(sexes());
        if (column == kRelation) allowed = labels_of(relations());
        if (column == kRegistration) allowed = labels_of(registrations());
        add_error(row, column, error.code, resident_message(error), std::move(allowed));
      } else {
        row.resident = std::move(resident);
      }
    }
    rows.push_back(std::move(row));
  }
  report.rows = static_cast<std::int64_t>(rows.size());

  // Cross-row and database checks: duplicate ID numbers, households that already exist.
  std::map<std::string, std::vector<ParsedRow*>> by_household;
  std::vector<std::string> household_order;
  std::map<std::string, std::size_t> id_seen;
  for (auto& row : rows) {
    if (row.household_code.empty()) continue;
    if (!by_household.count(row.household_code)) household_order.push_back(row.household_code);
    by_household[row.household_code].push_back(&row);
    if (row.resident && row.resident->id_number) {
      const std::string& id = *row.resident->id_number;
      auto [it, inserted] = id_seen.emplace(id, row.line);
      if (!inserted) {
        add_error(row, kIdNumber, "duplicate_id_number",
                  "身份证号与第 " + std::to_string(it->second) +
                      " 行重复 / ID number also on line " + std::to_string(it->second));
      } else if (db.query_one("SELECT id FROM residents WHERE community_id = ? AND id_number = ?",
                              {community_id, id})) {
        add_error(row, kIdNumber, "resident_exists",
                  "这个身份证号的居民已经登记过 / a resident with this ID number is already "
                  "registered");
      }
    }
  }
  for (const auto& code : household_order) {
    if (db.query_one("SELECT id FROM households WHERE community_id = ? AND code = ?",
                     {community_id, code})) {
      ParsedRow& first = *by_household[code].front();
      add_error(first, kHouseholdCode, "household_exists",
                "户号“" + code + "”在本社区已经有了 / household '" + code +
                    "' already exists in this community");
    }
  }
  // Warnings: a building the community lacks (a typo creates a new one), a household without
  // its head.
  {
    std::set<std::string> known;
    for (const auto& row :
         db.query("SELECT name FROM buildings WHERE community_id = ?", {community_id})) {
      known.insert(row.text(0));
    }
    std::set<std::string> warned;
    for (const auto& row : rows) {
      if (row.building.empty() || known.count(row.building) ||
          !warned.insert(row.building).second) {
        continue;
      }
      report.warnings.push_back({row.line,
                                 kColumns[kBuilding].en,
                                 kColumns[kBuilding].zh,
                                 "new_building",
                                 "楼栋“" + row.building +
                                     "”在本社区还没有，导入时会新建，请确认名称无误 / building '" +
                                     row.building + "' is new: it will be created",
                                 {}});
    }
    // Only a sheet that says who is the head can lack one.
    for (const auto& code :
         position[kRelation] >= 0 ? household_order : std::vector<std::string>{}) {
      const auto& members = by_household[code];
      bool has_head = std::any_of(members.begin(), members.end(), [](const ParsedRow* row) {
        return row->resident && row->resident->relation == "self";
      });
      if (!has_head) {
        report.warnings.push_back({members.front()->line,
                                   kColumns[kRelation].en,
                                   kColumns[kRelation].zh,
                                   "no_head",
                                   "户号“" + code +
                                       "”没有户主（与户主关系填“户主”的一行） / household '" +
                                       code + "' has no head",
                                   {}});
      }
    }
    std::sort(report.warnings.begin(), report.warnings.end(),
              [](const auto& a, const auto& b) { return a.line < b.line; });
  }
  std::sort(report.errors.begin(), report.errors.end(),
            [](const auto& a, const auto& b) { return a.line < b.line; });
  if (mode == ImportMode::dry_run) return report;
  if (!report.errors.empty() && mode == ImportMode::all_or_nothing) return report;

  storage::with_transaction(db, storage::TxMode::write, [&] {
    std::map<std::string, std::int64_t> buildings;
    for (const auto& row :
         db.query("SELECT id, name FROM buildings WHERE community_id = ?", {community_id})) {
      buildings[row.text(1)] = row.integer(0);
    }
    std::string now = now_iso8601();
    for (const auto& code : household_order) {
      auto& members = by_household[code];
      bool all_ok = std::all_of(members.begin(), members.end(), [](auto* row) { return row->ok; });
      if (!all_ok) continue;
      ParsedRow& first = *members.front();
      std::optional<std::int64_t> building_id;
      if (!first.building.empty()) {
        auto found = buildings.find(first.building);
        if (found == buildings.end()) {
          std::int64_t id = db.query_one(
                                  "INSERT INTO buildings (community_id, name, created_at) VALUES "
                                  "(?, ?, ?) RETURNING id",
                                  {community_id, first.building, now})
                                ->integer(0);
          audit::append(db, actor,
                        {community_id, "building.create", "building", std::to_string(id),
                         boost::json::object{{"name", first.building}, {"source", "import"}}});
          found = buildings.emplace(first.building, id).first;
          ++report.buildings_created;
        }
        building_id = found->second;
      }
      const HouseholdFields& fields = first.household;
      std::int64_t resident_count = 0;
      for (auto* row : members) resident_count += row->resident.has_value();
      std::int64_t household_id =
          db.query_one(
                "INSERT INTO households (community_id, building_id, code, address, housing_type, "
                "size, income_band, willingness, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ?) RETURNING id",
                {community_id, storage::opt_int(building_id), code, *fields.address,
                 fields.housing_type.value_or("owner"), std::max<std::int64_t>(1, resident_count),
                 fields.income_band.value_or("unknown"), fields.willingness.value_or("unknown"),
                 now, now})
              ->integer(0);
      std::set<std::pair<std::string, std::string>> labels;
      for (auto* row : members) {
        for (const auto& tag : row->household.tags.value_or(std::vector<std::string>{}))
          labels.insert({"tag", tag});
        for (const auto& need : row->household.needs.value_or(std::vector<std::string>{}))
          labels.insert({"need", need});
        for (const auto& skill : row->household.skills.value_or(std::vector<std::string>{}))
          labels.insert({"skill", skill});
      }
      if (fields.housing_type.value_or("owner") == "tenant") labels.insert({"tag", "tenant"});
      for (const auto& [kind, value] : labels) {
        db.execute(
            "INSERT INTO household_labels (community_id, household_id, kind, value) VALUES (?, ?, "
            "?, ?)",
            {community_id, household_id, kind, value});
      }
      boost::json::array residents_json;
      std::vector<audit::RowRef> written_rows{{&household_rows(), household_id}};
      for (auto* row : members) {
        if (!row->resident) continue;
        const ResidentFields& resident = *row->resident;
        std::int64_t resident_id =
            db.query_one(
                  "INSERT INTO residents (community_id, household_id, name, sex, birth_date, "
                  "id_number, mobile, relation, registration, created_at) VALUES (?, ?, ?, ?, ?, "
                  "?, "
                  "?, ?, ?, ?) RETURNING id",
                  {community_id, household_id, resident.name, *resident.sex,
                   storage::opt_text(resident.birth_date), storage::opt_text(resident.id_number),
                   storage::opt_text(resident.mobile), resident.relation, resident.registration,
                   now})
                ->integer(0);
        boost::json::object item{{"id", resident_id}, {"name", resident.name}};
        if (resident.id_number) item["id_number"] = pii::mask_id_number(*resident.id_number);
        if (resident.mobile) item["mobile"] = pii::mask_mobile(*resident.mobile);
        residents_json.push_back(std::move(item));
        written_rows.push_back({&resident_rows(), resident_id});
        ++report.residents_created;
      }
      audit::append(db, actor,
                    {community_id, "household.import", "household", std::to_string(household_id),
                     boost::json::object{{"code", code},
                                         {"address", *fields.address},
                                         {"residents", std::move(residents_json)}},
                     written_rows});
      ++report.households_created;
    }
  });
  report.written = true;
  return report;
}

Result<std::string> export_households(storage::Connection& db, const Actor& actor,
                                      std::int64_t community_id, Language language) {
  GZ_TRY(require_member(db, actor, community_id));
  if (!permissions::may_export(actor, community_id)) {
    return forbidden("your role may not export the registry");
  }
  const pii::Reader reader = permissions::personal_data_reader(actor, community_id);
  const bool full = reader == pii::Reader::entitled;
  bool zh = language == Language::zh;
  std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads UTF-8 correctly
  std::vector<std::string> header;
  for (int column = 0; column < kColumnCount; ++column) {
    const ColumnName& name = column == kBirthDate && !full ? kBirthYearColumn : kColumns[column];
    header.push_back(zh ? name.zh : name.en);
  }
  out += csv::format_row(header);

  HouseholdFilter filter;
  filter.community_id = community_id;
  filter.page_size = 1000;
  std::int64_t exported_residents = 0;
  for (filter.page = 1;; ++filter.page) {
    HouseholdPage page = query_households(db, filter);
    for (const auto& household : page.items) {
      auto residents = load_residents(db, household.id);
      auto term = [&](const std::vector<Term>& terms, const std::string& code) {
        return zh ? label_of(terms, code) : code;
      };
      auto terms_joined = [&](const std::vector<Term>& terms,
                              const std::vector<std::string>& codes) {
        std::vector<std::string> values;
        for (const auto& code : codes) values.push_back(term(terms, code));
        return join(values, ";");
      };
      std::vector<std::string> skills;
      for (const auto& skill : household.skills) skills.push_back(pii::text_for(reader, skill));
      std::vector<std::string> base = {household.code,
                                       household.building_name.value_or(""),
                                       pii::text_for(reader, household.address),
                                       term(housing_types(), household.housing_type),
                                       term(income_bands(), household.income_band),
                                       term(willingness_levels(), household.willingness),
                                       terms_joined(household_tags(), household.tags),
                                       terms_joined(service_categories(), household.needs),
                                       join(skills, ";")};
      if (residents.empty()) {
        std::vector<std::string> row = base;
        row.resize(kColumnCount);
        out += csv::format_row(row);
      }
      for (auto& resident : residents) {
        if (!full) mask_personal_data(resident);
        std::vector<std::string> row = base;
        row.push_back(resident.name);
        row.push_back(term(sexes(), resident.sex));
        if (full) {
          row.push_back(resident.birth_date.value_or(""));
        } else {
          row.push_back(resident.birth_year ? std::to_string(*resident.birth_year) : "");
        }
        row.push_back(resident.id_number.value_or(""));
        row.push_back(resident.mobile.value_or(""));
        row.push_back(term(relations(), resident.relation));
        row.push_back(term(registrations(), resident.registration));
        out += csv::format_row(row);
        ++exported_residents;
      }
    }
    if (static_cast<std::int64_t>(page.items.size()) < filter.page_size) break;
  }
  if (full && exported_residents > 0) {
    storage::with_transaction(db, storage::TxMode::write, [&] {
      audit::append(db, actor,
                    {community_id, "pii.export", "community", std::to_string(community_id),
                     boost::json::object{{"residents", exported_residents}}});
    });
  }
  return out;
}

}  // namespace gz::registry
