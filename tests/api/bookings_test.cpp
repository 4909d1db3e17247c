// Black-box tests of room booking on SQLite and PostgreSQL, on a server whose clock stands at
// Friday 2026-11-20 10:00 (Shanghai): a free slot is booked and shows as taken to others
// without their details; overlaps, off-slot, out-of-hours, too long, past and too-far bookings
// are refused with their codes; rooms for officials only and the weekly limit hold; a room
// needing approval queues requests for staff, who approve or reject with a reason and the
// booker hears of it; cancelling frees the slot; sixteen bookings racing for one slot give one
// booking; the rooms' use counts approved hours over open hours.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <thread>

#include "core/clock.hpp"
#include "harness.hpp"
#include "storage/database.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "rooms-pass-42";
const std::int64_t kNowMs = *parse_iso8601("2026-11-20T10:00:00+08:00");

boost::json::object rules(std::int64_t community, const std::string& name, bool approval,
                          const std::string& open_to = "residents") {
  return {{"community_id", community},  {"name", name},
          {"kind", "activity_room"},    {"capacity", 30},
          {"opens_minute", 480},        {"closes_minute", 1260},
          {"slot_minutes", 30},         {"max_minutes", 180},
          {"max_per_week", 2},          {"advance_days", 14},
          {"open_to", open_to},         {"needs_approval", approval},
          {"description", "测试用房间"}};
}

struct Rooms {
  explicit Rooms(Backend backend) : world(backend, frozen_at(kNowMs), kPassword) {
    community_id = world.community("场地社区", "B-1");
    other_community = world.community("别的社区", "B-2");
    staff = world.community_user("staff", "staff", {community_id});
    guide = world.community_user("guide", "guide", {community_id});
    stranger = world.community_user("stranger", "staff", {other_community});
    first = world.household(community_id, "1-101");
    world.resident(first, "钱阿姨", "female", "1952-01-01");
    one = world.resident_user("resident1", first);
    second = world.household(community_id, "1-102");
    world.resident(second, "孙叔叔", "male", "1958-01-01");
    two = world.resident_user("resident2", second);
    for (int i = 0; i < 16; ++i) {
      racers.push_back(world.household(community_id, "9-" + std::to_string(100 + i)));
    }
    hall = created_id(staff.post("/api/v1/rooms", rules(community_id, "活动室", false)));
    nursery = created_id(staff.post("/api/v1/rooms", rules(community_id, "托育角", true)));
    office =
        created_id(staff.post("/api/v1/rooms", rules(community_id, "会议室", false, "officials")));
    race_room = created_id(staff.post("/api/v1/rooms", rules(community_id, "抢订室", false)));
  }
  World world;
  std::int64_t community_id = 0, other_community = 0, first = 0, second = 0;
  std::int64_t hall = 0, nursery = 0, office = 0, race_room = 0;
  std::vector<std::int64_t> racers;
  Client staff{0}, guide{0}, stranger{0}, one{0}, two{0};
};

class BookingsTest : public BackendTest {
 protected:
  Rooms& r() { return shared<Rooms>(GetParam()); }
  static boost::json::object slot(std::int64_t room, const std::string& day,
                                  const std::string& from, const std::string& to,
                                  const std::string& purpose = "书法班") {
    return {{"room_id", room},
            {"starts_at", day + "T" + from + ":00+08:00"},
            {"ends_at", day + "T" + to + ":00+08:00"},
            {"purpose", purpose},
            {"attendees", 10}};
  }
  std::int64_t count(const std::string& sql, std::int64_t id) {
    auto database = storage::open_database(r().world.url());
    auto db = database->connect();
    return db->query_int(sql, {id});
  }
};

TEST_P(BookingsTest, AFreeSlotIsBookedOnceAndShowsAsTakenToOthers) {
  auto booked = r().one.post("/api/v1/bookings", slot(r().hall, "2026-11-23", "14:00", "16:00"));
  ASSERT_EQ(booked.status, 201) << booked.body;
  EXPECT_EQ(booked.json().at("status").as_string(), "approved");
  EXPECT_TRUE(booked.json().at("mine").as_bool());
  // The same slot, or one overlapping it, is taken; the next one is free.
  EXPECT_EQ(
      r().two.post("/api/v1/bookings", slot(r().hall, "2026-11-23", "14:00", "16:00")).error_code(),
      "slot_taken");
  EXPECT_EQ(
      r().two.post("/api/v1/bookings", slot(r().hall, "2026-11-23", "15:30", "16:30")).error_code(),
      "slot_taken");
  EXPECT_EQ(r().two.post("/api/v1/bookings", slot(r().hall, "2026-11-23", "16:00", "17:00")).status,
            201);
  // Another household sees the slot, not who or why; staff see both.
  std::string schedule =
      "/api/v1/rooms/" + std::to_string(r().hall) + "/schedule?from=2026-11-23&days=1";
  auto theirs = r().two.get(schedule);
  ASSERT_EQ(theirs.status, 200) << theirs.body;
  auto body = theirs.json();
  EXPECT_EQ(body.at("room").at("name").as_string(), "活动室");
  auto items = body.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_FALSE(items.at(0).at("mine").as_bool());
  EXPECT_EQ(items.at(0).at("purpose").as_string(), "");
  EXPECT_EQ(items.at(0).at("booker_name").as_string(), "");
  auto staff_view = r().staff.get(schedule).json();
  EXPECT_EQ(staff_view.at("items").at(0).at("purpose").as_string(), "书法班");
  EXPECT_EQ(staff_view.at("items").at(0).at("household_code").as_string(), "1-101");
  EXPECT_EQ(r().stranger.get(schedule).status, 404);
  // The resident's own list.
  auto mine = r().one.get("/api/v1/bookings?mine=true&upcoming=true");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_NE(mine.body.find("书法班"), std::string::npos);
  EXPECT_EQ(r().one.get("/api/v1/bookings?community_id=" + std::to_string(r().community_id)).status,
            403);
}

TEST_P(BookingsTest, TheRoomsRulesAreKept) {
  auto code = [&](Client& who, const boost::json::object& body) {
    return who.post("/api/v1/bookings", body).error_code();
  };
  EXPECT_EQ(code(r().one, slot(r().hall, "2026-11-24", "14:10", "15:10")), "invalid_time");
  EXPECT_EQ(code(r().one, slot(r().hall, "2026-11-24", "07:00", "08:30")), "invalid_time");
  EXPECT_EQ(code(r().one, slot(r().hall, "2026-11-24", "20:30", "21:30")), "invalid_time");
  EXPECT_EQ(code(r().one, slot(r().hall, "2026-11-24", "09:00", "13:00")), "invalid_time");
  EXPECT_EQ(code(r().one, slot(r().hall, "2026-11-24", "15:00", "14:00")), "invalid_time");
  EXPECT_EQ(code(r().one, slot(r().hall, "2026-11-19", "14:00", "15:00")), "invalid_time");
  EXPECT_EQ(code(r().one, slot(r().hall, "2026-12-20", "14:00", "15:00")), "invalid_time");
  auto crowd = slot(r().hall, "2026-11-24", "14:00", "15:00");
  crowd["attendees"] = 31;
  EXPECT_EQ(code(r().one, crowd), "invalid_field");
  auto blank = slot(r().hall, "2026-11-24", "14:00", "15:00", "   ");
  EXPECT_EQ(r().one.post("/api/v1/bookings", blank).status, 400);
  EXPECT_EQ(r().one.post("/api/v1/bookings", slot(999999, "2026-11-24", "14:00", "15:00")).status,
            404);
  // For officials only.
  EXPECT_EQ(
      r().one.post("/api/v1/bookings", slot(r().office, "2026-11-24", "09:00", "10:00")).status,
      403);
  EXPECT_EQ(
      r().guide.post("/api/v1/bookings", slot(r().office, "2026-11-24", "09:00", "10:00")).status,
      201);
  // Two a week per household (Monday to Sunday): the third of the week of 30 November is
  // refused.
  EXPECT_EQ(r().two.post("/api/v1/bookings", slot(r().hall, "2026-11-30", "09:00", "10:00")).status,
            201);
  EXPECT_EQ(r().two.post("/api/v1/bookings", slot(r().hall, "2026-12-04", "09:00", "10:00")).status,
            201);
  EXPECT_EQ(code(r().two, slot(r().hall, "2026-12-02", "09:00", "10:00")), "weekly_limit");
  // The other household of the same building is not limited by it.
  EXPECT_EQ(r().one.post("/api/v1/bookings", slot(r().hall, "2026-12-02", "09:00", "10:00")).status,
            201);
  // Staff's room rules are checked too.
  auto bad = rules(r().community_id, "坏房间", false);
  bad["opens_minute"] = 1200;
  bad["closes_minute"] = 600;
  EXPECT_EQ(r().staff.post("/api/v1/rooms", bad).error_code(), "invalid_field");
  EXPECT_EQ(r().staff.post("/api/v1/rooms", rules(r().community_id, "活动室", false)).error_code(),
            "name_taken");
  EXPECT_EQ(r().guide.post("/api/v1/rooms", rules(r().community_id, "指导员房", false)).status,
            403);
  EXPECT_EQ(r().stranger.post("/api/v1/rooms", rules(r().community_id, "外人房", false)).status,
            404);
}

TEST_P(BookingsTest, ARoomNeedingApprovalQueuesRequestsForStaff) {
  auto asked = r().one.post("/api/v1/bookings",
                            slot(r().nursery, "2026-11-25", "15:30", "17:30", "课后作业辅导"));
  ASSERT_EQ(asked.status, 201) << asked.body;
  EXPECT_EQ(asked.json().at("status").as_string(), "pending");
  std::int64_t id = asked.json().at("id").as_int64();
  // A pending booking holds its slot.
  EXPECT_EQ(r().two.post("/api/v1/bookings", slot(r().nursery, "2026-11-25", "16:00", "17:00"))
                .error_code(),
            "slot_taken");
  auto queue = r().staff.get("/api/v1/bookings?community_id=" + std::to_string(r().community_id) +
                             "&status=pending");
  ASSERT_EQ(queue.status, 200) << queue.body;
  EXPECT_NE(queue.body.find("课后作业辅导"), std::string::npos);
  EXPECT_NE(r().staff.get("/api/v1/notifications?limit=50").body.find("booking.requested"),
            std::string::npos);
  std::string decision = "/api/v1/bookings/" + std::to_string(id) + "/decision";
  EXPECT_EQ(r().one.post(decision, {{"approve", true}}).status, 403);
  EXPECT_EQ(r().staff.post(decision, {{"approve", false}}).error_code(), "invalid_field");
  auto approved = r().staff.post(decision, {{"approve", true}, {"note", "请家长陪同"}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json().at("status").as_string(), "approved");
  EXPECT_EQ(r().staff.post(decision, {{"approve", false}, {"note", "再拒"}}).error_code(),
            "not_pending");
  auto inbox = r().one.get("/api/v1/notifications?limit=50");
  EXPECT_NE(inbox.body.find("已通过审核"), std::string::npos) << inbox.body;
  // A rejected request frees its slot and tells why.
  auto other = r().two.post("/api/v1/bookings",
                            slot(r().nursery, "2026-11-26", "09:00", "10:00", "幼儿绘本时间"));
  ASSERT_EQ(other.status, 201) << other.body;
  auto rejected = r().staff.post(
      "/api/v1/bookings/" + std::to_string(other.json().at("id").as_int64()) + "/decision",
      {{"approve", false}, {"note", "该时段已安排社区活动"}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json().at("decision_note").as_string(), "该时段已安排社区活动");
  EXPECT_EQ(
      r().one.post("/api/v1/bookings", slot(r().nursery, "2026-11-26", "09:00", "10:00")).status,
      201);
}

TEST_P(BookingsTest, CancellingFreesTheSlotAndOnlyTheBookerOrStaffCancel) {
  auto booked = r().one.post("/api/v1/bookings", slot(r().hall, "2026-11-27", "19:00", "20:30"));
  ASSERT_EQ(booked.status, 201) << booked.body;
  std::string cancel =
      "/api/v1/bookings/" + std::to_string(booked.json().at("id").as_int64()) + "/cancel";
  EXPECT_EQ(r().two.post(cancel, boost::json::object{}).status, 404);
  EXPECT_EQ(r().staff.post(cancel, boost::json::object{}).error_code(), "invalid_field");
  auto done = r().one.post(cancel, boost::json::object{});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json().at("status").as_string(), "cancelled");
  EXPECT_EQ(r().one.post(cancel, boost::json::object{}).error_code(), "not_active");
  EXPECT_EQ(r().two.post("/api/v1/bookings", slot(r().hall, "2026-11-27", "19:00", "20:30")).status,
            201);
  // Staff book at the desk for a household: the household sees it as its own.
  auto desk = slot(r().hall, "2026-11-28", "09:00", "10:00", "老人生日会");
  desk["household_id"] = r().first;
  auto made = r().staff.post("/api/v1/bookings", desk);
  ASSERT_EQ(made.status, 201) << made.body;
  auto mine = r().one.get("/api/v1/bookings?mine=true");
  EXPECT_NE(mine.body.find("老人生日会"), std::string::npos) << mine.body;
  desk["household_id"] = r().second;
  EXPECT_EQ(r().one.post("/api/v1/bookings", desk).error_code(), "invalid_field");
}

TEST_P(BookingsTest, SixteenBookingsRacingForOneSlotGiveOneBooking) {
  std::atomic<bool> go{false};
  std::vector<int> statuses(r().racers.size(), 0);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < r().racers.size(); ++i) {
    threads.emplace_back([&, i] {
      auto body = slot(r().race_room, "2026-11-24", "10:00", "12:00", "抢订");
      body["household_id"] = r().racers[i];
      while (!go.load()) std::this_thread::yield();
      statuses[i] = r().staff.post("/api/v1/bookings", body).status;
    });
  }
  go = true;
  for (auto& thread : threads) thread.join();
  std::map<int, int> counts;
  for (int status : statuses) ++counts[status];
  EXPECT_EQ(counts[201], 1);
  EXPECT_EQ(counts[409], static_cast<int>(r().racers.size()) - 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM room_bookings WHERE room_id = ? AND status IN "
                  "('pending', 'approved')",
                  r().race_room),
            1);
}

TEST_P(BookingsTest, TheRoomsUseIsApprovedHoursOverOpenHours) {
  auto booked = r().one.post("/api/v1/bookings", slot(r().hall, "2026-11-21", "08:00", "11:00"));
  ASSERT_EQ(booked.status, 201) << booked.body;
  auto use = r().staff.get("/api/v1/rooms/use?community_id=" + std::to_string(r().community_id) +
                           "&period=2026-11");
  ASSERT_EQ(use.status, 200) << use.body;
  auto body = use.json();
  bool seen = false;
  for (const auto& room : body.at("rooms").as_array()) {
    if (room.at("room_name").as_string() != "活动室") continue;
    seen = true;
    // 30 days × 13 open hours.
    EXPECT_EQ(room.at("open_minutes").as_int64(), 30 * 13 * 60);
    EXPECT_GE(room.at("booked_minutes").as_int64(), 180);
    EXPECT_GT(room.at("utilization").as_double(), 0.0);
  }
  EXPECT_TRUE(seen);
  EXPECT_EQ(
      r().one.get("/api/v1/rooms/use?community_id=" + std::to_string(r().community_id)).status,
      403);
  EXPECT_EQ(r().staff
                .get("/api/v1/rooms/use?community_id=" + std::to_string(r().community_id) +
                     "&period=someday")
                .status,
            400);
}

GZ_ON_BACKENDS(BookingsTest);

}  // namespace
}  // namespace gz::test
