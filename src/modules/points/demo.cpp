// GenerateDemoPoints: plans a year of the points bank and the time bank for one community in
// memory, then replays it through the real use cases in the order it happened (a small
// discrete-event loop), so postings get ascending ids in date order.
//
// Planning, month by month (the twelve calendar months ending with the month of as_of):
//  1. who takes part: every household gets an engagement rank from its stated willingness,
//     whether it has active retirees and whether it is a migrant household. Each month most
//     households above a rising threshold take part, so the share of households earning
//     points climbs from about 28% in the first month to about 70% in the last (the seed's
//     28% → 76%), while a core of activists (骨干, the top 8%) takes part every month;
//  2. what they do: every participant gets at least one award in the month: the corner
//     meeting (楼栋议事角: a high-rise has its own, neighbouring walk-ups share one; weekday
//     afternoons, older residents, at most 60), the online hall (线上议事厅: a Wednesday
//     evening, working-age residents, at most 60), or volunteering — garbage-sorting guidance
//     at their building's station (a weekly rota), Saturday clean-ups, visits to elderly
//     people living alone, patrols at the Spring Festival and in the flood season, and a
//     youth programme in the summer holidays. Households with a skill run skill-sharing
//     sessions; activists volunteer on top; partners sometimes come to meetings too; some
//     parents of school children volunteer extra until June to earn the summer place;
//  3. mistakes: a few sign-in sheets are entered a second time (补录) and reversed days later
//     with points::correct ("重复录入");
//  4. the time bank: residents aged 60-70 pair with two or three neighbours aged 80+ (or 75+
//     and living alone) outside their own household, and serve them about once a month;
//     records are made within two days, most are confirmed within a week, a few disputed or
//     left to expire (the expiry job runs nightly). A recipient near the debt cap is helped by
//     a family member's banked time (a transfer) or not served; providers with plenty banked
//     sometimes pass time on to their family.
// Replaying decides the redemptions as the year unfolds: each day, residents holding points
// visit the points shop with a chance that grows with their balance and their habits
// (spenders, savers who wait for the dear items, hoarders), and choose among the items they
// may have (the summer childcare place for parents of school children, the health check for
// older residents, parking for car owners…). Leaderboard opt-ins (about 30% of the residents
// who earned points) are written at the end with the SQL of points::set_leaderboard_optin and
// its audit entry: that use case needs a resident's own login, which demo residents lack.
//
// The use cases run as the system actor (an admin), so created_by_user_id is empty and audit
// entries are stamped with the wall clock (the audit chain records when a row was written);
// postings and time-bank records carry the historical times. Measured on SQLite for the
// default community (4,500 households: ~39,000 awards, ~3,700 redemptions, ~500 time-bank
// records, ~45,000 audit entries): 2.7-3.3 s on a shared two-core machine, with the bulk
// settings below; 25 s without them when the disk is busy.
#include "modules/points/demo.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdlib>
#include <limits>
#include <map>
#include <optional>
#include <queue>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/actor.hpp"
#include "core/calendar.hpp"
#include "core/clock.hpp"
#include "core/random.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/ledger/ledger.hpp"
#include "modules/ledger/rules.hpp"
#include "modules/points/points.hpp"
#include "modules/timebank/timebank.hpp"
#include "storage/transact.hpp"

namespace gz::points {
namespace {

constexpr std::int64_t kOffsetMs = std::int64_t{kShanghaiOffsetSeconds} * 1000;
constexpr int kMonths = 12;

// Share of households with an award in the first and the last month, per mille.
constexpr int kFirstMonthSharePerMille = 280;
constexpr int kLastMonthSharePerMille = 700;
// The activists: the most engaged 8% of households, who take part nearly every month.
constexpr int kCorePerMille = 80;
constexpr int kCoreChancePercent = 97;
// Inside the month's pool most households take part; outside it a few drop in.
constexpr int kPoolChancePercent = 85;
constexpr int kOutsideChancePercent = 2;

constexpr int kMeetingCapacity = 60;
// Neighbouring walk-ups share a corner until it serves this many households.
constexpr std::size_t kCornerHouseholdsMin = 120;
// Volunteers per station and week: one per 8 households of the building, 8 to 30.
constexpr int kGarbageHouseholdsPerVolunteer = 8;
constexpr int kGarbageStationMin = 8;
constexpr int kGarbageStationMax = 30;
constexpr int kCleanupCapacity = 40;
constexpr int kVisitCapacity = 18;
constexpr int kPatrolCapacity = 15;
constexpr int kYouthCapacity = 30;
constexpr int kDoubleEntries = 8;

// The streams of the seed this module draws from (the registry demo uses streams 0..N), one
// per purpose and community, so communities generated with one seed do not mirror each other.
constexpr std::uint64_t kPlanStream = 0x706f696e74730001ULL;      // "points" 1
constexpr std::uint64_t kReplayStream = 0x706f696e74730002ULL;    // "points" 2
constexpr std::uint64_t kTimebankStream = 0x706f696e74730003ULL;  // "points" 3

std::uint64_t stream_of(std::uint64_t purpose, std::int64_t community_id) {
  return purpose ^ (static_cast<std::uint64_t>(community_id) << 20);
}

// Demo randomness: gz::Rng (core/random.hpp).

// Index of the entry chosen with probability proportional to its weight; weights may be 0.
std::optional<std::size_t> pick_weighted(Rng& rng, std::span<const int> weights) {
  int total = 0;
  for (int weight : weights) total += weight;
  if (total <= 0) return std::nullopt;
  int roll = rng.between(0, total - 1);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (roll < weights[i]) return i;
    roll -= weights[i];
  }
  return weights.size() - 1;
}

// ---- Time in Asia/Shanghai, in whole days since 1970-01-01.

std::int64_t local_day(std::int64_t epoch_ms) {
  const std::int64_t local = epoch_ms + kOffsetMs;
  return local >= 0 ? local / kDayMs : (local - kDayMs + 1) / kDayMs;
}

std::int64_t at(std::int64_t day, int hour, int minute) {
  return day * kDayMs + (std::int64_t{hour} * 60 + minute) * kMinuteMs - kOffsetMs;
}

// 0 is Monday, 6 is Sunday (1970-01-01 was a Thursday).
int weekday(std::int64_t day) {
  return static_cast<int>(((day + 3) % 7 + 7) % 7);
}

std::string day_text(std::int64_t day) {
  return format_date(at(day, 12, 0));
}

int day_of_month(std::int64_t day) {
  int year = 0;
  unsigned month = 0;
  unsigned dom = 0;
  civil_from_days(day, year, month, dom);
  return static_cast<int>(dom);
}

std::string hours_text(std::int64_t minutes) {
  std::string text = std::to_string(minutes / 60);
  if (minutes % 60 == 30) text += ".5";
  return text + "小时";
}

// ---- The community as read from the registry.

struct Person {
  std::int64_t id = 0;
  std::size_t home = 0;
  int age = 0;
};

struct Home {
  std::int64_t id = 0;
  std::size_t building = 0;
  std::string willingness;
  std::vector<std::size_t> members;  // indices into Community::people
  std::vector<std::string> skills;
  bool living_alone = false;
  bool migrant = false;
  bool has_school_child = false;  // a child aged 3-12: the summer childcare place
  // A parent who volunteers extra from winter to June to earn the summer place: the seed's
  // point that people take part for things they value.
  bool saving_for_childcare = false;
  bool has_car = false;
  int rank_per_mille = 1000;  // 0: the most engaged household
  bool core = false;
  // Who usually goes, decided once: the regulars of a household are the same all year.
  std::optional<std::size_t> corner_person;     // 50-85, the weekday-afternoon meetings
  std::optional<std::size_t> online_person;     // 18-59, the evening online hall
  std::optional<std::size_t> volunteer_person;  // 16-75
  std::optional<std::size_t> skill_person;      // 18-75, when the household has a skill
  bool corner_minded = false;
  bool online_minded = false;
};

struct Building {
  std::int64_t id = 0;
  std::string name;
  std::vector<std::size_t> homes;
  std::size_t corner = 0;  // index into Community::corners
};

// A corner meeting (楼栋议事角): a high-rise has its own; neighbouring walk-ups share one, so
// that each corner serves enough households for a real meeting.
struct Corner {
  std::string name;  // "12号楼", or "1-3号楼" for walk-ups that share one
};

struct Community {
  std::int64_t id = 0;
  std::vector<Building> buildings;
  std::vector<Corner> corners;
  std::vector<Home> homes;
  std::vector<Person> people;
  std::unordered_map<std::int64_t, std::size_t> person_by_id;
  std::vector<std::size_t> by_rank;  // homes, the most engaged first
};

// "1号楼" and "3号楼" → "1-3号楼"; other names → "A至B".
std::string corner_name(const std::string& first, const std::string& last) {
  if (first == last) return first;
  const std::string suffix = "号楼";
  if (first.ends_with(suffix) && last.ends_with(suffix)) {
    return first.substr(0, first.size() - suffix.size()) + "-" + last;
  }
  return first + "至" + last;
}

void group_corners(Community& community) {
  auto& buildings = community.buildings;
  std::vector<std::size_t> first_building;  // of each corner
  std::size_t first = 0;
  std::size_t households = 0;
  for (std::size_t b = 0; b < buildings.size(); ++b) {
    households += buildings[b].homes.size();
    const bool last = b + 1 == buildings.size();
    if (households < kCornerHouseholdsMin && !last) continue;
    // A few walk-ups left over at the end join the previous corner.
    if (households < kCornerHouseholdsMin / 2 && !community.corners.empty()) {
      first = first_building.back();
      community.corners.back().name = corner_name(buildings[first].name, buildings[b].name);
    } else {
      first_building.push_back(first);
      community.corners.push_back({corner_name(buildings[first].name, buildings[b].name)});
    }
    for (std::size_t i = first; i <= b; ++i) buildings[i].corner = community.corners.size() - 1;
    first = b + 1;
    households = 0;
  }
}

int age_at(const std::string& birth_date, int year, unsigned month, unsigned day) {
  int birth_year = 0;
  unsigned birth_month = 0;
  unsigned birth_day = 0;
  if (!parse_date(birth_date, birth_year, birth_month, birth_day)) return 40;
  int age = year - birth_year;
  if (month < birth_month || (month == birth_month && day < birth_day)) --age;
  return age;
}

// Among the members aged low..high, one at random (or the oldest when `oldest`).
std::optional<std::size_t> member_aged(Rng& rng, const Community& community, const Home& home,
                                       int low, int high, bool oldest = false) {
  std::vector<std::size_t> found;
  for (std::size_t person : home.members) {
    const int age = community.people[person].age;
    if (age >= low && age <= high) found.push_back(person);
  }
  if (found.empty()) return std::nullopt;
  if (oldest) {
    return *std::max_element(found.begin(), found.end(), [&](std::size_t a, std::size_t b) {
      return community.people[a].age < community.people[b].age;
    });
  }
  return rng.pick(found);
}

Community load_community(storage::Connection& db, std::int64_t community_id, Rng& rng,
                         std::int64_t as_of_ms) {
  Community community;
  community.id = community_id;
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  civil_from_days(local_day(as_of_ms), year, month, day);

  std::unordered_map<std::int64_t, std::size_t> building_by_id;
  for (const auto& row : db.query(
           "SELECT id, name FROM buildings WHERE community_id = ? ORDER BY id", {community_id})) {
    building_by_id[row.integer(0)] = community.buildings.size();
    community.buildings.push_back({row.integer(0), row.text(1), {}});
  }
  std::unordered_map<std::int64_t, std::size_t> home_by_id;
  for (const auto& row :
       db.query("SELECT id, building_id, willingness FROM households WHERE community_id = ? AND "
                "building_id IS NOT NULL ORDER BY id",
                {community_id})) {
    auto building = building_by_id.find(row.integer(1));
    if (building == building_by_id.end()) continue;
    Home home;
    home.id = row.integer(0);
    home.building = building->second;
    home.willingness = row.text(2);
    home_by_id[home.id] = community.homes.size();
    community.buildings[home.building].homes.push_back(community.homes.size());
    community.homes.push_back(std::move(home));
  }
  group_corners(community);
  for (const auto& row :
       db.query("SELECT household_id, kind, value FROM household_labels WHERE community_id = ? AND "
                "kind IN ('tag', 'skill') ORDER BY household_id, kind, value",
                {community_id})) {
    auto home = home_by_id.find(row.integer(0));
    if (home == home_by_id.end()) continue;
    Home& target = community.homes[home->second];
    if (row.text(1) == "skill") target.skills.push_back(row.text(2));
    if (row.text(1) == "tag" && row.text(2) == "elderly_alone") target.living_alone = true;
  }
  for (const auto& row : db.query(
           "SELECT id, household_id, birth_date, registration FROM residents WHERE community_id = "
           "? ORDER BY id",
           {community_id})) {
    auto home = home_by_id.find(row.integer(1));
    if (home == home_by_id.end()) continue;
    Person person;
    person.id = row.integer(0);
    person.home = home->second;
    person.age = row.is_null(2) ? 40 : age_at(row.text(2), year, month, day);
    Home& target = community.homes[home->second];
    if (row.text(3) == "migrant") target.migrant = true;
    if (person.age >= 3 && person.age <= 12) target.has_school_child = true;
    community.person_by_id[person.id] = community.people.size();
    target.members.push_back(community.people.size());
    community.people.push_back(person);
  }

  // Engagement: a random draw scaled by what the household told its guide, so households that
  // said they were willing mostly come first; active retirees take part more, migrants (often
  // working long hours, new to the neighbourhood) less.
  std::vector<std::pair<std::int64_t, std::size_t>> keys;
  for (std::size_t i = 0; i < community.homes.size(); ++i) {
    Home& home = community.homes[i];
    std::int64_t weight = home.willingness == "high"     ? 300
                          : home.willingness == "medium" ? 600
                          : home.willingness == "low"    ? 1000
                          : home.willingness == "none"   ? 1800
                                                         : 1100;
    bool active_retiree = false;
    for (std::size_t person : home.members) {
      const int age = community.people[person].age;
      active_retiree = active_retiree || (age >= 60 && age <= 75);
    }
    if (active_retiree) weight = weight * 8 / 10;
    if (home.migrant) weight = weight * 12 / 10;
    std::int64_t key = rng.between(std::int64_t{0}, std::int64_t{999'999}) * weight;
    home.corner_person = member_aged(rng, community, home, 50, 85, true);
    home.online_person = member_aged(rng, community, home, 18, 59);
    home.volunteer_person = member_aged(rng, community, home, 25, 70);
    if (!home.volunteer_person) home.volunteer_person = member_aged(rng, community, home, 16, 75);
    if (!home.skills.empty()) home.skill_person = member_aged(rng, community, home, 18, 75);
    if (home.has_school_child && rng.percent(30)) {
      if (auto parent = member_aged(rng, community, home, 25, 55)) {
        home.saving_for_childcare = true;
        home.volunteer_person = parent;
        key /= 2;
      }
    }
    home.corner_minded = home.corner_person && rng.percent(85);
    home.online_minded = home.online_person && rng.percent(55);
    home.has_car = member_aged(rng, community, home, 25, 70).has_value() && rng.percent(35);
    // Nobody who could come (everyone past 85, or only children): never takes part.
    if (!home.corner_person && !home.online_person && !home.volunteer_person) {
      key = std::numeric_limits<std::int64_t>::max();
    }
    keys.emplace_back(key, i);
  }
  std::sort(keys.begin(), keys.end());
  const auto count = static_cast<std::int64_t>(keys.size());
  for (std::int64_t rank = 0; rank < count; ++rank) {
    Home& home = community.homes[keys[static_cast<std::size_t>(rank)].second];
    home.rank_per_mille = static_cast<int>(rank * 1000 / std::max<std::int64_t>(1, count));
    home.core = home.rank_per_mille < kCorePerMille;
    community.by_rank.push_back(keys[static_cast<std::size_t>(rank)].second);
  }
  return community;
}

// ---- The year.

struct Month {
  int index = 0;
  std::int64_t first_day = 0;
  std::int64_t end_day = 0;  // exclusive
  unsigned month = 0;        // 1-12
  int share_per_mille = 0;   // households that should earn points this month
};

std::vector<Month> year_of_months(std::int64_t as_of_ms) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  civil_from_days(local_day(as_of_ms), year, month, day);
  std::vector<Month> months;
  for (int i = 0; i < kMonths; ++i) {
    const int back = kMonths - 1 - i;
    int y = year;
    int m = static_cast<int>(month) - back;
    while (m <= 0) {
      m += 12;
      --y;
    }
    Month entry;
    entry.index = i;
    entry.month = static_cast<unsigned>(m);
    entry.first_day = days_from_civil(y, entry.month, 1);
    entry.end_day = m == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, entry.month + 1, 1);
    entry.share_per_mille =
        kFirstMonthSharePerMille +
        (kLastMonthSharePerMille - kFirstMonthSharePerMille) * i / (kMonths - 1);
    months.push_back(entry);
  }
  return months;
}

// ---- Awards, planned into batches: one batch is one call of points::award, entered at one
// time by the guide who holds the sign-in sheet.

struct Batch {
  std::int64_t at_ms = 0;
  std::vector<AwardInput> awards;
};

class AwardPlan {
 public:
  // False when this resident already has an award for this rule and reference.
  bool add(const std::string& batch_key, std::int64_t at_ms, std::int64_t resident_id,
           const std::string& rule, std::int64_t quantity, const std::string& reference,
           const std::string& memo) {
    if (!given_.emplace(resident_id, rule + "\n" + reference).second) return false;
    auto [found, inserted] = batch_by_key_.emplace(batch_key, batches.size());
    if (inserted) batches.push_back({at_ms, {}});
    batches[found->second].awards.push_back({resident_id, rule, quantity, reference, memo});
    return true;
  }
  std::vector<Batch> batches;

 private:
  std::map<std::string, std::size_t> batch_by_key_;
  std::set<std::pair<std::int64_t, std::string>> given_;
};

// One activity that pays points: a meeting, a volunteer shift, a skill-sharing session.
struct Slot {
  std::string batch_key;
  std::string reference;
  std::string memo;
  std::string rule;
  std::int64_t at_ms = 0;  // when the award is entered
  int capacity = 0;
  int taken = 0;
  int half_hours_low = 0;  // volunteer minutes per person, in half hours
  int half_hours_high = 0;
  int age_low = 0;
  int age_high = 200;
};

constexpr const char* kTopics[] = {
    "加装电梯意见征集", "楼道堆物清理", "停车秩序与车位分配", "垃圾分类点位调整",
    "老旧小区改造方案", "物业服务评议", "电动车充电桩选址",   "楼前绿化改造",
    "积分兑换目录征求", "暑期托管安排", "防汛与安全检查",     "社区食堂菜品与价格",
    "宠物文明饲养公约", "高空抛物治理", "邻里纠纷调解公约",   "适老化改造需求"};

constexpr const char* kCleanupAreas[] = {"东区",     "西区",     "中心花园", "沿河步道",
                                         "南门广场", "地下车库", "北区",     "快递驿站周边"};

constexpr const char* kYouthTasks[] = {"社区图书角整理", "垃圾分类宣传", "爱心义卖",
                                       "老人智能手机教学", "社区环境小卫士"};

std::string skill_session_title(const std::string& skill) {
  static const std::map<std::string, std::string> titles = {
      {"理发", "义务理发"},         {"家电维修", "家电义务维修"},     {"书法", "书法兴趣课"},
      {"英语辅导", "少儿英语角"},   {"医疗护理", "健康讲座与测血压"}, {"法律咨询", "法律咨询日"},
      {"电脑", "智能手机与电脑课"}, {"烹饪", "家常菜烹饪课"},         {"太极拳", "太极拳晨练教学"},
      {"手工编织", "手工编织课"},   {"水电维修", "水电义务检修"},     {"心理疏导", "心理健康讲座"},
      {"摄影", "手机摄影课"}};
  auto found = titles.find(skill);
  return found != titles.end() ? found->second : skill + "分享";
}

class Planner {
 public:
  Planner(const Community& community, const WorkCalendar& calendar, Rng& rng, std::int64_t as_of_ms)
      : community_(community), calendar_(calendar), rng_(rng), as_of_ms_(as_of_ms) {}

  void plan_month(const Month& month) {
    month_ = &month;
    make_slots();
    std::vector<std::size_t> participants = choose_participants();
    rng_.shuffle(participants);
    std::vector<std::size_t> awarded_first;  // participants who got their first award
    for (std::size_t home : participants) {
      if (primary_activity(home)) awarded_first.push_back(home);
    }
    also_to_the_corner(awarded_first);
    bring_partners();
    skill_sessions(awarded_first);
    extra_volunteering(awarded_first);
    if (!youth_.empty()) youth_programme(awarded_first);
  }

  AwardPlan plan;

 private:
  // ---- The month's activities.

  bool usable(std::int64_t entry_ms) const { return entry_ms < as_of_ms_; }

  std::vector<std::int64_t> days_where(int from_dom, int to_dom, auto&& keep) const {
    std::vector<std::int64_t> days;
    for (std::int64_t day = month_->first_day; day < month_->end_day; ++day) {
      const int dom = day_of_month(day);
      if (dom >= from_dom && dom <= to_dom && keep(day)) days.push_back(day);
    }
    return days;
  }

  Slot volunteer_slot(std::string batch_key, std::string reference, std::string memo,
                      std::int64_t entry_ms, int capacity, int low, int high) {
    Slot slot;
    slot.batch_key = std::move(batch_key);
    slot.reference = std::move(reference);
    slot.memo = std::move(memo);
    slot.rule = "volunteer";
    slot.at_ms = entry_ms;
    slot.capacity = capacity;
    slot.half_hours_low = low;
    slot.half_hours_high = high;
    slot.age_low = 16;
    slot.age_high = 75;
    return slot;
  }

  void make_slots() {
    const auto& buildings = community_.buildings;
    corner_.assign(community_.corners.size(), std::nullopt);
    garbage_.assign(buildings.size(), {});
    online_.reset();
    cleanups_.clear();
    visits_.clear();
    patrols_.clear();
    youth_.clear();
    skill_days_.clear();
    const int month_number = static_cast<int>(month_->month);

    // Corner meetings on a working afternoon between the 6th and the 24th; the guide enters the
    // sign-in sheet after the meeting.
    auto meeting_days = days_where(6, 24, [&](std::int64_t day) {
      return calendar_.is_workday(day) && weekday(day) < 5 && usable(at(day, 18, 30));
    });
    for (std::size_t c = 0; c < community_.corners.size() && !meeting_days.empty(); ++c) {
      const std::int64_t day = rng_.pick(meeting_days);
      const std::string date = day_text(day);
      const std::string& corner = community_.corners[c].name;
      Slot slot;
      slot.reference = "meeting:" + corner + ":" + date;
      slot.batch_key = slot.reference;
      slot.memo = "楼栋议事角 · " + corner + " · " + rng_.pick(kTopics);
      slot.rule = "meeting";
      slot.at_ms = at(day, 17, rng_.between(0, 90));
      slot.capacity = kMeetingCapacity;
      slot.age_low = 18;
      corner_[c] = std::move(slot);
    }
    // The online hall: a Wednesday evening 20:00-21:30 mid-month (8-10 pm, as in the seed).
    auto hall_days = days_where(10, 22, [&](std::int64_t day) {
      return weekday(day) == 2 && calendar_.is_workday(day) && usable(at(day, 22, 30));
    });
    if (hall_days.empty()) {
      hall_days = days_where(1, 31, [&](std::int64_t day) {
        return weekday(day) < 5 && calendar_.is_workday(day) && usable(at(day, 22, 30));
      });
    }
    if (!hall_days.empty()) {
      const std::int64_t day = rng_.pick(hall_days);
      Slot slot;
      slot.reference = "meeting:线上议事厅:" + day_text(day);
      slot.batch_key = slot.reference;
      slot.memo = std::string("线上议事厅 · ") + rng_.pick(kTopics);
      slot.rule = "meeting";
      slot.at_ms = at(day, 21, 45 + rng_.between(0, 10));
      slot.capacity = kMeetingCapacity;
      slot.age_low = 18;
      online_ = std::move(slot);
    }
    // Garbage-sorting guidance: a weekly rota at every building's station, entered on Sunday
    // evening for the week.
    auto sundays = days_where(
        1, 31, [&](std::int64_t day) { return weekday(day) == 6 && usable(at(day, 21, 0)); });
    for (std::size_t b = 0; b < buildings.size(); ++b) {
      const int capacity =
          std::clamp(static_cast<int>(buildings[b].homes.size()) / kGarbageHouseholdsPerVolunteer,
                     kGarbageStationMin, kGarbageStationMax);
      for (std::int64_t day : sundays) {
        const std::string date = day_text(day);
        garbage_[b].push_back(volunteer_slot(
            "garbage:" + date, "volunteer:garbage:" + buildings[b].name + ":" + date,
            "垃圾分类督导 · " + buildings[b].name + "投放点 · 截至" + date + "的一周",
            at(day, 20, 0), capacity, 2, 8));
      }
    }
    // Clean-ups on Saturday mornings, more of them as more people come.
    auto saturdays = days_where(1, 31, [&](std::int64_t day) {
      return weekday(day) == 5 && !calendar_.holidays().contains(day) && usable(at(day, 14, 0));
    });
    const int cleanup_count = 2 + (month_->index >= 5 ? 1 : 0) + (month_->index >= 9 ? 1 : 0);
    for (int i = 0; i < cleanup_count && !saturdays.empty(); ++i) {
      const std::int64_t day = saturdays[static_cast<std::size_t>(i) % saturdays.size()];
      const std::string area =
          kCleanupAreas[static_cast<std::size_t>(month_->index * 3 + i) % std::size(kCleanupAreas)];
      const std::string date = day_text(day);
      cleanups_.push_back(volunteer_slot(
          "volunteer:cleanup:" + date + ":" + area, "volunteer:cleanup:" + date + ":" + area,
          "环境清洁日 · " + area, at(day, 12, rng_.between(0, 90)), kCleanupCapacity, 4, 6));
    }
    // Visits to elderly people living alone: two working mornings a month.
    auto visit_days = days_where(3, 26, [&](std::int64_t day) {
      return (weekday(day) == 1 || weekday(day) == 3) && calendar_.is_workday(day) &&
             usable(at(day, 17, 0));
    });
    for (int i = 0; i < 2 && !visit_days.empty(); ++i) {
      const std::int64_t day = visit_days[i == 0 ? 0 : visit_days.size() - 1];
      const std::string date = day_text(day);
      Slot slot = volunteer_slot("volunteer:visit:" + date, "volunteer:visit:" + date,
                                 "敬老探访 · 独居老人上门探访", at(day, 15, rng_.between(0, 90)),
                                 kVisitCapacity, 2, 4);
      slot.age_low = 18;
      slot.age_high = 70;
      visits_.push_back(std::move(slot));
      if (visit_days.size() == 1) break;
    }
    // Patrols: the first evenings of the Spring Festival holiday, and the flood season.
    std::int64_t festival_day = 0;
    for (const auto& [day, name] : calendar_.holidays()) {
      if (name == "春节" && day >= month_->first_day && day < month_->end_day) {
        festival_day = day;
        break;
      }
    }
    if (festival_day != 0) {
      for (int i = 0; i < 3; ++i) {
        const std::int64_t day = festival_day + i;
        if (!usable(at(day + 1, 10, 0)) || day + 1 >= month_->end_day) continue;
        const std::string date = day_text(day);
        Slot slot = volunteer_slot("volunteer:patrol:" + date, "volunteer:patrol:" + date,
                                   "春节平安巡逻 · 烟花爆竹与消防安全", at(day + 1, 10, 0),
                                   kPatrolCapacity, 3, 4);
        slot.age_low = 18;
        slot.age_high = 70;
        patrols_.push_back(std::move(slot));
      }
    }
    if (month_number >= 6 && month_number <= 9) {
      auto flood_days = days_where(5, 25, [&](std::int64_t day) { return usable(at(day, 21, 0)); });
      for (int i = 0; i < 2 && !flood_days.empty(); ++i) {
        const std::int64_t day = rng_.pick(flood_days);
        const std::string date = day_text(day);
        if (!patrols_.empty() && patrols_.back().reference.ends_with(date)) continue;
        Slot slot =
            volunteer_slot("volunteer:patrol:" + date, "volunteer:patrol:" + date,
                           "防汛巡查 · 地下车库与低洼楼道", at(day, 20, 30), kPatrolCapacity, 2, 6);
        slot.age_low = 18;
        slot.age_high = 70;
        patrols_.push_back(std::move(slot));
      }
    }
    // The summer holidays: teenagers volunteer on Saturdays.
    if (month_number == 7 || month_number == 8) {
      for (std::int64_t day : saturdays) {
        const std::string date = day_text(day);
        Slot slot = volunteer_slot("volunteer:youth:" + date, "volunteer:youth:" + date,
                                   std::string("暑期青少年志愿服务 · ") + rng_.pick(kYouthTasks),
                                   at(day, 12, 15), kYouthCapacity, 3, 6);
        slot.age_low = 12;
        slot.age_high = 17;
        youth_.push_back(std::move(slot));
      }
    }
    // Skill sharing on weekend mornings.
    skill_days_ = days_where(1, 28, [&](std::int64_t day) {
      return weekday(day) >= 5 && !calendar_.holidays().contains(day) && usable(at(day, 13, 0));
    });
  }

  // ---- Who takes part.

  // From December to June parents save up for the summer childcare place.
  bool before_summer() const { return month_->month <= 6 || month_->month == 12; }

  std::vector<std::size_t> choose_participants() {
    // Committed households (activists, parents saving for the summer place) come nearly every
    // month and a few others drop in; the pool, the next most engaged households in rank
    // order, is sized so that together they make the month's share.
    const auto committed = [&](const Home& home) {
      return home.core || (home.saving_for_childcare && before_summer());
    };
    const auto households = static_cast<std::int64_t>(community_.homes.size());
    std::int64_t committed_count = 0;
    for (const Home& home : community_.homes) committed_count += committed(home) ? 1 : 0;
    const std::int64_t wanted_percent_households =
        households * month_->share_per_mille / 10 - committed_count * kCoreChancePercent -
        (households - committed_count) * kOutsideChancePercent;
    std::int64_t pool_size = std::max<std::int64_t>(
        0, wanted_percent_households / (kPoolChancePercent - kOutsideChancePercent));
    std::vector<bool> in_pool(community_.homes.size(), false);
    for (std::size_t home : community_.by_rank) {
      if (pool_size == 0) break;
      if (committed(community_.homes[home])) continue;
      in_pool[home] = true;
      --pool_size;
    }
    std::vector<std::size_t> participants;
    for (std::size_t i = 0; i < community_.homes.size(); ++i) {
      const int chance = committed(community_.homes[i]) ? kCoreChancePercent
                         : in_pool[i]                   ? kPoolChancePercent
                                                        : kOutsideChancePercent;
      if (rng_.percent(chance)) participants.push_back(i);
    }
    return participants;
  }

  // Awards `person` for `slot`; false when full, out of the slot's ages or already there.
  bool give(Slot& slot, std::size_t person) {
    if (slot.taken >= slot.capacity) return false;
    const Person& who = community_.people[person];
    if (who.age < slot.age_low || who.age > slot.age_high) return false;
    std::int64_t quantity = 1;
    std::string memo = slot.memo;
    if (slot.rule == "volunteer") {
      quantity = std::int64_t{rng_.between(slot.half_hours_low, slot.half_hours_high)} * 30;
      memo += " · " + hours_text(quantity);
    }
    if (!plan.add(slot.batch_key, slot.at_ms, who.id, slot.rule, quantity, slot.reference, memo)) {
      return false;
    }
    ++slot.taken;
    return true;
  }

  bool volunteer(std::size_t home_index, std::size_t person) {
    const Home& home = community_.homes[home_index];
    auto first_free = [&](std::vector<Slot>& slots, std::size_t start) -> bool {
      for (std::size_t i = 0; i < slots.size(); ++i) {
        if (give(slots[(start + i) % slots.size()], person)) return true;
      }
      return false;
    };
    auto random_start = [&](const std::vector<Slot>& slots) -> std::size_t {
      return slots.empty() ? 0 : static_cast<std::size_t>(rng_.between(0, int(slots.size()) - 1));
    };
    const int weights[] = {55, 25, 10, patrols_.empty() ? 0 : 10};
    const auto choice = pick_weighted(rng_, weights).value_or(0);
    auto& station = garbage_[home.building];
    bool done = false;
    switch (choice) {
      case 0:
        done = first_free(station, random_start(station));
        break;
      case 1:
        done = first_free(cleanups_, random_start(cleanups_));
        break;
      case 2:
        done = first_free(visits_, random_start(visits_));
        break;
      default:
        done = first_free(patrols_, random_start(patrols_));
        break;
    }
    if (done || first_free(station, random_start(station)) ||
        first_free(cleanups_, random_start(cleanups_))) {
      return true;
    }
    // Their own station's rota is full: the nearest station that still needs people.
    const auto own = static_cast<std::int64_t>(home.building);
    const auto count = static_cast<std::int64_t>(garbage_.size());
    for (std::int64_t distance = 1; distance < count; ++distance) {
      for (std::int64_t other : {own - distance, own + distance}) {
        if (other < 0 || other >= count) continue;
        auto& nearby = garbage_[static_cast<std::size_t>(other)];
        if (first_free(nearby, random_start(nearby))) return true;
      }
    }
    return false;
  }

  // The first award of the month: a meeting or volunteering, as the household prefers.
  bool primary_activity(std::size_t home_index) {
    const Home& home = community_.homes[home_index];
    auto& corner_slot = corner_[community_.buildings[home.building].corner];
    const bool corner = home.corner_minded && corner_slot;
    const bool online = home.online_minded && online_;
    const int weights[] = {corner ? 100 : 0, online ? 35 : 0, home.volunteer_person ? 40 : 0};
    const auto choice = pick_weighted(rng_, weights);
    if (!choice) return false;
    if (*choice == 0 && give(*corner_slot, *home.corner_person)) {
      attended_.emplace_back(home_index, &*corner_slot);
      return true;
    }
    if (*choice == 1 && give(*online_, *home.online_person)) {
      attended_.emplace_back(home_index, &*online_);
      return true;
    }
    if (home.volunteer_person && volunteer(home_index, *home.volunteer_person)) return true;
    // The preferred meeting was full and nobody can volunteer: try the other meeting.
    if (corner && give(*corner_slot, *home.corner_person)) return true;
    return online && give(*online_, *home.online_person);
  }

  // Many who volunteer also come to their building's meeting.
  void also_to_the_corner(const std::vector<std::size_t>& participants) {
    for (std::size_t home_index : participants) {
      const Home& home = community_.homes[home_index];
      auto& corner = corner_[community_.buildings[home.building].corner];
      if (!home.corner_minded || !corner || !rng_.percent(35)) continue;
      if (give(*corner, *home.corner_person)) attended_.emplace_back(home_index, &*corner);
    }
  }

  // A third of those at a meeting bring their partner or another adult of the household.
  void bring_partners() {
    for (const auto& [home_index, slot] : attended_) {
      if (!rng_.percent(35)) continue;
      const Home& home = community_.homes[home_index];
      std::vector<std::size_t> others;
      for (std::size_t person : home.members) {
        const int age = community_.people[person].age;
        if (age >= 18 && age <= 85) others.push_back(person);
      }
      if (others.size() < 2) continue;
      rng_.shuffle(others);
      for (std::size_t person : others) {
        if (give(*slot, person)) break;
      }
    }
    attended_.clear();
  }

  // From 3 sessions a month at the start to 12 at the end, run by residents with a skill.
  void skill_sessions(const std::vector<std::size_t>& participants) {
    if (skill_days_.empty()) return;
    const int sessions = 3 + 9 * month_->index / (kMonths - 1);
    std::vector<std::size_t> hosts;
    for (std::size_t home : participants) {
      if (community_.homes[home].skill_person) hosts.push_back(home);
    }
    rng_.shuffle(hosts);
    for (int i = 0; i < sessions && i < static_cast<int>(hosts.size()); ++i) {
      const Home& home = community_.homes[hosts[static_cast<std::size_t>(i)]];
      const std::string& skill = rng_.pick(home.skills);
      const std::int64_t day = rng_.pick(skill_days_);
      const std::string date = day_text(day);
      Slot slot;
      slot.batch_key = "skill:" + date;
      slot.reference = "skill:" + skill + ":" + date;
      slot.memo = "技能分享 · " + skill_session_title(skill);
      slot.rule = "skill_share";
      slot.at_ms = at(day, 12, 30);
      slot.capacity = 1;
      slot.age_low = 18;
      slot.age_high = 75;
      give(slot, *home.skill_person);
    }
  }

  // Activists do the rota most weeks and join clean-ups and visits; a few others come twice.
  void extra_volunteering(const std::vector<std::size_t>& participants) {
    for (std::size_t home_index : participants) {
      const Home& home = community_.homes[home_index];
      if (!home.volunteer_person) continue;
      const std::size_t person = *home.volunteer_person;
      const bool saving = home.saving_for_childcare && before_summer();
      if (home.core || saving) {
        auto& station = garbage_[home.building];
        const int weeks = saving ? rng_.between(2, 4) : rng_.between(1, 3);
        for (int i = 0; i < weeks && !station.empty(); ++i) give(any_of(station), person);
        if (rng_.percent(40) && !cleanups_.empty()) give(any_of(cleanups_), person);
        if (rng_.percent(25) && !visits_.empty()) give(any_of(visits_), person);
      } else if (rng_.percent(10)) {
        volunteer(home_index, person);
      }
    }
  }

  Slot& any_of(std::vector<Slot>& slots) {
    return slots[static_cast<std::size_t>(rng_.between(0, static_cast<int>(slots.size()) - 1))];
  }

  void youth_programme(const std::vector<std::size_t>& participants) {
    for (std::size_t home_index : participants) {
      if (!rng_.percent(35)) continue;
      const Home& home = community_.homes[home_index];
      auto teenager = member_aged(rng_, community_, home, 12, 17);
      if (!teenager) continue;
      give(any_of(youth_), *teenager);
    }
  }

  const Community& community_;
  const WorkCalendar& calendar_;
  Rng& rng_;
  std::int64_t as_of_ms_;
  const Month* month_ = nullptr;
  std::vector<std::optional<Slot>> corner_;  // per corner
  std::optional<Slot> online_;
  std::vector<std::vector<Slot>> garbage_;  // per building, per Sunday
  std::vector<Slot> cleanups_;
  std::vector<Slot> visits_;
  std::vector<Slot> patrols_;
  std::vector<Slot> youth_;
  std::vector<std::int64_t> skill_days_;
  std::vector<std::pair<std::size_t, Slot*>> attended_;
};

// ---- The catalogue.

enum class Window { always, summer_holiday, before_spring_festival };

struct ItemSpec {
  const char* name;
  const char* category;
  std::int64_t price_points;
  std::optional<std::int64_t> stock;
  std::optional<std::int64_t> limit;
  const char* limit_period;
  Window window;
};

// Prices from the seed's examples and what the items cost the community; stock where the
// community buys a fixed number.
const ItemSpec kItems[] = {
    {"社区食堂餐券（一餐）", "canteen_voucher", 30, std::nullopt, 8, "month", Window::always},
    {"理发券", "service_voucher", 20, std::nullopt, 2, "month", Window::always},
    {"停车优惠券（月租减免50元）", "parking_discount", 50, std::nullopt, 2, "month",
     Window::always},
    {"文化活动门票（社区剧场）", "activity_ticket", 40, 300, 2, "month", Window::always},
    {"洗衣液 2kg", "daily_goods", 60, 400, std::nullopt, nullptr, Window::always},
    {"东北大米 5kg", "daily_goods", 100, 250, std::nullopt, nullptr, Window::always},
    {"家电维修券", "service_voucher", 80, std::nullopt, 2, "quarter", Window::always},
    {"暑期托管名额", "childcare_place", 200, 40, 1, "year", Window::summer_holiday},
    {"体检套餐（社区卫生服务中心）", "service_voucher", 300, 60, 1, "year", Window::always},
    {"春节福袋", "other", 50, 200, 1, "year", Window::before_spring_festival},
};
constexpr std::size_t kCanteen = 0, kHaircut = 1, kParking = 2, kTicket = 3, kLaundry = 4,
                      kRice = 5, kRepair = 6, kChildcare = 7, kHealthCheck = 8, kFestivalBag = 9;

struct ShopItem {
  std::int64_t id = 0;
  std::size_t spec = 0;
  std::int64_t price_points = 0;
  std::optional<std::int64_t> stock_remaining;
  std::optional<ledger::LimitPeriod> limit_period;
  std::optional<std::int64_t> limit;
  std::int64_t from_day = 0;
  std::int64_t until_day = 0;  // inclusive
};

// ---- Replaying.

enum class Step {
  award_batch,
  correction,
  shop_day,
  redemption,
  service_record,
  service_outcome,
  transfer,
  expiry_job,
  family_time,
};

struct Event {
  std::int64_t at_ms = 0;
  std::int64_t seq = 0;
  Step step = Step::award_batch;
  std::size_t index = 0;
};
struct Later {
  bool operator()(const Event& a, const Event& b) const {
    return std::tie(a.at_ms, a.seq) > std::tie(b.at_ms, b.seq);
  }
};

struct DoubleEntry {
  std::size_t batch = 0;  // the batch holding the second entry
  std::string original_reference;
  std::int64_t resident_id = 0;
};

enum class Fate { confirm, dispute, lapse };

struct ServicePlan {
  std::size_t provider = 0;  // person indices
  std::size_t recipient = 0;
  std::int64_t service_day = 0;
  std::int64_t minutes = 0;
  std::string type;
  std::string note;
  std::int64_t record_ms = 0;
  Fate fate = Fate::confirm;
  std::int64_t outcome_ms = 0;  // confirm or dispute; 0: none before as_of
  std::int64_t service_id = 0;
  bool recorded = false;
};

struct TransferPlan {
  std::int64_t from_resident_id = 0;
  std::int64_t to_resident_id = 0;
  std::int64_t minutes = 0;
};

struct Habit {
  int chance_percent = 100;           // how often they visit the shop, relative to the average
  bool saver = false;                 // saves for one dear item at a time
  std::optional<std::size_t> target;  // what a saver is saving for, an index into the items
};

class Replay {
 public:
  Replay(storage::Connection& db, const Community& community, const WorkCalendar& calendar,
         std::uint64_t seed, std::int64_t as_of_ms, std::int64_t floor_minutes)
      : db_(db),
        community_(community),
        calendar_(calendar),
        rng_(seed, stream_of(kReplayStream, community.id)),
        as_of_ms_(as_of_ms),
        floor_minutes_(floor_minutes),
        system_(audit::system_actor()) {}

  void schedule(std::int64_t at_ms, Step step, std::size_t index) {
    if (at_ms >= as_of_ms_) return;
    queue_.push({at_ms, next_seq_++, step, index});
  }

  void run() {
    while (!queue_.empty()) {
      const Event event = queue_.top();
      queue_.pop();
      switch (event.step) {
        case Step::award_batch:
          award_batch(event);
          break;
        case Step::correction:
          correction(event);
          break;
        case Step::shop_day:
          shop_day(event);
          break;
        case Step::redemption:
          redemption(event);
          break;
        case Step::service_record:
          service_record(event);
          break;
        case Step::service_outcome:
          service_outcome(event);
          break;
        case Step::transfer:
          transfer(event);
          break;
        case Step::expiry_job:
          expiry_job(event);
          break;
        case Step::family_time:
          family_time(event);
          break;
      }
    }
  }

  std::vector<Batch> batches;
  std::vector<DoubleEntry> double_entries;
  std::vector<ShopItem> items;
  std::vector<ServicePlan> services;
  std::vector<TransferPlan> transfers;
  std::vector<std::size_t> providers;              // person indices, in joining order
  std::vector<std::int64_t> provider_start_ms;     // when each joined
  std::unordered_map<std::int64_t, Habit> habits;  // by resident id
  std::set<std::int64_t> earners;                  // residents with an award
  DemoPointsSummary summary;

 private:
  [[noreturn]] void fail(const std::string& what, const Error& error) {
    throw std::runtime_error("demo points: " + what + " refused at " + format_iso8601(now_ms_) +
                             ": " + error.code + ": " + error.message);
  }

  void award_batch(const Event& event) {
    now_ms_ = event.at_ms;
    const Batch& batch = batches[event.index];
    auto postings = award(db_, system_, batch.awards, event.at_ms);
    if (!postings) fail("award batch " + batch.awards.front().reference, postings.error());
    for (std::size_t i = 0; i < postings->size(); ++i) {
      const std::int64_t resident_id = batch.awards[i].resident_id;
      points_[resident_id] += (*postings)[i].amount;
      earners.insert(resident_id);
      ++summary.awards;
      summary.points_awarded += (*postings)[i].amount;
    }
    posting_of_batch_[event.index] = postings->front().id;
  }

  void correction(const Event& event) {
    now_ms_ = event.at_ms;
    const DoubleEntry& entry = double_entries[event.index];
    auto posting = posting_of_batch_.find(entry.batch);
    if (posting == posting_of_batch_.end()) return;
    auto corrected =
        correct(db_, system_, posting->second,
                "重复录入：与 " + entry.original_reference + " 为同一次活动，已按纸质签到表核对",
                event.at_ms);
    // The resident may have spent the points meanwhile; then the double entry stands, as it
    // would in real life until they earn again (the ledger refuses to go below zero).
    if (!corrected) return;
    points_[entry.resident_id] -= corrected->amount;
  }

  // ---- The points shop.

  // Each morning: who will redeem something today, and when.
  void shop_day(const Event& event) {
    const std::int64_t day = local_day(event.at_ms);
    const int wday = weekday(day);
    const bool open_all_day = calendar_.is_workday(day);
    const bool open_morning = open_all_day || wday == 5;  // the points shop opens Saturdays
    if (!open_morning) return;
    for (const auto& [resident_id, balance] : points_) {
      if (balance < 20) continue;
      const Habit& habit = habits[resident_id];
      // About 1.7% a day at 100 points, 3% at 300, for an average resident.
      const std::int64_t chance_ppm =
          std::int64_t{habit.chance_percent} * 500 * balance / (balance + 200);
      if (rng_.between(std::int64_t{0}, std::int64_t{999'999}) >= chance_ppm) continue;
      const int minute = open_all_day && rng_.percent(60) ? rng_.between(0, 150) + 9 * 60
                         : open_all_day                   ? rng_.between(0, 180) + 14 * 60
                                                          : rng_.between(0, 150) + 9 * 60;
      const std::size_t slot = shoppers_.size();
      shoppers_.push_back(resident_id);
      schedule(at(day, minute / 60, minute % 60), Step::redemption, slot);
    }
  }

  int item_weight(const ShopItem& item, const Person& person, const Home& home) const {
    const int age = person.age;
    switch (item.spec) {
      case kCanteen:
        return age >= 60 ? 60 : 25;
      case kHaircut:
        return age >= 60 ? 30 : 12;
      case kParking:
        return home.has_car && age >= 25 && age <= 70 ? 40 : 0;
      case kTicket:
        return age <= 75 ? 18 : 4;
      case kLaundry:
        return 25;
      case kRice:
        return 22;
      case kRepair:
        return 10;
      case kChildcare:
        return home.has_school_child && age >= 25 && age <= 55 ? 400 : 0;
      case kHealthCheck:
        return age >= 60 ? 45 : age >= 45 ? 25 : 0;
      case kFestivalBag:
        return 80;
      default:
        return 10;
    }
  }

  std::int64_t taken_in_period(std::int64_t resident_id, const ShopItem& item) const {
    if (!item.limit_period) return 0;
    const std::int64_t start = ledger::period_start_ms(*item.limit_period, now_ms_);
    std::int64_t taken = 0;
    auto found = redeemed_.find(resident_id);
    if (found == redeemed_.end()) return 0;
    for (const auto& [item_id, when, quantity] : found->second) {
      if (item_id == item.id && when >= start) taken += quantity;
    }
    return taken;
  }

  // Whether the resident may take the item today, price aside.
  bool on_offer(const ShopItem& item, std::int64_t resident_id, std::int64_t today) const {
    return today >= item.from_day && today <= item.until_day &&
           !(item.stock_remaining && *item.stock_remaining <= 0) &&
           !(item.limit && taken_in_period(resident_id, item) >= *item.limit);
  }
  // Whether it is still worth saving for: not sold out, not over, not already had.
  bool worth_saving_for(const ShopItem& item, std::int64_t resident_id, std::int64_t today) const {
    return today <= item.until_day && !(item.stock_remaining && *item.stock_remaining <= 0) &&
           !(item.limit && taken_in_period(resident_id, item) >= *item.limit);
  }

  // Savers pick something dear they want (the summer place, a health check…) and redeem only
  // when they can have it; the Spring Festival bag, on offer three weeks a year, is the one
  // treat half of them allow themselves.
  std::optional<std::size_t> saver_choice(Habit& habit, const Person& person, const Home& home,
                                          std::int64_t balance, std::int64_t today) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const ShopItem& item = items[i];
      if (kItems[item.spec].window == Window::before_spring_festival &&
          item.price_points <= balance && on_offer(item, person.id, today) && rng_.percent(50)) {
        return i;
      }
    }
    if (habit.target && !worth_saving_for(items[*habit.target], person.id, today)) {
      habit.target.reset();
    }
    if (!habit.target) {
      std::vector<int> weights;
      for (const auto& item : items) {
        const bool wanted = item.price_points >= 60 && worth_saving_for(item, person.id, today);
        weights.push_back(wanted ? item_weight(item, person, home) *
                                       static_cast<int>(item.price_points) / 60
                                 : 0);
      }
      habit.target = pick_weighted(rng_, weights);
    }
    if (!habit.target) return std::nullopt;
    const ShopItem& target = items[*habit.target];
    if (target.price_points > balance || !on_offer(target, person.id, today)) return std::nullopt;
    return std::exchange(habit.target, std::nullopt);
  }

  // Spenders take something they like among what they can afford today.
  std::optional<std::size_t> spender_choice(const Person& person, const Home& home,
                                            std::int64_t balance, std::int64_t today) {
    std::vector<int> weights;
    for (const auto& item : items) {
      const bool possible = item.price_points <= balance && on_offer(item, person.id, today);
      weights.push_back(possible ? item_weight(item, person, home) : 0);
    }
    return pick_weighted(rng_, weights);
  }

  void redemption(const Event& event) {
    now_ms_ = event.at_ms;
    const std::int64_t resident_id = shoppers_[event.index];
    const std::int64_t balance = points_[resident_id];
    const Person& person = community_.people[community_.person_by_id.at(resident_id)];
    if (person.age < 16) return;  // children's points wait for them
    const Home& home = community_.homes[person.home];
    Habit& habit = habits[resident_id];
    const std::int64_t today = local_day(event.at_ms);
    const auto choice = habit.saver ? saver_choice(habit, person, home, balance, today)
                                    : spender_choice(person, home, balance, today);
    if (!choice) return;
    ShopItem& item = items[*choice];
    std::int64_t quantity = 1;
    if (item.spec == kCanteen && balance >= 90 && rng_.percent(40)) {
      quantity = std::min<std::int64_t>({rng_.between(2, 3), balance / item.price_points,
                                         *item.limit - taken_in_period(resident_id, item)});
    }
    auto redeemed = redeem(db_, system_, resident_id, item.id, quantity, event.at_ms);
    if (!redeemed) return;  // refused in a way the plan did not foresee: they come back later
    points_[resident_id] -= redeemed->points;
    item.stock_remaining = redeemed->stock_remaining;
    redeemed_[resident_id].emplace_back(item.id, event.at_ms, quantity);
    ++summary.redemptions;
  }

  // ---- The time bank.

  std::int64_t& minutes_of(std::size_t person) { return minutes_[community_.people[person].id]; }
  std::int64_t& reserved_of(std::size_t person) { return reserved_[community_.people[person].id]; }
  // What a recipient may still receive without passing the debt cap, pending records counted.
  std::int64_t room_of(std::size_t person) {
    return minutes_of(person) - reserved_of(person) - floor_minutes_;
  }

  // A family member with banked time helps a recipient who is near the cap, just before the
  // record that needs it.
  bool family_help(std::size_t recipient, std::int64_t needed_minutes) {
    const Home& home = community_.homes[community_.people[recipient].home];
    for (std::size_t giver : home.members) {
      if (giver == recipient) continue;
      const std::int64_t spare = std::min(minutes_of(giver), room_of(giver));
      const std::int64_t amount = (needed_minutes + 59) / 60 * 60;
      if (spare < amount) continue;
      const std::size_t index = transfers.size();
      transfers.push_back({community_.people[giver].id, community_.people[recipient].id, amount});
      transfer(Event{now_ms_, 0, Step::transfer, index});
      return room_of(recipient) >= needed_minutes;
    }
    return false;
  }

  void service_record(const Event& event) {
    now_ms_ = event.at_ms;
    ServicePlan& plan = services[event.index];
    if (room_of(plan.recipient) < plan.minutes &&
        !family_help(plan.recipient, plan.minutes - room_of(plan.recipient))) {
      return;  // at the cap and nobody to help: the provider serves someone else next time
    }
    timebank::NewService input;
    input.provider_resident_id = community_.people[plan.provider].id;
    input.recipient_resident_id = community_.people[plan.recipient].id;
    input.service_date = day_text(plan.service_day);
    input.minutes = plan.minutes;
    input.service_type = plan.type;
    input.note = plan.note;
    auto service = timebank::record_service(db_, system_, input, event.at_ms);
    if (!service) fail("time-bank record", service.error());
    plan.service_id = service->id;
    plan.recorded = true;
    reserved_of(plan.recipient) += plan.minutes;
    ++summary.services;
    if (plan.fate == Fate::lapse) {
      lapses_.emplace_back(service->expires_ms, event.index);
    } else if (plan.outcome_ms != 0) {
      schedule(plan.outcome_ms, Step::service_outcome, event.index);
    }
  }

  void service_outcome(const Event& event) {
    now_ms_ = event.at_ms;
    ServicePlan& plan = services[event.index];
    if (plan.fate == Fate::dispute) {
      static constexpr const char* kReasons[] = {"记录时长与实际不符", "服务日期记录有误",
                                                 "当天未上门，家属核实中"};
      auto disputed = timebank::dispute_service(db_, system_, plan.service_id, rng_.pick(kReasons),
                                                event.at_ms);
      if (!disputed) fail("time-bank dispute", disputed.error());
      reserved_of(plan.recipient) -= plan.minutes;  // a disputed record never pays
      return;
    }
    auto confirmed = timebank::confirm_service(db_, system_, plan.service_id, event.at_ms);
    if (!confirmed) fail("time-bank confirmation", confirmed.error());
    reserved_of(plan.recipient) -= plan.minutes;
    minutes_of(plan.recipient) -= plan.minutes;
    minutes_of(plan.provider) += plan.minutes;
    summary.minutes_banked += plan.minutes;
  }

  void transfer(const Event& event) {
    now_ms_ = event.at_ms;
    const TransferPlan& plan = transfers[event.index];
    const std::size_t giver = community_.person_by_id.at(plan.from_resident_id);
    const std::int64_t spare = std::min(minutes_of(giver), room_of(giver)) / 15 * 15;
    const std::int64_t amount = std::min(plan.minutes, spare);
    if (amount < 15) return;
    auto posting = timebank::transfer(db_, system_, plan.from_resident_id, plan.to_resident_id,
                                      amount, event.at_ms);
    if (!posting) fail("time-bank transfer", posting.error());
    minutes_[plan.from_resident_id] -= amount;
    minutes_[plan.to_resident_id] += amount;
    ++summary.transfers;
  }

  void expiry_job(const Event& event) {
    now_ms_ = event.at_ms;
    timebank::expire_services(db_, event.at_ms);
    // Expired records will never pay: free what they held of the recipient's room.
    auto keep = std::remove_if(lapses_.begin(), lapses_.end(), [&](const auto& lapse) {
      if (lapse.first >= event.at_ms) return false;
      const ServicePlan& plan = services[lapse.second];
      reserved_of(plan.recipient) -= plan.minutes;
      return true;
    });
    lapses_.erase(keep, lapses_.end());
  }

  // Once a month some providers with plenty banked pass time on to their family.
  void family_time(const Event& event) {
    now_ms_ = event.at_ms;
    const std::int64_t day = local_day(event.at_ms);
    for (std::size_t i = 0; i < providers.size(); ++i) {
      if (provider_start_ms[i] > event.at_ms) continue;
      const std::size_t giver = providers[i];
      const std::int64_t spare = std::min(minutes_of(giver), room_of(giver));
      if (spare < 480 || !rng_.percent(20)) continue;
      const Home& home = community_.homes[community_.people[giver].home];
      std::optional<std::size_t> receiver;
      for (std::size_t member : home.members) {
        if (member == giver) continue;
        if (!receiver || community_.people[member].age > community_.people[*receiver].age) {
          receiver = member;
        }
      }
      if (!receiver) continue;
      const std::int64_t amount = rng_.between(spare / 4, spare / 2) / 15 * 15;
      if (amount < 60) continue;
      const std::size_t index = transfers.size();
      transfers.push_back({community_.people[giver].id, community_.people[*receiver].id, amount});
      schedule(at(day + rng_.between(0, 20), rng_.between(10, 19), rng_.between(0, 59)),
               Step::transfer, index);
    }
  }

  storage::Connection& db_;
  const Community& community_;
  const WorkCalendar& calendar_;
  Rng rng_;
  std::int64_t as_of_ms_;
  std::int64_t floor_minutes_;
  Actor system_;
  std::int64_t now_ms_ = 0;
  std::int64_t next_seq_ = 0;
  std::priority_queue<Event, std::vector<Event>, Later> queue_;
  std::map<std::int64_t, std::int64_t> points_;           // by resident id
  std::map<std::int64_t, std::int64_t> minutes_;          // confirmed, by resident id
  std::map<std::int64_t, std::int64_t> reserved_;         // pending records, by recipient id
  std::map<std::size_t, std::int64_t> posting_of_batch_;  // first posting of each batch
  std::vector<std::int64_t> shoppers_;
  std::map<std::int64_t, std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>>>
      redeemed_;                                              // resident → (item, when, quantity)
  std::vector<std::pair<std::int64_t, std::size_t>> lapses_;  // (expires_ms, service)
};

// ---- Planning the time bank.

struct ServiceKind {
  const char* type;
  int weight;
  int quarter_hours_low;
  int quarter_hours_high;
  const char* notes[3];
};

const ServiceKind kServiceKinds[] = {
    {"companionship", 30, 4, 8, {"陪聊天、读报", "陪同散步晒太阳", "陪下象棋、听越剧"}},
    {"shopping", 18, 3, 6, {"代买菜和日用品", "代取药品", "陪同去超市采购"}},
    {"meal_delivery", 12, 2, 4, {"从社区食堂送午餐", "送晚餐上门", "送饭并帮忙热菜"}},
    {"cleaning", 10, 4, 8, {"帮忙打扫卫生", "换洗床单被罩", "整理阳台杂物"}},
    {"escort_to_hospital",
     10,
     8,
     16,
     {"陪同去医院复查配药", "陪同做体检", "陪同去社区卫生服务中心"}},
    {"tech_help", 12, 2, 4, {"教用智能手机视频通话", "教用手机挂号", "帮忙设置电视和网络"}},
    {"repair", 5, 2, 6, {"修理水龙头", "更换灯泡和插座", "修理小家电"}},
    {"other", 3, 2, 4, {"代缴水电燃气费", "帮忙办理老年卡", "读信、代写回信"}},
};

void plan_timebank(Replay& replay, const Community& community, const std::vector<Month>& months,
                   std::uint64_t seed, std::int64_t as_of_ms) {
  Rng rng(seed, stream_of(kTimebankStream, community.id));
  // Providers: residents aged 60-70 of willing households, the most engaged first.
  std::vector<std::size_t> candidates;
  std::vector<std::size_t> recipients;
  for (std::size_t i = 0; i < community.people.size(); ++i) {
    const Person& person = community.people[i];
    const Home& home = community.homes[person.home];
    if (person.age >= 60 && person.age <= 70 && home.willingness != "none" &&
        home.willingness != "low") {
      candidates.push_back(i);
    }
    if (person.age >= 80 || (home.living_alone && person.age >= 75)) recipients.push_back(i);
  }
  std::stable_sort(candidates.begin(), candidates.end(), [&](std::size_t a, std::size_t b) {
    return community.homes[community.people[a].home].rank_per_mille <
           community.homes[community.people[b].home].rank_per_mille;
  });
  const std::size_t provider_count = std::clamp<std::size_t>(
      candidates.size() / 12, std::min<std::size_t>(12, candidates.size()), std::size_t{70});
  candidates.resize(std::min(candidates.size(), provider_count));

  // Each provider is paired with two or three neighbours, at most two providers each.
  std::map<std::size_t, int> load;
  std::vector<std::vector<std::size_t>> partners(candidates.size());
  for (std::size_t p = 0; p < candidates.size(); ++p) {
    const Person& provider = community.people[candidates[p]];
    const auto building = static_cast<std::int64_t>(community.homes[provider.home].building);
    const int wanted = rng.between(2, 3);
    for (std::int64_t distance = 0; distance <= 4 && int(partners[p].size()) < wanted; ++distance) {
      std::vector<std::size_t> near;
      for (std::size_t r : recipients) {
        const Person& recipient = community.people[r];
        const auto other = static_cast<std::int64_t>(community.homes[recipient.home].building);
        if (std::abs(other - building) == distance && recipient.home != provider.home &&
            load[r] < 2) {
          near.push_back(r);
        }
      }
      rng.shuffle(near);
      for (std::size_t r : near) {
        if (int(partners[p].size()) >= wanted) break;
        partners[p].push_back(r);
        ++load[r];
      }
    }
  }

  // A quarter start in the first month; the rest join over the year.
  const std::size_t founders = std::max<std::size_t>(1, candidates.size() / 4);
  std::vector<int> join_month(candidates.size(), 0);
  for (std::size_t p = founders; p < candidates.size(); ++p) {
    join_month[p] = 1 + static_cast<int>((p - founders) * 10 /
                                         std::max<std::size_t>(1, candidates.size() - founders));
  }
  for (std::size_t p = 0; p < candidates.size(); ++p) {
    replay.providers.push_back(candidates[p]);
    replay.provider_start_ms.push_back(
        at(months[static_cast<std::size_t>(join_month[p])].first_day, 0, 0));
  }

  const std::int64_t as_of_day = local_day(as_of_ms);
  int kind_weights[std::size(kServiceKinds)];
  for (const Month& month : months) {
    for (std::size_t p = 0; p < candidates.size(); ++p) {
      if (join_month[p] > month.index || partners[p].empty()) continue;
      static constexpr int kCountWeights[] = {25, 45, 25, 5};
      const auto count = pick_weighted(rng, kCountWeights).value_or(0);
      for (std::size_t n = 0; n < count; ++n) {
        ServicePlan plan;
        plan.provider = candidates[p];
        plan.recipient = rng.pick(partners[p]);
        const Person& recipient = community.people[plan.recipient];
        const Home& provider_home = community.homes[community.people[plan.provider].home];
        const bool handy = std::any_of(
            provider_home.skills.begin(), provider_home.skills.end(),
            [](const std::string& skill) { return skill == "家电维修" || skill == "水电维修"; });
        const bool digital = std::find(provider_home.skills.begin(), provider_home.skills.end(),
                                       "电脑") != provider_home.skills.end();
        for (std::size_t k = 0; k < std::size(kServiceKinds); ++k) {
          int weight = kServiceKinds[k].weight;
          const std::string_view type = kServiceKinds[k].type;
          if (type == "repair" && handy) weight *= 4;
          if (type == "tech_help" && digital) weight *= 3;
          if (type == "escort_to_hospital" && recipient.age >= 85) weight *= 2;
          kind_weights[k] = weight;
        }
        const ServiceKind& kind = kServiceKinds[pick_weighted(rng, kind_weights).value_or(0)];
        plan.type = kind.type;
        plan.note = rng.pick(kind.notes);
        plan.minutes =
            std::int64_t{rng.between(kind.quarter_hours_low, kind.quarter_hours_high)} * 15;
        plan.service_day = rng.between(month.first_day, std::min(month.end_day, as_of_day + 1) - 1);
        const std::int64_t record_day = plan.service_day + rng.between(0, 2);
        plan.record_ms = at(record_day, rng.between(19, 21), rng.between(0, 59));
        if (plan.record_ms >= as_of_ms) continue;  // not yet written down
        const int roll = rng.between(0, 99);
        plan.fate = roll < 92 ? Fate::confirm : roll < 96 ? Fate::dispute : Fate::lapse;
        if (plan.fate != Fate::lapse) {
          plan.outcome_ms =
              at(record_day + rng.between(1, 5), rng.between(9, 17), rng.between(0, 59));
          if (plan.outcome_ms >= as_of_ms) plan.outcome_ms = 0;  // still pending at as_of
        }
        const std::size_t index = replay.services.size();
        replay.services.push_back(std::move(plan));
        replay.schedule(replay.services.back().record_ms, Step::service_record, index);
      }
    }
  }
}

std::vector<ShopItem> stock_the_shop(storage::Connection& db, std::int64_t community_id,
                                     const WorkCalendar& calendar,
                                     const std::vector<Month>& months) {
  const std::int64_t first_day = months.front().first_day;
  const std::int64_t last_day = months.back().end_day - 1;
  std::int64_t festival_day = 0;
  for (const auto& [day, name] : calendar.holidays()) {
    if (name == "春节" && day >= first_day && day <= last_day) {
      festival_day = day;
      break;
    }
  }
  std::int64_t summer_day = 0;  // 1 June of the year
  for (const Month& month : months) {
    if (month.month == 6) summer_day = month.first_day;
  }
  std::vector<ShopItem> items;
  for (std::size_t i = 0; i < std::size(kItems); ++i) {
    const ItemSpec& spec = kItems[i];
    CatalogItem item;
    item.community_id = community_id;
    item.name = spec.name;
    item.category = spec.category;
    item.price_points = spec.price_points;
    item.stock_total = spec.stock;
    item.limit_per_resident = spec.limit;
    if (spec.limit_period) item.limit_period = spec.limit_period;
    ShopItem shop;
    shop.spec = i;
    shop.from_day = first_day;
    shop.until_day = last_day;
    if (spec.window == Window::summer_holiday) {
      if (summer_day == 0) continue;
      shop.from_day = summer_day;
      shop.until_day = summer_day + 34;  // registration closes in early July
    } else if (spec.window == Window::before_spring_festival) {
      if (festival_day == 0) continue;
      shop.from_day = festival_day - 21;
      shop.until_day = festival_day - 1;
    }
    if (spec.window != Window::always) {
      item.available_from = day_text(shop.from_day);
      item.available_until = day_text(shop.until_day);
    }
    auto added = add_catalog_item(db, audit::system_actor(), item);
    if (!added) {
      throw std::runtime_error("demo points: catalogue item refused: " + added.error().message);
    }
    shop.id = added->id;
    shop.price_points = added->price_points;
    shop.stock_remaining = added->stock_remaining;
    shop.limit = added->limit_per_resident;
    if (added->limit_period) shop.limit_period = ledger::parse_limit_period(*added->limit_period);
    items.push_back(shop);
  }
  return items;
}

// A few volunteers' lines of a sign-in sheet are entered a second time an hour or two later
// ("补录", from the paper sheet) under a slightly different reference; staff notice within
// days and reverse them with a correction naming the double entry.
void plan_double_entries(Replay& replay, const WorkCalendar& calendar, Rng& rng,
                         std::int64_t as_of_ms) {
  std::vector<std::size_t> volunteer_batches;
  for (std::size_t i = 0; i < replay.batches.size(); ++i) {
    const auto& batch = replay.batches[i];
    if (batch.awards.front().rule == "volunteer" && batch.at_ms + 10 * kDayMs < as_of_ms) {
      volunteer_batches.push_back(i);
    }
  }
  std::set<std::int64_t> chosen_residents;
  for (int n = 0; n < kDoubleEntries * 4 && !volunteer_batches.empty() &&
                  static_cast<int>(replay.double_entries.size()) < kDoubleEntries;
       ++n) {
    const Batch original = replay.batches[rng.pick(volunteer_batches)];
    const AwardInput& award = rng.pick(original.awards);
    if (!chosen_residents.insert(award.resident_id).second) continue;
    Batch again;
    again.at_ms = original.at_ms + rng.between(40, 150) * kMinuteMs;
    AwardInput input = award;
    input.reference = award.reference + ":补录";
    input.memo = award.memo.value_or("") + " · 补录纸质签到表";
    again.awards.push_back(input);
    std::int64_t day = local_day(again.at_ms) + rng.between(1, 4);
    while (!calendar.is_workday(day)) ++day;
    const std::int64_t correction_ms = at(day, rng.between(9, 16), rng.between(0, 59));
    const std::size_t batch_index = replay.batches.size();
    replay.batches.push_back(std::move(again));
    replay.double_entries.push_back({batch_index, award.reference, award.resident_id});
    replay.schedule(replay.batches.back().at_ms, Step::award_batch, batch_index);
    replay.schedule(correction_ms, Step::correction, replay.double_entries.size() - 1);
  }
}

// The opt-ins, with the SQL of points::set_leaderboard_optin and its audit entry.
int write_leaderboard_optins(storage::Connection& db, const Community& community,
                             const std::set<std::int64_t>& earners, Rng& rng) {
  int written = 0;
  storage::with_transaction(db, storage::TxMode::write, [&] {
    written = 0;
    for (std::int64_t resident_id : earners) {
      const Person& person = community.people[community.person_by_id.at(resident_id)];
      const bool core = community.homes[person.home].core;
      if (!rng.percent(core ? 45 : 28)) continue;
      db.execute("DELETE FROM points_leaderboard_optin WHERE resident_id = ?", {resident_id});
      db.execute(
          "INSERT INTO points_leaderboard_optin (community_id, resident_id, show_name) VALUES (?, "
          "?, ?)",
          {community.id, resident_id, std::int64_t{1}});
      audit::append(db, audit::system_actor(),
                    {community.id, "points.leaderboard_optin", "resident",
                     std::to_string(resident_id), boost::json::object{{"show_name", true}}});
      ++written;
    }
  });
  return written;
}

// Settings for writing the demo in bulk, restored afterwards (also when the demo throws). The
// demo commits thousands of small transactions (each use case commits its own), and on a busy
// disk every SQLite commit with synchronous=FULL waits milliseconds for fsync: 25 s instead of
// 3 for one community. A demo can be generated again, so while it is written the connection
// commits without waiting for the disk (synchronous=NORMAL in WAL mode; on PostgreSQL
// synchronous_commit=off): the database stays consistent and only the last commits could be
// lost to a power failure. On SQLite a larger page cache and rarer checkpoints (one at the
// end) halve the time spent copying pages between SQLite, the WAL and the kernel.
class BulkWriting {
 public:
  explicit BulkWriting(storage::Connection& db) : db_(db) {
    if (db_.dialect() == storage::Dialect::sqlite) {
      synchronous_ = db_.query_int("PRAGMA synchronous");
      autocheckpoint_pages_ = db_.query_int("PRAGMA wal_autocheckpoint");
      cache_size_ = db_.query_int("PRAGMA cache_size");
      db_.execute_script(
          "PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=20000; PRAGMA cache_size=-65536");
    } else {
      db_.execute_script("SET synchronous_commit = off");
    }
  }
  ~BulkWriting() {
    try {
      if (db_.dialect() == storage::Dialect::sqlite) {
        db_.execute_script("PRAGMA synchronous=" + std::to_string(synchronous_) +
                           "; PRAGMA wal_autocheckpoint=" + std::to_string(autocheckpoint_pages_) +
                           "; PRAGMA cache_size=" + std::to_string(cache_size_) +
                           "; PRAGMA wal_checkpoint(TRUNCATE)");
      } else {
        db_.execute_script("RESET synchronous_commit");
      }
    } catch (...) {
      // Nothing more to do: these settings end with the connection anyway.
    }
  }
  BulkWriting(const BulkWriting&) = delete;
  BulkWriting& operator=(const BulkWriting&) = delete;

 private:
  storage::Connection& db_;
  std::int64_t synchronous_ = 2;  // FULL
  std::int64_t autocheckpoint_pages_ = 1000;
  std::int64_t cache_size_ = -2000;
};

}  // namespace

DemoPointsSummary generate_demo_points(storage::Connection& db, std::int64_t community_id,
                                       std::uint64_t seed, std::int64_t as_of_ms) {
  if (!db.query_one("SELECT id FROM communities WHERE id = ?", {community_id})) {
    throw std::invalid_argument("demo points: no community " + std::to_string(community_id));
  }
  if (db.query_int("SELECT COUNT(*) FROM households WHERE community_id = ?", {community_id}) == 0) {
    throw std::invalid_argument("demo points: community " + std::to_string(community_id) +
                                " has no households; run the registry demo first");
  }
  if (db.query_int("SELECT COUNT(*) FROM ledger_postings WHERE community_id = ? AND kind IN "
                   "('points', 'minutes')",
                   {community_id}) > 0 ||
      db.query_int("SELECT COUNT(*) FROM points_catalog WHERE community_id = ?", {community_id}) >
          0) {
    throw std::runtime_error("demo points: community " + std::to_string(community_id) +
                             " already has points activity");
  }
  auto loaded = WorkCalendar::from_json(bundled_calendar_json());
  const WorkCalendar calendar = loaded ? std::move(*loaded) : WorkCalendar{};
  const std::int64_t floor_minutes = settings(db, community_id).timebank_floor_minutes;

  BulkWriting bulk_writing(db);
  Rng rng(seed, stream_of(kPlanStream, community_id));
  const Community community = load_community(db, community_id, rng, as_of_ms);
  const std::vector<Month> months = year_of_months(as_of_ms);

  Planner planner(community, calendar, rng, as_of_ms);
  for (const Month& month : months) planner.plan_month(month);

  Replay replay(db, community, calendar, seed, as_of_ms, floor_minutes);
  replay.batches = std::move(planner.plan.batches);
  for (std::size_t i = 0; i < replay.batches.size(); ++i) {
    replay.schedule(replay.batches[i].at_ms, Step::award_batch, i);
  }
  plan_double_entries(replay, calendar, rng, as_of_ms);
  replay.items = stock_the_shop(db, community_id, calendar, months);
  for (const Person& person : community.people) {
    const int roll = rng.between(0, 99);
    replay.habits[person.id] = roll < 40   ? Habit{150, false, {}}  // spenders
                               : roll < 85 ? Habit{70, true, {}}    // savers
                                           : Habit{15, false, {}};  // hoarders
  }
  for (const Home& home : community.homes) {
    if (home.saving_for_childcare) {
      replay.habits[community.people[*home.volunteer_person].id] = Habit{100, true, {}};
    }
  }
  plan_timebank(replay, community, months, seed, as_of_ms);
  for (std::int64_t day = months.front().first_day; day <= local_day(as_of_ms); ++day) {
    replay.schedule(at(day, 0, 5), Step::shop_day, 0);
    replay.schedule(at(day, 2, 30), Step::expiry_job, 0);
    if (day_of_month(day) == 1 && day != months.front().first_day) {
      replay.schedule(at(day, 6, 0), Step::family_time, 0);
    }
  }
  replay.run();

  DemoPointsSummary summary = replay.summary;
  summary.catalog_items = static_cast<int>(replay.items.size());
  write_leaderboard_optins(db, community, replay.earners, rng);
  return summary;
}

}  // namespace gz::points
