// GenerateDemoPoints: plans a year of the points bank and the time bank for one community in
// memory, then replays it through the real use cases in the order it happened, so postings
// get ascending ids in date order. The parts, in src/modules/points/demo/:
//  - community: the registry's households, each with an engagement rank from its stated
//    willingness, whether it has active retirees and whether it is a migrant household;
//  - year: Shanghai days and the twelve calendar months ending with the month of as_of;
//  - awards: who takes part each month and what they do (meetings, volunteering, skill
//    sharing), in batches of one sign-in sheet each;
//  - here: mistakes, a few sign-in sheets entered a second time (补录) and reversed days
//    later with points::correct ("重复录入"), and the leaderboard opt-ins;
//  - timebank_plan: who serves whom in the time bank, and when;
//  - shop: the catalogue; replay: the discrete-event loop through the use cases, which
//    decides the redemptions as the year unfolds;
//  - texts (data/demo/points.json): topics, places, titles and notes.
//
// The use cases run as the system actor (an admin), so created_by_user_id is empty and audit
// entries are stamped with the wall clock (the audit chain records when a row was written);
// postings and time-bank records carry the historical times. Measured on SQLite for the
// default community (4,500 households: ~39,000 awards, ~3,700 redemptions, ~500 time-bank
// records, ~45,000 audit entries): 2.7-3.3 s on a shared two-core machine, with the bulk
// settings of demo/bulk_writing.hpp; 25 s without them when the disk is busy.
#include "modules/points/demo.hpp"

#include <boost/json.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/clock.hpp"
#include "core/random.hpp"
#include "modules/audit/audit.hpp"
#include "modules/points/demo/awards.hpp"
#include "modules/points/demo/bulk_writing.hpp"
#include "modules/points/demo/community.hpp"
#include "modules/points/demo/random.hpp"
#include "modules/points/demo/replay.hpp"
#include "modules/points/demo/shop.hpp"
#include "modules/points/demo/timebank_plan.hpp"
#include "modules/points/demo/year.hpp"
#include "modules/points/points.hpp"
#include "modules/registry/registry.hpp"

namespace gz::points::demo {
namespace {

constexpr int kDoubleEntries = 8;

// A few volunteers' lines of a sign-in sheet are entered a second time an hour or two later
// ("补录", from the paper sheet) under a slightly different reference; staff notice within
// days and reverse them with a correction naming the double entry.
void plan_double_entries(Replay& replay, const WorkCalendar& calendar, Rng& rng,
                         std::int64_t as_of_ms) {
  std::vector<std::size_t> volunteer_batches;
  for (std::size_t i = 0; i < replay.batches.size(); ++i) {
    const auto& batch = replay.batches[i];
    if (batch.awards.front().rule == "volunteer" && batch.at_ms + 10 * kDayMs < as_of_ms) {
      volunteer_batches.push_back(i);
    }
  }
  std::set<std::int64_t> chosen_residents;
  for (int n = 0; n < kDoubleEntries * 4 && !volunteer_batches.empty() &&
                  static_cast<int>(replay.double_entries.size()) < kDoubleEntries;
       ++n) {
    const Batch original = replay.batches[rng.pick(volunteer_batches)];
    const AwardInput& award = rng.pick(original.awards);
    if (!chosen_residents.insert(award.resident_id).second) continue;
    Batch again;
    again.at_ms = original.at_ms + rng.between(40, 150) * kMinuteMs;
    AwardInput input = award;
    input.reference = award.reference + ":补录";
    input.memo = award.memo.value_or("") + " · 补录纸质签到表";
    again.awards.push_back(input);
    std::int64_t day = local_day(again.at_ms) + rng.between(1, 4);
    while (!calendar.is_workday(day)) ++day;
    const std::int64_t correction_ms = at(day, rng.between(9, 16), rng.between(0, 59));
    const std::size_t batch_index = replay.batches.size();
    replay.batches.push_back(std::move(again));
    replay.double_entries.push_back({batch_index, award.reference, award.resident_id});
    replay.schedule(replay.batches.back().at_ms, Step::award_batch, batch_index);
    replay.schedule(correction_ms, Step::correction, replay.double_entries.size() - 1);
  }
}

// The opt-ins, with the SQL of points::set_leaderboard_optin and its audit entry.

// The opt-ins, with the SQL of points::set_leaderboard_optin and its audit entry, not through
// it: that use case lets only a resident choose for themselves (their own login), which demo
// residents lack, and the unchecked half that would serve the demo (the December review's
// finding 3 c) belongs with the use case in points.cpp. The rows and audit entries are the
// ones the use case writes, as the system actor.
int write_leaderboard_optins(storage::Connection& db, const Community& community,
                             const std::set<std::int64_t>& earners, Rng& rng) {
  int written = 0;
  storage::with_transaction(db, storage::TxMode::write, [&] {
    written = 0;
    for (std::int64_t resident_id : earners) {
      const Person& person = community.people[community.person_by_id.at(resident_id)];
      const bool core = community.homes[person.home].core;
      if (!rng.percent(core ? 45 : 28)) continue;
      db.execute("DELETE FROM points_leaderboard_optin WHERE resident_id = ?", {resident_id});
      db.execute(
          "INSERT INTO points_leaderboard_optin (community_id, resident_id, show_name) VALUES (?, "
          "?, ?)",
          {community.id, resident_id, std::int64_t{1}});
      audit::append(db, audit::system_actor(),
                    {community.id, "points.leaderboard_optin", "resident",
                     std::to_string(resident_id), boost::json::object{{"show_name", true}}});
      ++written;
    }
  });
  return written;
}

}  // namespace
}  // namespace gz::points::demo

namespace gz::points {

DemoPointsSummary generate_demo_points(storage::Connection& db, std::int64_t community_id,
                                       std::uint64_t seed, std::int64_t as_of_ms) {
  using namespace demo;  // the parts of this demo, src/modules/points/demo/
  if (!registry::community_exists(db, community_id)) {
    throw std::invalid_argument("demo points: no community " + std::to_string(community_id));
  }
  if (db.query_int("SELECT COUNT(*) FROM households WHERE community_id = ?", {community_id}) == 0) {
    throw std::invalid_argument("demo points: community " + std::to_string(community_id) +
                                " has no households; run the registry demo first");
  }
  if (db.query_int("SELECT COUNT(*) FROM ledger_postings WHERE community_id = ? AND kind IN "
                   "('points', 'minutes')",
                   {community_id}) > 0 ||
      db.query_int("SELECT COUNT(*) FROM points_catalog WHERE community_id = ?", {community_id}) >
          0) {
    throw std::runtime_error("demo points: community " + std::to_string(community_id) +
                             " already has points activity");
  }
  auto loaded = WorkCalendar::from_json(bundled_calendar_json());
  const WorkCalendar calendar = loaded ? std::move(*loaded) : WorkCalendar{};
  const std::int64_t floor_minutes = settings(db, community_id).timebank_floor_minutes;

  BulkWriting bulk_writing(db);
  Rng rng(seed, stream_of(kPlanStream, community_id));
  const Community community = load_community(db, community_id, rng, as_of_ms);
  const std::vector<Month> months = year_of_months(as_of_ms);

  AwardPlan awards = plan_awards(community, calendar, rng, months, as_of_ms);

  Replay replay(db, community, calendar, seed, as_of_ms, floor_minutes);
  replay.batches = std::move(awards.batches);
  for (std::size_t i = 0; i < replay.batches.size(); ++i) {
    replay.schedule(replay.batches[i].at_ms, Step::award_batch, i);
  }
  plan_double_entries(replay, calendar, rng, as_of_ms);
  replay.items = stock_the_shop(db, community_id, calendar, months);
  for (const Person& person : community.people) {
    const int roll = rng.between(0, 99);
    replay.habits[person.id] = roll < 40   ? Habit{150, false, {}}  // spenders
                               : roll < 85 ? Habit{70, true, {}}    // savers
                                           : Habit{15, false, {}};  // hoarders
  }
  for (const Home& home : community.homes) {
    if (home.saving_for_childcare) {
      replay.habits[community.people[*home.volunteer_person].id] = Habit{100, true, {}};
    }
  }
  plan_timebank(replay, community, months, seed, as_of_ms);
  for (std::int64_t day = months.front().first_day; day <= local_day(as_of_ms); ++day) {
    replay.schedule(at(day, 0, 5), Step::shop_day, 0);
    replay.schedule(at(day, 2, 30), Step::expiry_job, 0);
    if (day_of_month(day) == 1 && day != months.front().first_day) {
      replay.schedule(at(day, 6, 0), Step::family_time, 0);
    }
  }
  replay.run();

  DemoPointsSummary summary = replay.summary;
  summary.catalog_items = static_cast<int>(replay.items.size());
  write_leaderboard_optins(db, community, replay.earners, rng);
  return summary;
}

}  // namespace gz::points
