// The requests demo's planner, parts 3 to 5 (planner.hpp): what happened to each request
// (the workflow steps, by whom and when, ratings, reopening and closing), the recent cases
// held open in every state, and the escalations the overdue job made.
#include <algorithm>
#include <map>

#include "core/clock.hpp"
#include "modules/requests/demo/planner.hpp"

namespace gz::requests::demo {
namespace {

// The window before as_of in which some cases are held open in every state.
constexpr std::int64_t kShowcaseMs = 21 * kDayMs;

}  // namespace

Step& Planner::add(Planned& request, std::int64_t at, Action action, const Person* actor,
                   std::optional<std::string> note) {
  const std::int64_t previous =
      request.steps.empty() ? request.entered_ms : request.steps.back().at_ms;
  Step step;
  // Seconds and milliseconds as a clock gives them, not round minutes.
  step.at_ms = std::max(at, previous + rng_.between_or_low(1, 4) * kMinuteMs) +
               rng_.between_or_low(0, 59'999);
  step.action = action;
  step.actor = actor;
  step.note = std::move(note);
  request.steps.push_back(std::move(step));
  return request.steps.back();
}

std::int64_t Planner::last(const Planned& request) const {
  return request.steps.empty() ? request.entered_ms : request.steps.back().at_ms;
}

std::string Planner::note_for(const Phrases& notes, std::string_view department,
                              std::string_view guide) {
  std::map<std::string, std::string> slots{{"dept", std::string(department)},
                                           {"guide", std::string(guide)}};
  return fill(pick(rng_, notes), slots);
}

std::string Planner::department_name(const std::string& code) const {
  auto found = community_.departments.find(code);
  return found == community_.departments.end() ? code : found->second;
}

bool Planner::by_resident(const Planned& request) const {
  return request.channel == "app" || request.channel == "web";
}

const Person* Planner::resident_of(const Planned& request) const {
  return request.submitter && request.submitter->role == Role::resident ? request.submitter
                                                                        : &resident_;
}

// When the case first gets an answer.
std::int64_t Planner::first_response(const Planned& request, bool late) {
  const std::int64_t due = request.response_due_ms;
  const std::int64_t entered = request.entered_ms;
  const bool red = request.triage.priority == Priority::red;
  if (late) {
    if (red) return due + rng_.between_or_low(60, 600) * kMinuteMs;
    return office_.add(due + kHourMs, rng_.between_or_low(20, 900));
  }
  std::int64_t at = 0;
  if (red) {
    at = entered + rng_.skewed(3, 90) * kMinuteMs;  // the duty officer answers at any hour
  } else if ((request.channel == "phone" || request.channel == "counter") &&
             office_.is_open(entered) && rng_.percent(70)) {
    at = entered + rng_.between_or_low(1, 25) * kMinuteMs;  // accepted while the caller waits
  } else if (by_resident(request) && rng_.percent(20) && seconds_of_day(entered) < 21 * 3600) {
    // Guides on the evening shift of the online hall answer from their phones.
    const std::int64_t evening =
        local_ms(shanghai_day(entered), rng_.between_or_low(19 * 3600 + 1800, 21 * 3600 + 1800));
    at = std::max(entered + rng_.between_or_low(5, 40) * kMinuteMs, evening);
  } else if (!office_.calendar().is_workday(shanghai_day(entered)) &&
             seconds_of_day(entered) >= 9 * 3600 && seconds_of_day(entered) < 17 * 3600 &&
             rng_.percent(35)) {
    at = entered + rng_.between_or_low(20, 180) * kMinuteMs;  // the weekend duty officer
  } else {
    const std::int64_t minutes =
        request.triage.priority == Priority::yellow ? rng_.skewed(5, 300) : rng_.skewed(10, 540);
    at = office_.add(entered, minutes);
  }
  if (at > due) at = entered + (due - entered) * rng_.between_or_low(20, 80) / 100;
  return at;
}

// When the work is done, after starting at `start`.
std::int64_t Planner::resolution_time(const Planned& request, std::int64_t start, bool late) {
  const std::int64_t due = request.resolution_due_ms;
  if (late) return office_.add(std::max(due, start) + kHourMs, rng_.between_or_low(60, 2700));
  const std::int64_t available = office_.minutes_between(start, due);
  if (available < 60) return start + rng_.between_or_low(20, 50) * kMinuteMs;
  const double u = rng_.unit();
  const double fraction = 0.04 + 0.8 * u * u * std::max(0.3, u);
  const auto minutes = std::max<std::int64_t>(20, static_cast<std::int64_t>(available * fraction));
  return office_.add(start, minutes);
}

void Planner::plan_steps(Planned& request) {
  const StaffNotes& notes = texts_.staff_notes;
  if (request.fate == Fate::normal) {
    const int roll = rng_.between_or_low(0, 999);
    if (roll < 20) {
      request.fate = Fate::cancelled;
    } else if (request.hard && roll < 40 && request.received_ms < as_of_ms_ - 60 * kDayMs) {
      request.fate = Fate::stuck;  // a hard case still open months later
    } else if (request.passed_on && rng_.percent(request.profile->passed_on_percent)) {
      request.fate = Fate::rejected;
    }
  }
  const Priority priority = request.triage.priority;
  const int late_percent = priority == Priority::red ? 2 : priority == Priority::yellow ? 7 : 9;
  const bool late_response = rng_.percent(late_percent);
  const bool late_resolution = rng_.percent(6);
  const std::int64_t respond = first_response(request, late_response);
  const Household& household = *request.household;

  switch (request.fate) {
    case Fate::cancelled: {
      const bool resident_cancels = by_resident(request);
      const Person* actor = resident_cancels ? resident_of(request) : staff_member();
      const Phrases& cancel_notes = resident_cancels ? notes.resident_cancel : notes.staff_cancel;
      if (rng_.percent(60)) {
        const std::int64_t window =
            std::max<std::int64_t>(respond - request.entered_ms, 20 * kMinuteMs);
        add(request, request.entered_ms + rng_.between_or_low(std::int64_t{10} * kMinuteMs, window),
            Action::cancel, actor, note_for(cancel_notes));
      } else {
        add(request, respond, Action::accept, staff_member(), note_for(notes.accept));
        add(request, last(request) + rng_.between_or_low(30, 1440) * kMinuteMs, Action::cancel,
            actor, note_for(cancel_notes));
      }
      return;
    }
    case Fate::duplicate: {
      const Person* actor = rng_.percent(50) ? guide_of(household) : staff_member();
      if (rng_.percent(25)) {
        add(request, respond, Action::accept, actor, note_for(notes.accept));
        add(request, office_.add(last(request), rng_.between_or_low(10, 120)),
            Action::mark_duplicate, actor, std::nullopt)
            .duplicate_of = request.duplicate_of;
      } else {
        add(request, respond, Action::mark_duplicate, actor, std::nullopt).duplicate_of =
            request.duplicate_of;
      }
      return;
    }
    case Fate::rejected: {
      const std::string& note = *request.passed_on;
      if (rng_.percent(50)) {
        add(request, respond, Action::accept,
            rng_.percent(50) ? guide_of(household) : staff_member(), note_for(notes.accept));
        add(request, office_.add(last(request), rng_.between_or_low(30, 960)), Action::reject,
            staff_member(), note);
      } else {
        add(request, respond, Action::reject, staff_member(), note);
      }
      return;
    }
    case Fate::normal:
    case Fate::stuck:
      break;
  }

  // Who does the work: the household's guide, or a department.
  std::string handler(pick(rng_, request.profile->handlers));
  if (handler != "guide" && !community_.departments.contains(handler)) handler = "guide";
  const Person* guide = guide_of(household);
  const bool by_department = handler != "guide";
  const std::string department = by_department ? department_name(handler) : "";

  auto assign = [&](std::int64_t at, const Person* actor) {
    Step* step = nullptr;
    if (by_department) {
      step =
          &add(request, at, Action::assign, actor, note_for(notes.assign_department, department));
      step->assignee_department = handler;
    } else if (actor == guide) {
      step = &add(request, at, Action::assign, actor, note_for(notes.self_assign));
      step->assignee_user_id = guide->user_id;
    } else {
      step = &add(request, at, Action::assign, actor,
                  note_for(notes.assign_guide, "", guide->display_name));
      step->assignee_user_id = guide->user_id;
    }
    if (step->assignee_user_id && *step->assignee_user_id == 0) {
      // No guide login: the staff member took it on; record the department instead.
      step->assignee_user_id.reset();
      step->assignee_department = "grid_station";
    }
  };
  const Person* worker = by_department ? staff_member() : guide;
  std::int64_t started = 0;

  if (request.profile->emergency || priority == Priority::red) {
    // Round the clock: accept, dispatch, on site, fixed, in hours.
    const Person* duty = request.profile->code == "elderly_unreachable" ? guide : staff_member();
    add(request, respond, Action::accept, duty, note_for(notes.urgent_accept));
    assign(last(request) + rng_.between_or_low(2, 15) * kMinuteMs, duty);
    started = last(request) + rng_.between_or_low(5, 40) * kMinuteMs;
    add(request, started, Action::start, worker,
        by_department ? note_for(notes.start_department, department) : note_for(notes.start_guide));
    if (request.fate == Fate::stuck) return;
    // Emergencies are over in hours; an urgent hazard (a blocked escape route, a loose tile)
    // is made safe at once and fixed within its working days.
    const std::int64_t fixed =
        request.profile->emergency
            ? last(request) + rng_.skewed(20, request.profile->emergency_fix_minutes) * kMinuteMs
            : resolution_time(request, last(request), late_resolution);
    add(request, fixed, Action::resolve, worker, request.answer);
  } else if (request.profile->answered_directly) {
    const Person* actor = rng_.percent(70) ? guide : staff_member();
    add(request, respond, Action::accept, actor, note_for(notes.accept));
    if (request.fate == Fate::stuck) return;
    const std::int64_t answered =
        request.profile->code == "suggestion"
            ? resolution_time(request, last(request), late_resolution)
            : office_.add(last(request), rng_.skewed(10, late_resolution ? 2400 : 480));
    add(request, answered, Action::resolve, actor, request.answer);
  } else {
    if (rng_.percent(60)) {
      const Person* accepter = rng_.percent(40) ? guide : staff_member();
      add(request, respond, Action::accept, accepter, note_for(notes.accept));
      assign(office_.add(last(request), rng_.skewed(5, 180)),
             accepter == guide && !by_department ? guide : staff_member());
    } else {
      assign(respond, staff_member());
    }
    // A guide who went to look sometimes hands the repair on.
    if (!by_department && rng_.percent(6) &&
        community_.departments.contains("property_management")) {
      const std::string property = department_name("property_management");
      add(request, office_.add(last(request), rng_.between_or_low(60, 960)), Action::assign,
          staff_member(), note_for(notes.reassign, property))
          .assignee_department = "property_management";
      worker = staff_member();
    }
    const bool department_now = request.steps.back().assignee_department.has_value();
    started =
        office_.add(last(request), department_now ? rng_.skewed(30, 1200) : rng_.skewed(10, 480));
    add(request, started, Action::start, worker,
        department_now ? note_for(notes.start_department,
                                  department_name(*request.steps.back().assignee_department))
                       : note_for(notes.start_guide));
    if (request.fate == Fate::stuck) {
      add(request, office_.add(last(request), rng_.between_or_low(2000, 9000)), Action::comment,
          worker, std::string("涉及多方协调，正在推进，已报街道。"));
      return;
    }
    const std::int64_t resolved = resolution_time(request, last(request), late_resolution);
    if (rng_.percent(15) && resolved - last(request) > 2 * kHourMs) {
      add(request, last(request) + (resolved - last(request)) * rng_.between_or_low(20, 70) / 100,
          Action::comment, worker, note_for(notes.progress));
    }
    add(request, resolved, Action::resolve, worker, request.answer);
  }
  follow_up(request, worker, late_response || late_resolution);
}

// After the resolution: a rating (the resident in the app, or staff calling back), a reopened
// case now and then, and closing.
void Planner::follow_up(Planned& request, const Person* worker, bool was_late) {
  const StaffNotes& notes = texts_.staff_notes;
  const std::int64_t resolved = last(request);
  if (rng_.percent(64)) {
    // Per mille of scores 1..5: about 91% satisfied when on time, 73% when late, which
    // makes the year's ~88% (4–5 of all ratings).
    static constexpr int kOnTime[] = {15, 20, 55, 270, 640};
    static constexpr int kLate[] = {50, 70, 150, 330, 400};
    const int* weights = was_late ? kLate : kOnTime;
    int roll = rng_.between_or_low(0, 999);
    int score = 1;
    while (roll >= weights[score - 1]) roll -= weights[score++ - 1];
    const bool self = by_resident(request) && rng_.percent(45);
    std::int64_t at = 0;
    if (self) {
      at = resolved + rng_.skewed(60, 3 * 24 * 60) * kMinuteMs;
      const std::int64_t second = seconds_of_day(at);
      if (second < 8 * 3600 || second > 22 * 3600) {
        at = local_ms(shanghai_day(at) + (second > 22 * 3600 ? 1 : 0),
                      rng_.between_or_low(8 * 3600, 10 * 3600));
      }
    } else {
      at = office_.add(resolved, rng_.between_or_low(60, 1800));
    }
    Step& rate = add(request, at, Action::comment, self ? resident_of(request) : staff_member(),
                     std::nullopt);
    set_rating(rate, score, !self);
    if (score >= 3) return;
    // An unsatisfied rating sends the case back: look again, fix, close.
    add(request, office_.add(last(request), rng_.between_or_low(20, 480)), Action::accept,
        staff_member(), note_for(notes.reaccept));
    add(request, office_.add(last(request), rng_.between_or_low(30, 600)), Action::start, worker,
        std::string("已安排复查。"));
    add(request, office_.add(last(request), rng_.between_or_low(240, 2400)), Action::resolve,
        worker, "复查处理：" + request.answer);
    add(request, office_.add(last(request), rng_.between_or_low(450, 2250)), Action::close,
        staff_member(), note_for(notes.close_after_review));
    return;
  }
  if (by_resident(request) && rng_.percent(5)) {
    // The resident reopens within the week: it came back.
    add(request, resolved + rng_.between_or_low(120, 5 * 24 * 60) * kMinuteMs, Action::reopen,
        resident_of(request), note_for(notes.resident_reopen));
    add(request, office_.add(last(request), rng_.between_or_low(20, 480)), Action::accept,
        staff_member(), note_for(notes.accept));
    add(request, office_.add(last(request), rng_.between_or_low(30, 600)), Action::start, worker,
        std::string("已安排复查。"));
    add(request, office_.add(last(request), rng_.between_or_low(240, 2400)), Action::resolve,
        worker, "复查处理：" + request.answer);
  }
  // Closed once the resident's week to object has passed.
  add(request, office_.add(last(request) + 7 * kDayMs, rng_.between_or_low(0, 900)), Action::close,
      staff_member(), note_for(notes.close));
}

void Planner::set_rating(Step& step, int score, bool on_behalf) {
  step.kind = StepKind::rate;
  step.score = score;
  step.on_behalf = on_behalf;
  step.rating_comment.reset();
  const RatingComments& comments = texts_.rating_comments;
  if (on_behalf) {
    if (score >= 4 && rng_.percent(40)) step.rating_comment = pick(rng_, comments.follow_up);
  } else if (rng_.percent(55)) {
    step.rating_comment = pick(rng_, score >= 4   ? comments.good
                                     : score == 3 ? comments.fair
                                                  : comments.bad);
  }
  if (score <= 2) step.rating_comment = pick(rng_, comments.bad);
  // The event note is what rate_request writes.
  step.note = "满意度评分 " + std::to_string(score) + "/5" +
              (on_behalf ? "（工作人员电话回访代录）" : "") +
              (score <= 2 ? "，不满意，重新办理" : "");
}

void Planner::hold_open_cases(std::vector<Planned>& requests) {
  struct Target {
    Status status;
    int minimum;
  };
  static constexpr Target kTargets[] = {{Status::submitted, 4}, {Status::accepted, 3},
                                        {Status::assigned, 5},  {Status::in_progress, 8},
                                        {Status::resolved, 5},  {Status::reopened, 2}};
  const std::int64_t window_start = as_of_ms_ - kShowcaseMs;
  const std::int64_t latest = as_of_ms_ - 2 * kDayMs;
  std::vector<std::size_t> window;
  std::map<Status, int> counts;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (requests[i].received_ms < window_start) continue;
    window.push_back(i);
    ++counts[replay(requests[i]).status];
  }
  rng_.shuffle(window);
  for (const auto& target : kTargets) {
    for (std::size_t i : window) {
      if (counts[target.status] >= target.minimum) break;
      Planned& request = requests[i];
      if (request.fate != Fate::normal) continue;
      Outcome outcome = replay(request);
      if (outcome.status != Status::closed) continue;  // only finished cases are held back
      std::optional<std::size_t> keep;                 // steps to keep
      if (target.status == Status::submitted) {
        if (request.received_ms < latest - 5 * kDayMs) keep = 0;
      } else {
        for (std::size_t k = 0; k < request.steps.size(); ++k) {
          if (outcome.after[k] == target.status && request.steps[k].at_ms <= latest &&
              (k + 1 == request.steps.size() || outcome.after[k + 1] != target.status)) {
            keep = k + 1;
            break;
          }
        }
        if (!keep && target.status == Status::reopened) {
          // Turn a satisfied rating into an unsatisfied one.
          for (std::size_t k = 0; k < request.steps.size(); ++k) {
            if (request.steps[k].kind == StepKind::rate && request.steps[k].at_ms <= latest) {
              set_rating(request.steps[k], rng_.between_or_low(1, 2), request.steps[k].on_behalf);
              keep = k + 1;
              break;
            }
          }
        }
      }
      if (!keep) continue;
      request.steps.resize(*keep);
      --counts[Status::closed];
      ++counts[target.status];
    }
  }
}

// The first run of the job (every kJobIntervalMs, from a per-community offset) after `at`.
std::int64_t Planner::job_tick_after(std::int64_t at) const {
  const std::int64_t since = at + 1 - job_offset_ms_;
  const std::int64_t ticks = (since + kJobIntervalMs - 1) / kJobIntervalMs;
  return job_offset_ms_ + ticks * kJobIntervalMs;
}

std::vector<Escalation> Planner::escalations(const Planned& request) const {
  const Outcome outcome = replay(request);
  struct Segment {
    std::int64_t from;
    Status status;
    std::optional<std::int64_t> assignee;
  };
  std::vector<Segment> segments{{request.entered_ms, Status::submitted, std::nullopt}};
  std::optional<std::int64_t> assignee;
  for (std::size_t k = 0; k < request.steps.size(); ++k) {
    const Step& step = request.steps[k];
    if (step.kind == StepKind::transition && step.action == Action::assign) {
      assignee = step.assignee_user_id;
    }
    segments.push_back({step.at_ms, outcome.after[k], assignee});
  }
  auto segment_at = [&](std::int64_t at) -> const Segment& {
    std::size_t k = 0;
    while (k + 1 < segments.size() && segments[k + 1].from <= at) ++k;
    return segments[k];
  };

  std::vector<Escalation> out;
  // Response: unanswered (submitted or reopened, never responded) when the job runs after
  // the deadline.
  // The job sees a request only once it is entered (a late entry of an old phone call).
  const std::int64_t response_tick =
      job_tick_after(std::max(request.response_due_ms, request.entered_ms));
  if (response_tick <= as_of_ms_ &&
      (!outcome.responded_ms || *outcome.responded_ms > response_tick)) {
    const Segment& segment = segment_at(response_tick);
    if (segment.status == Status::submitted || segment.status == Status::reopened) {
      out.push_back({response_tick, true, segment.status, segment.assignee});
    }
  }
  // Resolution: still open (and so unresolved) when the job runs after the deadline.
  for (std::size_t k = 0; k < segments.size(); ++k) {
    if (!is_open(segments[k].status)) continue;
    const std::int64_t tick = job_tick_after(std::max(request.resolution_due_ms, segments[k].from));
    if (tick > as_of_ms_) break;
    if (k + 1 < segments.size() && tick >= segments[k + 1].from) continue;
    out.push_back({tick, false, segments[k].status, segments[k].assignee});
    break;
  }
  std::sort(out.begin(), out.end(), [](const Escalation& a, const Escalation& b) {
    return a.at_ms < b.at_ms || (a.at_ms == b.at_ms && a.response && !b.response);
  });
  return out;
}

}  // namespace gz::requests::demo
