// Rooms, bookings and the rooms' use (bookings.hpp).
#include "modules/bookings/bookings.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

#include "core/text.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit.hpp"
#include "modules/bookings/permissions.hpp"
#include "modules/notifications/notifications.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::bookings {
namespace {

constexpr const char* kRoomColumns =
    "SELECT id, community_id, name, kind, capacity, opens_minute, closes_minute, slot_minutes, "
    "max_minutes, max_per_week, advance_days, open_to, needs_approval, active, description FROM "
    "rooms ";
constexpr const char* kBookingColumns =
    "SELECT b.id, b.room_id, r.name, b.community_id, b.starts_ms, b.ends_ms, b.status, "
    "b.household_id, b.user_id, b.purpose, b.attendees, b.decision_note, b.decided_ms, "
    "b.created_ms FROM room_bookings b JOIN rooms r ON r.id = b.room_id ";
constexpr const char* kKinds[] = {"activity_room", "childcare", "meeting_room", "sports", "other"};
constexpr std::int64_t kDayMinutes = 24 * 60;

Room room_from(const storage::Row& row) {
  Room room;
  room.id = row.integer(0);
  room.community_id = row.integer(1);
  room.name = row.text(2);
  room.kind = row.text(3);
  room.capacity = row.integer(4);
  room.opens_minute = row.integer(5);
  room.closes_minute = row.integer(6);
  room.slot_minutes = row.integer(7);
  room.max_minutes = row.integer(8);
  room.max_per_week = row.integer(9);
  room.advance_days = row.integer(10);
  room.open_to = row.text(11);
  room.needs_approval = row.integer(12) != 0;
  room.active = row.integer(13) != 0;
  room.description = row.text(14);
  return room;
}

std::optional<Room> load_room(storage::Connection& db, std::int64_t id, bool lock) {
  std::string sql = std::string(kRoomColumns) + "WHERE id = ?";
  // The room's row is the lock every booking of it takes (SQLite: the write transaction).
  if (lock && db.dialect() == storage::Dialect::postgresql) sql += " FOR UPDATE";
  auto row = db.query_one(sql, {id});
  if (!row) return std::nullopt;
  return room_from(*row);
}

Result<void> validate(Room& room) {
  room.name = text::trim(room.name);
  room.description = text::trim(room.description);
  auto invalid = [](const std::string& what) { return bad_request("invalid_field", what); };
  if (room.name.empty() || text::utf8_length(room.name) > 40) {
    return invalid("name must be 1-40 characters");
  }
  if (!is_room_kind(room.kind)) {
    return invalid("kind must be activity_room, childcare, meeting_room, sports or other");
  }
  if (room.capacity < 1 || room.capacity > 500) return invalid("capacity must be 1-500");
  if (room.slot_minutes != 15 && room.slot_minutes != 30 && room.slot_minutes != 60) {
    return invalid("slot_minutes must be 15, 30 or 60");
  }
  if (room.opens_minute < 0 || room.closes_minute > kDayMinutes ||
      room.opens_minute >= room.closes_minute || room.opens_minute % room.slot_minutes != 0 ||
      room.closes_minute % room.slot_minutes != 0) {
    return invalid(
        "opens_minute and closes_minute must be slot boundaries of one day, opening "
        "first");
  }
  if (room.max_minutes < room.slot_minutes || room.max_minutes > 12 * 60 ||
      room.max_minutes % room.slot_minutes != 0) {
    return invalid("max_minutes must be whole slots, at most 12 hours");
  }
  if (room.max_per_week < 1 || room.max_per_week > 14) return invalid("max_per_week must be 1-14");
  if (room.advance_days < 1 || room.advance_days > 60) return invalid("advance_days must be 1-60");
  if (room.open_to != "residents" && room.open_to != "officials") {
    return invalid("open_to must be residents or officials");
  }
  if (text::utf8_length(room.description) > 500) {
    return invalid("description is at most 500 characters");
  }
  return {};
}

std::string user_name(storage::Connection& db, std::int64_t user_id) {
  auto user = accounts::find_user(db, user_id);
  if (!user) return {};
  return user->display_name.empty() ? user->username : user->display_name;
}

// A booking as the actor may see it: another household's shows only the slot.
Booking booking_from(storage::Connection& db, const storage::Row& row, const Actor& actor) {
  Booking booking;
  booking.id = row.integer(0);
  booking.room_id = row.integer(1);
  booking.room_name = row.text(2);
  booking.community_id = row.integer(3);
  booking.starts_ms = row.integer(4);
  booking.ends_ms = row.integer(5);
  booking.status = row.text(6);
  auto household = row.opt_integer(7);
  std::int64_t user_id = row.integer(8);
  booking.mine = actor.is(Role::resident) ? (household && actor.household_id == household)
                                          : actor.user_id == user_id;
  booking.created_ms = row.integer(13);
  if (booking.mine || may_oversee(actor, booking.community_id)) {
    booking.purpose = row.text(9);
    booking.attendees = row.integer(10);
    booking.booker_name = user_name(db, user_id);
    if (household) {
      if (auto ref = registry::find_household(db, *household)) booking.household_code = ref->code;
    }
    booking.decision_note = row.opt_text(11);
    booking.decided_ms = row.opt_integer(12);
  }
  return booking;
}

std::int64_t week_start_day(std::int64_t day) {
  // Day 0 (1970-01-01) was a Thursday: Monday-based weeks.
  return day - (((day + 3) % 7) + 7) % 7;
}

std::string when_text(std::int64_t starts_ms, std::int64_t ends_ms) {
  std::string start = format_iso8601(starts_ms), end = format_iso8601(ends_ms);
  // "2026-12-09 14:00-16:00"
  return start.substr(0, 10) + " " + start.substr(11, 5) + "-" + end.substr(11, 5);
}

void tell(storage::Connection& db, const Booking& booking, const std::string& kind,
          std::vector<std::int64_t> recipients, boost::json::object data, std::int64_t now_ms) {
  notifications::Event event;
  event.community_id = booking.community_id;
  event.kind = kind;
  event.subject_type = "booking";
  event.subject_id = std::to_string(booking.id);
  event.recipients = std::move(recipients);
  data["room"] = booking.room_name;
  data["when"] = when_text(booking.starts_ms, booking.ends_ms);
  event.data = std::move(data);
  notifications::record(db, event, now_ms);
}

Result<storage::Row> booking_row(storage::Connection& db, const Actor& actor, std::int64_t id) {
  auto row = db.query_one(std::string(kBookingColumns) + "WHERE b.id = ?", {id});
  auto missing = not_found("no booking " + std::to_string(id));
  if (!row || !actor.belongs_to(row->integer(3))) return missing;
  if (!may_oversee(actor, row->integer(3))) {
    auto household = row->opt_integer(7);
    bool own = actor.is(Role::resident) ? household && actor.household_id == household
                                        : actor.user_id == row->integer(8);
    if (!own) return missing;
  }
  return *row;
}

Booking reload(storage::Connection& db, const Actor& actor, std::int64_t id) {
  return booking_from(db, *db.query_one(std::string(kBookingColumns) + "WHERE b.id = ?", {id}),
                      actor);
}

}  // namespace

bool is_room_kind(std::string_view kind) {
  return std::any_of(std::begin(kKinds), std::end(kKinds),
                     [&](const char* known) { return kind == known; });
}

Result<Room> create_room(storage::Connection& db, const Actor& actor, const Room& input) {
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Room> {
    GZ_TRY(registry::require_member(db, actor, input.community_id));
    if (!may_manage(actor, input.community_id)) return forbidden("staff manage the rooms");
    Room room = input;
    GZ_TRY(validate(room));
    if (db.query_one("SELECT 1 FROM rooms WHERE community_id = ? AND name = ?",
                     {room.community_id, room.name})) {
      return conflict("name_taken", "the community has a room of that name");
    }
    std::int64_t id =
        db.query_one(
              "INSERT INTO rooms (community_id, name, kind, capacity, opens_minute, "
              "closes_minute, slot_minutes, max_minutes, max_per_week, advance_days, open_to, "
              "needs_approval, active, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
              "?, ?) RETURNING id",
              {room.community_id, room.name, room.kind, room.capacity, room.opens_minute,
               room.closes_minute, room.slot_minutes, room.max_minutes, room.max_per_week,
               room.advance_days, room.open_to, std::int64_t{room.needs_approval},
               std::int64_t{room.active}, room.description})
            ->integer(0);
    audit::append(db, actor,
                  {room.community_id, "room.create", "room", std::to_string(id),
                   boost::json::object{{"name", room.name}, {"kind", room.kind}}});
    return *load_room(db, id, false);
  });
}

Result<Room> update_room(storage::Connection& db, const Actor& actor, std::int64_t id,
                         const Room& input) {
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Room> {
    auto existing = load_room(db, id, true);
    if (!existing || !actor.belongs_to(existing->community_id)) {
      return not_found("no room " + std::to_string(id));
    }
    if (!may_manage(actor, existing->community_id)) return forbidden("staff manage the rooms");
    Room room = input;
    room.id = id;
    room.community_id = existing->community_id;
    GZ_TRY(validate(room));
    if (db.query_one("SELECT 1 FROM rooms WHERE community_id = ? AND name = ? AND id <> ?",
                     {room.community_id, room.name, id})) {
      return conflict("name_taken", "the community has a room of that name");
    }
    db.execute(
        "UPDATE rooms SET name = ?, kind = ?, capacity = ?, opens_minute = ?, closes_minute = ?, "
        "slot_minutes = ?, max_minutes = ?, max_per_week = ?, advance_days = ?, open_to = ?, "
        "needs_approval = ?, active = ?, description = ?, version = version + 1 WHERE id = ?",
        {room.name, room.kind, room.capacity, room.opens_minute, room.closes_minute,
         room.slot_minutes, room.max_minutes, room.max_per_week, room.advance_days, room.open_to,
         std::int64_t{room.needs_approval}, std::int64_t{room.active}, room.description, id});
    audit::append(db, actor,
                  {room.community_id, "room.update", "room", std::to_string(id),
                   boost::json::object{{"name", room.name},
                                       {"open_to", room.open_to},
                                       {"needs_approval", room.needs_approval},
                                       {"active", room.active}}});
    return *load_room(db, id, false);
  });
}

Result<std::vector<Room>> list_rooms(storage::Connection& db, const Actor& actor,
                                     std::int64_t community_id) {
  GZ_TRY(registry::require_member(db, actor, community_id));
  bool official = may_oversee(actor, community_id);
  std::vector<Room> out;
  for (const auto& row : db.query(std::string(kRoomColumns) + "WHERE community_id = ?" +
                                      (official ? "" : " AND active = 1") + " ORDER BY name",
                                  {community_id})) {
    out.push_back(room_from(row));
  }
  std::sort(out.begin(), out.end(),
            [](const Room& a, const Room& b) { return text::natural_less(a.name, b.name); });
  return out;
}

Result<Booking> book(storage::Connection& db, const Actor& actor, const NewBooking& input,
                     std::int64_t now_ms) {
  std::string purpose = text::trim(input.purpose);
  if (purpose.empty() || text::utf8_length(purpose) > 200) {
    return bad_request("invalid_field", "purpose must be 1-200 characters");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Booking> {
    auto room = load_room(db, input.room_id, true);
    if (!room || !room->active || !actor.belongs_to(room->community_id)) {
      return not_found("no room " + std::to_string(input.room_id));
    }
    if (!may_book(actor, room->community_id, room->open_to)) {
      return forbidden(room->open_to == "officials"
                           ? "this room is booked by the community's officials"
                           : "residents book with their household's login");
    }
    if (input.attendees < 1 || input.attendees > room->capacity) {
      return bad_request("invalid_field", "attendees must be 1-" + std::to_string(room->capacity));
    }
    std::optional<std::int64_t> household =
        actor.is(Role::resident) ? actor.household_id : std::nullopt;
    if (input.household_id) {
      if (actor.is(Role::resident)) {
        return bad_request("invalid_field", "residents book for their own household");
      }
      auto ref = registry::find_household(db, *input.household_id);
      if (!ref || ref->community_id != room->community_id) {
        return not_found("no household " + std::to_string(*input.household_id));
      }
      household = ref->id;
    }
    // On the room's slots, within its hours of one day, not too long, ahead but not too far.
    const std::int64_t day = shanghai_day(input.starts_ms);
    const std::int64_t midnight = shanghai_midnight_ms(day);
    const std::int64_t start_minute = (input.starts_ms - midnight) / 60'000;
    const std::int64_t minutes = (input.ends_ms - input.starts_ms) / 60'000;
    auto invalid = [](const std::string& why) { return bad_request("invalid_time", why); };
    if ((input.starts_ms - midnight) % 60'000 != 0 || (input.ends_ms - input.starts_ms) % 60'000) {
      return invalid("bookings start and end on whole minutes");
    }
    if (minutes <= 0 || minutes % room->slot_minutes != 0 ||
        (start_minute - room->opens_minute) % room->slot_minutes != 0) {
      return invalid("bookings start and end on the room's " + std::to_string(room->slot_minutes) +
                     "-minute slots");
    }
    if (start_minute < room->opens_minute || start_minute + minutes > room->closes_minute) {
      return invalid("the room is open from minute " + std::to_string(room->opens_minute) + " to " +
                     std::to_string(room->closes_minute) + " of the day");
    }
    if (minutes > room->max_minutes) {
      return invalid("at most " + std::to_string(room->max_minutes) + " minutes at a time");
    }
    if (input.starts_ms < now_ms) return invalid("the time has passed");
    if (day > shanghai_day(now_ms) + room->advance_days) {
      return invalid("bookable up to " + std::to_string(room->advance_days) + " days ahead");
    }
    if (db.query_one("SELECT 1 FROM room_bookings WHERE room_id = ? AND status IN ('pending', "
                     "'approved') AND starts_ms < ? AND ends_ms > ?",
                     {room->id, input.ends_ms, input.starts_ms})) {
      return conflict("slot_taken", "the room is booked then");
    }
    if (household) {
      std::int64_t week = week_start_day(day);
      std::int64_t held = db.query_int(
          "SELECT COUNT(*) FROM room_bookings WHERE room_id = ? AND household_id = ? AND status "
          "IN ('pending', 'approved') AND starts_ms >= ? AND starts_ms < ?",
          {room->id, *household, shanghai_midnight_ms(week), shanghai_midnight_ms(week + 7)});
      if (held >= room->max_per_week) {
        return conflict("weekly_limit", "a household books this room at most " +
                                            std::to_string(room->max_per_week) + " times a week");
      }
    }
    const bool pending = room->needs_approval && !may_manage(actor, room->community_id);
    std::int64_t id =
        db.query_one(
              "INSERT INTO room_bookings (room_id, community_id, household_id, user_id, "
              "starts_ms, ends_ms, purpose, attendees, status, created_ms) VALUES (?, ?, ?, ?, "
              "?, ?, ?, ?, ?, ?) RETURNING id",
              {room->id, room->community_id, storage::opt_int(household), actor.user_id,
               input.starts_ms, input.ends_ms, purpose, input.attendees,
               std::string(pending ? "pending" : "approved"), now_ms})
            ->integer(0);
    audit::append(db, actor,
                  {room->community_id, "booking.create", "booking", std::to_string(id),
                   boost::json::object{{"room_id", room->id},
                                       {"starts_at", format_iso8601(input.starts_ms)},
                                       {"ends_at", format_iso8601(input.ends_ms)},
                                       {"status", pending ? "pending" : "approved"}}});
    Booking booking = reload(db, actor, id);
    if (pending) {
      tell(db, booking, "booking.requested",
           accounts::community_users(db, room->community_id, {Role::staff}),
           {{"booker", booking.booker_name}}, now_ms);
    }
    return booking;
  });
}

Result<Booking> cancel(storage::Connection& db, const Actor& actor, std::int64_t id,
                       const std::string& reason, std::int64_t now_ms) {
  std::string why = text::trim(reason);
  if (text::utf8_length(why) > 200) {
    return bad_request("invalid_field", "reason is at most 200 characters");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Booking> {
    GZ_ASSIGN_OR_RETURN(auto row, booking_row(db, actor, id));
    Booking booking = booking_from(db, row, actor);
    const bool staff = may_manage(actor, booking.community_id);
    if (!booking.mine && !staff) return forbidden("only the booker or staff cancel a booking");
    if (booking.status != "pending" && booking.status != "approved") {
      return conflict("not_active", "the booking is " + booking.status);
    }
    if (booking.mine && !staff && booking.starts_ms <= now_ms) {
      return conflict("not_active", "the booking has started");
    }
    if (staff && booking.ends_ms <= now_ms) return conflict("not_active", "the booking is over");
    if (!booking.mine && why.empty()) {
      return bad_request("invalid_field", "staff give a reason to cancel a resident's booking");
    }
    db.execute(
        "UPDATE room_bookings SET status = 'cancelled', decided_by_user_id = ?, decided_ms = ?, "
        "decision_note = ? WHERE id = ?",
        {actor.user_id, now_ms, why.empty() ? storage::Value() : storage::Value(why), id});
    audit::append(db, actor,
                  {booking.community_id, "booking.cancel", "booking", std::to_string(id),
                   boost::json::object{{"reason", why}}});
    Booking cancelled = reload(db, actor, id);
    if (!booking.mine) {
      auto booker = db.query_one("SELECT user_id FROM room_bookings WHERE id = ?", {id});
      tell(db, cancelled, "booking.decided", {booker->integer(0)},
           {{"decision_zh", "已被取消"}, {"decision_en", "cancelled"}, {"note", why}}, now_ms);
    }
    return cancelled;
  });
}

Result<Booking> decide(storage::Connection& db, const Actor& actor, std::int64_t id, bool approve,
                       const std::string& note, std::int64_t now_ms) {
  std::string why = text::trim(note);
  if (text::utf8_length(why) > 200) {
    return bad_request("invalid_field", "note is at most 200 characters");
  }
  if (!approve && why.empty())
    return bad_request("invalid_field", "a reason is required to reject");
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Booking> {
    GZ_ASSIGN_OR_RETURN(auto row, booking_row(db, actor, id));
    std::int64_t community = row.integer(3);
    if (!may_manage(actor, community)) return forbidden("staff decide bookings");
    if (row.text(6) != "pending") return conflict("not_pending", "the booking is " + row.text(6));
    db.execute(
        "UPDATE room_bookings SET status = ?, decided_by_user_id = ?, decided_ms = ?, "
        "decision_note = ? WHERE id = ?",
        {std::string(approve ? "approved" : "rejected"), actor.user_id, now_ms,
         why.empty() ? storage::Value() : storage::Value(why), id});
    audit::append(db, actor,
                  {community, approve ? "booking.approve" : "booking.reject", "booking",
                   std::to_string(id), boost::json::object{{"note", why}}});
    Booking decided = reload(db, actor, id);
    tell(db, decided, "booking.decided", {row.integer(8)},
         {{"decision_zh", approve ? "已通过审核" : "未通过审核"},
          {"decision_en", approve ? "approved" : "not approved"},
          {"note", why}},
         now_ms);
    return decided;
  });
}

Result<Schedule> schedule(storage::Connection& db, const Actor& actor, std::int64_t room_id,
                          std::int64_t from_ms, std::int64_t to_ms) {
  auto room = load_room(db, room_id, false);
  if (!room || !actor.belongs_to(room->community_id) ||
      (!room->active && !may_oversee(actor, room->community_id))) {
    return not_found("no room " + std::to_string(room_id));
  }
  if (to_ms <= from_ms || to_ms - from_ms > 31 * kDayMs) {
    return bad_request("invalid_query", "a schedule covers 1-31 days");
  }
  Schedule out{*room, {}};
  for (const auto& row : db.query(std::string(kBookingColumns) +
                                      "WHERE b.room_id = ? AND b.status IN ('pending', "
                                      "'approved') AND b.starts_ms < ? AND b.ends_ms > ? ORDER "
                                      "BY b.starts_ms",
                                  {room_id, to_ms, from_ms})) {
    out.bookings.push_back(booking_from(db, row, actor));
  }
  return out;
}

Result<std::vector<Booking>> list_bookings(storage::Connection& db, const Actor& actor,
                                           const BookingFilter& filter, std::int64_t now_ms) {
  if (filter.limit < 1 || filter.limit > 500) {
    return bad_request("invalid_query", "limit must be 1-500");
  }
  if (filter.status && *filter.status != "pending" && *filter.status != "approved" &&
      *filter.status != "rejected" && *filter.status != "cancelled") {
    return bad_request("invalid_query", "status must be pending, approved, rejected or cancelled");
  }
  std::string where = "WHERE 1 = 1";
  std::vector<storage::Value> params;
  if (filter.mine || !filter.community_id) {
    if (actor.is(Role::resident)) {
      if (!actor.household_id) return std::vector<Booking>{};
      where += " AND b.household_id = ?";
      params.emplace_back(*actor.household_id);
    } else {
      where += " AND b.user_id = ?";
      params.emplace_back(actor.user_id);
    }
  }
  if (filter.community_id) {
    GZ_TRY(registry::require_member(db, actor, *filter.community_id));
    if (!filter.mine && !may_oversee(actor, *filter.community_id)) {
      return forbidden("the community's bookings are for its officials (mine=true for yours)");
    }
    where += " AND b.community_id = ?";
    params.emplace_back(*filter.community_id);
  }
  if (filter.status) {
    where += " AND b.status = ?";
    params.emplace_back(*filter.status);
  }
  if (filter.upcoming) {
    where += " AND b.ends_ms > ?";
    params.emplace_back(now_ms);
  }
  params.emplace_back(filter.limit);
  std::string order = filter.upcoming ? " ORDER BY b.starts_ms, b.id LIMIT ?"
                                      : " ORDER BY b.starts_ms DESC, b.id DESC LIMIT ?";
  std::vector<Booking> out;
  for (const auto& row : db.query(std::string(kBookingColumns) + where + order, params)) {
    out.push_back(booking_from(db, row, actor));
  }
  return out;
}

Result<Use> room_use(storage::Connection& db, const Actor& actor, std::int64_t community_id,
                     const Period& period) {
  GZ_TRY(registry::require_member(db, actor, community_id));
  if (!may_oversee(actor, community_id)) return forbidden("officials read the rooms' use");
  Use use;
  use.community_id = community_id;
  use.period = period.label;
  const std::int64_t days = shanghai_day(period.to_ms - 1) - shanghai_day(period.from_ms) + 1;
  std::set<std::int64_t> households;
  for (const auto& row :
       db.query(std::string(kRoomColumns) + "WHERE community_id = ? AND active = 1 ORDER BY name",
                {community_id})) {
    Room room = room_from(row);
    RoomUse line;
    line.room_id = room.id;
    line.room_name = room.name;
    line.open_minutes = days * (room.closes_minute - room.opens_minute);
    std::set<std::int64_t> room_households;
    for (const auto& booking : db.query(
             "SELECT starts_ms, ends_ms, household_id FROM room_bookings WHERE room_id = ? AND "
             "status = 'approved' AND starts_ms < ? AND ends_ms > ?",
             {room.id, period.to_ms, period.from_ms})) {
      std::int64_t from = std::max(booking.integer(0), period.from_ms);
      std::int64_t to = std::min(booking.integer(1), period.to_ms);
      line.booked_minutes += (to - from) / 60'000;
      ++line.bookings;
      if (auto household = booking.opt_integer(2)) {
        room_households.insert(*household);
        households.insert(*household);
      }
    }
    line.households = static_cast<std::int64_t>(room_households.size());
    use.open_minutes += line.open_minutes;
    use.booked_minutes += line.booked_minutes;
    use.bookings += line.bookings;
    use.rooms.push_back(std::move(line));
  }
  use.households = static_cast<std::int64_t>(households.size());
  return use;
}

}  // namespace gz::bookings
