// The plan-lifecycle demo; see demo.hpp.
#include "modules/transparency/demo.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/random.hpp"
#include "modules/allocation/allocation.hpp"
#include "modules/audit/audit.hpp"
#include "modules/transparency/execution.hpp"
#include "modules/transparency/transparency.hpp"

namespace gz::transparency {
namespace {

constexpr std::uint64_t kStream = 0x5452414e;  // "TRAN"

template <typename T>
T must(Result<T> result, std::string_view what) {
  if (!result) {
    throw std::runtime_error("transparency demo: " + std::string(what) + ": " +
                             result.error().message);
  }
  return std::move(*result);
}

// 09:00 in Asia/Shanghai on the first day of the quarter ("2026Q2").
std::int64_t quarter_start_ms(const std::string& quarter, int add_quarters = 0) {
  int year = std::stoi(quarter.substr(0, 4));
  int index = quarter[5] - '1' + add_quarters;
  year += index / 4;
  index %= 4;
  return days_from_civil(year, static_cast<unsigned>(index * 3 + 1), 1) * kDayMs + kHourMs;
}

std::int64_t month_day_ms(const std::string& quarter, int month_in_quarter, unsigned day) {
  int year = std::stoi(quarter.substr(0, 4));
  unsigned month = static_cast<unsigned>((quarter[5] - '1') * 3 + month_in_quarter + 1);
  return days_from_civil(year, month, day) * kDayMs + kHourMs;
}

constexpr std::array<std::string_view, 8> kObjections = {
    "助老服务份额偏少，我们楼独居老人多",
    "托育名额为什么比上季度多这么多？请说明依据",
    "文体活动经费能否向老年大学倾斜",
    "残疾人服务的测算人数和我们了解的不一致",
    "困难帮扶名单是否公开透明",
    "希望增加日间照料的名额",
    "方案对租户家庭考虑不够",
    "请公布需求评估报告的统计口径",
};
constexpr std::array<std::string_view, 5> kAnswers = {
    "已按需求评估复核，数据见公示附件，维持原方案", "已采纳，调整将在下一季度方案中体现",
    "测算依据为一户一档登记，欢迎到居委会查阅",     "该类别按动态池按需调整，本季度需求上升",
    "已转议事会讨论，并将在会后公开答复",
};
constexpr std::array<std::string_view, 6> kPurposes = {
    "助餐补贴（社区长者食堂）", "上门照护服务费",     "托育点运营补贴", "康复辅具租赁",
    "困难家庭临时救助",         "文体活动场地与器材",
};

const char* payee_for(const std::string& category) {
  if (category == "low_income_assistance") return "individual";
  if (category == "culture_sports") return "resident_group";
  if (category == "childcare") return "social_organisation";
  return "service_provider";
}

std::string purpose_for(const std::string& category) {
  if (category == "elderly_care") return std::string(kPurposes[0]);
  if (category == "childcare") return std::string(kPurposes[2]);
  if (category == "disability_service") return std::string(kPurposes[3]);
  if (category == "low_income_assistance") return std::string(kPurposes[4]);
  return std::string(kPurposes[5]);
}

class Generator {
 public:
  Generator(storage::Connection& db, std::int64_t community_id, std::uint64_t seed,
            std::int64_t as_of_ms)
      : db_(db), community_id_(community_id), rng_(seed, kStream), as_of_ms_(as_of_ms) {
    for (const auto& row :
         db.query("SELECT id FROM households WHERE community_id = ? ORDER BY id", {community_id})) {
      households_.push_back(row.integer(0));
    }
    demand_ = load_demand_index(db, community_id);
  }

  DemoTransparencySummary run(const std::vector<std::int64_t>& plan_ids) {
    for (std::size_t i = 0; i < plan_ids.size(); ++i) {
      bool services = i < plan_ids.size() / 2;
      auto plan = must(allocation::get_plan(db_, system_, plan_ids[i]), "plan");
      // The quarter two before as_of's (2026Q2 for the demo date) drew many objections.
      bool disputed = services && plan.quarter == Quarter::containing(as_of_ms_).plus(-2).name();
      if (disputed) summary_.disputed_plan_id = plan.id;
      live_plan(plan, services, disputed);
    }
    notice_plan();
    return summary_;
  }

 private:
  Actor resident(std::int64_t household) const {
    return Actor{0, "", Role::resident, household, {community_id_}, ""};
  }

  void move(std::int64_t plan_id, const char* action, const char* note, std::int64_t at_ms) {
    must(transition(db_, system_, plan_id, action, note, at_ms), action);
  }

  // Objections from distinct households, filed over the first days of the notice; answered
  // unless `answer_before_ms` is 0. Returns how many were filed.
  int object(std::int64_t plan_id, int count, std::int64_t from_ms, std::int64_t span_ms,
             std::int64_t answer_before_ms) {
    std::vector<std::int64_t> chosen;
    while (static_cast<int>(chosen.size()) < count && chosen.size() < households_.size()) {
      auto household = households_[static_cast<std::size_t>(
          rng_.between(std::int64_t{0}, static_cast<std::int64_t>(households_.size()) - 1))];
      if (std::find(chosen.begin(), chosen.end(), household) == chosen.end()) {
        chosen.push_back(household);
      }
    }
    for (auto household : chosen) {
      std::int64_t at = from_ms + rng_.between(std::int64_t{0}, span_ms);
      auto text = std::string(kObjections[static_cast<std::size_t>(rng_.between(0, 7))]);
      auto filed = must(file_objection(db_, resident(household), plan_id, text, at), "objection");
      ++summary_.objections;
      if (answer_before_ms == 0) continue;
      std::int64_t answered = std::min(
          at + rng_.between(std::int64_t{2}, std::int64_t{60}) * kHourMs, answer_before_ms);
      must(answer_objection(db_, system_, plan_id, filed.id,
                            std::string(kAnswers[static_cast<std::size_t>(rng_.between(0, 4))]),
                            answered),
           "answer");
    }
    return count;
  }

  void spend_month(const allocation::StoredPlan& plan, int month, bool services) {
    std::int64_t at = month_day_ms(plan.quarter, month, 25);
    if (at > as_of_ms_) return;
    // Cumulative share of each line spent by the end of this month, in basis points.
    constexpr std::array<std::int64_t, 3> kCumulative = {3000, 6200, 9500};
    for (std::size_t l = 0; l < plan.lines.size(); ++l) {
      const auto& line = plan.lines[l];
      std::int64_t target = line.total *
                            (kCumulative[static_cast<std::size_t>(month)] +
                             rng_.between(std::int64_t{-150}, std::int64_t{250})) /
                            10000;
      std::int64_t amount = target - spent_[l];
      if (amount <= 0) continue;
      const std::vector<std::int64_t>* needing = nullptr;
      for (const auto& [name, ids] : demand_) {
        if (name == line.category) needing = &ids;
      }
      std::vector<std::int64_t> served;
      std::int64_t wanted = services ? rng_.between(std::int64_t{30}, std::int64_t{90}) : amount;
      if (needing && !needing->empty()) {
        wanted = std::min<std::int64_t>(wanted, static_cast<std::int64_t>(needing->size()));
        for (std::int64_t tries = 0;
             static_cast<std::int64_t>(served.size()) < wanted && tries < wanted * 4; ++tries) {
          // About 4% of deliveries reach a household the assessment shows no need in.
          const auto& pool = rng_.percent(4) ? households_ : *needing;
          auto household = pool[static_cast<std::size_t>(
              rng_.between(std::int64_t{0}, static_cast<std::int64_t>(pool.size()) - 1))];
          if (std::find(served.begin(), served.end(), household) == served.end()) {
            served.push_back(household);
          }
        }
      }
      if (!services && served.empty()) continue;  // places go to people, or not at all
      if (!services) amount = static_cast<std::int64_t>(served.size());
      SpendingInput input;
      input.category = line.category;
      input.amount = amount;
      input.purpose = purpose_for(line.category);
      input.payee_category = payee_for(line.category);
      input.receipt_ref = "FP-" + plan.quarter + "-" + std::to_string(plan.id) + "-" +
                          std::to_string(month + 1) + std::to_string(l);
      input.spent_on = format_date(at);
      input.household_ids = std::move(served);
      must(record_spending(db_, system_, plan.id, input, at, &demand_), "spending");
      spent_[l] += amount;
      ++summary_.spending_records;
    }
  }

  void rate(const allocation::StoredPlan& plan, std::int64_t closed_ms) {
    int rated = 0;
    for (const auto& row : db_.query("SELECT household_id FROM plan_deliveries WHERE plan_id = ? "
                                     "GROUP BY household_id HAVING SUM(units) > 0 ORDER BY "
                                     "household_id",
                                     {plan.id})) {
      if (rated >= 60 || !rng_.percent(35)) continue;
      std::int64_t at = closed_ms + rng_.between(std::int64_t{1}, std::int64_t{20}) * kDayMs;
      if (at > as_of_ms_) continue;
      int draw = rng_.between(0, 99);
      std::int64_t score = draw < 46 ? 5 : draw < 86 ? 4 : draw < 95 ? 3 : draw < 99 ? 2 : 1;
      must(rate_plan(db_, resident(row.integer(0)), plan.id, score, std::nullopt, at), "rating");
      ++rated;
      ++summary_.ratings;
    }
  }

  void live_plan(const allocation::StoredPlan& plan, bool services, bool disputed) {
    std::int64_t start = quarter_start_ms(plan.quarter);
    std::int64_t end = quarter_start_ms(plan.quarter, 1);
    std::int64_t publish = start - 25 * kDayMs;
    if (publish > as_of_ms_) return;
    move(plan.id, "publish", "在社区公告栏、楼栋公示栏和线上同步公示，公示期7天", publish);
    ++summary_.plans_published;
    int objections = disputed ? static_cast<int>(households_.size() * 6 / 100)
                              : (services ? rng_.between(1, 6) : rng_.between(0, 2));
    std::int64_t vote = publish + 8 * kDayMs;
    object(plan.id, objections, publish + 2 * kHourMs, 5 * kDayMs, vote - kHourMs);
    if (disputed) {
      must(record_evaluation(
               db_, system_, plan.id,
               {"third_party", "市社会工作评估中心",
                "异议户数超过5%，经第三方入户抽样核查，需求测算基本准确；建议"
                "托育名额分两批投放，并公开评估口径",
                86, "PG-" + plan.quarter.substr(0, 4) + "-" + plan.quarter.substr(4) + "-07"},
               vote - 2 * kHourMs),
           "third-party evaluation");
    }
    move(plan.id, "open_vote", "公示期满，异议均已答复，提交居民议事会表决", vote);
    move(plan.id, "assess", "议事会表决通过（到会41人，同意33票）", vote + 4 * kDayMs);
    move(plan.id, "submit_review", "社工机构专业评估完成，报街道审核", vote + 8 * kDayMs);
    move(plan.id, "approve", "街道审核同意执行", vote + 12 * kDayMs);
    spent_.assign(plan.lines.size(), 0);
    for (int month = 0; month < 3; ++month) spend_month(plan, month, services);
    std::int64_t closing = end + 12 * kDayMs;
    if (closing > as_of_ms_) return;
    auto spent = std::accumulate(spent_.begin(), spent_.end(), std::int64_t{0});
    must(record_evaluation(
             db_, system_, plan.id,
             {"final", "社区两委与居民监督小组",
              "本季度执行率" + std::to_string(spent * 100 / std::max<std::int64_t>(plan.total, 1)) +
                  "%，结余转入下季度应急储备",
              rng_.between(std::int64_t{78}, std::int64_t{93}), std::nullopt},
             closing - 2 * kDayMs),
         "final evaluation");
    move(plan.id, "close", "决算公开，启动服务对象满意度调查", closing);
    ++summary_.plans_closed;
    rate(plan, closing);
  }

  void notice_plan() {
    allocation::PlanRequest request;
    request.community_id = community_id_;
    // Next quarter's plan (2027Q1 for the demo date), three days into its notice.
    const Quarter next = Quarter::containing(as_of_ms_).plus(1);
    request.quarter = next.name();
    request.total = 1'250'000;
    request.unit = "fen";
    auto plan = must(allocation::create_plan(db_, system_, request), "next quarter's plan");
    std::int64_t publish = as_of_ms_ - 3 * kDayMs;
    static constexpr const char* kQuarterNames[] = {"一", "二", "三", "四"};
    move(plan.id, "publish",
         (std::to_string(next.year) + "年第" + kQuarterNames[next.number - 1] +
          "季度社区服务经费分配方案公示")
             .c_str(),
         publish);
    ++summary_.plans_published;
    summary_.notice_plan_id = plan.id;
    object(plan.id, 4, publish + kHourMs, kDayMs, publish + 2 * kDayMs);
    object(plan.id, 2, publish + 2 * kDayMs, kDayMs / 2, 0);  // still waiting for answers
  }

  storage::Connection& db_;
  std::int64_t community_id_;
  Rng rng_;
  std::int64_t as_of_ms_;
  const Actor system_ = audit::system_actor();
  std::vector<std::int64_t> households_;
  DemandIndex demand_;
  std::vector<std::int64_t> spent_;
  DemoTransparencySummary summary_;
};

}  // namespace

DemoTransparencySummary generate_demo_transparency(storage::Connection& db,
                                                   std::int64_t community_id,
                                                   const std::vector<std::int64_t>& plan_ids,
                                                   std::uint64_t seed, std::int64_t as_of_ms) {
  return Generator(db, community_id, seed, as_of_ms).run(plan_ids);
}

}  // namespace gz::transparency
