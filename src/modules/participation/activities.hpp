// The use cases of activities and meetings (活动/议事会): creating them on a channel (the
// online deliberation hall defaults to 20:00-22:00), listing, residents' sign-ups against the
// capacity, attendance (named by staff, or by a resident with the activity's check-in code in
// its window) which pays points (points::post_awards) exactly once per resident and activity,
// and the minutes after a meeting. Every write is audited. Rules in rules.hpp, permissions in
// permissions.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/participation/rules.hpp"
#include "storage/database.hpp"

namespace gz::participation {

struct Activity {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  Kind kind = Kind::meeting;
  Channel channel = Channel::community;
  std::optional<std::int64_t> building_id;
  std::string title;
  std::string agenda;
  std::int64_t starts_ms = 0;
  std::int64_t ends_ms = 0;
  std::optional<std::int64_t> capacity;
  std::optional<std::string> video_url;  // the online hall's video meeting
  std::string checkin_code;              // shown to those who run activities only
  std::optional<std::string> minutes;
  std::optional<std::string> minutes_at;
  std::int64_t signups = 0;
  std::int64_t attendees = 0;
  std::int64_t attending_households = 0;
  // 社区主理人: a resident's own activity (hosting.hpp). Staff's activities have no host and
  // are approved from the start.
  std::optional<std::int64_t> host_user_id;
  std::optional<std::string> host_name;
  std::string status = "approved";  // proposed | approved | declined
  std::optional<std::int64_t> budget_fen;
  std::optional<std::int64_t> budget_plan_id;
  std::optional<std::string> budget_category;
  std::optional<std::string> decision_note;
  bool host_points_paid = false;
  // get_activity, for a resident: whether a member of their household has checked in.
  std::optional<bool> my_household_checked_in;
};

struct ActivityInput {
  std::int64_t community_id = 0;
  std::string kind;
  std::string channel;
  std::optional<std::int64_t> building_id;
  std::string title;
  std::string agenda;
  std::optional<std::int64_t> starts_ms;  // the online hall may leave both out
  std::optional<std::int64_t> ends_ms;
  std::optional<std::int64_t> capacity;
  std::optional<std::string> video_url;  // online hall only: an https:// link, ≤ 500 bytes
};

// No permission check (hosting.cpp loads it): the activity as stored.
std::optional<Activity> load_activity(storage::Connection& db, std::int64_t activity_id);

// A new activity's check-in code: six digits from the OS CSPRNG, short enough to read out at a
// meeting (staff's and hosts' activities alike).
std::string new_checkin_code();
// Whether the actor hosts this activity (its 社区主理人).
bool hosts(const Actor& actor, const Activity& activity);

// Staff, guides, admins. 400 invalid_kind, invalid_channel, missing_building (a building
// corner needs its building), invalid_time, invalid_capacity, invalid_video_url (not https,
// or on a channel other than the online hall); 404 unknown building.
Result<Activity> create_activity(storage::Connection& db, const Actor& actor,
                                 const ActivityInput& input, std::int64_t now_ms);

// Everyone of the community; newest first; from/to filter the start. A proposed or declined
// resident activity only to those who run activities and to its host.
Result<std::vector<Activity>> list_activities(storage::Connection& db, const Actor& actor,
                                              std::int64_t community_id,
                                              std::optional<std::int64_t> from_ms,
                                              std::optional<std::int64_t> to_ms);
Result<Activity> get_activity(storage::Connection& db, const Actor& actor,
                              std::int64_t activity_id);

struct Signup {
  std::int64_t activity_id = 0;
  std::int64_t resident_id = 0;
  std::string created_at;
};
// A resident of the community for a member of their household (resident_id, or the
// household's first member). 409 already_signed_up, activity_full, activity_ended.
Result<Signup> sign_up(storage::Connection& db, const Actor& actor, std::int64_t activity_id,
                       std::optional<std::int64_t> resident_id, std::int64_t now_ms);

// The sign-up sheet: organisers and the activity's host (names masked for the host, who is a
// neighbour); 403 for others of the community.
struct SignupView {
  std::int64_t resident_id = 0;
  std::string name;
  std::string signed_up_at;
  bool checked_in = false;
};
Result<std::vector<SignupView>> list_signups(storage::Connection& db, const Actor& actor,
                                             std::int64_t activity_id);

struct Attendance {
  std::int64_t resident_id = 0;
  std::int64_t points = 0;
  std::optional<std::int64_t> posting_id;
  std::string checked_in_at;
  bool already = false;  // an earlier check-in: nothing new was written
};
struct CheckinInput {
  std::vector<std::int64_t> resident_ids;   // staff: the residents present
  std::optional<std::string> code;          // residents: the code shown at the meeting
  std::optional<std::int64_t> resident_id;  // residents: a member of their household
};
// Staff/guides, and the activity's host, name residents (from 30 minutes before the start on);
// a resident gives the code (400 wrong_checkin_code; 409 checkin_closed outside the window).
// Each new attendance pays the activity's points rule once; a repeat is answered with
// already = true. 409 not_approved for an activity not (yet) approved.
Result<std::vector<Attendance>> check_in(storage::Connection& db, const Actor& actor,
                                         std::int64_t activity_id, const CheckinInput& input,
                                         std::int64_t now_ms);

// Staff, guides, admins and the host once the activity has ended (409 not_ended), once
// (409 minutes_recorded). A hosted activity with at least one attendee then pays its host the
// activity_host points, once.
Result<Activity> record_minutes(storage::Connection& db, const Actor& actor,
                                std::int64_t activity_id, const std::string& minutes,
                                std::int64_t now_ms);

// The background job's evening-before reminder: from 18:00 Shanghai, each activity starting
// the next day tells the accounts of the households signed up (activity.reminder), once,
// whichever server gets there first. Returns the activities reminded.
int send_reminders(storage::Connection& db, std::int64_t now_ms);

}  // namespace gz::participation
