// Warning and PDCA rules; see rules.hpp.
#include "modules/warnings/rules.hpp"

#include <array>

namespace gz::warnings {
namespace {

constexpr std::array<std::string_view, 7> kKinds = {
    "participation_falling", "complaints_rising", "allocation_dispute", "stalled_topic",
    "platform_fault",        "calendar_expiring", "emergency_unsigned"};
constexpr std::array<std::string_view, 5> kStages = {"plan", "do", "check", "act", "closed"};

}  // namespace

std::string_view kind_name(Kind kind) {
  return kKinds.at(static_cast<std::size_t>(kind));
}

std::optional<Kind> parse_kind(std::string_view name) {
  for (std::size_t i = 0; i < kKinds.size(); ++i) {
    if (kKinds[i] == name) return static_cast<Kind>(i);
  }
  return std::nullopt;
}

Suggestion suggestion_for(Kind kind) {
  switch (kind) {
    case Kind::participation_falling:
      return {"引入新鲜元素：亲子活动、青年沙龙，或调整时间与渠道（线上议事厅、楼栋议事角）",
              "Bring in new formats such as family activities or youth salons, or change the "
              "time and channel (online hall, building corners)"};
    case Kind::complaints_rising:
      return {"加强指导员督导与培训，引入外部专家支持",
              "Strengthen the supervision and training of guides; bring in outside experts"};
    case Kind::allocation_dispute:
      return {"立即启动第三方评估，公开决策过程",
              "Start a third-party evaluation at once and publish the decision process"};
    case Kind::stalled_topic:
      return {"成立专题小组，明确动议后付诸表决，避免议而不决",
              "Form a working group, state a clear motion and put it to a vote"};
    case Kind::platform_fault:
      return {"启用线下应急通道，从最近一次有效备份恢复并核验账本",
              "Open the offline channel; restore from the last good backup and verify the "
              "ledger"};
    case Kind::calendar_expiring:
      return {
          "国务院办公厅公布下一年节假日安排后，由管理员载入（gongzhi calendar load 或 PUT "
          "/api/v1/calendar）；在此之前跨年的办理时限为暂定",
          "When the State Council publishes next year's holidays, an administrator loads "
          "them (gongzhi calendar load or PUT /api/v1/calendar); until then deadlines "
          "reaching into that year are provisional"};
    case Kind::emergency_unsigned:
      return {"街道尽快核实应急支出的票据与受益户并签认；社区补齐说明材料",
              "The street checks the emergency spend's receipt and the households served and "
              "signs it off; the community completes its explanation"};
  }
  return {"", ""};
}

Suggestion title_for(Kind kind) {
  switch (kind) {
    case Kind::participation_falling:
      return {"参与度连续下降", "Participation falling"};
    case Kind::complaints_rising:
      return {"投诉率上升", "Complaints rising"};
    case Kind::allocation_dispute:
      return {"分配争议", "Allocation dispute"};
    case Kind::stalled_topic:
      return {"议题久议不决", "Stalled topic"};
    case Kind::platform_fault:
      return {"平台故障", "Platform fault"};
    case Kind::calendar_expiring:
      return {"节假日安排待载入", "Holiday calendar running out"};
    case Kind::emergency_unsigned:
      return {"应急支出逾期未签认", "Emergency spend not signed off"};
  }
  return {"", ""};
}

bool falling_run(std::span<const std::int64_t> counts, int steps) {
  if (steps < 1 || counts.size() < static_cast<std::size_t>(steps) + 1) return false;
  std::size_t first = counts.size() - static_cast<std::size_t>(steps) - 1;
  for (std::size_t i = first + 1; i < counts.size(); ++i) {
    if (!(counts[i] < counts[i - 1])) return false;
  }
  return true;
}

bool rising_run(std::span<const double> rates, int steps) {
  if (steps < 1 || rates.size() < static_cast<std::size_t>(steps) + 1) return false;
  std::size_t first = rates.size() - static_cast<std::size_t>(steps) - 1;
  for (std::size_t i = first + 1; i < rates.size(); ++i) {
    if (!(rates[i] > rates[i - 1])) return false;
  }
  return true;
}

std::string_view stage_name(Stage stage) {
  return kStages.at(static_cast<std::size_t>(stage));
}

std::optional<Stage> parse_stage(std::string_view name) {
  for (std::size_t i = 0; i < kStages.size(); ++i) {
    if (kStages[i] == name) return static_cast<Stage>(i);
  }
  return std::nullopt;
}

Result<Stage> next_stage(Stage current, Stage wanted, bool check_recorded) {
  if (static_cast<int>(wanted) != static_cast<int>(current) + 1) {
    return conflict("invalid_stage", "a task in " + std::string(stage_name(current)) +
                                         " moves to the next stage only");
  }
  if (wanted == Stage::act && !check_recorded) {
    return conflict("check_pending",
                    "the check is settled by the next quarter's figure, not recorded yet");
  }
  return wanted;
}

}  // namespace gz::warnings
