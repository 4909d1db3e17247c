// HTTP routes of rooms and bookings: decode → use case → encode.
#include "modules/bookings/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "modules/bookings/bookings.hpp"
#include "storage/database.hpp"

namespace gz::bookings {
namespace {

using http::Need;
using http::RequestContext;
using http::Response;

boost::json::object room_json(const Room& room) {
  return {{"id", room.id},
          {"community_id", room.community_id},
          {"name", room.name},
          {"kind", room.kind},
          {"capacity", room.capacity},
          {"opens_minute", room.opens_minute},
          {"closes_minute", room.closes_minute},
          {"slot_minutes", room.slot_minutes},
          {"max_minutes", room.max_minutes},
          {"max_per_week", room.max_per_week},
          {"advance_days", room.advance_days},
          {"open_to", room.open_to},
          {"needs_approval", room.needs_approval},
          {"active", room.active},
          {"description", room.description}};
}

boost::json::object booking_json(const Booking& booking) {
  return {{"id", booking.id},
          {"room_id", booking.room_id},
          {"room_name", booking.room_name},
          {"community_id", booking.community_id},
          {"starts_at", format_iso8601(booking.starts_ms)},
          {"ends_at", format_iso8601(booking.ends_ms)},
          {"status", booking.status},
          {"mine", booking.mine},
          {"purpose", booking.purpose},
          {"attendees", http::json_or_null(booking.attendees)},
          {"booker_name", booking.booker_name},
          {"household_code", http::json_or_null(booking.household_code)},
          {"decision_note", http::json_or_null(booking.decision_note)},
          {"decided_at", http::time_or_null(booking.decided_ms)},
          {"created_at", format_iso8601(booking.created_ms)}};
}

Response bookings_response(const std::vector<Booking>& bookings) {
  boost::json::array items;
  for (const auto& booking : bookings) items.push_back(booking_json(booking));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

boost::json::value share(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return nullptr;
  return static_cast<double>(part) / static_cast<double>(whole);
}

// The rules of a room from a body; every field is required, as the form sends them all.
Result<Room> read_room(RequestContext& context, bool with_community) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  if (with_community) {
    reader.only({"community_id", "name", "kind", "capacity", "opens_minute", "closes_minute",
                 "slot_minutes", "max_minutes", "max_per_week", "advance_days", "open_to",
                 "needs_approval", "active", "description"});
  } else {
    reader.only({"name", "kind", "capacity", "opens_minute", "closes_minute", "slot_minutes",
                 "max_minutes", "max_per_week", "advance_days", "open_to", "needs_approval",
                 "active", "description"});
  }
  Room room;
  if (with_community)
    room.community_id = reader.integer("community_id", Need::required, 1).value_or(0);
  room.name = reader.text("name", Need::required, 40).value_or("");
  room.kind = reader.text("kind", Need::required, 20).value_or("");
  room.capacity = reader.amount("capacity", Need::required, 1, 500).value_or(0);
  room.opens_minute = reader.integer("opens_minute", Need::required, 0, 1440).value_or(0);
  room.closes_minute = reader.integer("closes_minute", Need::required, 0, 1440).value_or(0);
  room.slot_minutes = reader.integer("slot_minutes", Need::required, 15, 60).value_or(0);
  room.max_minutes = reader.integer("max_minutes", Need::required, 15, 720).value_or(0);
  room.max_per_week = reader.integer("max_per_week", Need::required, 1, 14).value_or(0);
  room.advance_days = reader.integer("advance_days", Need::required, 1, 60).value_or(0);
  room.open_to = reader.text("open_to", Need::required, 20).value_or("");
  room.needs_approval = reader.boolean("needs_approval", Need::required).value_or(false);
  room.active = reader.boolean("active", Need::optional).value_or(true);
  room.description = reader.text("description", Need::optional, 500).value_or("");
  if (!reader.ok()) return reader.error();
  return room;
}

Result<Response> rooms_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto community, context.community_param());
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto rooms, list_rooms(*lease, context.user(), community));
  boost::json::array items;
  for (const auto& room : rooms) items.push_back(room_json(room));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> create_room_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto room, read_room(context, true));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto created, create_room(*lease, context.user(), room));
  return http::json_response(201, room_json(created));
}

Result<Response> update_room_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto room, read_room(context, false));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto updated, update_room(*lease, context.user(), id, room));
  return http::json_response(200, room_json(updated));
}

Result<Response> schedule_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  std::int64_t now = now_epoch_ms();
  std::int64_t from = shanghai_midnight_ms(shanghai_day(now));
  if (auto day = context.request.query_param("from"); day && !day->empty()) {
    if (day->size() != 10) return bad_request("invalid_query", "from must be YYYY-MM-DD");
    GZ_ASSIGN_OR_RETURN(from, http::instant_or_day("from", *day));
  }
  GZ_ASSIGN_OR_RETURN(auto days, context.limit_param("days", 7, 31));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto found, schedule(*lease, context.user(), id, from,
                                           shanghai_midnight_ms(shanghai_day(from) + days)));
  boost::json::array items;
  for (const auto& booking : found.bookings) items.push_back(booking_json(booking));
  return http::json_response(200, boost::json::object{{"room", room_json(found.room)},
                                                      {"from", format_iso8601(from)},
                                                      {"items", std::move(items)}});
}

Result<Response> book_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"room_id", "starts_at", "ends_at", "purpose", "attendees", "household_id"});
  auto room = reader.integer("room_id", Need::required, 1);
  auto starts = reader.text("starts_at", Need::required, 40);
  auto ends = reader.text("ends_at", Need::required, 40);
  auto purpose = reader.text("purpose", Need::required, 200);
  auto attendees = reader.integer("attendees", Need::optional, 1, 500);
  auto household = reader.integer("household_id", Need::optional, 1);
  if (!reader.ok()) return reader.error();
  NewBooking input;
  input.household_id = household;
  input.room_id = *room;
  auto start_at = parse_iso8601(*starts);
  auto end_at = parse_iso8601(*ends);
  if (!start_at || !end_at) {
    return bad_request("invalid_time", "starts_at and ends_at must be ISO-8601 instants");
  }
  input.starts_ms = *start_at;
  input.ends_ms = *end_at;
  input.purpose = *purpose;
  input.attendees = attendees.value_or(1);
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto booked, book(*lease, context.user(), input, now_epoch_ms()));
  return http::json_response(201, booking_json(booked));
}

Result<Response> list_route(RequestContext& context) {
  BookingFilter filter;
  GZ_ASSIGN_OR_RETURN(auto community, context.int_query("community_id"));
  filter.community_id = community;
  if (auto status = context.request.query_param("status"); status && !status->empty()) {
    filter.status = *status;
  }
  for (const char* flag : {"mine", "upcoming"}) {
    auto value = context.request.query_param(flag);
    if (!value || value->empty()) continue;
    if (*value != "true" && *value != "false") {
      return bad_request("invalid_query", std::string(flag) + " must be true or false");
    }
    (std::string(flag) == "mine" ? filter.mine : filter.upcoming) = *value == "true";
  }
  GZ_ASSIGN_OR_RETURN(filter.limit, context.limit_param("limit", 100, 500));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto found, list_bookings(*lease, context.user(), filter, now_epoch_ms()));
  return bookings_response(found);
}

Result<Response> cancel_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object_or_empty());
  http::JsonReader reader(body);
  reader.only({"reason"});
  auto reason = reader.text("reason", Need::optional, 200);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto cancelled,
                      cancel(*lease, context.user(), id, reason.value_or(""), now_epoch_ms()));
  return http::json_response(200, booking_json(cancelled));
}

Result<Response> decision_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"approve", "note"});
  auto approve = reader.boolean("approve", Need::required);
  auto note = reader.text("note", Need::optional, 200);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto decided, decide(*lease, context.user(), id, *approve, note.value_or(""),
                                           now_epoch_ms()));
  return http::json_response(200, booking_json(decided));
}

Result<Response> use_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto community, context.community_param());
  std::string label = context.request.query_param("period").value_or(quarter_of(now_epoch_ms()));
  auto period = Period::parse(label);
  if (!period) return bad_request("invalid_query", "period must be like 2026Q4, 2026 or 2026-11");
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto use, room_use(*lease, context.user(), community, *period));
  boost::json::array rooms;
  for (const auto& room : use.rooms) {
    rooms.push_back(
        boost::json::object{{"room_id", room.room_id},
                            {"room_name", room.room_name},
                            {"open_minutes", room.open_minutes},
                            {"booked_minutes", room.booked_minutes},
                            {"utilization", share(room.booked_minutes, room.open_minutes)},
                            {"bookings", room.bookings},
                            {"households", room.households}});
  }
  return http::json_response(
      200, boost::json::object{{"community_id", use.community_id},
                               {"period", use.period},
                               {"open_minutes", use.open_minutes},
                               {"booked_minutes", use.booked_minutes},
                               {"utilization", share(use.booked_minutes, use.open_minutes)},
                               {"bookings", use.bookings},
                               {"households", use.households},
                               {"rooms", std::move(rooms)}});
}

}  // namespace

void register_routes(http::Router& router) {
  using http::Access;
  constexpr const char* kRoomExample =
      R"({"community_id":1,"name":"社区活动室","kind":"activity_room","capacity":30,"opens_minute":480,"closes_minute":1260,"slot_minutes":30,"max_minutes":180,"max_per_week":2,"advance_days":14,"open_to":"residents","needs_approval":false,"description":"一楼，有投影"})";
  router.add({"GET",
              "/api/v1/rooms",
              Access::login,
              rooms_route,
              {"The community's rooms with their booking rules", "bookings",
               "members of the community", "", "community_id"}});
  router.add({"POST",
              "/api/v1/rooms",
              Access::login,
              create_room_route,
              {"Add a room with its rules", "bookings", "staff, admin", kRoomExample, ""}});
  router.add(
      {"PUT",
       "/api/v1/rooms/{id}",
       Access::login,
       update_room_route,
       {"Change a room's rules (all fields)", "bookings", "staff, admin",
        R"({"name":"社区活动室","kind":"activity_room","capacity":30,"opens_minute":480,"closes_minute":1320,"slot_minutes":30,"max_minutes":180,"max_per_week":2,"advance_days":14,"open_to":"residents","needs_approval":false,"active":true,"description":"一楼，有投影"})",
        ""}});
  router.add({"GET",
              "/api/v1/rooms/use",
              Access::login,
              use_route,
              {"How much the rooms are used: approved hours booked / hours open, per room",
               "bookings", "guide, staff, street, admin", "", "community_id, period"}});
  router.add({"GET",
              "/api/v1/rooms/{id}/schedule",
              Access::login,
              schedule_route,
              {"A room's pending and approved bookings over days (others' without details)",
               "bookings", "members of the community", "", "from (YYYY-MM-DD), days (1-31)"}});
  router.add(
      {"POST",
       "/api/v1/bookings",
       Access::login,
       book_route,
       {"Book a room (approved at once, or pending when the room needs approval); 409 "
        "slot_taken, weekly_limit",
        "bookings", "resident, guide, staff, admin",
        R"({"room_id":1,"starts_at":"2026-12-09T14:00:00+08:00","ends_at":"2026-12-09T16:00:00+08:00","purpose":"楼栋议事会","attendees":12})",
        ""}});
  router.add({"GET",
              "/api/v1/bookings",
              Access::login,
              list_route,
              {"Bookings: the caller's (mine=true), or a community's for its officials", "bookings",
               "any logged-in user", "", "community_id, status, mine, upcoming, limit"}});
  router.add({"POST",
              "/api/v1/bookings/{id}/cancel",
              Access::login,
              cancel_route,
              {"Cancel a booking (the booker before it starts; staff with a reason)", "bookings",
               "the booker, staff, admin", R"({"reason":"活动改期"})", ""}});
  router.add({"POST",
              "/api/v1/bookings/{id}/decision",
              Access::login,
              decision_route,
              {"Approve or reject a pending booking (a reason to reject)", "bookings",
               "staff, admin", R"({"approve":false,"note":"该时段已安排社区活动"})", ""}});
}

}  // namespace gz::bookings
