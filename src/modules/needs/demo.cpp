// GenerateDemoNeeds: assessments and two participatory-budgeting elections for one demo
// community, through the real use cases (see demo.hpp for the story). The quarterly plans
// that read these assessments are the allocation module's demo (allocation/demo.hpp).
//
// Choices worth knowing:
//   - Assessments go to households whose file shows a reason to look closer (living alone,
//     disability, chronic illness, low income, a newborn) three times out of four, and to
//     others for the rest: guides also find needs the registry does not show.
//   - cast_ballot reads the election's ballots to check each new one, so the ballots of the
//     finished election cost O(n²) row reads; measured on SQLite for 4,500 households (180
//     assessments and 10 plans, 1,755 ballots) the needs and allocation demos took about 2 s.

#include "modules/needs/demo.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/random.hpp"
#include "modules/audit/audit.hpp"
#include "modules/needs/needs.hpp"
#include "modules/pb/pb.hpp"
#include "modules/registry/registry.hpp"

namespace gz::needs {
namespace {

constexpr std::uint64_t kStream = 0x4e454544;  // "NEED"

template <typename T>
T must(Result<T> result, std::string_view what) {
  if (!result) {
    throw std::runtime_error("needs demo: " + std::string(what) + ": " + result.error().message);
  }
  return std::move(*result);
}

std::int64_t at(std::string_view iso) {
  return must(parse_iso8601(iso), "a fixed date");
}

template <typename T>
void shuffle(std::vector<T>& items, Rng& rng) {
  for (std::size_t i = items.size(); i > 1; --i) {
    std::swap(items[i - 1], items[static_cast<std::size_t>(
                                rng.between(std::int64_t{0}, static_cast<std::int64_t>(i - 1)))]);
  }
}

bool has_tag(const HouseholdNeeds& household, std::string_view tag) {
  return std::find(household.tags.begin(), household.tags.end(), tag) != household.tags.end();
}

// --- assessments -------------------------------------------------------------------------

struct Finding {
  std::string_view tag;  // "" for households whose file shows nothing
  std::string_view dimension;
  int score_min;
  int score_max;
  std::string_view reason;
};

constexpr Finding kFindings[] = {
    {"elderly_alone", "health", 78, 92, "实地走访发现独居老人行动不便，上下楼需要搀扶"},
    {"elderly_alone", "special_needs", 75, 90, "走访发现独居老人夜间无人照应，已列入重点关爱"},
    {"disability", "special_needs", 82, 96, "入户核实：家中重度残疾成员需长期照护，家属难以兼顾"},
    {"chronic_illness", "health", 72, 88, "走访了解到家庭成员患多种慢性病，需定期陪诊取药"},
    {"low_income", "economy", 78, 92, "核实家庭收入骤降，主要劳动力失业，医疗支出大"},
    {"newborn", "population_structure", 70, 85, "新生儿家庭，双职工且无老人帮忙照看"},
    {"", "economy", 65, 80, "家庭主要劳动力因病停工，收入明显下降，登记信息未更新"},
    {"", "health", 65, 82, "走访发现老人记忆力减退，疑似早期认知障碍，建议评估"},
    {"", "willingness", 70, 90, "多次主动参加楼栋议事和志愿服务，积极性高于登记情况"},
    {"", "population_structure", 60, 78, "实际居住人口多于登记，另有两名学龄前儿童"},
};

int record_assessments(storage::Connection& db, const CommunityNeeds& needs, Rng& rng) {
  std::unordered_map<std::int64_t, Actor> guide_of;  // household id → its guide
  std::unordered_map<std::int64_t, Actor> guides;
  for (const auto& row : db.query(
           "SELECT h.id, u.id, u.username, COALESCE(u.display_name, u.username) FROM households h "
           "JOIN users u ON u.id = h.guide_user_id WHERE h.community_id = ? AND u.role = 'guide' "
           "AND u.disabled = 0",
           {needs.community_id})) {
    auto [it, added] = guides.try_emplace(row.integer(1));
    if (added) {
      it->second = Actor{row.integer(1), row.text(2),          Role::guide,
                         std::nullopt,   {needs.community_id}, row.text(3)};
    }
    guide_of.emplace(row.integer(0), it->second);
  }
  // Households with a reason on file (by finding) and those without.
  std::vector<std::pair<const HouseholdNeeds*, const Finding*>> flagged, others;
  for (const auto& household : needs.households) {
    if (!guide_of.count(household.household_id)) continue;
    const Finding* found = nullptr;
    for (const auto& finding : kFindings) {
      if (!finding.tag.empty() && has_tag(household, finding.tag)) {
        found = &finding;
        // The second finding of the same tag, half the time.
        if ((&finding + 1)->tag == finding.tag && rng.percent(50)) found = &finding + 1;
        break;
      }
    }
    if (found) {
      flagged.emplace_back(&household, found);
    } else {
      constexpr std::size_t kFirstUntagged = 6;
      others.emplace_back(&household,
                          &kFindings[kFirstUntagged + static_cast<std::size_t>(rng.between(0, 3))]);
    }
  }
  shuffle(flagged, rng);
  shuffle(others, rng);
  std::size_t target = needs.households.size() * 4 / 100;
  std::size_t from_flagged = std::min(flagged.size(), target * 3 / 4);
  std::vector<std::pair<const HouseholdNeeds*, const Finding*>> chosen(
      flagged.begin(), flagged.begin() + static_cast<std::ptrdiff_t>(from_flagged));
  for (std::size_t i = 0; i < others.size() && chosen.size() < target; ++i) {
    chosen.push_back(others[i]);
  }
  std::sort(chosen.begin(), chosen.end(), [](const auto& a, const auto& b) {
    return a.first->household_id < b.first->household_id;
  });
  for (const auto& [household, finding] : chosen) {
    AssessmentInput input{household->household_id, std::string(finding->dimension),
                          rng.between(finding->score_min, finding->score_max),
                          std::string(finding->reason)};
    must(record_assessment(db, guide_of.at(household->household_id), input), "assessment");
  }
  return static_cast<int>(chosen.size());
}

// --- participatory budgeting --------------------------------------------------------------

struct DemoProject {
  std::string_view name;
  std::int64_t cost_yuan;
  int majority_percent;  // chance that a household outside the young families approves it
  int young_percent;     // the same for a young family
  std::string_view description;
};

constexpr DemoProject kFinishedProjects[] = {
    {"加装电梯扶手", 45'000, 55, 15, "老旧多层楼梯加装双侧扶手，方便老人上下楼"},
    {"楼道照明改造", 38'000, 50, 20, "更换为声控LED灯，解决楼道夜间黑暗"},
    {"老年助餐点", 60'000, 46, 8, "在社区活动中心设老年助餐点，每日供应午餐"},
    {"垃圾分类亭", 32'000, 41, 15, "新建四座带洗手池的垃圾分类投放亭"},
    {"电动自行车充电棚", 55'000, 40, 18, "集中充电，消除楼道飞线充电隐患"},
    {"停车位划线", 18'000, 36, 10, "重新施划停车位和消防通道标线"},
    {"健身器材更新", 28'000, 32, 10, "更换老化的室外健身器材"},
    {"口袋公园", 85'000, 30, 12, "将闲置空地改造为口袋公园"},
    {"监控探头补盲", 30'000, 28, 6, "在出入口和车棚补装监控探头"},
    {"雨水管网疏通", 40'000, 24, 5, "疏通雨水管网，解决雨季积水"},
    {"无障碍坡道", 22'000, 22, 4, "为单元门口加装无障碍坡道"},
    {"楼栋议事角", 12'000, 15, 5, "在各楼栋设置议事角桌椅和公告栏"},
    {"儿童游乐设施", 48'000, 4, 86, "建设带软质铺装的儿童游乐区"},
    {"社区托育点", 52'000, 3, 72, "与托育机构合作开设普惠托育点"},
    {"亲子阅读角", 26'000, 3, 68, "在活动中心设亲子阅读角，周末开放"},
};

constexpr DemoProject kOpenProjects[] = {
    {"单元门禁更换", 36'000, 45, 30, "更换老化的单元门禁"},
    {"小区绿化补植", 24'000, 35, 25, "补植行道树和绿篱"},
    {"健身步道修缮", 30'000, 30, 20, "修补破损的环形健身步道"},
    {"快递柜增设", 20'000, 25, 60, "在东西门各增设一组智能快递柜"},
    {"老年活动室空调", 15'000, 40, 5, "为老年活动室更换空调"},
    {"儿童滑梯翻新", 18'000, 5, 70, "翻新儿童滑梯并加装防护"},
    {"自行车棚修缮", 22'000, 20, 20, "修缮漏雨的自行车棚"},
    {"外墙空鼓修补", 45'000, 30, 10, "修补外墙空鼓，消除坠落隐患"},
};

// Young families: tenants or households with a newborn, with a child under 12.
bool is_young_family(const HouseholdNeeds& household) {
  bool child = std::any_of(household.facts.member_ages.begin(), household.facts.member_ages.end(),
                           [](int age) { return age < 12; });
  return child && (household.housing_type == "tenant" || has_tag(household, "newborn"));
}

struct ElectionPlan {
  std::string name;
  std::string rule;
  std::string opens;
  std::string closes;
  std::string proposed;  // when the projects are added
  std::int64_t budget_yuan;
  std::span<const DemoProject> projects;
  int turnout_permille;  // of the community's households
  std::int64_t last_vote_ms;
};

struct ElectionMade {
  std::int64_t id = 0;
  int projects = 0;
  int ballots = 0;
};

ElectionMade hold_election(storage::Connection& db, const CommunityNeeds& needs,
                           const ElectionPlan& plan, Rng& rng) {
  const Actor system = audit::system_actor();
  pb::ElectionInput input;
  input.community_id = needs.community_id;
  input.name = plan.name;
  input.budget = plan.budget_yuan;
  input.rule = plan.rule;
  input.voting_opens_at = std::string(plan.opens);
  input.voting_closes_at = std::string(plan.closes);
  ElectionMade made;
  made.id = must(pb::create_election(db, system, input), "election").id;
  std::int64_t proposed_ms = at(plan.proposed);
  std::vector<std::int64_t> project_ids;
  for (const auto& project : plan.projects) {
    project_ids.push_back(
        must(pb::add_project(db, system,
                             {made.id, std::string(project.name), project.cost_yuan,
                              std::string(project.description)},
                             proposed_ms),
             "project")
            .id);
    proposed_ms += 3 * 3600 * 1000;
  }
  made.projects = static_cast<int>(project_ids.size());

  // Voters: a fifth young families, the rest from everyone else.
  std::vector<const HouseholdNeeds*> young, others;
  for (const auto& household : needs.households) {
    (is_young_family(household) ? young : others).push_back(&household);
  }
  shuffle(young, rng);
  shuffle(others, rng);
  std::size_t voters =
      needs.households.size() * static_cast<std::size_t>(plan.turnout_permille) / 1000;
  std::size_t young_voters = std::min(young.size(), voters / 5);
  std::vector<std::pair<const HouseholdNeeds*, bool>> ballots;
  for (std::size_t i = 0; i < young_voters; ++i) ballots.emplace_back(young[i], true);
  for (std::size_t i = 0; i < others.size() && ballots.size() < voters; ++i) {
    ballots.emplace_back(others[i], false);
  }
  shuffle(ballots, rng);  // the order of voting
  std::int64_t opens_ms = at(plan.opens);
  std::int64_t span_ms = std::min(at(plan.closes), plan.last_vote_ms) - opens_ms;
  for (std::size_t i = 0; i < ballots.size(); ++i) {
    const auto& [household, young_family] = ballots[i];
    std::vector<std::int64_t> approved;
    for (std::size_t p = 0; p < plan.projects.size(); ++p) {
      int chance =
          young_family ? plan.projects[p].young_percent : plan.projects[p].majority_percent;
      if (rng.percent(chance)) approved.push_back(project_ids[p]);
    }
    if (approved.empty()) {
      // Nobody walks to the booth to approve nothing: their favourite, then.
      approved.push_back(project_ids[young_family ? plan.projects.size() - 3 : 0]);
    }
    Actor voter{0, "", Role::resident, household->household_id, {needs.community_id}, ""};
    std::int64_t now_ms =
        opens_ms +
        span_ms * static_cast<std::int64_t>(i) / static_cast<std::int64_t>(ballots.size()) +
        rng.between(std::int64_t{0}, std::int64_t{60'000});
    must(pb::cast_ballot(db, voter, made.id, approved, now_ms), "ballot");
  }
  made.ballots = static_cast<int>(ballots.size());
  return made;
}

}  // namespace

DemoNeedsSummary generate_demo_needs(storage::Connection& db, std::int64_t community_id,
                                     std::uint64_t seed, std::int64_t as_of_ms) {
  if (!registry::community_exists(db, community_id)) {
    throw std::invalid_argument("needs demo: no community " + std::to_string(community_id));
  }
  CommunityNeeds needs = load_community(db, community_id);
  if (needs.households.empty()) {
    throw std::invalid_argument("needs demo: community " + std::to_string(community_id) +
                                " has no households");
  }
  Rng rng(seed, kStream);
  DemoNeedsSummary summary;
  summary.assessments = record_assessments(db, needs, rng);

  // Dates count in days from as_of's day (2026-11-29 for the demo date): the year's round
  // voted from 89 to 69 days before it.
  const std::int64_t today = shanghai_day(as_of_ms);
  const auto day = [today](std::int64_t days_from_today, int hour) {
    return format_iso8601(shanghai_midnight_ms(today + days_from_today) + hour * kHourMs)
               .substr(0, 19) +
           "+08:00";
  };
  const int year = Quarter::containing(shanghai_midnight_ms(today - 89)).year;
  auto finished =
      hold_election(db, needs,
                    {std::to_string(year) + " 社区微更新", "equal-shares-add1", day(-89, 9),
                     day(-69, 18), day(-111, 10), 300'000, kFinishedProjects, 330, as_of_ms},
                    rng);
  // The next round opened a week before the demo date: a sixth as many ballots so far.
  auto open = hold_election(
      db, needs,
      {std::to_string(year + 1) + " 社区微更新（第一批）", "equal-shares-add1", day(-7, 9),
       day(14, 18), day(-19, 10), 150'000, kOpenProjects, 60, as_of_ms - 3600 * 1000},
      rng);
  summary.finished_election_id = finished.id;
  summary.open_election_id = open.id;
  summary.elections = 2;
  summary.projects = finished.projects + open.projects;
  summary.ballots = finished.ballots + open.ballots;
  return summary;
}

}  // namespace gz::needs
