// GenerateDemoCivic: surveys with a year of answers, tenant representatives and resident
// leaders for one demo community; see demo.hpp.
#include "modules/civic/demo.hpp"

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <cmath>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/random.hpp"
#include "modules/audit/audit.hpp"
#include "modules/civic/leaders.hpp"
#include "modules/civic/representatives.hpp"
#include "modules/civic/rules.hpp"
#include "modules/civic/surveys.hpp"

namespace gz::civic {
namespace {

constexpr std::uint64_t kStream = 0x43495643;  // "CIVC"

template <typename T>
T must(Result<T> result, std::string_view what) {
  if (!result) {
    throw std::runtime_error("civic demo: " + std::string(what) + ": " + result.error().message);
  }
  return std::move(*result);
}

// Days since the epoch of a local (Shanghai) instant, and back to a local time of day.
std::int64_t local_day(std::int64_t epoch_ms) {
  return shanghai_day(epoch_ms);
}
std::int64_t at_local(std::int64_t day, int hour, int minute = 0) {
  return shanghai_time_ms(day, (hour * 60LL + minute) * 60);
}
std::string date_of(std::int64_t day) {
  return day_text(day);
}
int age_on(const std::optional<std::string>& birth_date, std::int64_t day) {
  return birth_date ? gz::age_on(*birth_date, day).value_or(-1) : -1;
}

struct Person {
  std::int64_t id = 0;
  std::int64_t household_id = 0;
  std::optional<std::string> birth_date;
  std::string registration;
  std::string relation;
};

struct Home {
  std::int64_t id = 0;
  std::optional<std::int64_t> building_id;
  std::string housing_type;
  bool tagged_tenant = false;
  std::string willingness;
  std::vector<std::size_t> members;  // indexes into people
  std::optional<std::size_t> head;
  bool tenant() const {
    return housing_type == "tenant" || housing_type == "public" || tagged_tenant;
  }
};

struct Community {
  std::vector<Person> people;
  std::vector<Home> homes;
  std::vector<std::pair<std::int64_t, std::string>> buildings;
};

Community load(storage::Connection& db, std::int64_t community_id) {
  Community out;
  std::map<std::int64_t, std::size_t> home_index;
  for (const auto& row :
       db.query("SELECT h.id, h.building_id, h.housing_type, h.willingness, (SELECT COUNT(*) FROM "
                "household_labels l WHERE l.household_id = h.id AND l.kind = 'tag' AND l.value = "
                "'tenant') FROM households h WHERE h.community_id = ? ORDER BY h.id",
                {community_id})) {
    Home home;
    home.id = row.integer(0);
    home.building_id = row.opt_integer(1);
    home.housing_type = row.text(2);
    home.willingness = row.text(3);
    home.tagged_tenant = row.integer(4) > 0;
    home_index[home.id] = out.homes.size();
    out.homes.push_back(std::move(home));
  }
  for (const auto& row : db.query("SELECT id, household_id, birth_date, registration, relation "
                                  "FROM residents WHERE community_id = ? ORDER BY id",
                                  {community_id})) {
    auto found = home_index.find(row.integer(1));
    if (found == home_index.end()) continue;
    out.people.push_back(
        {row.integer(0), row.integer(1), row.opt_text(2), row.text(3), row.text(4)});
    out.homes[found->second].members.push_back(out.people.size() - 1);
  }
  for (auto& home : out.homes) {
    // The head (relation self), else the oldest member: whom a household's answer counts for.
    for (auto index : home.members) {
      const auto& person = out.people[index];
      if (person.relation == "self") {
        home.head = index;
        break;
      }
      if (!home.head ||
          (person.birth_date && (!out.people[*home.head].birth_date ||
                                 *person.birth_date < *out.people[*home.head].birth_date))) {
        home.head = index;
      }
    }
  }
  for (const auto& row : db.query(
           "SELECT id, name FROM buildings WHERE community_id = ? ORDER BY id", {community_id})) {
    out.buildings.emplace_back(row.integer(0), row.text(1));
  }
  return out;
}

// ---- surveys ----------------------------------------------------------------------------

struct SurveyPlan {
  const char* title;  // {year}: the year it opens in; {previous_quarter}: "2025年第四季度"
  const char* description;
  std::int64_t opens_days_before;  // as_of minus this
  std::int64_t open_days;          // 0: still open at as_of
  int base_permille;               // share of households answering, before group factors
  double satisfaction_offset;
  bool for_plan;
  std::vector<Question> questions;
  std::vector<const char*> comments;
};

// A survey's title for the day it opens (see SurveyPlan::title).
std::string survey_title(std::string title, std::int64_t opens_day) {
  const Quarter opens = Quarter::containing(shanghai_midnight_ms(opens_day));
  const Quarter previous = opens.plus(-1);
  static constexpr const char* kQuarterNames[] = {"一", "二", "三", "四"};
  const std::pair<std::string, std::string> fills[] = {
      {"{year}", std::to_string(opens.year)},
      {"{previous_quarter}",
       std::to_string(previous.year) + "年第" + kQuarterNames[previous.number - 1] + "季度"}};
  for (const auto& [token, fill] : fills) {
    if (auto at = title.find(token); at != std::string::npos) title.replace(at, token.size(), fill);
  }
  return title;
}

std::vector<SurveyPlan> survey_plans() {
  using K = QuestionKind;
  return {
      {"{year}年度社区服务满意度调查",
       "请您为过去一年的社区服务打分，结果将用于明年的服务计划。",
       360,
       26,
       340,
       0.0,
       false,
       {{0, K::scale, "您对社区服务的总体满意度（1=很不满意，5=很满意）", {}, true},
        {0,
         K::single_choice,
         "您最常使用的社区服务",
         {"养老服务", "托育服务", "文体活动", "健康服务", "便民服务"},
         true},
        {0,
         K::multiple_choice,
         "您希望明年加强的服务（可多选）",
         {"助餐送餐", "日间照料", "儿童托管", "健身场地", "法律咨询", "就业指导"},
         true},
        {0, K::text, "其他意见和建议", {}, false}},
       {"希望增加老年助餐点的供应时段", "小区停车太难，希望统筹规划", "社区活动通知能否提前一些",
        "儿童托管服务很有帮助，希望扩大名额", "楼道照明坏了很久，希望尽快维修",
        "希望晚上也能办理业务", "网格员服务很耐心，谢谢"}},
      {"{previous_quarter}社区服务资金使用满意度",
       "本季度资金分配方案已执行完毕，请对资金使用情况进行评价。",
       320,
       28,
       200,
       -0.1,
       true,
       {{0, K::scale, "您对本季度社区服务资金使用的满意度", {}, true},
        {0, K::single_choice, "您是否知晓本季度资金分配公示", {"知晓", "听说过", "不知道"}, true},
        {0, K::text, "对资金使用的意见", {}, false}},
       {"公示内容看得懂，很好", "希望公示放在楼道里，老人不会用手机", "托育投入可以再多一些",
        "助老资金用得实在"}},
      {"加装电梯意愿征询",
       "部分多层住宅楼拟加装电梯，征询各户意愿与楼道环境评价。",
       240,
       27,
       240,
       -0.2,
       false,
       {{0, K::single_choice, "您是否支持本楼加装电梯", {"支持", "反对", "无所谓"}, true},
        {0, K::scale, "您对所在楼道环境的满意度", {}, true},
        {0, K::text, "关于加装电梯的顾虑或建议", {}, false}},
       {"一楼住户担心采光和噪音", "费用分摊要公开透明", "家里老人上下楼太难了，强烈支持",
        "希望先解决楼道堆物问题"}},
      {"社区食堂意见征集",
       "社区食堂将调整菜品与营业时间，欢迎提出意见。",
       11,
       0,
       120,
       0.05,
       false,
       {{0, K::scale, "您对社区食堂的总体满意度", {}, true},
        {0,
         K::multiple_choice,
         "您希望食堂增加哪些服务（可多选）",
         {"早餐", "送餐上门", "老年优惠套餐", "周末营业"},
         true},
        {0, K::text, "其他建议", {}, false}},
       {"希望有低盐低油的老年餐", "周末也开门就好了", "价格合适，味道不错"}},
  };
}

double response_factor(const std::string& band, const std::string& residence,
                       const std::string& willingness) {
  double factor = 1.0;
  if (band == "60_plus") factor *= 1.4;
  if (band == "18_34") factor *= 0.55;
  if (band == "unknown") factor *= 0.8;
  if (residence == "migrant_tenant") factor *= 0.6;
  if (willingness == "high") factor *= 1.5;
  if (willingness == "low") factor *= 0.6;
  if (willingness == "none") factor *= 0.25;
  return factor;
}

int draw_scale(Rng& rng, double mean) {
  double noise = (rng.unit() + rng.unit() + rng.unit() - 1.5) * 1.3;
  auto value = static_cast<int>(std::lround(mean + noise));
  return std::clamp(value, kScaleMin, kScaleMax);
}

std::vector<Answer> draw_answers(Rng& rng, const SurveyPlan& plan,
                                 const std::vector<Question>& questions, const std::string& band,
                                 const std::string& residence) {
  double mean = 4.05 + plan.satisfaction_offset;
  if (residence == "migrant_tenant") mean -= 0.45;
  if (band == "18_34") mean -= 0.15;
  if (band == "60_plus") mean += 0.15;
  std::vector<Answer> out;
  for (const auto& question : questions) {
    Answer answer;
    answer.question_id = question.id;
    const int options = static_cast<int>(question.options.size());
    switch (question.kind) {
      case QuestionKind::scale:
        answer.scale = draw_scale(rng, mean);
        break;
      case QuestionKind::single_choice: {
        // Earlier options are the commoner answers; older residents favour the first.
        int choice = static_cast<int>(rng.skewed(0, options - 1));
        if (band == "60_plus" && rng.percent(25)) choice = 0;
        answer.choices.push_back(std::clamp(choice, 0, options - 1));
        break;
      }
      case QuestionKind::multiple_choice: {
        for (int i = 0; i < options; ++i) {
          if (rng.percent(i == 0 ? 55 : 30)) answer.choices.push_back(i);
        }
        if (answer.choices.empty()) answer.choices.push_back(rng.between(0, options - 1));
        break;
      }
      case QuestionKind::text:
        if (!rng.percent(14)) continue;
        answer.text = rng.pick(plan.comments);
        break;
    }
    out.push_back(std::move(answer));
  }
  return out;
}

void make_surveys(storage::Connection& db, std::int64_t community_id, Rng& rng,
                  const Community& community, std::int64_t as_of_ms, DemoCivicSummary& summary) {
  const Actor system = audit::system_actor();
  const std::int64_t today = local_day(as_of_ms);
  auto plan_row = db.query_one(
      "SELECT id FROM allocation_plans WHERE community_id = ? AND unit = 'fen' ORDER BY id LIMIT 1",
      {community_id});
  struct Made {
    const SurveyPlan* plan;
    Survey survey;
    std::int64_t opens_day;
    std::int64_t closes_day;
  };
  static const std::vector<SurveyPlan> plans = survey_plans();
  std::vector<Made> made;
  for (const auto& plan : plans) {
    if (plan.for_plan && !plan_row) continue;
    std::int64_t opens = today - plan.opens_days_before;
    NewSurvey input{
        community_id, survey_title(plan.title, opens), plan.description,
        plan.for_plan ? std::optional<std::int64_t>(plan_row->integer(0)) : std::nullopt,
        plan.questions};
    auto survey = must(create_survey(db, system, input, at_local(opens - 3, 10)), "survey");
    must(change_survey_status(db, system, survey.id, "open", at_local(opens, 9)), "open");
    std::int64_t closes = plan.open_days > 0 ? opens + plan.open_days : today;
    if (plan.open_days > 0) {
      must(change_survey_status(db, system, survey.id, "close", at_local(closes, 18)), "close");
    } else {
      summary.open_survey_id = survey.id;
    }
    if (plan.for_plan) summary.plan_survey_id = survey.id;
    made.push_back({&plan, std::move(survey), opens, closes});
    ++summary.surveys;
  }
  storage::with_transaction(db, storage::TxMode::write, [&] {
    audit::Appender appender(db);
    for (const auto& entry : made) {
      for (const auto& home : community.homes) {
        if (!home.head) continue;
        const Person& person = community.people[*home.head];
        std::int64_t day =
            entry.opens_day +
            rng.between(std::int64_t{0},
                        std::max<std::int64_t>(0, entry.closes_day - entry.opens_day -
                                                      (entry.plan->open_days ? 1 : 0)));
        std::string band = age_band(person.birth_date, date_of(day));
        std::string residence =
            residence_group(home.housing_type, home.tagged_tenant, person.registration);
        double chance =
            entry.plan->base_permille / 1000.0 * response_factor(band, residence, home.willingness);
        if (rng.unit() >= std::min(chance, 0.95)) continue;
        RecordedResponse response;
        response.survey_id = entry.survey.id;
        response.community_id = community_id;
        response.resident_id = person.id;
        response.household_id = home.id;
        response.age_band = band;
        response.residence = residence;
        response.building_id = home.building_id;
        response.questions = entry.survey.questions;
        response.answers = draw_answers(rng, *entry.plan, entry.survey.questions, band, residence);
        std::int64_t at =
            at_local(day, rng.between(day == entry.opens_day ? 10 : 7, 21), rng.between(0, 59));
        if (at > as_of_ms) at = as_of_ms - rng.between(60'000, 3'600'000);
        response.at_ms = at;
        auto id = insert_recorded_response(db, response);
        appender.append(system,
                        {community_id, "survey.respond", "survey_response", std::to_string(id),
                         boost::json::object{{"survey_id", entry.survey.id}}});
        ++summary.responses;
      }
    }
    appender.finish();
  });
}

// ---- representatives --------------------------------------------------------------------

void make_representatives(storage::Connection& db, std::int64_t community_id, Rng& rng,
                          const Community& community, std::int64_t as_of_ms,
                          DemoCivicSummary& summary) {
  const Actor system = audit::system_actor();
  const std::string today = format_date(as_of_ms);
  const std::int64_t today_day = local_day(as_of_ms);
  std::map<std::int64_t, std::vector<std::size_t>> tenants_of;  // building → adult tenants
  std::map<std::int64_t, int> tenant_homes;
  for (const auto& home : community.homes) {
    if (!home.building_id || !home.tenant()) continue;
    ++tenant_homes[*home.building_id];
    for (auto index : home.members) {
      int age = age_on(community.people[index].birth_date, today_day);
      if (age >= 22 && age <= 70) tenants_of[*home.building_id].push_back(index);
    }
  }
  auto election_of = [&](std::int64_t building_id, std::vector<std::size_t> pool,
                         std::int64_t election_day, std::int64_t start_day,
                         int years) -> std::optional<NewElection> {
    rng.shuffle(pool);
    int candidates = std::min<int>(static_cast<int>(pool.size()), rng.between(2, 4));
    if (candidates < 1) return std::nullopt;
    NewElection election;
    election.building_id = building_id;
    election.election_date = date_of(election_day);
    election.term_start = date_of(start_day);
    int year = 0;
    unsigned month = 0, day = 0;
    civil_from_days(start_day, year, month, day);
    election.term_end = date_of(days_from_civil(year + years, month, day) - 1);
    int voters = std::max(3, tenant_homes[building_id]);
    for (int i = 0; i < candidates; ++i) {
      election.candidates.push_back(
          {community.people[pool[static_cast<std::size_t>(i)]].id, rng.between(1, voters)});
    }
    std::sort(election.candidates.begin(), election.candidates.end(),
              [](const Candidate& a, const Candidate& b) { return a.votes > b.votes; });
    int seats = candidates >= 3 && rng.percent(60) ? 2 : 1;
    for (int i = 0; i < seats; ++i) {
      election.elected.push_back(election.candidates[static_cast<std::size_t>(i)].resident_id);
    }
    election.note = "楼栋租户大会选举，现场唱票";
    return election;
  };
  storage::with_transaction(db, storage::TxMode::write, [&] {
    audit::Appender appender(db);
    for (const auto& [building_id, name] : community.buildings) {
      auto pool = tenants_of[building_id];
      if (pool.empty() || !rng.percent(85)) continue;
      std::vector<SeatTerm> terms;
      std::vector<NewElection> elections;
      bool three_years = rng.percent(60);
      std::int64_t start = three_years ? today_day - 970 : today_day - 515;  // 2024-04 / 2025-07
      if (three_years && rng.percent(20)) {
        int year = 0;
        unsigned month = 0, day = 0;
        civil_from_days(start, year, month, day);
        std::int64_t earlier_start = days_from_civil(year - 3, month, day);  // ends start − 1
        if (auto earlier = election_of(building_id, pool, earlier_start - 12, earlier_start, 3)) {
          elections.push_back(std::move(*earlier));
        }
      }
      if (auto current = election_of(building_id, pool, start - rng.between(8, 20), start,
                                     three_years ? 3 : 2)) {
        elections.push_back(std::move(*current));
      }
      for (auto& election : elections) {
        if (!validate_term(election.election_date, election.term_start, election.term_end)) {
          throw std::runtime_error("civic demo: a planned term is invalid");
        }
        auto seats = assign_seats(terms, election.elected, election.term_start, election.term_end);
        if (!seats) throw std::runtime_error("civic demo: " + seats.error().message);
        std::int64_t recorded = at_local(local_day(as_of_ms) - 1, 12);
        int y = 0;
        unsigned m = 0, d = 0;
        if (parse_date(election.election_date, y, m, d)) {
          recorded = at_local(days_from_civil(y, m, d) + 1, 10);
        }
        auto id = insert_election(db, community_id, election, *seats, system.user_id,
                                  format_iso8601(recorded));
        boost::json::array elected;
        for (std::size_t i = 0; i < election.elected.size(); ++i) {
          terms.push_back(
              {election.elected[i], (*seats)[i], election.term_start, election.term_end});
          elected.push_back(
              boost::json::object{{"resident_id", election.elected[i]}, {"seat", (*seats)[i]}});
          ++summary.representatives;
          if (is_current(terms.back(), today)) ++summary.current_representatives;
        }
        appender.append(system, {community_id, "representative.election", "representative_election",
                                 std::to_string(id),
                                 boost::json::object{{"building_id", building_id},
                                                     {"election_date", election.election_date},
                                                     {"term_start", election.term_start},
                                                     {"term_end", election.term_end},
                                                     {"elected", elected}}});
        ++summary.elections;
      }
    }
    appender.finish();
  });
}

// ---- resident leaders -------------------------------------------------------------------

void make_leaders(storage::Connection& db, std::int64_t community_id, Rng& rng,
                  const Community& community, std::int64_t as_of_ms, DemoCivicSummary& summary) {
  const Actor system = audit::system_actor();
  const std::int64_t today = local_day(as_of_ms);
  const std::int64_t year_ago = today - 365;
  const std::array<std::pair<const char*, std::int64_t>, 6> kModules = {
      {{"社区议事规则与会议主持", 6},
       {"居民需求调查方法", 4},
       {"志愿服务组织与管理", 4},
       {"社区自组织孵化", 6},
       {"邻里矛盾调解技巧", 4},
       {"数字化工具应用", 3}}};
  std::vector<TrainingModule> modules;
  for (const auto& [title, hours] : kModules) {
    modules.push_back(
        must(add_module(db, system, community_id, title, hours, at_local(today - 3 * 365, 10)),
             "module"));
    ++summary.modules;
  }
  // Willing adults are the pool leaders come from.
  std::vector<std::size_t> willing, others;
  for (const auto& home : community.homes) {
    for (auto index : home.members) {
      int age = age_on(community.people[index].birth_date, today);
      if (age < 25 || age > 72) continue;
      (home.willingness == "high" ? willing : others).push_back(index);
    }
  }
  rng.shuffle(willing);
  rng.shuffle(others);
  for (auto index : others) willing.push_back(index);
  const auto households = static_cast<int>(community.homes.size());
  const int at_start = std::max(5, households / 100);
  const int joining = std::max(1, (at_start * 20 + 50) / 100);
  const int leaving = std::max(1, at_start / 15);
  const int left_earlier = std::max(1, at_start / 20);
  const int trainees = at_start / 2;
  if (static_cast<int>(willing.size()) < at_start + joining + left_earlier + trainees) {
    return;  // too small a community for a register
  }
  const std::array<const char*, 7> kAreas = {"楼道自治", "志愿服务", "文体活动", "邻里调解",
                                             "助老服务", "环境治理", "议事协商"};
  struct Planned {
    std::int64_t resident_id;
    std::int64_t since;
    std::optional<std::int64_t> until;
    bool newcomer;
  };
  std::vector<Planned> planned;
  std::size_t next = 0;
  for (int i = 0; i < at_start; ++i) {
    planned.push_back({community.people[willing[next++]].id,
                       year_ago - rng.between(std::int64_t{1}, std::int64_t{5 * 365}), std::nullopt,
                       false});
  }
  for (int i = 0; i < leaving; ++i) {
    planned[static_cast<std::size_t>(i) * 3].until =
        year_ago + rng.between(std::int64_t{30}, std::int64_t{330});
  }
  for (int i = 0; i < joining; ++i) {
    planned.push_back({community.people[willing[next++]].id,
                       year_ago + rng.between(std::int64_t{15}, std::int64_t{350}), std::nullopt,
                       true});
  }
  for (int i = 0; i < left_earlier; ++i) {
    std::int64_t since = year_ago - rng.between(std::int64_t{3 * 365}, std::int64_t{6 * 365});
    planned.push_back({community.people[willing[next++]].id, since,
                       since + rng.between(std::int64_t{365}, std::int64_t{2 * 365}), false});
  }
  std::vector<std::int64_t> current_leaders;
  storage::with_transaction(db, storage::TxMode::write, [&] {
    audit::Appender appender(db);
    auto complete = [&](std::int64_t resident_id, const TrainingModule& module, std::int64_t day) {
      day = std::clamp(day, today - 3 * 365 + 1, today - 1);
      auto id = db.query_one(
                      "INSERT INTO leader_completions (community_id, module_id, "
                      "resident_id, completed_on, recorded_by_user_id, created_at) VALUES "
                      "(?, ?, ?, ?, ?, ?) RETURNING id",
                      {community_id, module.id, resident_id, date_of(day), system.user_id,
                       format_iso8601(at_local(day, 17))})
                    ->integer(0);
      appender.append(system,
                      {community_id, "leader.completion", "leader_completion", std::to_string(id),
                       boost::json::object{{"module_id", module.id},
                                           {"resident_id", resident_id},
                                           {"completed_on", date_of(day)}}});
      ++summary.completions;
    };
    for (const auto& leader : planned) {
      std::string area = kAreas[static_cast<std::size_t>(rng.between(0, 6))];
      auto id =
          db.query_one(
                "INSERT INTO resident_leaders (community_id, resident_id, since_on, "
                "until_on, area, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                {community_id, leader.resident_id, date_of(leader.since),
                 leader.until ? storage::Value{date_of(*leader.until)} : storage::null_value(),
                 area, format_iso8601(at_local(leader.since, 11))})
              ->integer(0);
      appender.append(system,
                      {community_id, "leader.register", "resident_leader", std::to_string(id),
                       boost::json::object{{"resident_id", leader.resident_id},
                                           {"since", date_of(leader.since)},
                                           {"area", area}}});
      ++summary.leaders;
      if (!leader.until) current_leaders.push_back(leader.resident_id);
      // Two to five modules: newcomers before they joined, others over their years.
      std::vector<std::size_t> order{0, 1, 2, 3, 4, 5};
      rng.shuffle(order);
      int count = rng.between(2, 5);
      for (int k = 0; k < count; ++k) {
        std::int64_t day = leader.newcomer
                               ? leader.since - rng.between(std::int64_t{5}, std::int64_t{120})
                               : leader.since + rng.between(std::int64_t{0}, std::int64_t{700});
        complete(leader.resident_id, modules[order[static_cast<std::size_t>(k)]], day);
      }
    }
    for (int i = 0; i < trainees; ++i) {
      auto resident_id = community.people[willing[next++]].id;
      std::vector<std::size_t> order{0, 1, 2, 3, 4, 5};
      rng.shuffle(order);
      for (int k = 0, count = rng.between(1, 2); k < count; ++k) {
        complete(resident_id, modules[order[static_cast<std::size_t>(k)]],
                 year_ago + rng.between(std::int64_t{1}, std::int64_t{364}));
      }
    }
    appender.finish();
  });
  struct Org {
    const char* name;
    std::int64_t founded_days_ago;
    std::int64_t members;
    const char* status;
  };
  const std::array<Org, 6> kOrganisations = {{{"银龄志愿服务队", 1300, 36, "active"},
                                              {"广场舞文体队", 1500, 42, "active"},
                                              {"楼道自治小组", 620, 18, "active"},
                                              {"棋牌兴趣社", 1900, 8, "dormant"},
                                              {"亲子共读会", 230, 15, "incubating"},
                                              {"新市民互助会", 130, 22, "incubating"}}};
  std::size_t leader_at = 0;
  for (const auto& org : kOrganisations) {
    if (current_leaders.empty()) break;
    Organisation input;
    input.community_id = community_id;
    input.name = org.name;
    input.founded_on = date_of(today - org.founded_days_ago);
    int lead = rng.between(1, 2);
    for (int k = 0; k < lead; ++k) {
      auto id = current_leaders[leader_at++ % current_leaders.size()];
      if (std::find(input.leader_resident_ids.begin(), input.leader_resident_ids.end(), id) ==
          input.leader_resident_ids.end()) {
        input.leader_resident_ids.push_back(id);
      }
    }
    input.member_count = org.members + rng.between(0, 6);
    input.status = org.status;
    must(add_organisation(db, system, input, at_local(today - org.founded_days_ago, 15)),
         "organisation");
    ++summary.organisations;
  }
}

}  // namespace

DemoCivicSummary generate_demo_civic(storage::Connection& db, std::int64_t community_id,
                                     std::uint64_t seed, std::int64_t as_of_ms) {
  auto community = load(db, community_id);
  if (community.homes.empty()) {
    throw std::invalid_argument("civic demo: community " + std::to_string(community_id) +
                                " has no households");
  }
  DemoCivicSummary summary;
  Rng rng(seed, kStream);
  make_surveys(db, community_id, rng, community, as_of_ms, summary);
  make_representatives(db, community_id, rng, community, as_of_ms, summary);
  make_leaders(db, community_id, rng, community, as_of_ms, summary);
  return summary;
}

}  // namespace gz::civic
