// The demo's rooms and their year: the activity room busy most evenings and weekend mornings
// (classes, choir, the elderly's birthday parties, building meetings), the childcare corner on
// weekdays with staff approving most requests, the meeting room for the officials. Bookings go
// through the real use cases at a plausible time before they start: residents with a login
// book for themselves, the others at the desk through staff and guides.
#include <vector>

#include "core/clock.hpp"
#include "core/random.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/bookings/bookings.hpp"
#include "modules/registry/registry.hpp"

namespace gz::bookings {
namespace {

struct Usage {
  const char* purpose;
  std::int64_t start_minute;  // of the day
  std::int64_t minutes;
  std::int64_t attendees;
};

constexpr Usage kActivity[] = {
    {"书法班", 9 * 60, 120, 18},           {"合唱团排练", 14 * 60 + 30, 120, 25},
    {"老年人集体生日会", 15 * 60, 90, 30}, {"楼栋议事会", 19 * 60, 90, 15},
    {"太极拳教学", 8 * 60, 60, 20},        {"手工编织课", 9 * 60 + 30, 120, 12},
    {"亲子阅读会", 10 * 60, 90, 16},       {"反诈知识讲座", 19 * 60 + 30, 60, 35},
};
constexpr Usage kChildcare[] = {
    {"课后作业辅导", 15 * 60 + 30, 120, 10},
    {"幼儿绘本时间", 9 * 60 + 30, 90, 8},
    {"家长互助看护", 13 * 60 + 30, 120, 6},
};
constexpr Usage kMeeting[] = {
    {"网格员例会", 9 * 60, 90, 12},
    {"物业联席会议", 14 * 60, 120, 10},
    {"居务监督委员会会议", 15 * 60, 90, 8},
};

Room rules(std::int64_t community_id, const char* name, const char* kind, std::int64_t capacity,
           std::int64_t opens, std::int64_t closes, std::int64_t max, std::int64_t per_week,
           std::int64_t advance, const char* open_to, bool approval, const char* description) {
  Room room;
  room.community_id = community_id;
  room.name = name;
  room.kind = kind;
  room.capacity = capacity;
  room.opens_minute = opens;
  room.closes_minute = closes;
  room.slot_minutes = 30;
  room.max_minutes = max;
  room.max_per_week = per_week;
  room.advance_days = advance;
  room.open_to = open_to;
  room.needs_approval = approval;
  room.description = description;
  return room;
}

}  // namespace

std::int64_t demo_bookings(storage::Connection& db, std::int64_t community_id,
                           std::int64_t as_of_ms) {
  auto staff_ids = accounts::community_users(db, community_id, {Role::staff});
  auto guide_ids = accounts::community_users(db, community_id, {Role::guide});
  if (staff_ids.empty()) return 0;
  auto staff = accounts::load_actor(db, staff_ids.front());
  if (!staff) return 0;
  std::vector<Actor> desk{*staff};
  for (std::int64_t id : guide_ids) {
    if (auto guide = accounts::load_actor(db, id)) desk.push_back(*guide);
  }
  std::vector<Actor> residents;
  for (std::int64_t id : accounts::community_users(db, community_id, {Role::resident})) {
    if (auto resident = accounts::load_actor(db, id); resident && resident->household_id) {
      residents.push_back(*resident);
    }
  }
  std::vector<std::int64_t> households;
  auto buildings = registry::list_buildings(db, *staff, community_id);
  if (!buildings) return 0;
  for (const auto& building : *buildings) {
    auto in = registry::households_in_building(db, community_id, building.id);
    if (!in) continue;
    for (const auto& household : *in) households.push_back(household.id);
  }
  if (households.empty()) return 0;

  auto activity =
      create_room(db, *staff,
                  rules(community_id, "社区活动室", "activity_room", 40, 8 * 60, 21 * 60, 180, 2,
                        14, "residents", false, "党群服务中心一楼，有投影和音响，可容纳40人"));
  auto childcare = create_room(
      db, *staff,
      rules(community_id, "儿童托育角", "childcare", 15, 8 * 60 + 30, 17 * 60 + 30, 120, 3, 7,
            "residents", true, "二楼东侧，有绘本和软垫；须有家长陪同，预约后由社区审核"));
  auto meeting =
      create_room(db, *staff,
                  rules(community_id, "会议室", "meeting_room", 20, 8 * 60 + 30, 17 * 60 + 30, 240,
                        5, 30, "officials", false, "社区工作人员和指导员会议使用"));
  if (!activity || !childcare || !meeting) return 0;

  Rng rng(0xB00C1ULL, static_cast<std::uint64_t>(community_id));
  std::int64_t written = 0;
  const std::int64_t today = shanghai_day(as_of_ms);
  auto try_book = [&](const Room& room, const Usage& use, std::int64_t day, bool by_resident) {
    NewBooking input;
    input.room_id = room.id;
    input.starts_ms = shanghai_time_ms(day, use.start_minute * 60);
    input.ends_ms = input.starts_ms + use.minutes * kMinuteMs;
    input.purpose = use.purpose;
    input.attendees = std::min(use.attendees, room.capacity);
    // Booked a few days before, never after the demo's "now".
    std::int64_t ahead = rng.between(std::int64_t{1}, std::min<std::int64_t>(room.advance_days, 6));
    std::int64_t at = std::min(input.starts_ms - ahead * kDayMs, as_of_ms);
    if (at < shanghai_time_ms(day - room.advance_days, 0)) at = shanghai_time_ms(day - 1, 0);
    if (at > as_of_ms) return;  // not bookable yet on the demo's "now"
    Result<Booking> booked = bad_request("none", "");
    if (by_resident && !residents.empty()) {
      const Actor& resident = residents[static_cast<std::size_t>(
          rng.between(std::int64_t{0}, static_cast<std::int64_t>(residents.size()) - 1))];
      booked = book(db, resident, input, at);
    } else {
      const Actor& clerk = desk[static_cast<std::size_t>(
          rng.between(std::int64_t{0}, static_cast<std::int64_t>(desk.size()) - 1))];
      if (room.open_to == "residents") {
        input.household_id = households[static_cast<std::size_t>(
            rng.between(std::int64_t{0}, static_cast<std::int64_t>(households.size()) - 1))];
      }
      // Staff's own bookings of a room needing approval are approved at once: book through a
      // guide so the queue has its share.
      booked = book(db, room.needs_approval ? desk.back() : clerk, input, at);
    }
    if (!booked) return;
    ++written;
    if (booked->status == "pending") {
      // Staff look at the queue on the next day, in office hours.
      std::int64_t decided = std::min(
          shanghai_time_ms(shanghai_day(at) + 1, rng.between(9 * 3600, 17 * 3600)), as_of_ms);
      // The last days' requests still wait for staff.
      if (decided >= as_of_ms || booked->starts_ms <= decided) return;
      bool approve = rng.percent(88);
      (void)decide(db, *staff, booked->id, approve,
                   approve ? "" : "该时段已安排社区活动，请改约其他时间", decided);
    } else if (rng.percent(4) && booked->starts_ms > at + kHourMs) {
      (void)cancel(db, by_resident ? residents.front() : *staff, booked->id,
                   by_resident ? "" : "活动改期", at + kHourMs);
    }
  };
  for (std::int64_t day = today - 364; day <= today + 10; ++day) {
    std::int64_t weekday = ((day + 3) % 7 + 7) % 7;  // 0 Monday
    bool weekend = weekday >= 5;
    int activity_uses = weekend ? rng.between(2, 3) : rng.between(1, 2);
    for (int i = 0; i < activity_uses; ++i) {
      const Usage& use = kActivity[rng.between(0, static_cast<int>(std::size(kActivity)) - 1)];
      try_book(*activity, use, day, rng.percent(15));
    }
    if (!weekend) {
      if (rng.percent(70)) {
        const Usage& use = kChildcare[rng.between(0, static_cast<int>(std::size(kChildcare)) - 1)];
        try_book(*childcare, use, day, rng.percent(25));
      }
      if (rng.percent(60)) {
        const Usage& use = kMeeting[rng.between(0, static_cast<int>(std::size(kMeeting)) - 1)];
        try_book(*meeting, use, day, false);
      }
    }
  }
  return written;
}

}  // namespace gz::bookings
