// Resident leaders (居民骨干): the community's training catalogue (modules with their hours),
// who completed which module (once per module and resident), the leader register (resident,
// since, area of activity, and when they stepped down), the self-organisations incubated
// (社区自组织), and the growth read-out for the indicator "resident-leader growth > 10% a
// year" — leader_growth(), the function other modules (indicators) call, is declared in the
// module's contract, civic.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/civic/civic.hpp"
#include "modules/civic/rules.hpp"
#include "storage/database.hpp"

namespace gz::civic {

struct TrainingModule {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string title;
  std::int64_t hours = 0;
  std::int64_t completions = 0;
};
// Staff and admins; 409 duplicate_module for a title the community has. Hours 1..200.
Result<TrainingModule> add_module(storage::Connection& db, const Actor& actor,
                                  std::int64_t community_id, const std::string& title,
                                  std::int64_t hours, std::int64_t now_ms);
// Any logged-in user of the community.
Result<std::vector<TrainingModule>> list_modules(storage::Connection& db, const Actor& actor,
                                                 std::int64_t community_id);

struct Completion {
  std::int64_t id = 0;
  std::int64_t module_id = 0;
  std::int64_t resident_id = 0;
  std::string completed_on;
};
// Staff, guides and admins of the module's community (404 for another community's module);
// 400 unknown_resident for someone not of the community, 409 already_completed.
Result<Completion> record_completion(storage::Connection& db, const Actor& actor,
                                     std::int64_t module_id, std::int64_t resident_id,
                                     const std::string& completed_on, std::int64_t now_ms);

struct Leader {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::int64_t resident_id = 0;
  std::string name;
  std::string since_on;
  std::optional<std::string> until_on;
  std::string area;
  std::int64_t modules_completed = 0;
  std::int64_t training_hours = 0;
};
// Staff, guides and admins; the resident must be of a community the actor belongs to (404).
// 409 already_leader: one register entry per resident (a returning leader's entry is
// reopened by staff in the database, not duplicated).
Result<Leader> register_leader(storage::Connection& db, const Actor& actor,
                               std::int64_t resident_id, const std::string& since_on,
                               const std::string& area, std::int64_t now_ms);
// Records that a leader stepped down: until_on (the first day no longer a leader) after
// since_on (400 invalid_date); 409 already_ended.
Result<Leader> end_leader(storage::Connection& db, const Actor& actor, std::int64_t leader_id,
                          const std::string& until_on);
// Staff, guides, street and admins.
Result<std::vector<Leader>> list_leaders(storage::Connection& db, const Actor& actor,
                                         std::int64_t community_id);

struct Organisation {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string name;
  std::string founded_on;
  std::vector<std::int64_t> leader_resident_ids;
  std::vector<std::string> leader_names;
  std::int64_t member_count = 0;
  std::string status;  // incubating, active, dormant, dissolved
};
// Staff, guides and admins; 1..5 leaders who are residents of the community (400
// unknown_resident), member_count 1..10000, 409 duplicate_organisation.
Result<Organisation> add_organisation(storage::Connection& db, const Actor& actor,
                                      const Organisation& input, std::int64_t now_ms);
// Any logged-in user of the community.
Result<std::vector<Organisation>> list_organisations(storage::Connection& db, const Actor& actor,
                                                     std::int64_t community_id);

struct LeaderSummary {
  std::int64_t community_id = 0;
  LeaderGrowth growth;
  std::optional<bool> meets_target;    // annual growth > 10%; empty without leaders at start
  std::int64_t trained_residents = 0;  // distinct residents completing a module in the period
  std::int64_t training_hours = 0;     // module hours completed in the period
  std::int64_t organisations_founded = 0;
  std::int64_t organisations_active = 0;  // status incubating or active today
};
// Staff, guides, street and admins. 400 invalid_query unless from < to, both dates.
Result<LeaderSummary> leader_summary(storage::Connection& db, const Actor& actor,
                                     std::int64_t community_id, const std::string& from,
                                     const std::string& to);

}  // namespace gz::civic
