#include "modules/requests/demo/community.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

#include "core/clock.hpp"
#include "core/pii.hpp"

namespace gz::requests::demo {
namespace {

// The digits just before `marker` in `text` ("2单元" → 2); nullopt when there are none.
std::optional<int> number_before(std::string_view text, std::string_view marker,
                                 std::size_t& position) {
  const std::size_t at = text.find(marker, position);
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t begin = at;
  while (begin > position && text[begin - 1] >= '0' && text[begin - 1] <= '9') --begin;
  if (begin == at || at - begin > 6) return std::nullopt;
  position = at + marker.size();
  return std::stoi(std::string(text.substr(begin, at - begin)));
}

// Building, unit and room from an address like "幸福里社区3号楼2单元301室".
void read_address(const std::string& address, const std::string& building_name,
                  Household& household) {
  std::size_t position = 0;
  auto building = number_before(address, "号楼", position);
  household.building = building ? std::to_string(*building) + "号楼"
                                : (building_name.empty() ? std::string("1号楼") : building_name);
  if (!building) position = 0;
  auto unit = number_before(address, "单元", position);
  auto room = number_before(address, "室", position);
  household.unit = unit.value_or(1);
  household.room = room.value_or(101);
  household.floor = std::max(1, household.room / 100);
}

int age_at(const std::string& birth_date, std::int64_t as_of_ms) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  if (!parse_date(birth_date, year, month, day)) return 40;
  int as_of_year = 0;
  unsigned as_of_month = 0;
  unsigned as_of_day = 0;
  civil_from_days(shanghai_day(as_of_ms), as_of_year, as_of_month, as_of_day);
  int age = as_of_year - year;
  if (as_of_month < month || (as_of_month == month && as_of_day < day)) --age;
  return age;
}

}  // namespace

std::string first_character(const std::string& text) {
  if (text.empty()) return "";
  const auto lead = static_cast<unsigned char>(text[0]);
  const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return text.substr(0, std::min(length, text.size()));
}

std::string salutation(const Member& member) {
  const std::string surname = first_character(member.name);
  if (member.age >= 60) return surname + (member.male ? "大伯" : "阿姨");
  return surname + (member.male ? "先生" : "女士");
}

Community load_community(storage::Connection& db, std::int64_t community_id,
                         std::int64_t as_of_ms) {
  Community community;
  community.id = community_id;
  // People first: households point at them.
  for (const auto& row : db.query(
           "SELECT u.id, u.username, u.role, COALESCE(u.display_name, u.username) FROM users u "
           "JOIN user_communities uc ON uc.user_id = u.id WHERE uc.community_id = ? AND "
           "u.disabled = 0 AND u.role IN ('staff', 'guide', 'street') ORDER BY u.id",
           {community_id})) {
    community.people.push_back(
        {row.integer(0), row.text(1), parse_role(row.text(2)).value_or(Role::staff), row.text(3)});
  }
  std::vector<std::pair<std::int64_t, std::size_t>> logins;  // household → person
  for (const auto& row :
       db.query("SELECT u.id, u.username, COALESCE(u.display_name, u.username), u.household_id "
                "FROM users u JOIN households h ON h.id = u.household_id WHERE u.role = "
                "'resident' AND u.disabled = 0 AND h.community_id = ? ORDER BY u.id",
                {community_id})) {
    logins.emplace_back(row.integer(3), community.people.size());
    community.people.push_back({row.integer(0), row.text(1), Role::resident, row.text(2)});
  }
  for (const auto& person : community.people) {
    community.by_user_id[person.user_id] = &person;
    if (person.role == Role::staff) community.staff.push_back(&person);
    if (person.role == Role::guide) community.guides.push_back(&person);
    if (person.role == Role::street) community.street_user_ids.push_back(person.user_id);
  }

  std::unordered_map<std::int64_t, std::size_t> index;
  for (const auto& row : db.query(
           "SELECT h.id, h.address, COALESCE(h.guide_user_id, 0), COALESCE(b.name, '') FROM "
           "households h LEFT JOIN buildings b ON b.id = h.building_id WHERE h.community_id = ? "
           "ORDER BY h.id",
           {community_id})) {
    Household household;
    household.id = row.integer(0);
    read_address(row.text(1), row.text(3), household);
    household.guide_user_id = row.integer(2);
    index[household.id] = community.households.size();
    community.households.push_back(std::move(household));
  }
  for (const auto& row : db.query(
           "SELECT household_id, value FROM household_labels WHERE community_id = ? AND kind = "
           "'tag' AND value IN ('elderly', 'elderly_alone')",
           {community_id})) {
    auto found = index.find(row.integer(0));
    if (found == index.end()) continue;
    auto& household = community.households[found->second];
    (row.text(1) == "elderly" ? household.elderly : household.elderly_alone) = true;
  }
  for (const auto& row : db.query(
           "SELECT household_id, name, sex, COALESCE(birth_date, ''), mobile FROM residents WHERE "
           "community_id = ? ORDER BY id",
           {community_id})) {
    auto found = index.find(row.integer(0));
    if (found == index.end()) continue;
    Member member{row.text(1), row.text(2) == "male", age_at(row.text(3), as_of_ms),
                  row.opt_text(4)};
    if (member.mobile && !pii::is_valid_mobile(*member.mobile)) member.mobile.reset();
    if (member.mobile) member.mobile = pii::normalize_mobile(*member.mobile);
    community.households[found->second].members.push_back(std::move(member));
  }
  std::map<std::string, int> top_floor;
  for (const auto& household : community.households) {
    int& top = top_floor[household.building];
    top = std::max(top, household.floor);
  }
  for (std::size_t i = 0; i < community.households.size(); ++i) {
    auto& household = community.households[i];
    household.top_floor = top_floor[household.building];
    community.by_building[household.building].push_back(i);
    if (household.top_floor >= 8) community.high_rise.push_back(i);
    if (household.elderly || household.elderly_alone) community.elderly.push_back(i);
    if (household.elderly_alone) community.elderly_alone.push_back(i);
  }
  for (const auto& [household_id, person] : logins) {
    auto found = index.find(household_id);
    if (found == index.end()) continue;
    community.households[found->second].login = &community.people[person];
    community.with_login.push_back(&community.households[found->second]);
  }

  community.category_rows = list_categories(db, community_id);
  for (const auto& category : community.category_rows) {
    community.categories[category.code] = &category;
  }
  for (const auto& department : list_departments(db, community_id)) {
    community.departments.emplace(department.code, department.name_zh);
  }
  community.rules = list_triage_rules(db, community_id);  // as submit_request applies them
  return community;
}

}  // namespace gz::requests::demo
