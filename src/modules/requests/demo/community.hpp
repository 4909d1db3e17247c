// The community as the requests demo sees it, loaded from the registry demo's rows: its
// households (building, unit, room and floor read from the address; elderly tags; adult
// members with a valid mobile), the staff, guides, street supervisors and resident logins
// who act in the plan, and the categories, departments and triage rules submit_request
// applies. Internal to the requests demo.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/actor.hpp"
#include "modules/requests/requests.hpp"
#include "storage/database.hpp"

namespace gz::requests::demo {

struct Person {
  std::int64_t user_id = 0;  // 0: a resident without a login
  std::string username;
  Role role = Role::resident;
  std::string display_name;
};

struct Member {
  std::string name;
  bool male = false;
  int age = 40;
  std::optional<std::string> mobile;
};

struct Household {
  std::int64_t id = 0;
  std::string building;  // "3号楼"
  int unit = 1;
  int room = 101;
  int floor = 1;
  int top_floor = 1;  // of its building
  std::int64_t guide_user_id = 0;
  bool elderly = false;
  bool elderly_alone = false;
  std::vector<Member> members;
  const Person* login = nullptr;  // a resident login of this household, if any

  std::string short_address() const {
    return building + std::to_string(unit) + "单元" + std::to_string(room) + "室";
  }
};

// The first character of UTF-8 text (a surname).
std::string first_character(const std::string& text);
// How staff address a caller: 王女士, 李先生, 陈阿姨, 张大伯.
std::string salutation(const Member& member);

struct Community {
  std::int64_t id = 0;
  std::vector<Household> households;
  std::vector<Person> people;  // staff, guides, street supervisors and resident logins
  std::vector<const Person*> staff;
  std::vector<const Person*> guides;
  std::vector<std::int64_t> street_user_ids;
  std::unordered_map<std::int64_t, const Person*> by_user_id;
  std::map<std::string, std::vector<std::size_t>> by_building;
  std::vector<std::size_t> high_rise;
  std::vector<std::size_t> elderly;
  std::vector<std::size_t> elderly_alone;
  std::vector<const Household*> with_login;
  std::map<std::string, const Category*> categories;
  std::vector<Category> category_rows;
  std::map<std::string, std::string> departments;  // code → name
  std::vector<TriageRule> rules;
};

// Ages are counted to `as_of_ms`.
Community load_community(storage::Connection& db, std::int64_t community_id, std::int64_t as_of_ms);

}  // namespace gz::requests::demo
