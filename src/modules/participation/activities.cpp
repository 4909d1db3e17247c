// Activities, sign-ups, attendance with points, minutes; see activities.hpp.
#include "modules/participation/activities.hpp"

#include <boost/json.hpp>
#include <set>

#include "core/clock.hpp"
#include "core/codes.hpp"
#include "core/pii.hpp"
#include "modules/audit/audit.hpp"
#include "modules/notifications/notifications.hpp"
#include "modules/participation/permissions.hpp"
#include "modules/points/points.hpp"
#include "modules/registry/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::participation {
namespace {

constexpr const char* kColumns =
    "SELECT a.id, a.community_id, a.kind, a.channel, a.building_id, a.title, a.agenda, "
    "a.starts_ms, a.ends_ms, a.capacity, a.checkin_code, a.minutes, a.minutes_at, "
    "(SELECT COUNT(*) FROM activity_signups s WHERE s.activity_id = a.id), "
    "(SELECT COUNT(*) FROM activity_attendance t WHERE t.activity_id = a.id), "
    "(SELECT COUNT(DISTINCT t.household_id) FROM activity_attendance t WHERE t.activity_id = "
    "a.id), a.video_url, a.host_user_id, (SELECT COALESCE(u.display_name, u.username) FROM "
    "users u WHERE u.id = a.host_user_id), a.status, a.budget_fen, a.budget_plan_id, "
    "a.budget_category, a.decision_note, a.host_posting_id FROM activities a ";

Activity activity_from(const storage::Row& row) {
  Activity a;
  a.id = row.integer(0);
  a.community_id = row.integer(1);
  a.kind = parse_kind(row.text(2)).value_or(Kind::activity);
  a.channel = parse_channel(row.text(3)).value_or(Channel::community);
  a.building_id = row.opt_integer(4);
  a.title = row.text(5);
  a.agenda = row.text(6);
  a.starts_ms = row.integer(7);
  a.ends_ms = row.integer(8);
  a.capacity = row.opt_integer(9);
  a.checkin_code = row.text(10);
  a.minutes = row.opt_text(11);
  a.minutes_at = row.opt_text(12);
  a.signups = row.integer(13);
  a.attendees = row.integer(14);
  a.attending_households = row.integer(15);
  a.video_url = row.opt_text(16);
  a.host_user_id = row.opt_integer(17);
  a.host_name = row.opt_text(18);
  a.status = row.text(19);
  a.budget_fen = row.opt_integer(20);
  a.budget_plan_id = row.opt_integer(21);
  a.budget_category = row.opt_text(22);
  a.decision_note = row.opt_text(23);
  a.host_points_paid = !row.is_null(24);
  return a;
}

std::optional<Activity> load(storage::Connection& db, std::int64_t id) {
  auto row = db.query_one(std::string(kColumns) + "WHERE a.id = ?", {id});
  if (!row) return std::nullopt;
  return activity_from(*row);
}

// A proposed or declined resident activity is its host's and the organisers' business only.
bool may_see(const Actor& actor, const Activity& activity) {
  if (!actor.belongs_to(activity.community_id)) return false;
  return activity.status == "approved" || may_run_activities(actor, activity.community_id) ||
         hosts(actor, activity);
}

Result<Activity> visible(storage::Connection& db, const Actor& actor, std::int64_t id) {
  auto activity = load(db, id);
  if (!activity || !may_see(actor, *activity)) {
    return not_found("no activity " + std::to_string(id));
  }
  return *activity;
}

Result<void> require_approved(const Activity& activity) {
  if (activity.status != "approved") {
    return conflict("not_approved",
                    "this activity waits for the community's approval (活动尚未获批)");
  }
  return {};
}

// The minutes record who said what: masked for readers without personal-data rights. Titles
// and agendas are announcements staff publish to the community, contact numbers included.
Activity shown_to(const Actor& actor, Activity activity) {
  activity.minutes = pii::text_for(
      registry::permissions::personal_data_reader(actor, activity.community_id), activity.minutes);
  return activity;
}

// Sign-ups and check-ins of one activity take turns on PostgreSQL (the capacity count and
// the insert must see each other); SQLite's write transactions are serial already.
void lock_activity(storage::Connection& db, std::int64_t id) {
  if (db.dialect() != storage::Dialect::postgresql) return;
  db.query("SELECT id FROM activities WHERE id = ? FOR UPDATE", {id});
}

// The household's member the resident acts for: the one named (404 outside the household),
// or the household's first member.
Result<registry::ResidentRef> own_member(storage::Connection& db, const Actor& actor,
                                         std::optional<std::int64_t> resident_id) {
  if (resident_id) return registry::visible_resident(db, actor, *resident_id);
  auto row = db.query_one(
      "SELECT id, community_id, household_id, name FROM residents WHERE household_id = ? "
      "ORDER BY id LIMIT 1",
      {*actor.household_id});
  if (!row) return conflict("no_member", "your household has no registered member yet");
  return registry::ResidentRef{row->integer(0), row->integer(1), row->integer(2), row->text(3)};
}

// A resident signed up for the activity (the host's check-in names only them).
std::optional<registry::ResidentRef> signed_up_resident(storage::Connection& db,
                                                        std::int64_t activity_id,
                                                        std::int64_t resident_id) {
  auto row = db.query_one(
      "SELECT r.id, r.community_id, r.household_id, r.name FROM activity_signups s JOIN "
      "residents r ON r.id = s.resident_id WHERE s.activity_id = ? AND s.resident_id = ?",
      {activity_id, resident_id});
  if (!row) return std::nullopt;
  return registry::ResidentRef{row->integer(0), row->integer(1), row->integer(2), row->text(3)};
}

// Writes one attendance and its points posting in the caller's transaction. The primary key
// (activity, resident) makes the check-in and so the award happen once.
Result<Attendance> attend(storage::Connection& db, const Actor& actor, const Activity& activity,
                          const registry::ResidentRef& resident, const char* method,
                          std::int64_t now_ms) {
  Attendance out;
  out.resident_id = resident.id;
  if (auto existing = db.query_one(
          "SELECT points, posting_id, checked_in_at FROM activity_attendance WHERE activity_id "
          "= ? AND resident_id = ?",
          {activity.id, resident.id})) {
    out.points = existing->integer(0);
    out.posting_id = existing->opt_integer(1);
    out.checked_in_at = existing->text(2);
    out.already = true;
    return out;
  }
  out.checked_in_at = format_iso8601(now_ms);
  if (auto due = points_for(activity.kind, activity.starts_ms, activity.ends_ms)) {
    // The points' own award, without its "staff and guides award" check: attending is what
    // earns them here, whoever records it. A community without the rule, or a volunteer stint
    // too short to earn a whole point, still counts as attendance.
    auto posted = points::post_awards(db, actor,
                                      {{resident.id, due->rule, due->quantity,
                                        "activity:" + std::to_string(activity.id), activity.title}},
                                      now_ms);
    if (posted) {
      out.points = posted->front().amount;
      out.posting_id = posted->front().id;
    } else if (posted.error().code != "unknown_rule" && posted.error().code != "too_little") {
      return posted.take_error();
    }
  }
  db.execute(
      "INSERT INTO activity_attendance (activity_id, community_id, resident_id, household_id, "
      "method, posting_id, points, checked_in_ms, checked_in_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
      "?)",
      {activity.id, activity.community_id, resident.id, resident.household_id, std::string(method),
       storage::opt_int(out.posting_id), out.points, now_ms, out.checked_in_at});
  boost::json::object change{{"activity_id", activity.id},
                             {"resident_id", resident.id},
                             {"method", method},
                             {"points", out.points}};
  audit::append(db, actor,
                {activity.community_id, "activity.check_in", "activity",
                 std::to_string(activity.id), change});
  return out;
}

}  // namespace

std::string new_checkin_code() {
  return codes::draw(6, "0123456789");
}

std::optional<Activity> load_activity(storage::Connection& db, std::int64_t activity_id) {
  return load(db, activity_id);
}

bool hosts(const Actor& actor, const Activity& activity) {
  return activity.host_user_id && *activity.host_user_id == actor.user_id &&
         actor.is(Role::resident);
}

Result<Activity> create_activity(storage::Connection& db, const Actor& actor,
                                 const ActivityInput& input, std::int64_t now_ms) {
  GZ_TRY(registry::require_member(db, actor, input.community_id));
  if (!may_run_activities(actor, input.community_id)) {
    return forbidden("only staff and guides of the community run activities");
  }
  auto kind = parse_kind(input.kind);
  if (!kind) {
    return bad_request("invalid_kind",
                       "kind must be meeting, activity, volunteer or skill_sharing");
  }
  auto channel = parse_channel(input.channel.empty() ? "community" : input.channel);
  if (!channel) {
    return bad_request("invalid_channel",
                       "channel must be online_hall, building_corner, tenant_reps or community");
  }
  if (input.title.empty()) return bad_request("invalid_field", "title is required");
  if (*channel == Channel::building_corner && !input.building_id) {
    return bad_request("missing_building", "a building corner (楼栋议事角) needs building_id");
  }
  if (input.building_id && !db.query_one("SELECT id FROM buildings WHERE id = ? AND "
                                         "community_id = ?",
                                         {*input.building_id, input.community_id})) {
    return not_found("no building " + std::to_string(*input.building_id));
  }
  Window window;
  if (!input.starts_ms && !input.ends_ms && *channel == Channel::online_hall) {
    window = online_hall_evening(now_ms);
    if (window.ends_ms <= now_ms) window = online_hall_evening(now_ms + kDayMs);
  } else if (input.starts_ms && input.ends_ms) {
    window = {*input.starts_ms, *input.ends_ms};
  } else if (input.starts_ms) {
    window = {*input.starts_ms, *input.starts_ms + 2 * kHourMs};
  } else {
    return bad_request("invalid_time",
                       "starts_at is required (only the online hall has a default)");
  }
  if (window.ends_ms <= window.starts_ms || window.ends_ms - window.starts_ms > 24 * kHourMs) {
    return bad_request("invalid_time", "ends_at must be after starts_at, within 24 hours");
  }
  if (input.capacity && (*input.capacity < 1 || *input.capacity > 100000)) {
    return bad_request("invalid_capacity", "capacity must be 1-100000");
  }
  if (input.video_url && (*channel != Channel::online_hall || input.video_url->size() > 500 ||
                          input.video_url->rfind("https://", 0) != 0 ||
                          input.video_url->find_first_of(" \"<>\n\r\t") != std::string::npos)) {
    return bad_request("invalid_video_url",
                       "video_url is an https:// link of the online hall's video meeting "
                       "(线上议事厅的视频会议链接须以 https:// 开头)");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Activity> {
    std::string code = new_checkin_code();
    std::int64_t id =
        db.query_one(
              "INSERT INTO activities (community_id, kind, channel, building_id, title, agenda, "
              "starts_ms, ends_ms, capacity, checkin_code, created_by_user_id, created_at, "
              "video_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {input.community_id, std::string(kind_name(*kind)),
               std::string(channel_name(*channel)), storage::opt_int(input.building_id),
               input.title, input.agenda, window.starts_ms, window.ends_ms,
               storage::opt_int(input.capacity), code, actor.user_id, now_iso8601(),
               storage::opt_text(input.video_url)})
            ->integer(0);
    boost::json::object change{{"kind", kind_name(*kind)},
                               {"channel", channel_name(*channel)},
                               {"title", input.title},
                               {"starts_at", format_iso8601(window.starts_ms)},
                               {"ends_at", format_iso8601(window.ends_ms)}};
    audit::append(db, actor,
                  {input.community_id, "activity.create", "activity", std::to_string(id), change});
    // The community (or the building, for its corner) hears of it: robots and SMS opt-ins.
    notifications::Event event;
    event.community_id = input.community_id;
    event.kind = "activity.published";
    event.subject_type = "activity";
    event.subject_id = std::to_string(id);
    event.broadcast = true;
    if (input.building_id) event.building = std::to_string(*input.building_id);
    std::string starts = format_iso8601(window.starts_ms).substr(0, 16);
    starts[10] = ' ';
    event.data = {{"title", input.title}, {"starts", starts}};
    notifications::record(db, event, now_ms);
    return *load(db, id);
  });
}

Result<std::vector<Activity>> list_activities(storage::Connection& db, const Actor& actor,
                                              std::int64_t community_id,
                                              std::optional<std::int64_t> from_ms,
                                              std::optional<std::int64_t> to_ms) {
  if (community_id < 1 || !actor.belongs_to(community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  std::vector<Activity> out;
  for (const auto& row :
       db.query(std::string(kColumns) +
                    "WHERE a.community_id = ? AND a.starts_ms >= ? AND a.starts_ms < ? ORDER BY "
                    "a.starts_ms DESC, a.id DESC LIMIT 500",
                {community_id, from_ms.value_or(INT64_MIN), to_ms.value_or(INT64_MAX)})) {
    auto activity = activity_from(row);
    if (!may_see(actor, activity)) continue;
    out.push_back(shown_to(actor, std::move(activity)));
  }
  return out;
}

Result<Activity> get_activity(storage::Connection& db, const Actor& actor,
                              std::int64_t activity_id) {
  auto activity = visible(db, actor, activity_id);
  if (!activity) return activity;
  if (actor.is(Role::resident) && actor.household_id) {
    activity->my_household_checked_in =
        db.query_one(
              "SELECT resident_id FROM activity_attendance WHERE activity_id = ? AND "
              "household_id = ? LIMIT 1",
              {activity_id, *actor.household_id})
            .has_value();
  }
  return shown_to(actor, *activity);
}

Result<Signup> sign_up(storage::Connection& db, const Actor& actor, std::int64_t activity_id,
                       std::optional<std::int64_t> resident_id, std::int64_t now_ms) {
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Signup> {
    lock_activity(db, activity_id);
    auto activity = visible(db, actor, activity_id);
    if (!activity) return activity.take_error();
    if (!is_resident_of(actor, activity->community_id)) {
      return forbidden("residents sign up for themselves; staff record attendance instead");
    }
    GZ_TRY(require_approved(*activity));
    auto resident = own_member(db, actor, resident_id);
    if (!resident) return resident.take_error();
    if (!signup_open(Window{activity->starts_ms, activity->ends_ms}, now_ms)) {
      return conflict("activity_ended", "this activity is over");
    }
    if (db.query_one("SELECT resident_id FROM activity_signups WHERE activity_id = ? AND "
                     "resident_id = ?",
                     {activity_id, resident->id})) {
      return conflict("already_signed_up", "this resident has signed up already");
    }
    if (activity->capacity && activity->signups >= *activity->capacity) {
      return conflict("activity_full", "all " + std::to_string(*activity->capacity) +
                                           " places are taken (名额已满)");
    }
    Signup signup{activity_id, resident->id, format_iso8601(now_ms)};
    db.execute(
        "INSERT INTO activity_signups (activity_id, community_id, resident_id, household_id, "
        "user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        {activity_id, activity->community_id, resident->id, resident->household_id, actor.user_id,
         signup.created_at});
    audit::append(
        db, actor,
        {activity->community_id, "activity.sign_up", "activity", std::to_string(activity_id),
         boost::json::object{{"resident_id", resident->id}}});
    return signup;
  });
}

Result<std::vector<Attendance>> check_in(storage::Connection& db, const Actor& actor,
                                         std::int64_t activity_id, const CheckinInput& input,
                                         std::int64_t now_ms) {
  // A resident's code check-in spends one of kCheckinAttemptsMax attempts first, in its own
  // committed write, so that a wrong code (whose check-in rolls back) still counts and a
  // thousand guesses at once get no more than their share of comparisons; a correct code
  // clears the count. Staff's check-ins by name spend none.
  if (input.code && actor.is(Role::resident)) {
    auto activity = visible(db, actor, activity_id);
    if (!activity) return activity.take_error();
    auto attempts = db.query_one(
        "INSERT INTO checkin_attempts (activity_id, user_id, community_id, attempts) VALUES "
        "(?, ?, ?, 1) ON CONFLICT (activity_id, user_id) DO UPDATE SET attempts = "
        "checkin_attempts.attempts + 1 RETURNING attempts",
        {activity_id, actor.user_id, activity->community_id});
    if (attempts && attempts->integer(0) > kCheckinAttemptsMax) {
      return make_error(ErrorKind::too_many_requests, "too_many_attempts",
                        "too many wrong check-in codes for this activity; ask the staff at the "
                        "meeting to check you in (签到码错误次数过多，请工作人员代为签到)");
    }
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<std::vector<Attendance>> {
    lock_activity(db, activity_id);
    auto activity = visible(db, actor, activity_id);
    if (!activity) return activity.take_error();
    GZ_TRY(require_approved(*activity));
    Window window{activity->starts_ms, activity->ends_ms};
    std::vector<Attendance> out;
    if (may_run_activities(actor, activity->community_id) || hosts(actor, *activity)) {
      if (input.resident_ids.empty()) {
        return bad_request("missing_field", "resident_ids names the residents present");
      }
      if (!staff_checkin_open(window, now_ms)) {
        return conflict("checkin_closed",
                        "attendance can be recorded from 30 minutes before "
                        "the start");
      }
      std::set<std::int64_t> seen;
      bool organiser = may_run_activities(actor, activity->community_id);
      for (std::int64_t id : input.resident_ids) {
        if (!seen.insert(id).second) continue;
        // The host checks in those who signed up for it; organisers anyone of the community.
        std::optional<registry::ResidentRef> resident;
        if (organiser) {
          if (auto found = registry::visible_resident(db, actor, id)) resident = *found;
        } else {
          resident = signed_up_resident(db, activity->id, id);
        }
        if (!resident || resident->community_id != activity->community_id) {
          return not_found("no resident " + std::to_string(id) + " signed up here");
        }
        auto attendance = attend(db, actor, *activity, *resident, "staff", now_ms);
        if (!attendance) return attendance.take_error();
        out.push_back(*attendance);
      }
      return out;
    }
    if (!is_resident_of(actor, activity->community_id)) {
      return forbidden("only residents check themselves in, with the code");
    }
    if (!input.code || input.code->empty()) {
      return bad_request("missing_field",
                         "code (the check-in code shown at the meeting) is "
                         "required");
    }
    if (!self_checkin_open(window, now_ms)) {
      return conflict("checkin_closed",
                      "check-in opens 30 minutes before the start and closes "
                      "an hour after the end");
    }
    if (*input.code != activity->checkin_code) {
      return bad_request("wrong_checkin_code",
                         "the check-in code is not this activity's (签到码错误)");
    }
    db.execute("DELETE FROM checkin_attempts WHERE activity_id = ? AND user_id = ?",
               {activity_id, actor.user_id});
    auto resident = own_member(db, actor, input.resident_id);
    if (!resident) return resident.take_error();
    auto attendance = attend(db, actor, *activity, *resident, "code", now_ms);
    if (!attendance) return attendance.take_error();
    out.push_back(*attendance);
    return out;
  });
}

Result<Activity> record_minutes(storage::Connection& db, const Actor& actor,
                                std::int64_t activity_id, const std::string& minutes,
                                std::int64_t now_ms) {
  if (minutes.empty()) return bad_request("invalid_field", "minutes are required");
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Activity> {
    auto activity = visible(db, actor, activity_id);
    if (!activity) return activity.take_error();
    if (!may_run_activities(actor, activity->community_id) && !hosts(actor, *activity)) {
      return forbidden("only staff, guides and the activity's host record minutes");
    }
    if (now_ms < activity->ends_ms) {
      return conflict("not_ended", "minutes are recorded after the meeting ends");
    }
    if (db.execute("UPDATE activities SET minutes = ?, minutes_at = ? WHERE id = ? AND minutes "
                   "IS NULL",
                   {minutes, format_iso8601(now_ms), activity_id}) != 1) {
      return conflict("minutes_recorded", "this activity has its minutes");
    }
    audit::append(db, actor,
                  {activity->community_id, "activity.minutes", "activity",
                   std::to_string(activity_id), boost::json::object{{"minutes", minutes}}});
    // The host of an activity people came to earns the activity_host points, once.
    if (activity->host_user_id && activity->attendees > 0 && !activity->host_points_paid) {
      auto host = db.query_one(
          "SELECT COALESCE(u.resident_id, (SELECT r.id FROM residents r WHERE r.household_id = "
          "u.household_id ORDER BY r.id LIMIT 1)) FROM users u WHERE u.id = ?",
          {*activity->host_user_id});
      if (host && !host->is_null(0)) {
        auto posted =
            points::post_awards(db, actor,
                                {{host->integer(0), "activity_host", 1,
                                  "activity_host:" + std::to_string(activity_id), activity->title}},
                                now_ms);
        if (posted) {
          db.execute("UPDATE activities SET host_posting_id = ? WHERE id = ?",
                     {posted->front().id, activity_id});
        } else if (posted.error().code != "unknown_rule") {
          return posted.take_error();
        }
      }
    }
    return shown_to(actor, *load(db, activity_id));
  });
}

Result<std::vector<SignupView>> list_signups(storage::Connection& db, const Actor& actor,
                                             std::int64_t activity_id) {
  auto activity = visible(db, actor, activity_id);
  if (!activity) return activity.take_error();
  bool organiser = may_run_activities(actor, activity->community_id);
  if (!organiser && !hosts(actor, *activity)) {
    return forbidden("the sign-up sheet is for those who run the activity");
  }
  std::vector<SignupView> out;
  for (const auto& row : db.query(
           "SELECT s.resident_id, r.name, s.created_at, (SELECT COUNT(*) FROM activity_attendance "
           "t WHERE t.activity_id = s.activity_id AND t.resident_id = s.resident_id) FROM "
           "activity_signups s JOIN residents r ON r.id = s.resident_id WHERE s.activity_id = ? "
           "ORDER BY s.created_at, s.resident_id",
           {activity_id})) {
    // The host is a neighbour: the surname and a mask, enough to call the sheet.
    out.push_back({row.integer(0), organiser ? row.text(1) : pii::mask_name(row.text(1)),
                   row.text(2), row.integer(3) > 0});
  }
  return out;
}

int send_reminders(storage::Connection& db, std::int64_t now_ms) {
  if (shanghai_ms_of_day(now_ms) < 18 * kHourMs) return 0;
  std::int64_t tomorrow = shanghai_midnight_ms(shanghai_day(now_ms) + 1);
  int reminded = 0;
  for (const auto& row : db.query(
           "SELECT a.id FROM activities a WHERE a.starts_ms >= ? AND a.starts_ms < ? AND a.status "
           "= 'approved' AND NOT EXISTS (SELECT 1 FROM activity_reminders r WHERE r.activity_id = "
           "a.id) ORDER BY a.id",
           {tomorrow, tomorrow + kDayMs})) {
    std::int64_t id = row.integer(0);
    storage::with_transaction(db, storage::TxMode::write, [&] {
      // The claim: a second server's insert finds the row and does nothing.
      if (db.execute("INSERT INTO activity_reminders (activity_id, sent_ms) VALUES (?, ?) ON "
                     "CONFLICT (activity_id) DO NOTHING",
                     {id, now_ms}) != 1) {
        return;
      }
      auto activity = load(db, id);
      if (!activity) return;
      notifications::Event event;
      event.community_id = activity->community_id;
      event.kind = "activity.reminder";
      event.subject_type = "activity";
      event.subject_id = std::to_string(id);
      for (const auto& user : db.query(
               "SELECT DISTINCT u.id FROM activity_signups s JOIN users u ON u.household_id = "
               "s.household_id AND u.role = 'resident' AND u.disabled = 0 WHERE s.activity_id = ? "
               "ORDER BY u.id",
               {id})) {
        event.recipients.push_back(user.integer(0));
      }
      if (event.recipients.empty()) return;
      std::string starts = format_iso8601(activity->starts_ms).substr(0, 16);
      starts[10] = ' ';
      event.data = {{"title", activity->title}, {"starts", starts}};
      notifications::record(db, event, now_ms);
      ++reminded;
    });
  }
  return reminded;
}

}  // namespace gz::participation
