// The demo's year of visits: each guide visits the households of their patch, the neediest
// most often (home visits, phone calls, meetings in the street), notes what they found and
// sets follow-ups; half of the silent needy have not been reached yet, so the workbench has
// households to visit on the first run.
#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "core/random.hpp"
#include "modules/audit/audit.hpp"
#include "modules/casework/casework.hpp"
#include "modules/needs/needs.hpp"
#include "modules/registry/registry.hpp"

namespace gz::casework {
namespace {

struct Note {
  const char* tag;  // "" for any household
  const char* text;
  const char* need;  // "" when none is found
  const char* kind;  // how the guide met the household
};

constexpr Note kNotes[] = {
    {"elderly_alone", "独居老人，身体尚可，叮嘱按时吃药，留了指导员电话，约好每两周来看看。",
     "elderly_care", "home"},
    {"elderly_alone", "老人说中午常常凑合吃，介绍了社区食堂的助餐服务和送餐。", "elderly_care",
     "home"},
    {"disability", "家中有残疾人，轮椅进出单元门不便，已记下加装坡道和扶手的需要。",
     "disability_service", "home"},
    {"chronic_illness", "慢性病患者，每月去医院复诊，询问了家庭医生签约和陪诊的情况。",
     "elderly_care", "phone"},
    {"low_income", "家庭收入低，孩子上学开销大，讲了临时救助和助学政策，材料下周帮忙递交。",
     "low_income_assistance", "home"},
    {"newborn", "新生儿家庭，母亲白天一人带娃，介绍了社区托育点和育儿讲座。", "childcare", "home"},
    {"tenant", "租户，刚搬来三个月，还不认识邻居，邀请参加楼栋议事角。", "", "street"},
    {"", "入户了解近况，家中情况稳定，暂无新诉求。", "", "home"},
    {"", "电话回访上次诉求的办理情况，居民表示满意。", "", "phone"},
    {"", "楼下遇到，聊了社区食堂和议事会的安排，居民愿意来听听。", "culture_sports", "street"},
};

bool has_tag(const registry::Household& household, std::string_view tag) {
  return std::find(household.tags.begin(), household.tags.end(), tag) != household.tags.end();
}

const Note& pick_note(Rng& rng, const registry::Household& household) {
  std::vector<const Note*> fitting;
  for (const Note& note : kNotes) {
    if (*note.tag == '\0' || has_tag(household, note.tag)) fitting.push_back(&note);
  }
  return *fitting[static_cast<std::size_t>(
      rng.between(std::int64_t{0}, static_cast<std::int64_t>(fitting.size()) - 1))];
}

}  // namespace

std::int64_t demo_visits(storage::Connection& db, std::int64_t community_id,
                         std::int64_t as_of_ms) {
  Rng rng(0x7615175ULL, static_cast<std::uint64_t>(community_id));
  Actor system = audit::system_actor();
  auto needs = needs::community_needs(db, system, community_id);
  if (!needs) return 0;
  std::map<std::int64_t, const needs::HouseholdNeeds*> by_id;
  for (const auto& household : needs->households) by_id.emplace(household.household_id, &household);

  registry::HouseholdFilter filter;
  filter.community_id = community_id;
  filter.page_size = 500;
  std::vector<registry::Household> households;
  for (std::int64_t page = 1;; ++page) {
    filter.page = page;
    auto listed = registry::list_households(db, system, filter);
    if (!listed || listed->items.empty()) break;
    households.insert(households.end(), listed->items.begin(), listed->items.end());
    if (page * filter.page_size >= listed->total) break;
  }

  std::int64_t written = 0;
  std::int64_t today = shanghai_day(as_of_ms);
  for (const auto& household : households) {
    if (!household.guide_user_id) continue;
    auto found = by_id.find(household.id);
    if (found == by_id.end()) continue;
    const needs::HouseholdNeeds& facts = *found->second;
    int visits = 0;
    std::int64_t latest_days_ago = 1;
    if (needs::is_silent(facts)) {
      // Half of the silent needy not reached yet; the others once, months ago.
      if (rng.percent(50)) continue;
      visits = 1;
      latest_days_ago = rng.between(std::int64_t{100}, std::int64_t{300});
    } else if (facts.score.overall_hundredths >= 4000) {
      visits = rng.between(3, 7);
    } else if (facts.score.overall_hundredths >= 2500) {
      visits = rng.between(1, 3);
    } else {
      visits = rng.percent(12) ? 1 : 0;
    }
    for (int i = 0; i < visits; ++i) {
      std::int64_t days_ago = visits == 1 && latest_days_ago > 1
                                  ? latest_days_ago
                                  : rng.between(std::int64_t{1}, std::int64_t{360});
      std::int64_t visited_ms = shanghai_time_ms(
          today - days_ago, rng.between(std::int64_t{9 * 3600}, std::int64_t{17 * 3600}));
      const Note& note = pick_note(rng, household);
      std::string kind = note.kind;
      boost::json::array found_needs;
      if (*note.need != '\0' && rng.percent(60)) found_needs.emplace_back(note.need);
      // A follow-up two weeks on for a third of the needier households' recent visits: some
      // fall due around the demo date.
      storage::Value follow_up;
      if (days_ago <= 40 && facts.score.overall_hundredths >= 4000 && rng.percent(33)) {
        follow_up = visited_ms + 14 * kDayMs;
      }
      db.execute(
          "INSERT INTO visits (community_id, household_id, visitor_user_id, kind, visited_ms, "
          "visited_at, notes, needs_found, follow_up_ms, created_ms, created_at) VALUES (?, ?, ?, "
          "?, ?, ?, ?, ?, ?, ?, ?)",
          {community_id, household.id, *household.guide_user_id, kind, visited_ms,
           format_iso8601(visited_ms), std::string(note.text), boost::json::serialize(found_needs),
           follow_up, visited_ms, format_iso8601(visited_ms)});
      ++written;
    }
  }
  return written;
}

}  // namespace gz::casework
