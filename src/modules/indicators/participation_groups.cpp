// Participation by resident group and channel (load_indicators.hpp).
#include <algorithm>

#include "core/clock.hpp"
#include "modules/indicators/load_indicators.hpp"
#include "modules/indicators/scope.hpp"

namespace gz::indicators {
namespace {

constexpr const char* kGroups[] = {"elderly", "young_workers", "tenants", "migrants"};
constexpr const char* kChannels[] = {"online_hall", "building_corner", "tenant_reps", "community"};

bool in_group(const HouseholdGroups& groups, std::string_view group) {
  if (group == "elderly") return groups.elderly;
  if (group == "young_workers") return groups.young_workers;
  if (group == "tenants") return groups.tenants;
  return groups.migrants;
}

std::optional<double> share(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

// The label of the period before: the quarter, month or year before.
std::string previous_label(const Period& period) {
  if (period.months == 3) return quarter_after(period.label, -1);
  if (period.months == 1) return month_after(period.label, -1);
  return std::to_string(std::stoi(period.label) - 1);
}

// "YYYY-MM-DD" `years` before a day "YYYY-MM-DD" (29 February becomes 28).
std::string years_before(const std::string& day, int years) {
  std::string out = std::to_string(std::stoi(day.substr(0, 4)) - years) + day.substr(4);
  if (out.substr(5) == "02-29") out = out.substr(0, 5) + "02-28";
  return out;
}

}  // namespace

std::vector<GroupParticipation> group_participation(
    const std::map<std::int64_t, HouseholdGroups>& households,
    const std::set<std::int64_t>& participating, const std::set<std::int64_t>& before) {
  std::vector<GroupParticipation> out;
  for (const char* group : kGroups) {
    GroupParticipation line;
    line.group = group;
    for (const auto& [id, groups] : households) {
      if (!in_group(groups, group)) continue;
      ++line.households;
      if (participating.contains(id)) ++line.participating;
      if (before.contains(id)) ++line.previous_participating;
    }
    line.rate = share(line.participating, line.households);
    line.previous_rate = share(line.previous_participating, line.households);
    if (line.rate && line.previous_rate && *line.previous_rate > 0) {
      line.gain = *line.rate / *line.previous_rate - 1.0;
    }
    out.push_back(std::move(line));
  }
  return out;
}

Result<ParticipationBreakdown> participation_breakdown(storage::Connection& db, const Actor& actor,
                                                       const Scope& scope, const Period& period) {
  GZ_ASSIGN_OR_RETURN(auto ids, communities_in_scope(db, actor, scope));
  ParticipationBreakdown out;
  out.period = period;
  out.previous_period = previous_label(period);
  out.community_ids = ids;
  auto previous = Period::parse(out.previous_period);

  // Each household's groups, from today's registry, ages at the period's end.
  const std::string end_day = format_date(period.to_ms - 1);
  const std::string sixty = years_before(end_day, 60), eighteen = years_before(end_day, 18),
                    forty_five = years_before(end_day, 45);
  std::map<std::int64_t, HouseholdGroups> households;
  std::map<std::int64_t, bool> has_young;
  {
    std::vector<storage::Value> params;
    std::string where = storage::in_list("community_id", ids, params);
    for (const auto& row :
         db.query("SELECT id, housing_type FROM households WHERE " + where, params)) {
      households[row.integer(0)].tenants = row.text(1) == "tenant";
    }
  }
  {
    std::vector<storage::Value> params;
    std::string where = storage::in_list("community_id", ids, params);
    for (const auto& row :
         db.query("SELECT household_id, value FROM household_labels WHERE " + where +
                      " AND kind = 'tag' AND value IN ('elderly', "
                      "'elderly_alone', 'empty_nest', 'tenant', 'migrant')",
                  params)) {
      auto found = households.find(row.integer(0));
      if (found == households.end()) continue;
      const std::string tag = row.text(1);
      if (tag == "tenant")
        found->second.tenants = true;
      else if (tag == "migrant")
        found->second.migrants = true;
      else
        found->second.elderly = true;
    }
  }
  {
    std::vector<storage::Value> params;
    std::string where = storage::in_list("community_id", ids, params);
    for (const auto& row :
         db.query("SELECT household_id, birth_date, registration FROM residents WHERE " + where,
                  params)) {
      auto found = households.find(row.integer(0));
      if (found == households.end()) continue;
      if (row.text(2) == "migrant") found->second.migrants = true;
      auto born = row.opt_text(1);
      if (!born || born->size() < 10) continue;
      if (*born <= sixty) found->second.elderly = true;
      if (*born <= eighteen && *born > forty_five) has_young[row.integer(0)] = true;
    }
  }
  for (auto& [id, groups] : households) {
    groups.young_workers = has_young.contains(id) && !groups.elderly;
  }

  // Who took part, now and before; by channel now.
  auto attended = [&](const Period& when, std::map<std::string, std::set<std::int64_t>>* by_channel,
                      std::map<std::string, std::int64_t>* attendances) {
    std::set<std::int64_t> out_set;
    std::vector<storage::Value> params;
    std::string where = storage::in_list("t.community_id", ids, params);
    params.emplace_back(when.from_ms);
    params.emplace_back(when.to_ms);
    for (const auto& row : db.query(
             "SELECT t.household_id, a.channel FROM activity_attendance t JOIN activities a ON "
             "a.id = t.activity_id WHERE " +
                 where + " AND t.checked_in_ms >= ? AND t.checked_in_ms < ?",
             params)) {
      out_set.insert(row.integer(0));
      if (by_channel) (*by_channel)[row.text(1)].insert(row.integer(0));
      if (attendances) ++(*attendances)[row.text(1)];
    }
    return out_set;
  };
  std::map<std::string, std::set<std::int64_t>> by_channel;
  std::map<std::string, std::int64_t> attendances;
  auto now_set = attended(period, &by_channel, &attendances);
  auto before_set = previous ? attended(*previous, nullptr, nullptr) : std::set<std::int64_t>{};
  out.groups = group_participation(households, now_set, before_set);

  std::map<std::string, std::int64_t> activities;
  {
    std::vector<storage::Value> params;
    std::string where = storage::in_list("community_id", ids, params);
    params.emplace_back(period.from_ms);
    params.emplace_back(period.to_ms);
    for (const auto& row : db.query("SELECT channel, COUNT(*) FROM activities WHERE " + where +
                                        " AND starts_ms >= ? AND starts_ms < ? GROUP BY channel",
                                    params)) {
      activities[row.text(0)] = row.integer(1);
    }
  }
  for (const char* channel : kChannels) {
    ChannelParticipation line;
    line.channel = channel;
    line.activities = activities[channel];
    line.attendances = attendances[channel];
    const auto& reached = by_channel[channel];
    line.households = static_cast<std::int64_t>(reached.size());
    for (const char* group : kGroups) {
      std::int64_t count = 0;
      for (std::int64_t id : reached) {
        auto found = households.find(id);
        if (found != households.end() && in_group(found->second, group)) ++count;
      }
      line.households_by_group.emplace_back(group, count);
    }
    out.channels.push_back(std::move(line));
  }
  return out;
}

}  // namespace gz::indicators
