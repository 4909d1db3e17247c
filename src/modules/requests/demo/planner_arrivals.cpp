// The requests demo's planner, parts 1 and 2 (planner.hpp): when each request arrives, in
// which category and through which channel; which household files it, who enters it and
// what it says; which reports repeat a neighbour's.
#include <algorithm>
#include <span>
#include <stdexcept>
#include <utility>

#include "core/calendar.hpp"
#include "core/clock.hpp"
#include "modules/requests/demo/planner.hpp"
#include "modules/requests/sla.hpp"
#include "modules/requests/tracking_code.hpp"
#include "modules/requests/triage.hpp"

namespace gz::requests::demo {
namespace {

constexpr int kHistoryDays = 365;
// Requests per household per year, in thousandths: ≈3,000 for 4,500 households.
constexpr int kRequestsPerThousandHouseholds = 667;

}  // namespace

Planner::Planner(const Community& community, const OfficeHours& office, std::uint64_t seed,
                 std::int64_t as_of_ms)
    : community_(community),
      office_(office),
      texts_(texts()),
      rng_(seed, kRequestsStream ^ static_cast<std::uint64_t>(community.id)),
      as_of_ms_(as_of_ms),
      resident_{0, "", Role::resident, "居民"},
      job_offset_ms_(rng_.between_or_low(std::int64_t{0}, kJobIntervalMs - 1000)) {
  for (const Profile& profile : profiles()) {
    if (texts_.templates_of(profile.code).empty()) {
      throw std::logic_error("demo: data/demo/requests.json has no templates for " +
                             std::string(profile.code));
    }
  }
  // A few households write far more often than the rest, as in every community.
  for (std::size_t i = 0; i < community_.households.size(); ++i) {
    if (rng_.percent(5)) regulars_.push_back(i);
  }
}

std::vector<Planned> Planner::plan() {
  std::vector<Planned> requests = draw_arrivals();
  assign_login_households(requests);
  for (std::size_t i = 0; i < requests.size(); ++i) describe(requests, i);
  // Entry order is the order rows get their ids.
  std::stable_sort(requests.begin(), requests.end(),
                   [](const Planned& a, const Planned& b) { return a.entered_ms < b.entered_ms; });
  drop_unentered(requests);
  find_duplicates(requests);
  drop_unentered(requests);
  for (auto& request : requests) {
    plan_steps(request);
    std::erase_if(request.steps, [&](const Step& step) { return step.at_ms > as_of_ms_; });
  }
  hold_open_cases(requests);
  for (auto& request : requests) request.escalations = escalations(request);
  return requests;
}

std::vector<Planned> Planner::draw_arrivals() {
  const std::int64_t from_ms = as_of_ms_ - kHistoryDays * kDayMs;
  const std::int64_t first_day = shanghai_day(from_ms);
  const std::int64_t last_day = shanghai_day(as_of_ms_ - 1);
  const WorkCalendar& calendar = office_.calendar();
  // Days around the Spring Festival holiday are quiet too: many families travel.
  std::vector<std::int64_t> festival_days;
  for (const auto& [day, name] : calendar.holidays()) {
    if (name.find("春节") != std::string::npos) festival_days.push_back(day);
  }
  auto near_festival = [&](std::int64_t day) {
    for (std::int64_t festival : festival_days) {
      if (day >= festival - 7 && day <= festival + 7) return true;
    }
    return false;
  };

  struct Cell {
    std::int64_t day;
    const Profile* profile;
    std::int64_t cumulative;
  };
  std::vector<const Profile*> profiles;
  for (const auto& profile : demo::profiles()) {
    if (!community_.categories.contains(std::string(profile.code))) continue;
    if (profile.code == "elevator" && community_.high_rise.empty()) continue;
    profiles.push_back(&profile);
  }
  if (profiles.empty()) return {};
  std::vector<Cell> cells;
  std::int64_t total = 0;
  for (std::int64_t day = first_day; day <= last_day; ++day) {
    std::int64_t day_weight = 100;
    auto holiday = calendar.holidays().find(day);
    if (holiday != calendar.holidays().end()) {
      day_weight = holiday->second.find("春节") != std::string::npos ? 35 : 60;
    } else if (!calendar.is_workday(day)) {
      day_weight = 80;
    } else if (near_festival(day)) {
      day_weight = 75;
    }
    const int month = month_of(day);
    for (const Profile* profile : profiles) {
      total += day_weight * profile->weight_permille * profile->season[month - 1];
      cells.push_back({day, profile, total});
    }
  }
  if (total == 0) return {};

  const std::int64_t households = static_cast<std::int64_t>(community_.households.size());
  const std::int64_t count =
      households * kRequestsPerThousandHouseholds * rng_.between_or_low(95, 105) / 100'000;
  std::vector<Planned> requests;
  requests.reserve(static_cast<std::size_t>(count));
  for (std::int64_t n = 0; n < count; ++n) {
    const std::int64_t roll = rng_.between_or_low(std::int64_t{0}, total - 1);
    const auto cell =
        std::upper_bound(cells.begin(), cells.end(), roll,
                         [](std::int64_t value, const Cell& c) { return value < c.cumulative; });
    Planned request;
    request.profile = cell->profile;
    request.category = community_.categories.at(std::string(cell->profile->code));
    const bool workday = calendar.is_workday(cell->day);
    request.channel = std::string(pick_channel(*cell->profile, workday));
    request.received_ms = received_at(request.channel, cell->day, workday, from_ms);
    requests.push_back(std::move(request));
  }
  // The demo's story is complaints rising two quarters running (the warning, and staff's
  // improvement task answering it). Noise is seasonal, so from some dates the year's draw
  // alone does not tell it: the last complete quarters then get the extra complaints that
  // do (none from the fixed demo date, whose draw rises by itself).
  const Quarter current = Quarter::containing(as_of_ms_);
  std::int64_t before = 0;
  for (int back = 3; back >= 1; --back) {
    const Quarter quarter = current.plus(-back);
    const std::int64_t from_day = shanghai_day(quarter.start_ms());
    const std::int64_t to_day = shanghai_day(quarter.plus(1).start_ms()) - 1;
    auto complaint_in_quarter = [&](std::int64_t day, const Profile& profile) {
      return day >= from_day && day <= to_day &&
             community_.categories.at(std::string(profile.code))->is_complaint;
    };
    std::int64_t count = 0;
    for (const auto& request : requests) {
      if (complaint_in_quarter(shanghai_day(request.received_ms), *request.profile)) ++count;
    }
    const std::int64_t wanted = back == 3 ? 0 : before * 115 / 100 + 5;
    if (count < wanted) {
      std::vector<const Cell*> pool;
      std::vector<std::int64_t> weights;
      std::int64_t previous = 0;
      for (const auto& cell : cells) {
        if (complaint_in_quarter(cell.day, *cell.profile)) {
          pool.push_back(&cell);
          weights.push_back(cell.cumulative - previous);
        }
        previous = cell.cumulative;
      }
      std::int64_t pool_total = 0;
      for (auto& weight : weights) weight = pool_total += weight;
      for (; pool_total > 0 && count < wanted; ++count) {
        const std::int64_t roll = rng_.between_or_low(std::int64_t{0}, pool_total - 1);
        const auto at = static_cast<std::size_t>(
            std::upper_bound(weights.begin(), weights.end(), roll) - weights.begin());
        const Cell& cell = *pool[at];
        Planned request;
        request.profile = cell.profile;
        request.category = community_.categories.at(std::string(cell.profile->code));
        const bool workday = calendar.is_workday(cell.day);
        request.channel = std::string(pick_channel(*cell.profile, workday));
        request.received_ms = received_at(request.channel, cell.day, workday, from_ms);
        requests.push_back(std::move(request));
      }
    }
    before = count;
  }
  std::stable_sort(requests.begin(), requests.end(), [](const Planned& a, const Planned& b) {
    return a.received_ms < b.received_ms;
  });
  return requests;
}

// app 45%, phone 25%, counter 12%, building corner 10%, web 8% over the year: the counter
// is closed on days off, so working days carry a little more of it.
std::string_view Planner::pick_channel(const Profile& profile, bool workday) {
  static constexpr Weighted kWorkday[] = {
      {"app", 418}, {"phone", 272}, {"counter", 158}, {"building_corner", 87}, {"web", 65}};
  static constexpr Weighted kDayOff[] = {
      {"app", 550}, {"phone", 180}, {"building_corner", 140}, {"web", 130}};
  // Families far away phone about a parent they cannot reach.
  if (profile.code == "elderly_unreachable" && rng_.percent(60)) return "phone";
  if (profile.emergency && rng_.percent(30)) return "phone";
  return workday ? pick(rng_, kWorkday) : pick(rng_, kDayOff);
}

std::int64_t Planner::received_at(const std::string& channel, std::int64_t day, bool workday,
                                  std::int64_t from_ms) {
  // Hour weights: the app peaks in the evening, the web in office hours.
  static constexpr int kAppHours[24] = {1,  1,  1,  1,  1,  2,  4,  10, 20, 26, 26, 22,
                                        22, 18, 22, 22, 22, 24, 30, 38, 42, 36, 20, 6};
  static constexpr int kWebHours[24] = {1,  1,  1,  1,  1,  1,  2,  6,  20, 30, 30, 24,
                                        16, 22, 30, 30, 26, 18, 14, 16, 16, 12, 6,  2};
  static constexpr int kCornerHours[24] = {0, 0, 0, 0,  0,  0, 0, 0,  0,  10, 12, 4,
                                           0, 0, 8, 10, 10, 4, 0, 20, 24, 6,  0,  0};
  static constexpr int kDutyHours[24] = {1, 1,  1,  1,  1,  1, 2, 6, 10, 12, 12, 10,
                                         8, 10, 12, 12, 10, 8, 8, 8, 6,  4,  2,  1};
  for (int attempt = 0; attempt < 20; ++attempt) {
    std::int64_t second = 0;
    const bool office = channel == "counter" || (channel == "phone" && workday && rng_.percent(88));
    if (office) {
      // Minutes of the working day, morning and afternoon.
      std::int64_t minute = rng_.between_or_low(0, 449);
      second = minute < 210 ? kOfficePeriods[0][0] + minute * 60
                            : kOfficePeriods[1][0] + (minute - 210) * 60;
    } else {
      const int* hours = channel == "app"     ? kAppHours
                         : channel == "web"   ? kWebHours
                         : channel == "phone" ? kDutyHours
                                              : kCornerHours;
      int sum = 0;
      for (int h = 0; h < 24; ++h) sum += hours[h];
      int roll = rng_.between_or_low(0, sum - 1);
      int hour = 0;
      while (roll >= hours[hour]) roll -= hours[hour++];
      second = hour * 3600 + rng_.between_or_low(0, 3599);
    }
    const std::int64_t at = local_ms(day, second) + rng_.between_or_low(0, 999);
    if (at >= from_ms && at < as_of_ms_) return at;
  }
  return as_of_ms_ - rng_.between_or_low(std::int64_t{1}, std::int64_t{6}) * kHourMs;
}

// A few of the year's app requests belong to the demo's resident login(s), one of them
// recent, so that the resident portal has a history to show.
void Planner::assign_login_households(std::vector<Planned>& requests) {
  login_requests_.assign(requests.size(), nullptr);
  for (const Household* household : community_.with_login) {
    std::vector<std::size_t> older;
    std::vector<std::size_t> recent;
    for (std::size_t i = 0; i < requests.size(); ++i) {
      const auto& request = requests[i];
      if (login_requests_[i] || request.channel != "app") continue;
      const std::string_view code = request.profile->code;
      if (code != "public_facility" && code != "sanitation" && code != "parking" &&
          code != "noise" && code != "consultation") {
        continue;
      }
      (request.received_ms >= as_of_ms_ - 10 * kDayMs ? recent : older).push_back(i);
    }
    rng_.shuffle(older);
    rng_.shuffle(recent);
    for (std::size_t k = 0; k < std::min<std::size_t>(4, older.size()); ++k) {
      login_requests_[older[k]] = household;
    }
    if (!recent.empty()) login_requests_[recent.front()] = household;
  }
}

const Household& Planner::pick_household(const Profile& profile) {
  auto from = [&](const std::vector<std::size_t>& pool) -> const Household* {
    if (pool.empty()) return nullptr;
    return &community_.households[rng_.one_of(std::span<const std::size_t>(pool))];
  };
  const Household* chosen = nullptr;
  if (profile.code == "elevator" || profile.code == "heating") chosen = from(community_.high_rise);
  if (profile.code == "elderly_unreachable") chosen = from(community_.elderly_alone);
  if (profile.code == "elderly_service" || (!chosen && profile.code == "elderly_unreachable")) {
    chosen = from(community_.elderly);
  }
  if (!chosen && rng_.percent(20)) chosen = from(regulars_);
  if (!chosen) {
    chosen = &community_.households[static_cast<std::size_t>(
        rng_.between_or_low(std::int64_t{0}, std::int64_t(community_.households.size()) - 1))];
  }
  if (profile.code == "heating" && chosen->top_floor < 8 && !community_.high_rise.empty()) {
    chosen = from(community_.high_rise);
  }
  return *chosen;
}

bool Planner::fits(const Template& text, const Household& household) {
  switch (text.fits) {
    case Fits::any:
      return true;
    case Fits::not_top_floor:
      return household.floor < household.top_floor;
    case Fits::walkup_top_floor:
      return household.floor == household.top_floor && household.top_floor < 8;
    case Fits::high_rise:
      return household.top_floor >= 8;
  }
  return true;
}

const Template& Planner::pick_template(const Profile& profile, const Household& household) {
  const std::vector<Template>& templates = texts_.templates_of(profile.code);
  int total = 0;
  for (const auto& text : templates) total += fits(text, household) ? text.weight : 0;
  if (total == 0) return templates.front();
  int roll = rng_.between_or_low(0, total - 1);
  for (const auto& text : templates) {
    if (!fits(text, household)) continue;
    if (roll < text.weight) return text;
    roll -= text.weight;
  }
  return templates.front();
}

const Member* Planner::pick_contact(const Household& household, bool needs_phone) {
  std::vector<const Member*> adults;
  std::vector<const Member*> with_phone;
  for (const auto& member : household.members) {
    if (member.age < 18) continue;
    adults.push_back(&member);
    if (member.mobile) with_phone.push_back(&member);
  }
  const auto& pool = needs_phone && !with_phone.empty() ? with_phone : adults;
  if (pool.empty()) return household.members.empty() ? nullptr : &household.members.front();
  return rng_.one_of(std::span<const Member* const>(pool));
}

const Person* Planner::staff_member() {
  if (community_.staff.empty()) return &fallback_staff_;
  return rng_.one_of(std::span<const Person* const>(community_.staff));
}

const Person* Planner::guide_of(const Household& household) {
  auto found = community_.by_user_id.find(household.guide_user_id);
  if (found != community_.by_user_id.end() && found->second->role == Role::guide) {
    return found->second;
  }
  if (community_.guides.empty()) return staff_member();
  return rng_.one_of(std::span<const Person* const>(community_.guides));
}

void Planner::describe(std::vector<Planned>& requests, std::size_t i) {
  Planned& request = requests[i];
  const Household* login_household = login_requests_[i];
  const Household& household =
      login_household ? *login_household : pick_household(*request.profile);
  describe_for(request, household, login_household != nullptr);
}

void Planner::describe_for(Planned& request, const Household& household, bool by_login) {
  request.household = &household;
  const bool needs_phone = request.channel == "phone" || request.channel == "counter";
  request.contact = pick_contact(household, needs_phone);
  const Template& text = pick_template(*request.profile, household);

  std::map<std::string, std::string> slots;
  slots["b"] = household.building;
  slots["u"] = std::to_string(household.unit) + "单元";
  slots["r"] = std::to_string(household.room);
  slots["addr"] = household.short_address();
  slots["f"] = std::to_string(household.floor);
  slots["f1"] = std::to_string(household.floor + 1);
  slots["up"] = std::to_string(household.room + 100);
  slots["dur"] = std::string(pick(rng_, texts_.durations));
  slots["time"] = std::string(pick(rng_, texts_.since));
  slots["spot"] = fill(pick(rng_, texts_.spots), slots);
  slots["green"] = fill(pick(rng_, texts_.green_spots), slots);
  const std::string spot =
      text.text.find("{green}") != std::string_view::npos ? slots["green"] : slots["spot"];
  const Member* eldest = nullptr;
  for (const auto& member : household.members) {
    if (!eldest || member.age > eldest->age) eldest = &member;
  }
  slots["elder"] =
      eldest ? first_character(eldest->name) + (eldest->male ? "老伯" : "阿婆") : "老人";
  std::string body = fill(text.text, slots);
  request.answer = fill(text.answer, slots);
  request.hard = text.hard;
  request.passed_on.reset();
  if (!text.passed_on.empty()) request.passed_on = std::string(text.passed_on);

  switch (text.place) {
    case Place::home:
      request.location = household.short_address();
      break;
    case Place::unit:
      request.location = household.building + slots["u"];
      break;
    case Place::building:
      request.location = household.building;
      break;
    case Place::spot:
      request.location = spot;
      break;
    case Place::none:
      break;
  }

  // Staff write down who called, and how to call back.
  const bool family_caller = request.profile->code == "elderly_unreachable";
  std::string prefix;
  if (request.contact && !family_caller) {
    if (request.channel == "phone") prefix = salutation(*request.contact) + "来电称：";
    if (request.channel == "counter") {
      prefix = salutation(*request.contact) + "到社区服务窗口反映：";
    }
    if (request.channel == "building_corner") {
      prefix = household.building + "楼栋议事角，" + salutation(*request.contact) + "反映：";
    }
    if (request.channel == "phone" || request.channel == "counter" ||
        request.channel == "building_corner") {
      request.contact_name = request.contact->name;
    }
    if ((request.channel == "phone" || request.channel == "counter") && request.contact->mobile) {
      request.contact_phone = request.contact->mobile;
    }
  } else if (family_caller && request.channel == "phone") {
    prefix = "家属来电称：";
  } else if (family_caller && request.channel == "building_corner") {
    prefix = household.building + "楼栋议事角，邻居反映：";
  }
  request.description = prefix + body;

  // Who enters it, and when: residents themselves in the app and on the web; staff at the
  // desk or on the phone within minutes; guides type up the building corner's notes in
  // office hours, except an urgent one, which they phone in at once. One typed up only
  // after as_of is left out (drop_unentered).
  const std::int64_t received = request.received_ms;
  const bool by_app = request.channel == "app" || request.channel == "web";
  request.submitter = by_app ? (by_login ? household.login : &resident_)
                      : request.channel == "building_corner" ? guide_of(household)
                                                             : staff_member();
  const bool staff_entry = request.submitter->role != Role::resident;
  request.triage = triage({request.category->default_priority, request.category->name_zh,
                           request.description, std::nullopt, staff_entry},
                          community_.rules);
  if (by_app) {
    request.entered_ms = received;
  } else if (request.channel == "building_corner" && request.triage.priority != Priority::red) {
    request.entered_ms = office_.add(received + 20 * kMinuteMs, rng_.between_or_low(10, 150));
  } else if (request.channel == "building_corner") {
    request.entered_ms = received + rng_.between_or_low(10, 40) * kMinuteMs;
  } else {
    request.entered_ms = received + rng_.between_or_low(request.channel == "phone" ? 1 : 2,
                                                        request.channel == "phone" ? 8 : 15) *
                                        kMinuteMs;
  }
  request.response_due_ms = response_due_ms(request.triage.priority, received, office_.calendar());
  request.resolution_due_ms =
      resolution_due_ms(request.triage.priority, request.category->resolution_working_days,
                        received, office_.calendar());
  request.tracking_code = new_code();
}

std::string Planner::new_code() {
  for (;;) {
    std::string symbols;
    for (std::size_t k = 0; k < kCodeRandomSymbols; ++k) {
      symbols += kCodeAlphabet[static_cast<std::size_t>(
          rng_.between_or_low(0, static_cast<int>(kCodeAlphabet.size()) - 1))];
    }
    std::string code = symbols.substr(0, 4) + "-" + symbols.substr(4) + check_symbol(symbols);
    if (codes_.insert(code).second) return code;
  }
}

// Requests received before as_of but entered after it are not in the database yet. An
// original is always entered before its duplicates, so dropping keeps every link.
void Planner::drop_unentered(std::vector<Planned>& requests) const {
  std::vector<std::size_t> new_index(requests.size());
  std::vector<Planned> kept;
  kept.reserve(requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    new_index[i] = kept.size();
    if (requests[i].entered_ms < as_of_ms_) kept.push_back(std::move(requests[i]));
  }
  for (auto& request : kept) {
    if (request.duplicate_of) request.duplicate_of = new_index[*request.duplicate_of];
  }
  requests = std::move(kept);
}

// A shared problem (an outage, a broken lift, an overflowing bin) is reported by several
// households: some reports repeat a recent one of the same category, from a neighbour in
// the same building, and are merged into the first.
void Planner::find_duplicates(std::vector<Planned>& requests) {
  for (std::size_t i = 0; i < requests.size(); ++i) {
    Planned& request = requests[i];
    if (request.profile->duplicate_percent == 0) continue;
    if (request.household->login && request.submitter == request.household->login) continue;
    if (!rng_.percent(request.profile->duplicate_percent)) continue;
    const std::int64_t window = (request.profile->emergency ? 12 : 48) * kHourMs;
    for (std::size_t j = i; j-- > 0;) {
      const Planned& earlier = requests[j];
      if (earlier.entered_ms < request.received_ms - window) break;
      if (earlier.profile != request.profile || earlier.duplicate_of) continue;
      if (earlier.entered_ms >= request.received_ms) continue;
      const auto& neighbours = community_.by_building.at(earlier.household->building);
      const Household& neighbour =
          community_.households[rng_.one_of(std::span<const std::size_t>(neighbours))];
      describe_for(request, neighbour, false);
      request.duplicate_of = j;
      request.fate = Fate::duplicate;
      break;
    }
  }
}

std::string fill(std::string_view text, const std::map<std::string, std::string>& slots) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '{') {
      const std::size_t end = text.find('}', i);
      if (end != std::string_view::npos) {
        auto slot = slots.find(std::string(text.substr(i + 1, end - i - 1)));
        if (slot != slots.end()) {
          out += slot->second;
          i = end + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace gz::requests::demo
