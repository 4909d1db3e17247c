// The plan-lifecycle demo; see demo.hpp.
#include "modules/transparency/demo.hpp"

#include <algorithm>
#include <array>
#include <map>
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

  // The residents' council (45 members) meets in the evening; `passes` or not for quorum.
  void council_vote(const allocation::StoredPlan& plan, std::int64_t at_ms, bool passes) {
    CouncilVoteInput input;
    input.meeting = plan.quarter.substr(0, 4) + "年第" + plan.quarter.substr(5) +
                    "季度社区议事会（资源分配方案）";
    input.held_ms = at_ms - 2 * kHourMs;
    input.place = "社区党群服务中心议事厅";
    input.members_total = 45;
    if (passes) {
      input.members_present = rng_.between(std::int64_t{31}, std::int64_t{43});
      input.votes_for =
          input.members_present * rng_.between(std::int64_t{70}, std::int64_t{88}) / 100;
      input.votes_against = (input.members_present - input.votes_for) / 2;
      input.votes_abstain = input.members_present - input.votes_for - input.votes_against;
      input.minutes =
          "主持人宣读方案与公示期异议答复；成员逐项发言，重点讨论助老与托育份额；"
          "举手表决，形成决议，会议纪要在社区公告栏同步公开";
    } else {
      input.members_present = 19;
      input.votes_for = 17;
      input.votes_against = 1;
      input.votes_abstain = 1;
      input.minutes = "到会成员不足半数，主持人宣布本次表决无效，改期再议";
      input.reasons = "通知时间与居民下班时间冲突，下次会议改在晚间并逐户电话通知";
    }
    PlanStatus moved;
    must(record_council_vote(db_, system_, plan.id, input, at_ms, moved), "council vote");
  }

  void assess(const allocation::StoredPlan& plan, std::int64_t at_ms, bool with_changes) {
    AssessmentInput input;
    input.assessor = with_changes ? "周敏" : "陈立";
    input.organisation = with_changes ? "区社区发展研究中心" : "市社会工作评估中心";
    input.findings =
        "需求评估数据与户档一致，基础池按政策人口、动态池按加权需求测算，口径清楚；"
        "应急储备按5%提取，符合规定";
    input.recommendation = with_changes ? "approve_with_changes" : "approve";
    if (with_changes) input.conditions = "托育名额分两批投放，首批后公开使用情况再定第二批";
    PlanStatus moved;
    must(record_assessment(db_, system_, plan.id, input, at_ms, moved), "assessment");
  }

  // The community's co-funding parties (seed §5.3), registered before the first plan.
  void parties(std::int64_t at_ms) {
    static constexpr std::array<std::array<const char*, 3>, 5> kParties{{
        {"government", "街道办事处", "按季度下达社区服务专项资金，负责方案审核与资金监管"},
        {"market", "幸福里长者食堂", "社区嵌入式食堂，老人助餐每餐让利3元，承接文体活动茶歇"},
        {"market", "诚信物业服务公司", "以广告与场地收益的一部分支持社区文体活动"},
        {"foundation", "市慈善基金会", "助残与困境家庭项目配捐"},
        {"residents", "居民自筹", "受益家庭按共担规则分担，困难家庭减免"},
    }};
    for (const auto& [kind, name, profile] : kParties) {
      auto id = must(add_party(db_, system_, {community_id_, kind, name, profile}, at_ms),
                     "funding party")
                    .id;
      party_ids_.emplace(kind, id);
    }
  }

  // Each party pledges its share of the lines its rule names, and pays it in over the
  // quarter: in full for a closed quarter, in part for the one executing.
  void cofund(const allocation::StoredPlan& plan, std::int64_t at_ms) {
    if (party_ids_.empty()) parties(at_ms - 30 * kDayMs);
    auto funding = funding_of(db_, plan.id);
    for (const auto& line : funding.lines) {
      for (std::size_t i = 1; i < line.shares.size(); ++i) {
        const auto& share = line.shares[i];
        auto party = party_ids_.find(share.party_kind);
        if (party == party_ids_.end() || share.expected <= 0) continue;
        // Residents pledge 85–100% of their share; the others all of it.
        std::int64_t amount =
            share.party_kind == "residents"
                ? share.expected * rng_.between(std::int64_t{85}, std::int64_t{100}) / 100
                : share.expected;
        if (amount <= 0) continue;
        auto made = must(pledge(db_, system_, plan.id,
                                {party->second, line.category, amount, std::nullopt}, at_ms),
                         "pledge");
        ++summary_.pledges;
        std::int64_t paid_at = at_ms + rng_.between(std::int64_t{5}, std::int64_t{40}) * kDayMs;
        if (paid_at > as_of_ms_) continue;
        std::int64_t paid = paid_at + 50 * kDayMs > as_of_ms_ ? amount * 6 / 10 : amount;
        must(receive(
                 db_, system_, made.id,
                 {paid, "SK-" + plan.quarter + "-" + std::to_string(made.id), format_date(paid_at)},
                 paid_at),
             "receipt");
      }
    }
  }

  // Now and then the reserve meets an emergency during the quarter; the street signs it off
  // within days (the latest one may still wait for it).
  void emergency(const allocation::StoredPlan& plan, std::int64_t start, std::int64_t end) {
    static constexpr std::array<std::pair<const char*, const char*>, 4> kEmergencies{{
        {"natural_disaster", "暴雨致地下室和一楼进水，紧急抽水、清淤并临时安置独居老人"},
        {"urgent_relief", "困难家庭主要劳动力突发重病，临时救助与上门照护"},
        {"accident", "楼道电线老化起火后的紧急排查与临时照明"},
        {"public_health", "流感高发期为高龄独居老人配送药品与上门探视"},
    }};
    int count = rng_.between(1, 2);
    std::int64_t left = plan.emergency + plan.surplus;
    for (int i = 0; i < count; ++i) {
      std::int64_t at = start + rng_.between(std::int64_t{10}, std::int64_t{80}) * kDayMs +
                        rng_.between(std::int64_t{9}, std::int64_t{17}) * kHourMs;
      if (at > as_of_ms_ || at >= end) continue;
      // 15–40% of the reserve, in whole yuan.
      std::int64_t amount = std::min<std::int64_t>(
          left, (plan.emergency + plan.surplus) * rng_.between(std::int64_t{15}, std::int64_t{40}) /
                    100 / 100 * 100);
      if (amount <= 0) break;
      const auto& [kind, reason] = kEmergencies[static_cast<std::size_t>(rng_.between(0, 3))];
      EmergencyInput input{kind,
                           reason,
                           rng_.between(std::int64_t{3}, std::int64_t{40}),
                           amount,
                           "service_provider",
                           "YJ-" + plan.quarter + "-" + std::to_string(i + 1),
                           format_date(at)};
      auto spend = must(spend_reserve(db_, system_, plan.id, input, at), "emergency spend");
      left -= amount;
      ++summary_.emergency_spends;
      std::int64_t signed_at = at + rng_.between(std::int64_t{2}, std::int64_t{6}) * kDayMs;
      if (signed_at <= as_of_ms_) {
        must(sign_off_spend(db_, system_, plan.id, spend.id, "街道已核实票据、现场照片与受益户名单",
                            signed_at),
             "sign-off");
      }
    }
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
    // One plan's first council meeting lacked its quorum: back to draft, published again
    // with the notice's full length, and voted on at a second meeting.
    bool second_round = services && plan.quarter == Quarter::containing(as_of_ms_).plus(-3).name();
    if (second_round) {
      council_vote(plan, vote + kDayMs, false);
      vote += 2 * kDayMs;
      move(plan.id, "publish", "按议事会意见逐户告知后重新公示，公示期7天", vote);
      vote += 8 * kDayMs;
      move(plan.id, "open_vote", "重新公示期满，提交居民议事会表决", vote);
      ++summary_.council_failures;
    }
    std::int64_t step = second_round ? kDayMs : 4 * kDayMs;
    council_vote(plan, vote + step, true);
    assess(plan, vote + 2 * step, disputed);
    move(plan.id, "submit_review", "社工机构专业评估完成，报街道审核", vote + 2 * step + kHourMs);
    move(plan.id, "approve", "街道审核同意执行", vote + 3 * step);
    spent_.assign(plan.lines.size(), 0);
    for (int month = 0; month < 3; ++month) spend_month(plan, month, services);
    if (services) {
      emergency(plan, start, end);
      cofund(plan, vote + 3 * step);
    }
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
    // The demo's clock: the quarters ended by as_of.
    auto carry = [this](storage::Connection& db, std::int64_t community_id, const std::string& unit,
                        const std::string& quarter, std::int64_t) {
      return carry_finder()(db, community_id, unit, quarter, as_of_ms_);
    };
    auto plan = must(allocation::create_plan(db_, system_, request, carry), "next quarter's plan");
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
  std::map<std::string, std::int64_t> party_ids_;  // by kind (the first of each)
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
