#include "modules/points/demo/awards.hpp"

#include <algorithm>
#include <optional>

#include "modules/points/demo/random.hpp"
#include "modules/points/demo/texts.hpp"

namespace gz::points::demo {
namespace {

// Inside the month's pool most households take part; outside it a few drop in.
constexpr int kCoreChancePercent = 97;
constexpr int kPoolChancePercent = 85;
constexpr int kOutsideChancePercent = 2;

constexpr int kMeetingCapacity = 60;
// Volunteers per station and week: one per 8 households of the building, 8 to 30.
constexpr int kGarbageHouseholdsPerVolunteer = 8;
constexpr int kGarbageStationMin = 8;
constexpr int kGarbageStationMax = 30;
constexpr int kCleanupCapacity = 40;
constexpr int kVisitCapacity = 18;
constexpr int kPatrolCapacity = 15;
constexpr int kYouthCapacity = 30;

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
      slot.memo = "楼栋议事角 · " + corner + " · " + rng_.pick(texts_.meeting_topics);
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
      slot.memo = std::string("线上议事厅 · ") + rng_.pick(texts_.meeting_topics);
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
          texts_.cleanup_areas[static_cast<std::size_t>(month_->index * 3 + i) %
                               texts_.cleanup_areas.size()];
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
        Slot slot =
            volunteer_slot("volunteer:youth:" + date, "volunteer:youth:" + date,
                           std::string("暑期青少年志愿服务 · ") + rng_.pick(texts_.youth_tasks),
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
      slot.memo = "技能分享 · " + texts_.skill_session_title(skill);
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
  const Texts& texts_ = texts();
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

}  // namespace

bool AwardPlan::add(const std::string& batch_key, std::int64_t at_ms, std::int64_t resident_id,
                    const std::string& rule, std::int64_t quantity, const std::string& reference,
                    const std::string& memo) {
  if (!given_.emplace(resident_id, rule + "\n" + reference).second) return false;
  auto [found, inserted] = batch_by_key_.emplace(batch_key, batches.size());
  if (inserted) batches.push_back({at_ms, {}});
  batches[found->second].awards.push_back({resident_id, rule, quantity, reference, memo});
  return true;
}

AwardPlan plan_awards(const Community& community, const WorkCalendar& calendar, Rng& rng,
                      const std::vector<Month>& months, std::int64_t as_of_ms) {
  Planner planner(community, calendar, rng, as_of_ms);
  for (const Month& month : months) planner.plan_month(month);
  return std::move(planner.plan);
}

}  // namespace gz::points::demo
