// The requests demo's planner: a year of requests for one community, planned in memory from
// the seed and as_of alone, request by request:
//  1. when and what (planner_arrivals.cpp): days are weighted by kind (working day, weekend,
//     holiday, Spring Festival) and categories by month (heating in winter, leaks in the
//     plum-rain and typhoon months, noise in summer); the channel depends on the day (the
//     counter is open on working days only) and the time of day on the channel;
//  2. who and where (planner_arrivals.cpp): a real household (an elderly one for elderly
//     care, a high-rise for a lift), one of its adult members, a description from the
//     templates with its building, unit and room; priority from triage() with the stored
//     rules, deadlines from sla.hpp; some reports repeat a neighbour's and are merged;
//  3. what happened (planner_outcomes.cpp): a chain of workflow steps by the community's staff
//     and guides at working-hour times (emergencies at any hour), most on time and some late,
//     then rating, reopening or closing; everything after as_of is cut off;
//  4. a few cases of the last three weeks are held in each open state, so the queue shows
//     every state (some of them past their deadline);
//  5. the escalation job is simulated on each request's timeline.
// Every plan is replayed through decide() (plan.hpp) along the way. Internal to the
// requests demo.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "modules/requests/demo/community.hpp"
#include "modules/requests/demo/office_hours.hpp"
#include "modules/requests/demo/plan.hpp"
#include "modules/requests/demo/profiles.hpp"
#include "modules/requests/demo/random.hpp"
#include "modules/requests/demo/texts.hpp"

namespace gz::requests::demo {

// How often the escalation job is taken to have run.
inline constexpr std::int64_t kJobIntervalMs = 5 * kMinuteMs;

class Planner {
 public:
  Planner(const Community& community, const OfficeHours& office, std::uint64_t seed,
          std::int64_t as_of_ms);

  // The year's requests in the order they were entered (the order rows get their ids).
  std::vector<Planned> plan();

 private:
  // The first run of the job (every kJobIntervalMs, from a per-community offset) after `at`.
  std::int64_t job_tick_after(std::int64_t at) const;

  // -- 1. When, what and through which channel.
  std::vector<Planned> draw_arrivals();
  std::string_view pick_channel(const Profile& profile, bool workday);
  std::int64_t received_at(const std::string& channel, std::int64_t day, bool workday,
                           std::int64_t from_ms);
  void assign_login_households(std::vector<Planned>& requests);

  // -- 2. Who writes, where, and what.
  const Household& pick_household(const Profile& profile);
  static bool fits(const Template& text, const Household& household);
  const Template& pick_template(const Profile& profile, const Household& household);
  const Member* pick_contact(const Household& household, bool needs_phone);
  const Person* staff_member();
  const Person* guide_of(const Household& household);
  void describe(std::vector<Planned>& requests, std::size_t i);
  void describe_for(Planned& request, const Household& household, bool by_login);
  std::string new_code();
  void drop_unentered(std::vector<Planned>& requests) const;
  void find_duplicates(std::vector<Planned>& requests);

  // -- 3. What happened.
  Step& add(Planned& request, std::int64_t at, Action action, const Person* actor,
            std::optional<std::string> note);
  std::int64_t last(const Planned& request) const;
  std::string note_for(const Phrases& notes, std::string_view department = {},
                       std::string_view guide = {});
  std::string department_name(const std::string& code) const;
  bool by_resident(const Planned& request) const;
  const Person* resident_of(const Planned& request) const;
  std::int64_t first_response(const Planned& request, bool late);
  std::int64_t resolution_time(const Planned& request, std::int64_t start, bool late);
  void plan_steps(Planned& request);
  void follow_up(Planned& request, const Person* worker, bool was_late);
  void set_rating(Step& step, int score, bool on_behalf);

  // -- 4. Cases of the last weeks held in each open state.
  void hold_open_cases(std::vector<Planned>& requests);

  // -- 5. The escalation job (督办).
  std::vector<Escalation> escalations(const Planned& request) const;

  const Community& community_;
  const OfficeHours& office_;
  const Texts& texts_;
  Rng rng_;
  std::int64_t as_of_ms_;
  Person resident_;  // a resident without a login
  Person fallback_staff_{0, "system", Role::staff, "社区工作人员"};
  std::int64_t job_offset_ms_;
  std::vector<std::size_t> regulars_;
  std::vector<const Household*> login_requests_;
  std::unordered_set<std::string> codes_;
};

// Fills {slot} placeholders; a slot without a value stays as it is.
std::string fill(std::string_view text, const std::map<std::string, std::string>& slots);

}  // namespace gz::requests::demo
