// Tenant representatives (租户代表): each building elects one or two representatives from the
// residents of its tenant households. Staff record an election (date, candidates with their
// votes, the elected, the term); the seat rules are in rules.hpp (two seats per building, no
// overlapping terms on a seat). A representative is current from term_start to term_end
// inclusive; after that the seat is free again without anyone having to act.
//
// Tenant household: housing type tenant (租住) or public (公租, rented from the city), or
// tagged tenant (租户).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/civic/rules.hpp"
#include "storage/database.hpp"

namespace gz::civic {

struct Candidate {
  std::int64_t resident_id = 0;
  std::int64_t votes = 0;
};

struct NewElection {
  std::int64_t building_id = 0;
  std::string election_date;
  std::string term_start;
  std::string term_end;
  std::vector<Candidate> candidates;
  std::vector<std::int64_t> elected;
  std::string note;
};

struct Representative {
  std::int64_t id = 0;
  std::int64_t election_id = 0;
  std::int64_t building_id = 0;
  std::string building_name;
  std::int64_t resident_id = 0;
  std::string name;  // visible to the community's logged-in users; phones never
  int seat = 1;
  std::int64_t votes = 0;
  std::string term_start;
  std::string term_end;
};

struct Election {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::int64_t building_id = 0;
  std::string election_date;
  std::string term_start;
  std::string term_end;
  std::vector<Candidate> candidates;
  std::vector<Representative> elected;
};

// Staff (of the building's community) and admins; others of the community 403, outsiders 404.
// 400 invalid_term, invalid_candidates, invalid_elected, elected_not_candidate,
// unknown_resident; 409 not_in_building, not_tenant_household, already_representative,
// seats_full.
Result<Election> record_election(storage::Connection& db, const Actor& actor,
                                 const NewElection& input, std::int64_t now_ms);

struct BuildingRepresentatives {
  std::int64_t building_id = 0;
  std::string building_name;
  std::vector<Representative> representatives;  // current on the date, by seat
};
// Every building of the community with its current representatives on `on_date`
// (YYYY-MM-DD). Any logged-in user of the community.
Result<std::vector<BuildingRepresentatives>> current_representatives(storage::Connection& db,
                                                                     const Actor& actor,
                                                                     std::int64_t community_id,
                                                                     const std::string& on_date);

// Inside the caller's write transaction, no permission or audit (the demo checks the same
// rules through assign_seats): stores an election and its representatives; returns its id.
std::int64_t insert_election(storage::Connection& db, std::int64_t community_id,
                             const NewElection& input, const std::vector<int>& seats,
                             std::int64_t user_id, const std::string& created_at);

}  // namespace gz::civic
