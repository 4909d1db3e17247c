// The demo request history on real SQLite files: a year of requests for the default
// community with plausible volumes, channels, seasons and rates; every row is what the
// commands would have written (triage, deadlines, tracking codes, a status the workflow
// reaches by replaying the events, ordered timestamps, escalations as the job makes them);
// everything is in a valid audit chain; and the same seed gives the same rows.
#include "modules/requests/demo.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/registry/demo.hpp"
#include "modules/requests/calendar_store.hpp"
#include "modules/requests/requests.hpp"
#include "modules/requests/sla.hpp"
#include "modules/requests/tracking_code.hpp"
#include "modules/requests/triage.hpp"
#include "storage/migrate.hpp"
#include "storage/temp_database.hpp"

namespace gz::requests {
namespace {

constexpr std::int64_t kYearMs = 365 * kDayMs;
constexpr std::uint64_t kSeed = 20261129;

using storage::TempDatabase;

std::vector<std::string> dump(storage::Connection& db, const std::string& sql) {
  return storage::dump_rows(db, sql);
}

// The default demo community with its year of requests, shared by the read-only tests.
class DemoRequests : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = new TempDatabase();
    auto registry = registry::generate_demo(db(), registry::DemoOptions{});
    community_id_ = registry.community_ids.front();
    const auto started = std::chrono::steady_clock::now();
    summary_ = generate_demo_requests(db(), community_id_, kSeed, kDemoAsOfMs);
    elapsed_ms_ = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
    std::cout << "[ demo     ] " << summary_.requests << " requests, " << summary_.events
              << " events, " << summary_.open << " open, " << summary_.overdue << " overdue, "
              << summary_.rated << " rated in " << elapsed_ms_ << " ms\n";
  }
  static void TearDownTestSuite() {
    delete database_;
    database_ = nullptr;
  }
  static storage::Connection& db() { return database_->connection(); }
  static std::int64_t count(const std::string& sql) { return db().query_int(sql); }
  static double share(const std::string& where) {
    return static_cast<double>(count("SELECT COUNT(*) FROM requests WHERE " + where)) /
           static_cast<double>(count("SELECT COUNT(*) FROM requests"));
  }

  static TempDatabase* database_;
  static std::int64_t community_id_;
  static DemoRequestsSummary summary_;
  static std::int64_t elapsed_ms_;
};
TempDatabase* DemoRequests::database_ = nullptr;
std::int64_t DemoRequests::community_id_ = 0;
DemoRequestsSummary DemoRequests::summary_;
std::int64_t DemoRequests::elapsed_ms_ = 0;

TEST_F(DemoRequests, counts_are_a_year_of_a_community_of_4500_households) {
  EXPECT_GE(summary_.requests, 2500);
  EXPECT_LE(summary_.requests, 3500);
  // The summary tells the truth about the tables.
  EXPECT_EQ(count("SELECT COUNT(*) FROM requests"), summary_.requests);
  EXPECT_EQ(count("SELECT COUNT(*) FROM request_events"), summary_.events);
  EXPECT_EQ(count("SELECT COUNT(*) FROM requests WHERE rating IS NOT NULL"), summary_.rated);
  EXPECT_EQ(count("SELECT COUNT(*) FROM requests WHERE overdue_response = 1 OR "
                  "overdue_resolution = 1"),
            summary_.overdue);
  EXPECT_EQ(count("SELECT COUNT(*) FROM requests WHERE status IN ('submitted', 'accepted', "
                  "'assigned', 'in_progress', 'reopened')"),
            summary_.open);
  // Within the year before as_of, all of one community.
  EXPECT_EQ(count("SELECT COUNT(*) FROM requests WHERE received_ms < " +
                  std::to_string(kDemoAsOfMs - kYearMs) +
                  " OR received_ms >= " + std::to_string(kDemoAsOfMs)),
            0);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM requests WHERE community_id <> " + std::to_string(community_id_)),
      0);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM request_events WHERE at_ms > " + std::to_string(kDemoAsOfMs)), 0);
  // About 60% of the resolved cases are rated.
  const double rated = static_cast<double>(summary_.rated) /
                       count(
                           "SELECT COUNT(*) FROM requests WHERE resolved_ms IS NOT NULL OR "
                           "rating IS NOT NULL");
  EXPECT_GE(rated, 0.55);
  EXPECT_LE(rated, 0.70);
}

TEST_F(DemoRequests, channels_and_categories_have_plausible_shares) {
  EXPECT_NEAR(share("channel = 'app'"), 0.45, 0.05);
  EXPECT_NEAR(share("channel = 'phone'"), 0.25, 0.04);
  EXPECT_NEAR(share("channel = 'counter'"), 0.12, 0.03);
  EXPECT_NEAR(share("channel = 'building_corner'"), 0.10, 0.03);
  EXPECT_NEAR(share("channel = 'web'"), 0.08, 0.03);
  // The counter is open on working days only.
  auto calendar = current_calendar(db());
  for (const auto& row : db().query("SELECT received_ms FROM requests WHERE channel = 'counter'")) {
    EXPECT_TRUE(calendar->is_workday(shanghai_day(row.integer(0))));
  }
  // The common categories are common and the emergencies rare.
  for (const char* common : {"sanitation", "public_facility", "parking", "noise", "water_leak"}) {
    EXPECT_GE(share(std::string("category = '") + common + "'"), 0.06) << common;
  }
  for (const char* rare : {"gas_leak", "elderly_unreachable"}) {
    EXPECT_GT(share(std::string("category = '") + rare + "'"), 0.0) << rare;
    EXPECT_LT(share(std::string("category = '") + rare + "'"), 0.01) << rare;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM requests r WHERE NOT EXISTS (SELECT 1 FROM "
                  "request_categories c WHERE c.code = r.category)"),
            0);
}

TEST_F(DemoRequests, seasons_show_in_the_categories_and_the_volume) {
  // Counts by Shanghai month (1..12) of one category.
  auto by_month = [&](const std::string& category) {
    std::map<int, int> months;
    for (const auto& row :
         db().query("SELECT received_ms FROM requests WHERE category = ?", {category})) {
      int year = 0;
      unsigned month = 0;
      unsigned day = 0;
      civil_from_days(shanghai_day(row.integer(0)), year, month, day);
      ++months[static_cast<int>(month)];
    }
    return months;
  };
  auto heating = by_month("heating");
  EXPECT_GT(heating[12] + heating[1] + heating[2], 10 * (heating[6] + heating[7] + heating[8] + 1));
  auto leaks = by_month("water_leak");
  EXPECT_GT(leaks[6] + leaks[7], 2 * (leaks[12] + leaks[1]));
  auto noise = by_month("noise");
  EXPECT_GT(noise[7] + noise[8], 2 * (noise[1] + noise[2]) * 0.9);
  // Spring Festival (2026-02-15..23) is quieter per day than the year's average.
  const std::int64_t festival_from = *parse_iso8601("2026-02-15T00:00:00+08:00");
  const std::int64_t festival_to = *parse_iso8601("2026-02-24T00:00:00+08:00");
  const double festival_per_day =
      count("SELECT COUNT(*) FROM requests WHERE received_ms >= " + std::to_string(festival_from) +
            " AND received_ms < " + std::to_string(festival_to)) /
      9.0;
  EXPECT_LT(festival_per_day, 0.6 * summary_.requests / 365.0);
  // Some arrive in the evening, at weekends and on holidays.
  auto calendar = current_calendar(db());
  int evenings = 0;
  int days_off = 0;
  for (const auto& row : db().query("SELECT received_ms FROM requests")) {
    const std::int64_t local_hour = ((row.integer(0) / 1000 + 8 * 3600) % 86400) / 3600;
    evenings += local_hour >= 18;
    days_off += !calendar->is_workday(shanghai_day(row.integer(0)));
  }
  EXPECT_GT(evenings, summary_.requests / 10);
  EXPECT_GT(days_off, summary_.requests / 8);
}

TEST_F(DemoRequests, requests_come_from_real_households_of_the_community) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM requests r LEFT JOIN households h ON h.id = "
                  "r.household_id WHERE h.id IS NULL OR h.community_id <> r.community_id"),
            0);
  // App and web: the resident themselves (a login of that household, or none in the demo).
  EXPECT_EQ(count("SELECT COUNT(*) FROM requests r JOIN users u ON u.id = r.submitted_by_user_id "
                  "WHERE r.channel IN ('app', 'web') AND (u.role <> 'resident' OR "
                  "u.household_id <> r.household_id)"),
            0);
  EXPECT_GT(count("SELECT COUNT(*) FROM requests r JOIN users u ON u.id = "
                  "r.submitted_by_user_id WHERE u.username = 'resident'"),
            0);
  // Phone, counter and building corner: entered by staff or a guide of the community.
  EXPECT_EQ(count("SELECT COUNT(*) FROM requests r LEFT JOIN users u ON u.id = "
                  "r.submitted_by_user_id WHERE r.channel IN ('phone', 'counter', "
                  "'building_corner') AND (u.id IS NULL OR u.role NOT IN ('staff', 'guide'))"),
            0);
  // Whoever called is a member of the household.
  EXPECT_EQ(count("SELECT COUNT(*) FROM requests r WHERE r.contact_name IS NOT NULL AND NOT "
                  "EXISTS (SELECT 1 FROM residents p WHERE p.household_id = r.household_id AND "
                  "p.name = r.contact_name)"),
            0);
  // Texts are filled in and within the limit.
  for (const auto& row : db().query("SELECT description, location FROM requests")) {
    const std::string& description = row.text(0);
    EXPECT_FALSE(description.empty());
    EXPECT_LT(description.size(), 2000u * 3);
    EXPECT_EQ(description.find('{'), std::string::npos) << description;
    if (auto location = row.opt_text(1)) {
      EXPECT_EQ(location->find('{'), std::string::npos) << *location;
    }
  }
}

TEST_F(DemoRequests, priorities_and_deadlines_are_what_submit_would_compute) {
  std::vector<TriageRule> rules;
  for (const auto& row : db().query("SELECT keyword, priority, note FROM triage_rules WHERE "
                                    "community_id IN (0, ?) ORDER BY id",
                                    {community_id_})) {
    rules.push_back({row.text(0), *parse_priority(row.text(1)), row.text(2)});
  }
  auto calendar = current_calendar(db());
  std::map<Priority, int> priorities;
  int by_rule = 0;
  for (const auto& row : db().query(
           "SELECT r.category, r.description, r.priority, r.priority_source, r.triage_note, "
           "r.received_ms, r.response_due_ms, r.resolution_due_ms, e.actor_role FROM requests r "
           "JOIN request_events e ON e.request_id = r.id AND e.action = 'submit'")) {
    auto category = find_category(db(), community_id_, row.text(0));
    ASSERT_TRUE(category) << row.text(0);
    const bool staff_entry = row.text(8) != "resident";
    TriageDecision expected = triage(
        {category->default_priority, category->name_zh, row.text(1), std::nullopt, staff_entry},
        rules);
    ASSERT_EQ(priority_name(expected.priority), row.text(2)) << row.text(1);
    EXPECT_EQ(expected.source, row.text(3));
    EXPECT_EQ(expected.note, row.text(4));
    const std::int64_t received = row.integer(5);
    EXPECT_EQ(row.integer(6), response_due_ms(expected.priority, received, *calendar));
    EXPECT_EQ(row.integer(7),
              resolution_due_ms(expected.priority, category->resolution_working_days, received,
                                *calendar));
    ++priorities[expected.priority];
    by_rule += expected.source == "rule";
  }
  EXPECT_GT(priorities[Priority::red], 0);
  EXPECT_GT(priorities[Priority::yellow], 0);
  EXPECT_GT(priorities[Priority::blue], priorities[Priority::yellow]);
  EXPECT_GT(by_rule, 0);  // e.g. someone trapped in a lift
}

TEST_F(DemoRequests, tracking_codes_are_valid_and_unique) {
  std::set<std::string> codes;
  for (const auto& row : db().query("SELECT tracking_code FROM requests")) {
    auto normalized = normalize_tracking_code(row.text(0));
    ASSERT_TRUE(normalized) << row.text(0);
    EXPECT_EQ(*normalized, row.text(0));
    EXPECT_TRUE(codes.insert(row.text(0)).second) << row.text(0);
  }
  EXPECT_EQ(static_cast<int>(codes.size()), summary_.requests);
}

// Replays each request's events through the workflow from 'submitted': every transition is
// one the workflow allows to that role, and it ends where the row says, with the row's
// response, resolution and closing times and version.
TEST_F(DemoRequests, events_replay_through_the_workflow_to_the_stored_row) {
  struct Row {
    Status status;
    std::int64_t received, created;
    std::optional<std::int64_t> responded, resolved, closed, rating, duplicate_of;
    std::int64_t version;
  };
  std::map<std::int64_t, Row> rows;
  for (const auto& row : db().query(
           "SELECT id, status, received_ms, created_at, responded_ms, resolved_ms, closed_ms, "
           "rating, version, duplicate_of FROM requests")) {
    auto created = parse_iso8601(row.text(3));
    ASSERT_TRUE(created);
    rows[row.integer(0)] = {*parse_status(row.text(1)), row.integer(2),     *created,
                            row.opt_integer(4),         row.opt_integer(5), row.opt_integer(6),
                            row.opt_integer(7),         row.opt_integer(9), row.integer(8)};
  }
  struct State {
    Status status = Status::submitted;
    std::optional<std::int64_t> responded, resolved, closed;
    std::int64_t version = 1;
    std::int64_t last_ms = 0;
    bool submitted = false;
    Referral referral = Referral::none;  // the case's open referral to the street
  };
  std::map<std::int64_t, State> states;
  std::map<std::string, int> actions;
  std::int64_t previous_ms = 0;
  for (const auto& event :
       db().query("SELECT request_id, at_ms, actor_role, action, from_status, to_status, note, "
                  "actor_user_id, is_public FROM request_events ORDER BY id")) {
    // Written in the order it happened, across all requests.
    EXPECT_GE(event.integer(1), previous_ms);
    previous_ms = event.integer(1);
    const std::int64_t id = event.integer(0);
    State& state = states[id];
    const std::string action = event.text(3);
    const std::int64_t at = event.integer(1);
    ++actions[action];
    ASSERT_GE(at, state.last_ms);
    state.last_ms = at;
    if (action == "submit") {
      ASSERT_FALSE(state.submitted);
      state.submitted = true;
      EXPECT_TRUE(event.is_null(4));
      EXPECT_EQ(event.text(5), "submitted");
      EXPECT_EQ(at, rows.at(id).created);
      continue;
    }
    ASSERT_TRUE(state.submitted) << "event before the submission of " << id;
    ASSERT_EQ(event.text(4), status_name(state.status)) << "request " << id << " " << action;
    if (action == "escalate") {
      EXPECT_EQ(event.text(2), "system");
      EXPECT_EQ(event.text(5), status_name(state.status));
      continue;
    }
    ++state.version;
    Status to = state.status;
    if (action == "rate") {
      ASSERT_TRUE(state.status == Status::resolved || state.status == Status::closed);
      const auto score = rows.at(id).rating;
      ASSERT_TRUE(score);
      to = *score <= 2 ? Status::reopened : Status::closed;
      if (to == Status::reopened) {
        state.resolved.reset();
        state.closed.reset();
      } else if (state.status == Status::resolved) {
        state.closed = at;
      }
    } else {
      auto parsed = parse_action(action);
      ASSERT_TRUE(parsed) << action;
      auto role = parse_role(event.text(2));
      ASSERT_TRUE(role) << event.text(2);
      // Staff and guide actions carry who did them.
      if (*role != Role::resident) {
        EXPECT_FALSE(event.is_null(7));
      }
      TransitionContext context{*role, *role == Role::resident, state.resolved, at,
                                *role == Role::street ? state.referral : Referral::none};
      auto decided = decide(state.status, *parsed, context);
      ASSERT_TRUE(decided) << "request " << id << ": " << decided.error().message;
      to = *decided;
      if (*parsed == Action::refer) state.referral = Referral::pending;
      if (*parsed == Action::accept_referral) state.referral = Referral::accepted;
      if (*parsed == Action::return_referral || to == Status::resolved || is_end(to)) {
        state.referral = Referral::none;
      }
      if (counts_as_response(state.status, *parsed) && !state.responded) state.responded = at;
      if (*parsed == Action::resolve) state.resolved = at;
      if (*parsed == Action::close) state.closed = at;
      if (*parsed == Action::reopen) {
        state.resolved.reset();
        state.closed.reset();
      }
      if (*parsed == Action::reject || *parsed == Action::reopen || *parsed == Action::comment) {
        EXPECT_FALSE(event.is_null(6)) << "a note is required to " << action;
      }
      EXPECT_EQ(event.integer(8), *parsed == Action::comment ? 0 : 1);
    }
    EXPECT_EQ(event.text(5), status_name(to)) << "request " << id << " " << action;
    state.status = to;
  }
  ASSERT_EQ(states.size(), rows.size());
  std::map<Status, int> statuses;
  for (const auto& [id, row] : rows) {
    const State& state = states.at(id);
    EXPECT_EQ(state.status, row.status) << "request " << id;
    EXPECT_EQ(state.responded, row.responded) << "request " << id;
    EXPECT_EQ(state.resolved, row.resolved) << "request " << id;
    EXPECT_EQ(state.closed, row.closed) << "request " << id;
    EXPECT_EQ(state.version, row.version) << "request " << id;
    EXPECT_EQ(row.duplicate_of.has_value(), row.status == Status::duplicate);
    ++statuses[row.status];
  }
  // Every state and the everyday actions occur.
  for (Status status : {Status::submitted, Status::accepted, Status::assigned, Status::in_progress,
                        Status::resolved, Status::closed, Status::reopened, Status::duplicate,
                        Status::not_our_responsibility, Status::cancelled}) {
    EXPECT_GT(statuses[status], 0) << status_name(status);
  }
  for (const char* action :
       {"accept", "assign", "start", "resolve", "close", "rate", "reopen", "mark_duplicate",
        "reject", "cancel", "comment", "escalate", "refer", "accept_referral", "return_referral"}) {
    EXPECT_GT(actions[action], 0) << action;
  }
  EXPECT_GT(statuses[Status::closed], summary_.requests * 7 / 10);
}

TEST_F(DemoRequests, timestamps_are_in_order) {
  for (const auto& row : db().query(
           "SELECT id, received_ms, created_at, responded_ms, resolved_ms, closed_ms, rated_ms, "
           "updated_at, status FROM requests")) {
    const std::int64_t received = row.integer(1);
    const std::int64_t created = *parse_iso8601(row.text(2));
    const std::int64_t updated = *parse_iso8601(row.text(7));
    EXPECT_LE(received, created) << row.integer(0);
    EXPECT_LE(created, updated) << row.integer(0);
    std::int64_t previous = received;
    for (std::size_t column : {3u, 4u, 5u}) {
      if (auto at = row.opt_integer(column)) {
        EXPECT_LE(previous, *at) << "request " << row.integer(0) << " column " << column;
        previous = *at;
      }
    }
    EXPECT_LE(updated, kDemoAsOfMs);
    const Status status = *parse_status(row.text(8));
    EXPECT_EQ(row.opt_integer(4).has_value(),
              status == Status::resolved || status == Status::closed)
        << row.integer(0);
    if (status == Status::closed) {
      EXPECT_TRUE(row.opt_integer(5)) << row.integer(0);
    }
  }
  // Staff work in office hours: most non-urgent acceptances fall on a working day's daytime.
  auto calendar = current_calendar(db());
  int accepted = 0;
  int in_office_hours = 0;
  for (const auto& row : db().query(
           "SELECT e.at_ms FROM request_events e JOIN requests r ON r.id = e.request_id WHERE "
           "e.action = 'accept' AND r.priority <> 'red'")) {
    const std::int64_t at = row.integer(0);
    const std::int64_t second = (at / 1000 + 8 * 3600) % 86400;
    ++accepted;
    in_office_hours += calendar->is_workday(shanghai_day(at)) && second >= 8 * 3600 + 1800 &&
                       second < 17 * 3600 + 1800;
  }
  EXPECT_GT(in_office_hours, accepted * 3 / 4);
}

TEST_F(DemoRequests, ratings_belong_to_resolved_or_reviewed_cases) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM requests WHERE rating IS NOT NULL AND NOT (status IN "
                  "('resolved', 'closed') OR (rating <= 2 AND status IN ('reopened', 'accepted', "
                  "'assigned', 'in_progress', 'resolved', 'closed')))"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM requests WHERE (rating IS NULL) <> (rated_ms IS NULL)"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM requests WHERE rating < 1 OR rating > 5"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM request_events WHERE action = 'rate'"), summary_.rated);
  // A few unhappy residents, whose cases were reopened and mostly resolved again.
  EXPECT_GT(count("SELECT COUNT(*) FROM requests WHERE rating <= 2"), 5);
  EXPECT_GT(count("SELECT COUNT(*) FROM requests WHERE rating <= 2 AND status = 'closed'"), 0);
  // Passed-on cases name who is responsible.
  EXPECT_GT(count("SELECT COUNT(*) FROM request_events WHERE action = 'reject' AND (note LIKE "
                  "'%12345%' OR note LIKE '%物业%')"),
            0);
}

TEST_F(DemoRequests, late_cases_are_escalated_as_the_job_does) {
  const std::int64_t late_responses =
      count("SELECT COUNT(*) FROM requests WHERE overdue_response = 1");
  const std::int64_t late_resolutions =
      count("SELECT COUNT(*) FROM requests WHERE overdue_resolution = 1");
  // Roughly 8% answered late and 10% resolved late.
  EXPECT_GT(late_responses, summary_.requests * 4 / 100);
  EXPECT_LT(late_responses, summary_.requests * 14 / 100);
  EXPECT_GT(late_resolutions, summary_.requests * 6 / 100);
  EXPECT_LT(late_resolutions, summary_.requests * 16 / 100);
  // Each flag has its escalation, after the deadline, and notices to the street supervisor.
  EXPECT_EQ(count("SELECT COUNT(*) FROM request_events WHERE action = 'escalate'"),
            late_responses + late_resolutions);
  EXPECT_EQ(count("SELECT COUNT(*) FROM requests r WHERE overdue_response = 1 AND NOT EXISTS ("
                  "SELECT 1 FROM request_events e WHERE e.request_id = r.id AND e.action = "
                  "'escalate' AND e.note = '超过响应时限，已启动督办' AND e.at_ms > "
                  "r.response_due_ms AND (r.responded_ms IS NULL OR r.responded_ms > e.at_ms))"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM requests r WHERE overdue_resolution = 1 AND NOT EXISTS ("
                  "SELECT 1 FROM request_events e WHERE e.request_id = r.id AND e.action = "
                  "'escalate' AND e.note = '超过办结时限，已启动督办' AND e.at_ms > "
                  "r.resolution_due_ms)"),
            0);
  const std::int64_t street_user = db().query_int("SELECT id FROM users WHERE username = 'street'");
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE kind = 'escalation' AND user_id = " +
                  std::to_string(street_user)),
            late_responses + late_resolutions);
  // Cases late on the first answer were answered late, if at all.
  EXPECT_EQ(count("SELECT COUNT(*) FROM requests WHERE overdue_response = 1 AND responded_ms <= "
                  "response_due_ms"),
            0);
}

TEST_F(DemoRequests, the_last_three_weeks_hold_open_cases_in_every_state) {
  const std::string since = std::to_string(kDemoAsOfMs - 21 * kDayMs);
  for (const char* status :
       {"submitted", "accepted", "assigned", "in_progress", "resolved", "reopened"}) {
    EXPECT_GT(count("SELECT COUNT(*) FROM requests WHERE status = '" + std::string(status) +
                    "' AND received_ms >= " + since),
              0)
        << status;
  }
  // Some of them already past a deadline.
  const std::string as_of = std::to_string(kDemoAsOfMs);
  EXPECT_GT(count("SELECT COUNT(*) FROM requests WHERE received_ms >= " + since +
                  " AND status IN ('submitted', 'accepted', 'assigned', 'in_progress', "
                  "'reopened') AND ((responded_ms IS NULL AND response_due_ms < " +
                  as_of + ") OR resolution_due_ms < " + as_of + ")"),
            0);
  // Long before as_of, hardly anything is still open.
  EXPECT_LT(count("SELECT COUNT(*) FROM requests WHERE received_ms < " +
                  std::to_string(kDemoAsOfMs - 90 * kDayMs) +
                  " AND status IN ('submitted', 'accepted', 'assigned', 'in_progress', "
                  "'reopened')"),
            summary_.requests / 100);
}

TEST_F(DemoRequests, the_year_gives_plausible_rates) {
  const std::int64_t staff_id = db().query_int("SELECT id FROM users WHERE username = 'staff'");
  Actor staff{staff_id, "staff", Role::staff, std::nullopt, {community_id_}, "staff"};
  auto stats =
      request_stats(db(), staff, community_id_, kDemoAsOfMs - kYearMs, kDemoAsOfMs, kDemoAsOfMs);
  ASSERT_TRUE(stats);
  const double response = stats->response.value().value_or(0);
  const double resolution = stats->resolution.value().value_or(0);
  const double satisfaction = stats->satisfaction.value().value_or(0);
  std::cout << "[ rates    ] response " << response << " (" << stats->response.numerator << "/"
            << stats->response.denominator << "), resolution " << resolution << " ("
            << stats->resolution.numerator << "/" << stats->resolution.denominator
            << "), satisfaction " << satisfaction << " (" << stats->satisfaction.numerator << "/"
            << stats->satisfaction.denominator << "), overdue " << stats->overdue
            << ", median working days to resolve "
            << stats->median_working_days_to_resolve.value_or(-1) << "\n";
  EXPECT_GE(response, 0.85);
  EXPECT_LE(response, 0.97);
  EXPECT_GE(satisfaction, 0.80);
  EXPECT_LE(satisfaction, 0.95);
  EXPECT_GE(resolution, 0.90);
  ASSERT_TRUE(stats->median_working_days_to_resolve);
  EXPECT_GE(*stats->median_working_days_to_resolve, 1);
  EXPECT_LE(*stats->median_working_days_to_resolve, 5);
}

TEST_F(DemoRequests, every_request_is_in_a_valid_audit_chain) {
  auto verified = audit::verify(db());
  EXPECT_TRUE(verified.ok);
  // One entry per event: the submission, each transition, rating and escalation.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'request'"), summary_.events);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'request.submit'"),
            summary_.requests);
  EXPECT_EQ(count("SELECT COUNT(*) FROM requests r WHERE NOT EXISTS (SELECT 1 FROM audit_log a "
                  "WHERE a.object_type = 'request' AND a.object_id = CAST(r.id AS TEXT) AND "
                  "a.action = 'request.submit')"),
            0);
}

// Two databases from the same seed hold the same rows; another seed gives others. The job,
// run where the demo stops, has nothing left to escalate.
TEST(DemoRequestsSmall, the_same_seed_gives_the_same_rows_and_the_job_finds_nothing_late) {
  registry::DemoOptions options;
  options.households_per_community = 600;
  auto make = [&](TempDatabase& database, std::uint64_t seed) {
    auto registry = registry::generate_demo(database.connection(), options);
    return generate_demo_requests(database.connection(), registry.community_ids.front(), seed,
                                  kDemoAsOfMs);
  };
  TempDatabase first;
  TempDatabase second;
  TempDatabase other;
  auto first_summary = make(first, kSeed);
  make(second, kSeed);
  make(other, kSeed + 1);
  EXPECT_GE(first_summary.requests, 330);
  EXPECT_LE(first_summary.requests, 470);
  for (const char* sql :
       {"SELECT * FROM requests ORDER BY id", "SELECT * FROM request_events ORDER BY id",
        "SELECT * FROM notifications ORDER BY id"}) {
    EXPECT_EQ(dump(first.connection(), sql), dump(second.connection(), sql)) << sql;
  }
  EXPECT_NE(dump(first.connection(), "SELECT * FROM requests ORDER BY id"),
            dump(other.connection(), "SELECT * FROM requests ORDER BY id"));
  EXPECT_TRUE(audit::verify(first.connection()).ok);

  // The demo ran the escalation job every five minutes up to as_of.
  EXPECT_EQ(escalate_overdue(first.connection(), kDemoAsOfMs - 5 * 60 * 1000), 0);

  // A second run for the same community is refused rather than doubling the history.
  const std::int64_t community = first.connection().query_int("SELECT MIN(id) FROM communities");
  EXPECT_THROW(generate_demo_requests(first.connection(), community, kSeed, kDemoAsOfMs),
               std::runtime_error);
  EXPECT_THROW(generate_demo_requests(first.connection(), 9999, kSeed, kDemoAsOfMs),
               std::invalid_argument);
}

}  // namespace
}  // namespace gz::requests

namespace gz::requests {
namespace {

// The referrals the demo laid over its year agree with the events: one row per refer event,
// each answered as its events say, and a few still waiting for the street.
TEST_F(DemoRequests, referrals_follow_their_events) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM request_referrals"),
            count("SELECT COUNT(*) FROM request_events WHERE action = 'refer'"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM request_referrals WHERE status = 'returned'"),
            count("SELECT COUNT(*) FROM request_events WHERE action = 'return_referral'"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM request_referrals WHERE answered_ms IS NOT NULL"),
            count("SELECT COUNT(*) FROM request_events WHERE action IN ('accept_referral', "
                  "'return_referral')"));
  EXPECT_GT(count("SELECT COUNT(*) FROM request_referrals WHERE status = 'resolved'"), 20);
  EXPECT_GT(count("SELECT COUNT(*) FROM request_referrals WHERE status = 'pending'"), 0);
  // What the street resolved, the street's user resolved.
  EXPECT_EQ(count("SELECT COUNT(*) FROM request_referrals f WHERE f.status = 'resolved' AND NOT "
                  "EXISTS (SELECT 1 FROM request_events e WHERE e.request_id = f.request_id AND "
                  "e.action = 'resolve' AND e.actor_role = 'street')"),
            0);
}

}  // namespace
}  // namespace gz::requests
