// Room and facility booking (场地预约), the contract of the bookings module. A community's rooms
// — the activity room, the childcare space, the meeting room — each with its rules: open
// hours, slot length, the longest booking, how many a household may hold a week, how far
// ahead, who may book (residents, or officials only) and whether staff approve each booking.
// A pending booking holds its slot as an approved one does, and no two bookings of a room
// overlap: the room's row is locked while a booking is checked and written (SQLite's write
// transaction does the same), so two households racing for one slot get one booking and one
// 409 slot_taken. How much the rooms are used (booked hours / open hours) is the real "resource
// use" of a community's spaces. Permissions in permissions.hpp; routes.hpp is wired by src/app.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace gz::bookings {

// activity_room, childcare, meeting_room, sports, other
bool is_room_kind(std::string_view kind);

struct Room {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string name;
  std::string kind;
  std::int64_t capacity = 0;          // people
  std::int64_t opens_minute = 480;    // of the Shanghai day: 8:00
  std::int64_t closes_minute = 1260;  // 21:00
  std::int64_t slot_minutes = 30;     // bookings start and end on slot boundaries
  std::int64_t max_minutes = 180;     // the longest booking
  std::int64_t max_per_week = 2;      // a household's pending and approved bookings starting in
                                      // one Monday-to-Sunday week (Shanghai), this room
  std::int64_t advance_days = 14;     // bookable up to this many days ahead
  std::string open_to = "residents";  // residents (and officials) | officials
  bool needs_approval = false;
  bool active = true;
  std::string description;
};

// Staff of the community, admins. 400 invalid_field (name 1-40 characters, kind, capacity
// 1-500, hours within the day with opens < closes, slot 15/30/60, max 1 slot to 12 hours,
// max_per_week 1-14, advance 1-60 days, open_to), 404 community.
Result<Room> create_room(storage::Connection& db, const Actor& actor, const Room& room);
// Every field but the community; the same checks.
Result<Room> update_room(storage::Connection& db, const Actor& actor, std::int64_t id,
                         const Room& room);
// The community's rooms (inactive ones for officials only), by name.
Result<std::vector<Room>> list_rooms(storage::Connection& db, const Actor& actor,
                                     std::int64_t community_id);

struct Booking {
  std::int64_t id = 0;
  std::int64_t room_id = 0;
  std::string room_name;
  std::int64_t community_id = 0;
  std::int64_t starts_ms = 0;
  std::int64_t ends_ms = 0;
  std::string status;  // pending, approved, rejected, cancelled
  bool mine = false;   // the reader's household's (or the official's own)
  // Shown to the booker and officials only; others see the slot taken ("" / nullopt).
  std::string purpose;
  std::optional<std::int64_t> attendees;
  std::string booker_name;
  std::optional<std::string> household_code;
  std::optional<std::string> decision_note;
  std::optional<std::int64_t> decided_ms;
  std::int64_t created_ms = 0;
};

struct NewBooking {
  std::int64_t room_id = 0;
  std::int64_t starts_ms = 0;
  std::int64_t ends_ms = 0;
  std::string purpose;  // 1-200 characters
  std::int64_t attendees = 1;
  // Guides and staff booking for a household at the desk or on the phone (an elderly resident
  // without the app): the booking is the household's and its weekly limit counts.
  std::optional<std::int64_t> household_id;
};
// Residents with a household of the room's community (open_to residents), its guides and
// staff; admins. Approved at once unless the room needs approval (then pending, and the
// community's staff are told). Errors: 404 room (or one of another community, or inactive);
// 403 a room for officials only, a resident without a household; 400 invalid_time (not on
// the room's slots, outside its hours, across midnight, longer than allowed, in the past, too
// far ahead), invalid_field (purpose, attendees 1 to the room's capacity, household_id from a
// resident); 404 household of another community; 409 slot_taken, weekly_limit.
Result<Booking> book(storage::Connection& db, const Actor& actor, const NewBooking& input,
                     std::int64_t now_ms);
// The booker (their household) before it starts, or staff of the community at any time before
// it ends; a reason for staff. 409 not_active for a rejected or cancelled booking, started.
Result<Booking> cancel(storage::Connection& db, const Actor& actor, std::int64_t id,
                       const std::string& reason, std::int64_t now_ms);
// Staff of the community decide a pending booking; a reason is required to reject. 409
// not_pending.
Result<Booking> decide(storage::Connection& db, const Actor& actor, std::int64_t id, bool approve,
                       const std::string& note, std::int64_t now_ms);

// A room and its pending and approved bookings in [from_ms, to_ms) (at most 31 days), by
// start; other households' bookings without purpose or names.
struct Schedule {
  Room room;
  std::vector<Booking> bookings;
};
Result<Schedule> schedule(storage::Connection& db, const Actor& actor, std::int64_t room_id,
                          std::int64_t from_ms, std::int64_t to_ms);
struct BookingFilter {
  std::optional<std::int64_t> community_id;  // officials: the community's bookings
  std::optional<std::string> status;
  bool mine = false;      // the actor's household's (resident) or own (official)
  bool upcoming = false;  // ends after now
  std::int64_t limit = 100;
};
Result<std::vector<Booking>> list_bookings(storage::Connection& db, const Actor& actor,
                                           const BookingFilter& filter, std::int64_t now_ms);

// Use of the rooms over a period: approved hours booked (past or future within the period) /
// hours open, per room and overall; the households that booked.
struct RoomUse {
  std::int64_t room_id = 0;
  std::string room_name;
  std::int64_t open_minutes = 0;
  std::int64_t booked_minutes = 0;
  std::int64_t bookings = 0;
  std::int64_t households = 0;
};
struct Use {
  std::int64_t community_id = 0;
  std::string period;
  std::int64_t open_minutes = 0;
  std::int64_t booked_minutes = 0;
  std::int64_t bookings = 0;
  std::int64_t households = 0;
  std::vector<RoomUse> rooms;
};
// Officials of the community, admins.
Result<Use> room_use(storage::Connection& db, const Actor& actor, std::int64_t community_id,
                     const Period& period);

// The demo: the community's three rooms and a year of bookings (meetings, classes, birthday
// parties of the elderly, the children's corner), mostly approved; returns bookings written.
std::int64_t demo_bookings(storage::Connection& db, std::int64_t community_id,
                           std::int64_t as_of_ms);

}  // namespace gz::bookings
