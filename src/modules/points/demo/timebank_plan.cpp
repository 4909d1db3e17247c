#include "modules/points/demo/timebank_plan.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>

#include "modules/points/demo/random.hpp"
#include "modules/points/demo/texts.hpp"

namespace gz::points::demo {
namespace {

constexpr ServiceKind kServiceKinds[] = {
    {"companionship", 30, 4, 8},
    {"shopping", 18, 3, 6},
    {"meal_delivery", 12, 2, 4},
    {"cleaning", 10, 4, 8},
    {"escort_to_hospital", 10, 8, 16},
    {"tech_help", 12, 2, 4},
    {"repair", 5, 2, 6},
    {"other", 3, 2, 4},
};

}  // namespace

std::span<const ServiceKind> service_kinds() {
  return kServiceKinds;
}

void plan_timebank(Replay& replay, const Community& community, const std::vector<Month>& months,
                   std::uint64_t seed, std::int64_t as_of_ms) {
  Rng rng(seed, stream_of(kTimebankStream, community.id));
  // Providers: residents aged 60-70 of willing households, the most engaged first.
  std::vector<std::size_t> candidates;
  std::vector<std::size_t> recipients;
  for (std::size_t i = 0; i < community.people.size(); ++i) {
    const Person& person = community.people[i];
    const Home& home = community.homes[person.home];
    if (person.age >= 60 && person.age <= 70 && home.willingness != "none" &&
        home.willingness != "low") {
      candidates.push_back(i);
    }
    if (person.age >= 80 || (home.living_alone && person.age >= 75)) recipients.push_back(i);
  }
  std::stable_sort(candidates.begin(), candidates.end(), [&](std::size_t a, std::size_t b) {
    return community.homes[community.people[a].home].rank_per_mille <
           community.homes[community.people[b].home].rank_per_mille;
  });
  const std::size_t provider_count = std::clamp<std::size_t>(
      candidates.size() / 12, std::min<std::size_t>(12, candidates.size()), std::size_t{70});
  candidates.resize(std::min(candidates.size(), provider_count));

  // Each provider is paired with two or three neighbours, at most two providers each.
  std::map<std::size_t, int> load;
  std::vector<std::vector<std::size_t>> partners(candidates.size());
  for (std::size_t p = 0; p < candidates.size(); ++p) {
    const Person& provider = community.people[candidates[p]];
    const auto building = static_cast<std::int64_t>(community.homes[provider.home].building);
    const int wanted = rng.between(2, 3);
    for (std::int64_t distance = 0; distance <= 4 && int(partners[p].size()) < wanted; ++distance) {
      std::vector<std::size_t> near;
      for (std::size_t r : recipients) {
        const Person& recipient = community.people[r];
        const auto other = static_cast<std::int64_t>(community.homes[recipient.home].building);
        if (std::abs(other - building) == distance && recipient.home != provider.home &&
            load[r] < 2) {
          near.push_back(r);
        }
      }
      rng.shuffle(near);
      for (std::size_t r : near) {
        if (int(partners[p].size()) >= wanted) break;
        partners[p].push_back(r);
        ++load[r];
      }
    }
  }

  // A quarter start in the first month; the rest join over the year.
  const std::size_t founders = std::max<std::size_t>(1, candidates.size() / 4);
  std::vector<int> join_month(candidates.size(), 0);
  for (std::size_t p = founders; p < candidates.size(); ++p) {
    join_month[p] = 1 + static_cast<int>((p - founders) * 10 /
                                         std::max<std::size_t>(1, candidates.size() - founders));
  }
  for (std::size_t p = 0; p < candidates.size(); ++p) {
    replay.providers.push_back(candidates[p]);
    replay.provider_start_ms.push_back(
        at(months[static_cast<std::size_t>(join_month[p])].first_day, 0, 0));
  }

  const std::int64_t as_of_day = local_day(as_of_ms);
  int kind_weights[std::size(kServiceKinds)];
  for (const Month& month : months) {
    for (std::size_t p = 0; p < candidates.size(); ++p) {
      if (join_month[p] > month.index || partners[p].empty()) continue;
      static constexpr int kCountWeights[] = {25, 45, 25, 5};
      const auto count = pick_weighted(rng, kCountWeights).value_or(0);
      for (std::size_t n = 0; n < count; ++n) {
        ServicePlan plan;
        plan.provider = candidates[p];
        plan.recipient = rng.pick(partners[p]);
        const Person& recipient = community.people[plan.recipient];
        const Home& provider_home = community.homes[community.people[plan.provider].home];
        const bool handy = std::any_of(
            provider_home.skills.begin(), provider_home.skills.end(),
            [](const std::string& skill) { return skill == "家电维修" || skill == "水电维修"; });
        const bool digital = std::find(provider_home.skills.begin(), provider_home.skills.end(),
                                       "电脑") != provider_home.skills.end();
        for (std::size_t k = 0; k < std::size(kServiceKinds); ++k) {
          int weight = kServiceKinds[k].weight;
          const std::string_view type = kServiceKinds[k].type;
          if (type == "repair" && handy) weight *= 4;
          if (type == "tech_help" && digital) weight *= 3;
          if (type == "escort_to_hospital" && recipient.age >= 85) weight *= 2;
          kind_weights[k] = weight;
        }
        const ServiceKind& kind = kServiceKinds[pick_weighted(rng, kind_weights).value_or(0)];
        plan.type = kind.type;
        plan.note = rng.pick(texts().service_notes_of(kind.type));
        plan.minutes =
            std::int64_t{rng.between(kind.quarter_hours_low, kind.quarter_hours_high)} * 15;
        plan.service_day = rng.between(month.first_day, std::min(month.end_day, as_of_day + 1) - 1);
        const std::int64_t record_day = plan.service_day + rng.between(0, 2);
        plan.record_ms = at(record_day, rng.between(19, 21), rng.between(0, 59));
        if (plan.record_ms >= as_of_ms) continue;  // not yet written down
        const int roll = rng.between(0, 99);
        plan.fate = roll < 92 ? Fate::confirm : roll < 96 ? Fate::dispute : Fate::lapse;
        if (plan.fate != Fate::lapse) {
          plan.outcome_ms =
              at(record_day + rng.between(1, 5), rng.between(9, 17), rng.between(0, 59));
          if (plan.outcome_ms >= as_of_ms) plan.outcome_ms = 0;  // still pending at as_of
        }
        const std::size_t index = replay.services.size();
        replay.services.push_back(std::move(plan));
        replay.schedule(replay.services.back().record_ms, Step::service_record, index);
      }
    }
  }
}

}  // namespace gz::points::demo
