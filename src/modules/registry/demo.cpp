// GenerateDemo: plans each community in memory from a seeded PRNG, then writes it one
// building per transaction (statement texts are constants, so the driver's prepared-statement
// cache serves every row). Households are drawn from fixed quotas of household kinds rather
// than independently, so the totals (residents, migrants, share aged 60+) stay close to the
// targets for every seed and every community size.
#include "modules/registry/demo.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_set>
#include <utility>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/pii.hpp"
#include "core/random.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/registry/model.hpp"

namespace gz::registry {
namespace {

// ---- The demo's "today" is the Shanghai day of its as_of: ages, newborns and timestamps are
// relative to it. Households were registered over the year before it (363 days: from
// 2025-12-01 for the reference date 2026-11-29).
constexpr std::int64_t kRecordDays = 363;

constexpr int kCaseloadMax = static_cast<int>(kDefaultCaseloadCap);
constexpr int kGuidesMin = 5;

constexpr std::string_view kCity = "杭州市";
constexpr std::string_view kDistrict = "西湖区";
constexpr std::string_view kStreet = "北山街道";
constexpr std::string_view kDistrictCode = "330106";

// Demo randomness: gz::Rng (core/random.hpp).

struct Weighted {
  std::string_view value;
  int weight;
};

std::string_view pick(Rng& rng, std::span<const Weighted> table) {
  int total = 0;
  for (const auto& entry : table) total += entry.weight;
  int roll = rng.between(0, total - 1);
  for (const auto& entry : table) {
    if (roll < entry.weight) return entry.value;
    roll -= entry.weight;
  }
  return table.back().value;
}

std::string_view pick(Rng& rng, std::span<const std::string_view> items) {
  return items[static_cast<std::size_t>(rng.between(0, static_cast<int>(items.size()) - 1))];
}

struct AgeBand {
  int low;
  int high;
  int weight;
};

int age_in(Rng& rng, std::span<const AgeBand> bands) {
  int total = 0;
  for (const auto& band : bands) total += band.weight;
  int roll = rng.between(0, total - 1);
  for (const auto& band : bands) {
    if (roll < band.weight) return rng.between(band.low, band.high);
    roll -= band.weight;
  }
  return bands.back().high;
}

// ---- Reference data.

// The commonest surnames with weights in tenths of a percent of the population (2020
// census order), plus a few that are typical of Zhejiang.
constexpr Weighted kSurnames[] = {
    {"王", 71}, {"李", 70}, {"张", 64}, {"刘", 54}, {"陈", 46}, {"杨", 31}, {"黄", 25}, {"赵", 20},
    {"吴", 20}, {"周", 19}, {"徐", 15}, {"孙", 15}, {"马", 13}, {"朱", 13}, {"胡", 12}, {"郭", 12},
    {"何", 11}, {"高", 11}, {"林", 11}, {"罗", 10}, {"郑", 9},  {"梁", 9},  {"谢", 8},  {"宋", 7},
    {"唐", 7},  {"许", 7},  {"韩", 7},  {"冯", 7},  {"邓", 7},  {"曹", 6},  {"彭", 6},  {"曾", 6},
    {"肖", 6},  {"田", 5},  {"董", 5},  {"袁", 5},  {"潘", 5},  {"于", 5},  {"蒋", 5},  {"蔡", 5},
    {"余", 5},  {"杜", 4},  {"叶", 4},  {"程", 4},  {"沈", 4},  {"魏", 4},  {"吕", 4},  {"丁", 4},
    {"任", 4},  {"姚", 4},  {"卢", 4},  {"傅", 3},  {"钟", 3},  {"金", 3},  {"汪", 3},  {"方", 3},
    {"钱", 3},  {"俞", 2},  {"应", 2},  {"楼", 2},  {"邵", 2},  {"施", 2},  {"章", 2},  {"葛", 2},
};

// Given names follow fashions, so they are chosen by the decade of birth.
enum Era { born_before_1960, born_1960s_70s, born_1980s_90s, born_2000_on, era_count };

constexpr std::string_view kMaleNames[era_count][26] = {
    {"建国", "国庆", "建华", "国华", "德明", "福生", "根宝", "金海", "荣富",
     "长林", "永康", "文华", "树林", "宝根", "志明", "国良", "炳荣", "水根",
     "德华", "瑞林", "振华", "福林", "金发", "世昌", "明",   "忠"},
    {"伟",   "勇",   "军",   "建平", "卫东", "红兵", "海峰", "志刚", "建明",
     "晓东", "国平", "立新", "俊",   "斌",   "强",   "明",   "涛",   "建伟",
     "卫国", "晓峰", "永刚", "海涛", "建新", "平",   "杰",   "峰"},
    {"磊",   "浩",   "杰", "鹏", "超", "涛", "斌", "晨", "浩然", "俊杰", "宇航", "文博", "志伟",
     "家豪", "晓明", "俊", "凯", "翔", "飞", "伟", "帅", "亮",   "阳",   "天宇", "嘉诚", "鑫"},
    {"子轩", "浩宇", "梓豪", "宇轩", "一鸣", "俊熙", "皓轩", "子墨", "沐宸",
     "奕辰", "宇泽", "锦程", "博文", "浩",   "睿",   "轩",   "铭",   "宸",
     "昊然", "明哲", "思远", "子豪", "嘉懿", "一凡", "安",   "梓睿"},
};
constexpr std::string_view kFemaleNames[era_count][26] = {
    {"秀英", "桂英", "玉兰", "秀兰", "凤英", "淑珍", "玉珍", "桂芳", "美娟",
     "素芬", "彩凤", "月娥", "菊英", "金花", "杏娟", "素珍", "雅琴", "丽娟",
     "翠英", "梅",   "英",   "兰",   "珍",   "芳",   "阿娣", "宝娣"},
    {"丽",   "红",   "霞", "燕",   "玲",   "丽华", "红梅", "海燕", "晓红",
     "慧",   "芳",   "萍", "丽娟", "雪梅", "春燕", "美华", "晓燕", "亚萍",
     "建英", "丽萍", "敏", "静",   "艳",   "小琴", "卫红", "彩霞"},
    {"婷",   "静", "丹", "倩", "敏", "婷婷", "雪", "佳", "琳", "晓雯", "欣怡", "思佳", "颖",
     "佳丽", "莉", "晶", "露", "璐", "梦",   "瑶", "蕾", "洁", "娜",   "佳琪", "雯雯", "慧敏"},
    {"梓涵", "一诺", "欣怡", "子涵", "诗涵", "语桐", "可馨", "雨桐", "若汐",
     "思彤", "芷若", "梓萱", "依诺", "安琪", "悦",   "彤",   "琪",   "涵",
     "欣妍", "语汐", "可欣", "雨萱", "诗琪", "佳怡", "沐晴", "思琪"},
};

// Residence codes (the first six digits of an ID number). Registered residents mostly carry
// the district's own code; migrants come from the provinces that send most workers to
// Hangzhou (Anhui, Henan, Jiangxi, Sichuan, Hunan, Guizhou, Hubei) and from other Zhejiang
// cities.
constexpr Weighted kLocalRegions[] = {
    {"330106", 600}, {"330102", 80}, {"330105", 80}, {"330103", 60}, {"330104", 40},
    {"330108", 20},  {"330109", 20}, {"330110", 20}, {"330203", 10}, {"330302", 10},
    {"330402", 10},  {"330502", 10}, {"330602", 10}, {"330702", 10}, {"331002", 10},
};
constexpr Weighted kMigrantRegions[] = {
    {"341202", 70}, {"340104", 40}, {"341502", 40}, {"341302", 30}, {"411302", 40}, {"411502", 40},
    {"411602", 40}, {"410102", 20}, {"361102", 40}, {"360102", 20}, {"360402", 20}, {"511302", 30},
    {"510104", 20}, {"511002", 20}, {"430102", 20}, {"430521", 20}, {"431102", 20}, {"421102", 20},
    {"420102", 15}, {"520102", 25}, {"520502", 15}, {"500101", 20}, {"331102", 20}, {"330802", 20},
    {"330302", 10}, {"320102", 10}, {"370102", 10}, {"450102", 10}, {"620102", 8},  {"610102", 8},
    {"350102", 8},  {"530102", 8},  {"230102", 5},
};

constexpr std::string_view kMobilePrefixes[] = {
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152",
    "153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180",
    "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199",
};

constexpr std::string_view kCommunityNames[] = {
    "幸福里", "和平里", "朝阳", "锦绣", "春晖", "明珠", "安居", "长青", "新华", "枫林",
    "桂香",   "华苑",   "东园", "南苑", "清泉", "望湖", "翠竹", "文晖", "紫荆", "丰乐",
};

constexpr AgeBand kElderlyAges[] = {{60, 69, 36}, {70, 79, 38}, {80, 89, 22}, {90, 98, 4}};
constexpr AgeBand kLivingAloneAges[] = {{62, 69, 20}, {70, 79, 38}, {80, 89, 34}, {90, 99, 8}};
constexpr AgeBand kYoungOldAges[] = {{60, 64, 40}, {65, 69, 35}, {70, 76, 25}};
constexpr AgeBand kMigrantWorkerAges[] = {{18, 24, 28}, {25, 34, 42}, {35, 45, 22}, {46, 55, 8}};

constexpr Weighted kPensionIncome[] = {{"low", 11},         {"lower_middle", 34}, {"middle", 32},
                                       {"upper_middle", 9}, {"high", 2},          {"unknown", 12}};
constexpr Weighted kFamilyIncome[] = {{"low", 3},           {"lower_middle", 15}, {"middle", 38},
                                      {"upper_middle", 23}, {"high", 9},          {"unknown", 12}};
constexpr Weighted kMigrantWorkerIncome[] = {{"low", 8},     {"lower_middle", 46},
                                             {"middle", 24}, {"upper_middle", 4},
                                             {"high", 1},    {"unknown", 17}};
constexpr Weighted kMigrantFamilyIncome[] = {{"low", 6},     {"lower_middle", 34},
                                             {"middle", 35}, {"upper_middle", 10},
                                             {"high", 3},    {"unknown", 12}};
constexpr Weighted kPublicHousingIncome[] = {
    {"low", 45}, {"lower_middle", 38}, {"middle", 10}, {"unknown", 7}};

constexpr Weighted kElderlyWillingness[] = {
    {"high", 20}, {"medium", 34}, {"low", 22}, {"none", 9}, {"unknown", 15}};
constexpr Weighted kFamilyWillingness[] = {
    {"high", 9}, {"medium", 30}, {"low", 32}, {"none", 9}, {"unknown", 20}};
constexpr Weighted kMigrantWillingness[] = {
    {"high", 6}, {"medium", 22}, {"low", 32}, {"none", 15}, {"unknown", 25}};

constexpr Weighted kSkills[] = {
    {"理发", 8},     {"家电维修", 10}, {"书法", 10}, {"英语辅导", 10}, {"医疗护理", 8},
    {"法律咨询", 5}, {"电脑", 12},     {"烹饪", 14}, {"太极拳", 6},    {"手工编织", 6},
    {"水电维修", 8}, {"心理疏导", 4},  {"摄影", 5},
};
// Skills a household of retired people typically offers.
constexpr Weighted kRetiredSkills[] = {{"书法", 14},    {"烹饪", 14},   {"手工编织", 10},
                                       {"太极拳", 10},  {"理发", 6},    {"医疗护理", 6},
                                       {"家电维修", 6}, {"法律咨询", 2}};

// ---- Household kinds and their quotas.

enum class Kind {
  elderly_alone,             // 独居老人
  elderly_couple,            // 空巢老人 couple
  three_generations,         // grandparents, a couple and their children
  elderly_with_adult_child,  // old parent(s) and one grown-up child
  skipped_generation,        // grandparents raising a grandchild (隔代)
  young_family,              // couple and one or two children
  young_couple,
  middle_aged_family,  // couple in their fifties, usually with a grown-up child
  single_adult,
  migrant_shared_rental,  // unrelated or related workers sharing a flat
  migrant_family,
  migrant_single,
  migrant_couple,
  migrant_family_with_grandparents,  // 随迁老人 who came to look after grandchildren
};

struct KindQuota {
  Kind kind;
  int households_in_4500;  // households of this kind in a community of 4,500
  Weighted housing[3];     // owner / tenant / public, in percent
};

// Tuned so a 4,500-household community holds about 8,000 registered residents and 5,000
// migrants with 22% aged 60 or more, and housing is about 60% owner, 32% tenant, 8% public.
constexpr KindQuota kQuotas[] = {
    {Kind::elderly_alone, 400, {{"owner", 80}, {"tenant", 4}, {"public", 16}}},
    {Kind::elderly_couple, 660, {{"owner", 89}, {"tenant", 2}, {"public", 9}}},
    {Kind::three_generations, 370, {{"owner", 93}, {"tenant", 2}, {"public", 5}}},
    {Kind::elderly_with_adult_child, 220, {{"owner", 88}, {"tenant", 2}, {"public", 10}}},
    {Kind::skipped_generation, 60, {{"owner", 85}, {"tenant", 3}, {"public", 12}}},
    {Kind::young_family, 660, {{"owner", 78}, {"tenant", 14}, {"public", 8}}},
    {Kind::young_couple, 120, {{"owner", 62}, {"tenant", 31}, {"public", 7}}},
    {Kind::middle_aged_family, 360, {{"owner", 88}, {"tenant", 5}, {"public", 7}}},
    {Kind::single_adult, 110, {{"owner", 52}, {"tenant", 38}, {"public", 10}}},
    {Kind::migrant_shared_rental, 450, {{"owner", 0}, {"tenant", 97}, {"public", 3}}},
    {Kind::migrant_family, 560, {{"owner", 22}, {"tenant", 72}, {"public", 6}}},
    {Kind::migrant_single, 150, {{"owner", 7}, {"tenant", 89}, {"public", 4}}},
    {Kind::migrant_couple, 200, {{"owner", 18}, {"tenant", 78}, {"public", 4}}},
    {Kind::migrant_family_with_grandparents, 180, {{"owner", 42}, {"tenant", 55}, {"public", 3}}},
};

bool is_migrant_kind(Kind kind) {
  return kind == Kind::migrant_shared_rental || kind == Kind::migrant_family ||
         kind == Kind::migrant_single || kind == Kind::migrant_couple ||
         kind == Kind::migrant_family_with_grandparents;
}

// ---- Plans: what will be written, decided before any transaction starts so a retried
// transaction writes exactly the same rows.

struct PersonPlan {
  std::string name;
  bool male = true;
  int age = 0;
  std::string birth_date;  // YYYY-MM-DD
  std::string id_number;
  std::optional<std::string> mobile;
  std::string_view relation;
  bool migrant = false;
};

struct HouseholdPlan {
  Kind kind = Kind::single_adult;
  std::string code;     // 01-2-0301
  std::string address;  // 幸福里社区1号楼2单元301室
  std::string_view housing_type;
  std::string_view income_band;
  std::string_view willingness;
  std::vector<PersonPlan> members;
  std::vector<std::string_view> tags;
  std::vector<std::string_view> needs;
  std::vector<std::string_view> skills;
  int guide_index = 0;
  std::string created_at;
  std::string updated_at;
};

struct BuildingPlan {
  int number = 0;
  std::string name;     // 3号楼
  std::string address;  // 杭州市西湖区北山街道幸福里社区3号楼
  std::string created_at;
  std::vector<HouseholdPlan> households;
};

struct Flat {
  int unit;
  int floor;
  int position;  // flat number on the landing
};

// The community row itself.
struct CommunityHeader {
  std::string name;  // 幸福里社区
  std::string code;  // 330106-001
  std::string created_at;
};

// Enough guides that nobody's caseload passes the cap, and never fewer than five.
int guides_for(int households) {
  return std::max(kGuidesMin, (households + kCaseloadMax - 1) / kCaseloadMax);
}

std::string community_name(int index) {
  constexpr int kNamed = static_cast<int>(std::size(kCommunityNames));
  if (index < kNamed) return std::string(kCommunityNames[index]) + "社区";
  return std::string(kStreet.substr(0, kStreet.size() - std::string_view("街道").size())) + "第" +
         std::to_string(index + 1) + "社区";
}

std::string community_code(int index) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s-%03d", std::string(kDistrictCode).c_str(), index + 1);
  return buffer;
}

// Local time in Shanghai → the product's ISO 8601 text.
std::string demo_timestamp(std::int64_t days, int seconds_of_day) {
  const std::int64_t epoch_seconds =
      days * 86400 + seconds_of_day - std::int64_t{kShanghaiOffsetSeconds};
  return format_iso8601(epoch_seconds * 1000);
}

std::string date_text(std::int64_t days) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  civil_from_days(days, year, month, day);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
  return buffer;
}

std::string community_created_at(int index, std::int64_t first_day) {
  return demo_timestamp(first_day, 8 * 3600 + index * 60);
}

// Hands out ID numbers and mobile numbers that are unique across the whole demo.
class Identities {
 public:
  std::string id_number(Rng& rng, std::string_view region, std::int64_t birth_days, bool male) {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    civil_from_days(birth_days, year, month, day);
    char first17[24];
    for (;;) {
      // GB 11643: the 17th digit is odd for men and even for women.
      const int sequence = rng.between(1, 499) * 2 + (male ? 1 : 0);
      std::snprintf(first17, sizeof first17, "%.6s%04d%02u%02u%03d", region.data(), year, month,
                    day, sequence);
      if (used_ids_.insert(std::stoull(first17)).second) break;
    }
    std::string id(first17);
    id.push_back(pii::id_check_character(id));
    return id;
  }

  std::string mobile(Rng& rng) {
    char number[16];
    for (;;) {
      const std::string_view prefix = pick(rng, kMobilePrefixes);
      std::snprintf(number, sizeof number, "%.3s%08d", prefix.data(), rng.between(0, 99'999'999));
      if (used_mobiles_.insert(std::stoull(number)).second) break;
    }
    return number;
  }

 private:
  std::unordered_set<std::uint64_t> used_ids_;
  std::unordered_set<std::uint64_t> used_mobiles_;
};

// Draws the members of one household.
class FamilyMaker {
 public:
  FamilyMaker(Rng& rng, Identities& identities, std::int64_t reference_days)
      : rng_(rng), identities_(identities), reference_days_(reference_days) {}

  std::vector<PersonPlan> make(Kind kind) {
    members_.clear();
    migrant_ = is_migrant_kind(kind);
    family_region_ = migrant_ ? std::string(pick(rng_, kMigrantRegions))
                              : std::string(pick(rng_, kLocalRegions));
    paternal_ = surname();
    switch (kind) {
      case Kind::elderly_alone:
        elderly_alone();
        break;
      case Kind::elderly_couple:
        elderly_couple();
        break;
      case Kind::three_generations:
        three_generations();
        break;
      case Kind::elderly_with_adult_child:
        elderly_with_adult_child();
        break;
      case Kind::skipped_generation:
        skipped_generation();
        break;
      case Kind::young_family:
        family(0, 17, 25, 37, false);
        break;
      case Kind::young_couple:
        couple(rng_.between(24, 38));
        break;
      case Kind::middle_aged_family:
        middle_aged_family();
        break;
      case Kind::single_adult:
        single(rng_.between(22, 59));
        break;
      case Kind::migrant_shared_rental:
        shared_rental();
        break;
      case Kind::migrant_family:
        family(0, 14, 23, 35, false);
        break;
      case Kind::migrant_single:
        single(age_in(rng_, kMigrantWorkerAges));
        break;
      case Kind::migrant_couple:
        couple(rng_.between(22, 50));
        break;
      case Kind::migrant_family_with_grandparents:
        family(0, 10, 24, 34, true);
        break;
    }
    return std::move(members_);
  }

 private:
  std::string surname() { return std::string(pick(rng_, kSurnames)); }

  std::int64_t birth_days_for_age(int age) {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    civil_from_days(reference_days_, year, month, day);
    // Born after the reference day `age + 1` years ago and no later than the one `age` years ago.
    const std::int64_t earliest = days_from_civil(year - age - 1, month, day) + 1;
    const std::int64_t latest = days_from_civil(year - age, month, day);
    return rng_.between(earliest, latest);
  }

  void add(const std::string& family_name, bool male, int age, std::string_view relation,
           std::optional<std::string> region = std::nullopt) {
    PersonPlan person;
    const std::int64_t birth_days = birth_days_for_age(age);
    int birth_year = 0;
    unsigned month = 0;
    unsigned day = 0;
    civil_from_days(birth_days, birth_year, month, day);
    const Era era = birth_year < 1960   ? born_before_1960
                    : birth_year < 1980 ? born_1960s_70s
                    : birth_year < 2000 ? born_1980s_90s
                                        : born_2000_on;
    person.name = family_name + std::string(pick(rng_, male ? kMaleNames[era] : kFemaleNames[era]));
    person.male = male;
    person.age = age;
    person.birth_date = date_text(birth_days);
    // Registered adults may have been born anywhere in the city; children and migrants carry
    // the household's code.
    const std::string own_region =
        region ? *region
               : (!migrant_ && age >= 18 ? std::string(pick(rng_, kLocalRegions)) : family_region_);
    person.id_number = identities_.id_number(rng_, own_region, birth_days, male);
    if (rng_.percent(mobile_percent(age))) person.mobile = identities_.mobile(rng_);
    person.relation = relation;
    person.migrant = migrant_;
    members_.push_back(std::move(person));
  }

  static int mobile_percent(int age) {
    if (age < 12) return 0;
    if (age < 18) return 40;
    if (age < 60) return 97;
    if (age < 70) return 88;
    if (age < 80) return 70;
    return 35;
  }

  // The age of the spouse of someone aged `age`: husbands are up to five years older.
  int partner_age(int age, bool partner_is_male, int minimum) {
    const int gap = rng_.between(0, 5);
    return std::max(minimum, partner_is_male ? age + gap : age - gap);
  }

  std::string child_surname(const std::string& mother_surname) {
    return rng_.percent(92) ? paternal_ : mother_surname;
  }

  // A child's age between `low` and `high`. About 7 children are born per 1,000 residents a
  // year in Hangzhou, far fewer than a uniform draw over 0-17 gives, so a draw of 0 is
  // mostly drawn again.
  int child_age(int low, int high) {
    int age = rng_.between(low, high);
    if (age == 0 && high > 0 && !rng_.percent(25)) age = rng_.between(1, high);
    return age;
  }

  void elderly_alone() {
    const bool male = rng_.percent(28);  // most people who outlive a spouse are women
    add(male ? paternal_ : surname(), male, age_in(rng_, kLivingAloneAges), "self");
  }

  void elderly_couple() {
    const int husband = std::max(62, age_in(rng_, kElderlyAges));
    add(paternal_, true, husband, "self");
    add(surname(), false, partner_age(husband, false, 60), "spouse");
  }

  // A couple (the head is the husband or the wife), their children aged between
  // `oldest_child_low` and `oldest_child_high` (the oldest) with parents aged
  // `parent_gap_low`..`parent_gap_high` years older, and, when asked, one or two of their own
  // parents.
  void family(int oldest_child_low, int oldest_child_high, int parent_gap_low, int parent_gap_high,
              bool with_grandparents) {
    const int oldest = child_age(oldest_child_low, oldest_child_high);
    const int husband = std::clamp(oldest + rng_.between(parent_gap_low, parent_gap_high), 22, 59);
    const int wife = std::clamp(husband - rng_.between(-1, 4), 21, 59);
    const std::string mother_surname = surname();
    const bool husband_heads = rng_.percent(80);
    if (husband_heads) {
      add(paternal_, true, husband, "self");
      add(mother_surname, false, wife, "spouse");
    } else {
      add(mother_surname, false, wife, "self");
      add(paternal_, true, husband, "spouse");
    }
    add(child_surname(mother_surname), rng_.percent(52), oldest, "child");
    // Brothers and sisters are born at least a year apart: two years apart in age.
    if (oldest >= 2 && rng_.percent(50)) {
      add(child_surname(mother_surname), rng_.percent(52),
          child_age(std::max(0, oldest - 8), oldest - 2), "child");
    }
    if (with_grandparents) {
      // Both come, or more often the grandmother alone; the head's own parents.
      const int grandparent_age = std::min(85, std::max(husband, wife) + rng_.between(24, 32));
      const bool both = rng_.percent(40);
      const bool grandfather = both || rng_.percent(25);
      const std::string grand_surname = husband_heads ? paternal_ : mother_surname;
      if (grandfather) add(grand_surname, true, grandparent_age, "parent");
      if (both || !grandfather) {
        add(surname(), false, std::max(50, grandparent_age - rng_.between(0, 4)), "parent");
      }
    }
  }

  void three_generations() {
    // The head is in their late thirties to mid fifties; their parents live with them.
    const int head_age = rng_.between(35, 55);
    const bool husband_heads = rng_.percent(70);
    const std::string head_surname = husband_heads ? paternal_ : surname();
    const std::string spouse_surname = husband_heads ? surname() : paternal_;
    const int spouse_age = partner_age(head_age, !husband_heads, 30);
    add(head_surname, husband_heads, head_age, "self");
    add(spouse_surname, !husband_heads, spouse_age, "spouse");
    const std::string mother_surname = husband_heads ? spouse_surname : head_surname;
    const int oldest = std::clamp(std::min(head_age, spouse_age) - rng_.between(24, 34), 0, 30);
    add(child_surname(mother_surname), rng_.percent(52), oldest, "child");
    if (oldest >= 2 && rng_.percent(40)) {
      add(child_surname(mother_surname), rng_.percent(52), std::max(0, oldest - rng_.between(2, 9)),
          "child");
    }
    const int father_age = std::min(98, head_age + rng_.between(24, 32));
    const int mother_age = std::max(55, father_age - rng_.between(0, 4));
    const bool both = rng_.percent(55);
    const bool father = both || rng_.percent(30);  // a widowed mother more often than a father
    if (father) add(head_surname, true, father_age, "parent");
    if (both || !father) add(surname(), false, mother_age, "parent");
  }

  void elderly_with_adult_child() {
    const int older = age_in(rng_, kElderlyAges);
    const bool couple = rng_.percent(45);
    int mother_age = older;
    if (couple) {
      add(paternal_, true, older, "self");
      mother_age = partner_age(older, false, 60);
      add(surname(), false, mother_age, "spouse");
    } else {
      const bool male = rng_.percent(30);
      add(male ? paternal_ : surname(), male, older, "self");
    }
    const int grown_child_age = std::max(22, mother_age - rng_.between(25, 34));
    add(paternal_, rng_.percent(55), grown_child_age, "child");
  }

  void skipped_generation() {
    const int grandfather = age_in(rng_, kYoungOldAges);
    if (rng_.percent(75)) {
      add(paternal_, true, grandfather, "self");
      add(surname(), false, partner_age(grandfather, false, 58), "spouse");
    } else {
      add(surname(), false, grandfather, "self");
    }
    add(paternal_, rng_.percent(52), rng_.between(3, 15), "grandchild");
  }

  void couple(int head_age) {
    const bool husband_heads = rng_.percent(75);
    add(husband_heads ? paternal_ : surname(), husband_heads, head_age, "self");
    add(husband_heads ? surname() : paternal_, !husband_heads,
        partner_age(head_age, !husband_heads, 20), "spouse");
  }

  void middle_aged_family() {
    const int husband = rng_.between(45, 59);
    const int wife = std::clamp(husband - rng_.between(-1, 4), 42, 59);
    const std::string mother_surname = surname();
    add(paternal_, true, husband, "self");
    add(mother_surname, false, wife, "spouse");
    if (rng_.percent(88)) {
      const int oldest = std::max(18, wife - rng_.between(24, 32));
      add(child_surname(mother_surname), rng_.percent(52), oldest, "child");
      if (oldest >= 21 && rng_.percent(15)) {
        add(child_surname(mother_surname), rng_.percent(52), oldest - rng_.between(2, 6), "child");
      }
    }
  }

  void single(int age) {
    const bool male = rng_.percent(56);
    add(male ? paternal_ : surname(), male, age, "self");
  }

  void shared_rental() {
    static constexpr Weighted kSizes[] = {{"2", 15}, {"3", 30}, {"4", 30}, {"5", 15}, {"6", 10}};
    const int size = std::string_view(pick(rng_, kSizes))[0] - '0';
    const int sexes = rng_.between(0, 99);  // men only, women only, or mixed
    for (int i = 0; i < size; ++i) {
      const bool male = sexes < 55 ? true : sexes < 85 ? false : rng_.percent(55);
      const int age = age_in(rng_, kMigrantWorkerAges);
      if (i == 0) {
        add(paternal_, male, age, "self");
      } else if (rng_.percent(22)) {
        // A brother or sister from the same home town.
        add(paternal_, male, std::clamp(members_.front().age + rng_.between(-8, 8), 18, 55),
            "sibling");
      } else {
        // Workmates: half from the same home town.
        add(surname(), male, age, "other",
            rng_.percent(50) ? family_region_ : std::string(pick(rng_, kMigrantRegions)));
      }
    }
  }

  Rng& rng_;
  Identities& identities_;
  std::int64_t reference_days_;
  bool migrant_ = false;
  std::string family_region_;
  std::string paternal_;
  std::vector<PersonPlan> members_;
};

bool contains(const std::vector<std::string_view>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// Tags follow from the members; needs from the tags; a few households offer skills.
void label(Rng& rng, HouseholdPlan& household) {
  const auto& members = household.members;
  int youngest = 200;
  int oldest = 0;
  int elderly = 0;
  bool working_age = false;
  bool disability = false;
  bool chronic = false;
  for (const auto& person : members) {
    youngest = std::min(youngest, person.age);
    oldest = std::max(oldest, person.age);
    if (person.age >= 60) ++elderly;
    if (person.age >= 18 && person.age < 60) working_age = true;
    const int disability_percent = person.age >= 75 ? 12 : person.age >= 60 ? 5 : 2;
    if (rng.percent(disability_percent)) disability = true;
    const int chronic_percent = person.age >= 60 ? 35 : person.age >= 40 ? 7 : 1;
    if (rng.percent(chronic_percent)) chronic = true;
  }
  const bool all_elderly = elderly == static_cast<int>(members.size());
  const bool minor = youngest < 18;
  const bool newborn = youngest < 1;
  const bool tenant = household.housing_type == "tenant";
  const bool low_income = household.income_band == "low";
  const bool migrant = members.front().migrant;

  auto& tags = household.tags;
  if (elderly > 0) tags.push_back("elderly");
  if (members.size() == 1 && elderly == 1) tags.push_back("elderly_alone");
  if (members.size() >= 2 && all_elderly) tags.push_back("empty_nest");
  if (disability) tags.push_back("disability");
  if (chronic) tags.push_back("chronic_illness");
  if (low_income) tags.push_back("low_income");
  if (minor) tags.push_back("minor");
  if (newborn) tags.push_back("newborn");
  if (tenant) tags.push_back("tenant");

  auto& needs = household.needs;
  if (elderly > 0) {
    const int percent = contains(tags, "elderly_alone") ? 85
                        : oldest >= 80                  ? 70
                        : all_elderly                   ? 50
                                                        : 25;
    if (rng.percent(percent)) needs.push_back("elderly_care");
  }
  if (minor) {
    const int percent = youngest < 3 ? 75 : youngest < 7 ? 55 : 25;
    if (rng.percent(percent)) needs.push_back("childcare");
  }
  if (disability && rng.percent(85)) needs.push_back("disability_service");
  if (low_income && rng.percent(75)) needs.push_back("low_income_assistance");
  if (rng.percent(chronic ? 60 : elderly > 0 ? 15 : 4)) needs.push_back("health");
  if (rng.percent((elderly > 0 && oldest < 80) || minor ? 28 : 12)) {
    needs.push_back("culture_sports");
  }
  if (working_age && rng.percent(low_income ? 35 : migrant ? 14 : 4)) {
    needs.push_back("employment");
  }
  if (rng.percent(tenant ? 7 : 3)) needs.push_back("legal_aid");

  const bool can_offer = working_age || (elderly > 0 && oldest < 76);
  if (can_offer && rng.percent(13)) {
    const auto& table = working_age ? std::span<const Weighted>(kSkills)
                                    : std::span<const Weighted>(kRetiredSkills);
    household.skills.push_back(pick(rng, table));
    if (rng.percent(20)) {
      const std::string_view second = pick(rng, table);
      if (!contains(household.skills, second)) household.skills.push_back(second);
    }
  }
}

std::string_view income_band(Rng& rng, Kind kind, std::string_view housing_type) {
  if (housing_type == "public") return pick(rng, kPublicHousingIncome);
  switch (kind) {
    case Kind::elderly_alone:
    case Kind::elderly_couple:
    case Kind::elderly_with_adult_child:
    case Kind::skipped_generation:
      return pick(rng, kPensionIncome);
    case Kind::migrant_shared_rental:
    case Kind::migrant_single:
      return pick(rng, kMigrantWorkerIncome);
    case Kind::migrant_family:
    case Kind::migrant_couple:
    case Kind::migrant_family_with_grandparents:
      return pick(rng, kMigrantFamilyIncome);
    default:
      return pick(rng, kFamilyIncome);
  }
}

std::string_view willingness(Rng& rng, Kind kind, const std::vector<PersonPlan>& members) {
  if (is_migrant_kind(kind)) return pick(rng, kMigrantWillingness);
  const bool retired_head = members.front().age >= 60;
  return pick(rng, retired_head ? kElderlyWillingness : kFamilyWillingness);
}

// Splits `total` in proportion to `weights` so the parts sum exactly to `total`
// (largest remainder; ties go to the earlier entry).
std::vector<int> apportion(int total, const std::vector<std::int64_t>& weights) {
  std::int64_t sum = 0;
  for (auto weight : weights) sum += weight;
  std::vector<int> parts(weights.size(), 0);
  if (sum == 0) return parts;
  std::vector<std::pair<std::int64_t, std::size_t>> remainders;
  int given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const std::int64_t scaled = std::int64_t{total} * weights[i];
    parts[i] = static_cast<int>(scaled / sum);
    given += parts[i];
    remainders.emplace_back(scaled % sum, i);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; given < total; ++i, ++given) ++parts[remainders[i].second];
  return parts;
}

// About 40 buildings for 4,500 households: the older 60% are six-storey walk-ups with two
// flats per landing, the rest high-rises with four, tall enough that about 6% of flats are
// empty.
struct BuildingShape {
  bool high_rise;
  int floors;
  int units;
  int flats_per_floor;
};

std::vector<BuildingShape> shape_buildings(Rng& rng, int households) {
  const int count = std::max(1, static_cast<int>((households + 56) / 112));
  const int walk_ups = count == 1 ? 0 : (count * 3 + 2) / 5;
  std::vector<BuildingShape> shapes;
  int capacity = 0;
  for (int i = 0; i < walk_ups; ++i) {
    static constexpr AgeBand kFloors[] = {{5, 5, 15}, {6, 6, 70}, {7, 7, 15}};
    BuildingShape shape{false, age_in(rng, kFloors), rng.between(2, 4), 2};
    capacity += shape.floors * shape.units * shape.flats_per_floor;
    shapes.push_back(shape);
  }
  const int needed = std::max(0, (households * 106 + 99) / 100 - capacity);
  const int high_rises = count - walk_ups;
  std::vector<std::int64_t> weights(static_cast<std::size_t>(high_rises));
  for (auto& weight : weights) weight = rng.between(70, 130);
  const auto targets = apportion(needed, weights);
  for (int i = 0; i < high_rises; ++i) {
    BuildingShape shape{true, 11, rng.between(1, 2), 4};
    const int per_floor = shape.units * shape.flats_per_floor;
    shape.floors = std::max(11, (targets[i] + per_floor - 1) / per_floor);
    while (shape.floors > 33) {
      ++shape.units;
      shape.floors = std::max(11, (targets[i] + shape.units * 4 - 1) / (shape.units * 4));
    }
    shapes.push_back(shape);
  }
  return shapes;
}

// The buildings of one community with their households and residents, in writing order.
std::vector<BuildingPlan> plan_community(Rng& rng, Identities& identities,
                                         const std::string& community, int households,
                                         std::int64_t reference_days) {
  std::vector<BuildingPlan> buildings;
  const int guide_count = guides_for(households);
  const std::int64_t first_day = reference_days - kRecordDays;

  // Which flats are lived in: in proportion to each building's size.
  const auto shapes = shape_buildings(rng, households);
  std::vector<std::int64_t> capacities;
  capacities.reserve(shapes.size());
  for (const auto& shape : shapes) {
    capacities.push_back(std::int64_t{shape.floors} * shape.units * shape.flats_per_floor);
  }
  const auto occupied = apportion(households, capacities);

  // Which kind of household lives in each: exact quotas, shuffled.
  std::vector<std::int64_t> quota_weights;
  for (const auto& quota : kQuotas) quota_weights.push_back(quota.households_in_4500);
  const auto kind_counts = apportion(households, quota_weights);
  std::vector<std::size_t> kinds;  // index into kQuotas
  for (std::size_t i = 0; i < kind_counts.size(); ++i) kinds.insert(kinds.end(), kind_counts[i], i);
  rng.shuffle(kinds);

  FamilyMaker maker(rng, identities, reference_days);
  const std::int64_t record_days = reference_days - first_day;  // the year of registration
  int household_index = 0;
  for (std::size_t b = 0; b < shapes.size(); ++b) {
    const auto& shape = shapes[b];
    BuildingPlan building;
    building.number = static_cast<int>(b) + 1;
    building.name = std::to_string(building.number) + "号楼";
    building.address = std::string(kCity) + std::string(kDistrict) + std::string(kStreet) +
                       community + building.name;
    building.created_at = demo_timestamp(first_day, 9 * 3600 + static_cast<int>(b) * 120);

    std::vector<Flat> flats;
    for (int unit = 1; unit <= shape.units; ++unit) {
      for (int floor = 1; floor <= shape.floors; ++floor) {
        for (int position = 1; position <= shape.flats_per_floor; ++position) {
          flats.push_back({unit, floor, position});
        }
      }
    }
    rng.shuffle(flats);
    flats.resize(std::min<std::size_t>(flats.size(), static_cast<std::size_t>(occupied[b])));
    std::sort(flats.begin(), flats.end(), [](const Flat& a, const Flat& b) {
      return std::tie(a.unit, a.floor, a.position) < std::tie(b.unit, b.floor, b.position);
    });

    for (const auto& flat : flats) {
      const KindQuota& quota = kQuotas[kinds[household_index]];
      HouseholdPlan household;
      household.kind = quota.kind;
      const int room = flat.floor * 100 + flat.position;
      char code[32];
      std::snprintf(code, sizeof code, "%02d-%d-%04d", building.number, flat.unit, room);
      household.code = code;
      household.address = community + building.name + std::to_string(flat.unit) + "单元" +
                          std::to_string(room) + "室";
      household.housing_type = pick(rng, quota.housing);
      household.members = maker.make(quota.kind);
      household.income_band = income_band(rng, quota.kind, household.housing_type);
      household.willingness = willingness(rng, quota.kind, household.members);
      label(rng, household);
      // Guides look after contiguous stretches of buildings, as grid workers (网格员) do.
      household.guide_index =
          static_cast<int>(std::int64_t{household_index} * guide_count / households);
      const std::int64_t day = first_day + std::int64_t{household_index} * record_days / households;
      const int seconds = 8 * 3600 + 30 * 60 + rng.between(0, 9 * 3600 - 1);
      household.created_at = demo_timestamp(day, seconds);
      household.updated_at = household.created_at;
      if (day + 1 < reference_days && rng.percent(35)) {
        household.updated_at = demo_timestamp(rng.between(day + 1, reference_days - 1),
                                              8 * 3600 + 30 * 60 + rng.between(0, 9 * 3600 - 1));
      }
      building.households.push_back(std::move(household));
      ++household_index;
    }
    buildings.push_back(std::move(building));
  }
  return buildings;
}

// ---- Writing.

constexpr const char* kInsertCommunity =
    "INSERT INTO communities (name, code, district, street, created_at) VALUES (?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr const char* kSetCommunityShard = "UPDATE communities SET community_id = id WHERE id = ?";
constexpr const char* kInsertBuilding =
    "INSERT INTO buildings (community_id, name, address, created_at) VALUES (?, ?, ?, ?) "
    "RETURNING id";
constexpr const char* kInsertHousehold =
    "INSERT INTO households (community_id, building_id, code, address, housing_type, size, "
    "income_band, willingness, guide_user_id, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kInsertLabel =
    "INSERT INTO household_labels (community_id, household_id, kind, value) VALUES (?, ?, ?, ?)";
constexpr const char* kInsertResident =
    "INSERT INTO residents (community_id, household_id, name, sex, birth_date, id_number, mobile, "
    "relation, registration, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

boost::json::array to_json(const std::vector<std::string_view>& values) {
  boost::json::array array;
  for (auto value : values) array.emplace_back(value);
  return array;
}

void write_labels(storage::Connection& connection, std::int64_t community_id,
                  std::int64_t household_id, std::string_view kind,
                  const std::vector<std::string_view>& values) {
  for (auto value : values) {
    connection.execute(kInsertLabel,
                       {community_id, household_id, std::string(kind), std::string(value)});
  }
}

std::int64_t write_household(storage::Connection& connection, const Actor& actor,
                             std::int64_t community_id, std::int64_t building_id,
                             std::int64_t guide_user_id, const HouseholdPlan& household) {
  const auto size = static_cast<std::int64_t>(household.members.size());
  const std::int64_t household_id =
      connection
          .query_one(kInsertHousehold,
                     {community_id, building_id, household.code, household.address,
                      std::string(household.housing_type), size, std::string(household.income_band),
                      std::string(household.willingness), guide_user_id, household.created_at,
                      household.updated_at})
          ->integer(0);
  write_labels(connection, community_id, household_id, "tag", household.tags);
  write_labels(connection, community_id, household_id, "need", household.needs);
  write_labels(connection, community_id, household_id, "skill", household.skills);

  boost::json::array residents;
  for (const auto& person : household.members) {
    const std::string_view registration = person.migrant ? "migrant" : "registered";
    const std::int64_t resident_id =
        connection
            .query_one(
                kInsertResident,
                {community_id, household_id, person.name,
                 std::string(person.male ? "male" : "female"), person.birth_date, person.id_number,
                 storage::opt_text(person.mobile), std::string(person.relation),
                 std::string(registration), household.created_at})
            ->integer(0);
    boost::json::object entry{{"id", resident_id},
                              {"name", person.name},
                              {"sex", person.male ? "male" : "female"},
                              // The year only: beside the masked ID a birth date rebuilds it.
                              {"birth_year", std::stoi(person.birth_date.substr(0, 4))},
                              {"id_number", pii::mask_id_number(person.id_number)},
                              {"relation", person.relation},
                              {"registration", registration}};
    entry["mobile"] = person.mobile ? boost::json::value(pii::mask_mobile(*person.mobile))
                                    : boost::json::value(nullptr);
    residents.push_back(std::move(entry));
  }
  boost::json::object change{{"code", household.code},
                             {"address", household.address},
                             {"building_id", building_id},
                             {"housing_type", household.housing_type},
                             {"size", size},
                             {"income_band", household.income_band},
                             {"willingness", household.willingness},
                             {"guide_user_id", guide_user_id},
                             {"tags", to_json(household.tags)},
                             {"needs", to_json(household.needs)},
                             {"skills", to_json(household.skills)},
                             {"residents", std::move(residents)}};
  audit::append(connection, actor,
                {community_id, "household.create", "household", std::to_string(household_id),
                 std::move(change)});
  return household_id;
}

std::int64_t create_user(storage::Connection& connection, const accounts::NewUser& user) {
  auto created = accounts::add_user(connection, audit::system_actor(), user);
  if (!created) {
    throw std::runtime_error("demo: cannot create user '" + user.username +
                             "': " + created.error().message);
  }
  return *created;
}

std::string staff_name(Rng& rng) {
  const bool male = rng.percent(35);  // most community workers are women
  const Era era = rng.percent(60) ? born_1980s_90s : born_1960s_70s;
  return std::string(pick(rng, kSurnames)) +
         std::string(pick(rng, male ? kMaleNames[era] : kFemaleNames[era]));
}

}  // namespace

DemoSummary generate_demo(storage::Connection& connection, const DemoOptions& options) {
  if (options.communities < 1 || options.communities > 1000) {
    throw std::invalid_argument("demo: communities must be between 1 and 1000");
  }
  if (options.households_per_community < 1 || options.households_per_community > 100000) {
    throw std::invalid_argument("demo: households per community must be between 1 and 100000");
  }
  if (connection.query_int("SELECT COUNT(*) FROM communities") != 0) {
    throw std::runtime_error("demo: the database already holds communities; use an empty one");
  }

  const Actor system = audit::system_actor();
  const std::int64_t reference_days = shanghai_day(options.as_of_ms);
  Rng names_rng(options.seed, 0);  // display names of staff and guides
  Identities identities;
  DemoSummary summary;

  // Communities first: the street supervisor's login names all of them.
  std::vector<CommunityHeader> headers;
  for (int k = 0; k < options.communities; ++k) {
    CommunityHeader header;
    header.name = community_name(k);
    header.code = community_code(k);
    header.created_at = community_created_at(k, reference_days - kRecordDays);
    headers.push_back(std::move(header));
  }
  storage::with_transaction(connection, storage::TxMode::write, [&] {
    summary.community_ids.clear();
    for (const auto& header : headers) {
      const std::int64_t id =
          connection
              .query_one(kInsertCommunity, {header.name, header.code, std::string(kDistrict),
                                            std::string(kStreet), header.created_at})
              ->integer(0);
      connection.execute(kSetCommunityShard, {id});
      boost::json::object change{{"name", header.name},
                                 {"code", header.code},
                                 {"district", kDistrict},
                                 {"street", kStreet}};
      audit::append(connection, system,
                    {id, "community.create", "community", std::to_string(id), change});
      summary.community_ids.push_back(id);
    }
  });
  summary.communities = options.communities;
  const std::int64_t first_community = summary.community_ids.front();
  const std::string& first_name = headers.front().name;

  auto login = [&](const std::string& username, Role role, std::string note) {
    summary.logins.push_back(
        {username, options.password, std::string(role_name(role)), std::move(note)});
  };
  create_user(
      connection,
      {"admin", Role::admin, {first_community}, std::nullopt, options.password, "系统管理员"});
  login("admin", Role::admin, "管理员（全部社区）");
  create_user(connection, {"street", Role::street, summary.community_ids, std::nullopt,
                           options.password, std::string(kStreet) + "督办"});
  login("street", Role::street,
        "街道督办（" + std::string(kStreet) + "，" + std::to_string(options.communities) +
            " 个社区）");

  // Staff and guides of every community; the first community's have the short names.
  const int households = options.households_per_community;
  const int guide_count = guides_for(households);
  std::vector<std::vector<std::int64_t>> guide_ids(options.communities);
  for (int k = 0; k < options.communities; ++k) {
    const std::int64_t community_id = summary.community_ids[k];
    const std::string suffix = k == 0 ? "" : std::to_string(k + 1);
    const std::string staff_username = "staff" + suffix;
    create_user(connection, {staff_username,
                             Role::staff,
                             {community_id},
                             std::nullopt,
                             options.password,
                             staff_name(names_rng)});
    login(staff_username, Role::staff, "社区工作者（" + headers[k].name + "）");
    for (int g = 0; g < guide_count; ++g) {
      const std::string username =
          k == 0 ? "guide" + std::to_string(g + 1) : "guide" + suffix + "_" + std::to_string(g + 1);
      guide_ids[k].push_back(create_user(connection, {username,
                                                      Role::guide,
                                                      {community_id},
                                                      std::nullopt,
                                                      options.password,
                                                      staff_name(names_rng)}));
      // Guide g serves the households whose index i has i * guides / households == g.
      const int caseload =
          static_cast<int>((std::int64_t{g + 1} * households + guide_count - 1) / guide_count -
                           (std::int64_t{g} * households + guide_count - 1) / guide_count);
      login(username, Role::guide,
            "指导员（" + headers[k].name + "，" + std::to_string(caseload) + " 户）");
    }
  }

  // The resident login belongs to the first family of parents and children in community 1.
  std::optional<std::int64_t> resident_household;
  std::string resident_note;
  std::string resident_display_name;

  for (int k = 0; k < options.communities; ++k) {
    Rng rng(options.seed, static_cast<std::uint64_t>(k) + 1);
    const std::vector<BuildingPlan> buildings =
        plan_community(rng, identities, headers[k].name, households, reference_days);
    const std::int64_t community_id = summary.community_ids[k];
    for (const auto& building : buildings) {
      std::optional<std::int64_t> chosen;
      storage::with_transaction(connection, storage::TxMode::write, [&] {
        chosen.reset();
        const std::int64_t building_id =
            connection
                .query_one(kInsertBuilding,
                           {community_id, building.name, building.address, building.created_at})
                ->integer(0);
        audit::append(
            connection, system,
            {community_id, "building.create", "building", std::to_string(building_id),
             boost::json::object{{"name", building.name}, {"address", building.address}}});
        for (const auto& household : building.households) {
          const std::int64_t id = write_household(connection, system, community_id, building_id,
                                                  guide_ids[k][household.guide_index], household);
          if (k == 0 && !resident_household && !chosen && household.kind == Kind::young_family &&
              household.members.size() >= 3) {
            chosen = id;
            resident_note = "居民（" + household.address + "，" +
                            std::to_string(household.members.size()) + " 人）";
            resident_display_name = household.members.front().name;
          }
        }
      });
      if (chosen) resident_household = chosen;
      ++summary.buildings;
      for (const auto& household : building.households) {
        ++summary.households;
        for (const auto& person : household.members) {
          ++summary.residents;
          ++(person.migrant ? summary.migrants : summary.registered);
          if (person.age >= 60) ++summary.aged_60_plus;
        }
      }
    }
  }

  if (!resident_household) {
    // A tiny demo may have no family with children: take the first household of community 1.
    resident_household = connection.query_int(
        "SELECT id FROM households WHERE community_id = ? ORDER BY id LIMIT 1", {first_community});
    resident_note = "居民（" + first_name + "）";
    resident_display_name = "居民";
  }
  create_user(connection, {"resident",
                           Role::resident,
                           {},
                           resident_household,
                           options.password,
                           resident_display_name});
  login("resident", Role::resident, resident_note);
  return summary;
}

}  // namespace gz::registry
