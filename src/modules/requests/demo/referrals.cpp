#include "modules/requests/demo/referrals.hpp"

#include <string>

#include "core/clock.hpp"
#include "core/random.hpp"

namespace gz::requests::demo {
namespace {

std::string reason_for(const std::string& category) {
  if (category == "parking") return "停车泊位划线需交警和街道审批，转街道办理";
  if (category == "greening") return "绿化带改造涉及公共绿地，转街道协调园林部门";
  return "路面和路灯属市政设施，社区无权维修，转街道城管科协调";
}

constexpr const char* kReturns[] = {
    "经核实属小区物业管理范围，请社区督促物业处理",
    "该处为小区内部道路，由业委会和物业负责",
};

Step step_at(std::int64_t at, Action action, const Person* actor, std::string note) {
  Step step;
  step.at_ms = at;
  step.action = action;
  step.actor = actor;
  step.note = std::move(note);
  return step;
}

bool referable(const Planned& request) {
  const std::string& code = request.category->code;
  return request.fate == Fate::normal && request.escalations.empty() &&
         (code == "public_facility" || code == "parking" || code == "greening");
}

}  // namespace

int overlay_referrals(std::vector<Planned>& requests, const Community& community,
                      std::uint64_t seed, std::int64_t as_of_ms) {
  const Person* street = nullptr;
  const Person* staff = community.staff.empty() ? nullptr : community.staff.front();
  for (const auto& person : community.people) {
    if (person.role == Role::street && !street) street = &person;
  }
  if (!street || !staff) return 0;
  Rng rng(seed ^ 0x7E4E44A1ULL, static_cast<std::uint64_t>(community.id));
  int referred = 0, waiting = 0;
  for (auto& request : requests) {
    if (!referable(request)) continue;
    auto& steps = request.steps;
    const std::string reason = reason_for(request.category->code);
    // Accepted in the last days and not yet taken further: waits for the street.
    if (!steps.empty() && steps.back().action == Action::accept &&
        steps.back().at_ms > as_of_ms - 5 * kDayMs && waiting < 3) {
      std::int64_t at = steps.back().at_ms + 40 * kMinuteMs;
      if (at >= as_of_ms) continue;
      steps.push_back(step_at(at, Action::refer, staff, reason));
      ++waiting;
      ++referred;
      continue;
    }
    // The one assignment directly followed by the start of work.
    std::size_t assign = steps.size();
    int assigns = 0;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      if (steps[i].kind == StepKind::transition && steps[i].action == Action::assign) {
        assign = i;
        ++assigns;
      }
    }
    if (assigns != 1 || assign + 1 >= steps.size() || steps[assign + 1].action != Action::start) {
      continue;
    }
    const std::int64_t from = steps[assign].at_ms, until = steps[assign + 1].at_ms;
    if (until - from < 4 * kMinuteMs || !rng.percent(30)) continue;
    const std::int64_t answered = from + (until - from) / 3;
    Step refer = step_at(from, Action::refer, staff, reason);
    if (rng.percent(20)) {
      // Returned: the community assigns it as planned, a little later.
      Step back = step_at(answered, Action::return_referral, street, kReturns[rng.between(0, 1)]);
      steps[assign].at_ms = from + 2 * (until - from) / 3;
      steps.insert(steps.begin() + static_cast<std::ptrdiff_t>(assign), back);
      steps.insert(steps.begin() + static_cast<std::ptrdiff_t>(assign), refer);
    } else {
      // Signed for, worked and resolved by the street.
      steps[assign] = refer;
      steps.insert(steps.begin() + static_cast<std::ptrdiff_t>(assign) + 1,
                   step_at(answered, Action::accept_referral, street, "街道城管科签收"));
      for (std::size_t i = assign + 2; i < steps.size(); ++i) {
        if (steps[i].kind != StepKind::transition) break;
        if (steps[i].action == Action::start || steps[i].action == Action::resolve ||
            steps[i].action == Action::comment) {
          steps[i].actor = street;
        }
        if (steps[i].action == Action::resolve) break;
      }
    }
    ++referred;
  }
  return referred;
}

}  // namespace gz::requests::demo
