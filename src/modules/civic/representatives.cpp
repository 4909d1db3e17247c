// Tenant representative elections and the current representatives; see representatives.hpp.
#include "modules/civic/representatives.hpp"

#include <boost/json.hpp>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "modules/audit/audit.hpp"
#include "modules/civic/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::civic {
namespace {

Result<void> check_candidates(const NewElection& input) {
  if (input.candidates.empty() || input.candidates.size() > 30) {
    return bad_request("invalid_candidates", "an election has 1 to 30 candidates");
  }
  std::set<std::int64_t> seen;
  for (const auto& candidate : input.candidates) {
    if (candidate.resident_id < 1 || candidate.votes < 0 ||
        !seen.insert(candidate.resident_id).second) {
      return bad_request("invalid_candidates",
                         "candidates are distinct residents with a vote count of 0 or more");
    }
  }
  for (auto resident : input.elected) {
    if (!seen.count(resident)) {
      return bad_request("elected_not_candidate",
                         "resident " + std::to_string(resident) + " was not a candidate");
    }
  }
  if (text::utf8_length(input.note) > 1000) {
    return bad_request("invalid_field", "field 'note' is longer than 1000 characters");
  }
  return {};
}

// Candidates live in the building, in a tenant household.
Result<void> check_residents(storage::Connection& db, std::int64_t community_id,
                             const NewElection& input) {
  for (const auto& candidate : input.candidates) {
    auto row = db.query_one(
        "SELECT h.building_id, h.housing_type, (SELECT COUNT(*) FROM household_labels l WHERE "
        "l.household_id = h.id AND l.kind = 'tag' AND l.value = 'tenant') FROM residents r "
        "JOIN households h ON h.id = r.household_id WHERE r.id = ? AND r.community_id = ?",
        {candidate.resident_id, community_id});
    std::string who = "resident " + std::to_string(candidate.resident_id);
    if (!row) return bad_request("unknown_resident", who + " is not a resident of this community");
    if (row->opt_integer(0) != input.building_id) {
      return conflict("not_in_building", who + " does not live in this building");
    }
    const std::string& housing = row->text(1);
    if (housing != "tenant" && housing != "public" && row->integer(2) == 0) {
      return conflict("not_tenant_household",
                      who +
                          " does not live in a tenant household; tenant representatives are "
                          "elected from tenant households");
    }
  }
  return {};
}

std::vector<SeatTerm> building_terms(storage::Connection& db, std::int64_t building_id) {
  std::vector<SeatTerm> out;
  for (const auto& row : db.query("SELECT resident_id, seat, term_start, term_end FROM "
                                  "representatives WHERE building_id = ? ORDER BY id",
                                  {building_id})) {
    out.push_back({row.integer(0), static_cast<int>(row.integer(1)), row.text(2), row.text(3)});
  }
  return out;
}

boost::json::array candidates_json(const std::vector<Candidate>& candidates) {
  boost::json::array out;
  for (const auto& candidate : candidates) {
    out.push_back(
        boost::json::object{{"resident_id", candidate.resident_id}, {"votes", candidate.votes}});
  }
  return out;
}

}  // namespace

std::int64_t insert_election(storage::Connection& db, std::int64_t community_id,
                             const NewElection& input, const std::vector<int>& seats,
                             std::int64_t user_id, const std::string& created_at) {
  auto id = db.query_one(
                  "INSERT INTO representative_elections (community_id, building_id, "
                  "election_date, term_start, term_end, candidates, note, created_by_user_id, "
                  "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                  {community_id, input.building_id, input.election_date, input.term_start,
                   input.term_end, boost::json::serialize(candidates_json(input.candidates)),
                   input.note, user_id, created_at})
                ->integer(0);
  std::map<std::int64_t, std::int64_t> votes;
  for (const auto& candidate : input.candidates) votes[candidate.resident_id] = candidate.votes;
  for (std::size_t i = 0; i < input.elected.size() && i < seats.size(); ++i) {
    db.execute(
        "INSERT INTO representatives (community_id, building_id, election_id, resident_id, seat, "
        "votes, term_start, term_end, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {community_id, input.building_id, id, input.elected[i], std::int64_t{seats[i]},
         votes[input.elected[i]], input.term_start, input.term_end, created_at});
  }
  return id;
}

Result<Election> record_election(storage::Connection& db, const Actor& actor,
                                 const NewElection& input, std::int64_t now_ms) {
  GZ_TRY(validate_term(input.election_date, input.term_start, input.term_end));
  GZ_TRY(check_candidates(input));
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Election> {
    // Elections of one building take turns, so two recorded at once cannot both take a seat.
    std::string lock = db.dialect() == storage::Dialect::postgresql ? " FOR UPDATE" : std::string();
    auto building = db.query_one("SELECT community_id, name FROM buildings WHERE id = ?" + lock,
                                 {input.building_id});
    if (!building || !in_community(actor, building->integer(0))) {
      return not_found("no building " + std::to_string(input.building_id));
    }
    std::int64_t community_id = building->integer(0);
    if (!may_administer(actor)) return forbidden("only staff record representative elections");
    GZ_TRY(check_residents(db, community_id, input));
    auto seats = assign_seats(building_terms(db, input.building_id), input.elected,
                              input.term_start, input.term_end);
    if (!seats) return seats.take_error();
    std::string created_at = format_iso8601(now_ms);
    Election election;
    election.id = insert_election(db, community_id, input, *seats, actor.user_id, created_at);
    election.community_id = community_id;
    election.building_id = input.building_id;
    election.election_date = input.election_date;
    election.term_start = input.term_start;
    election.term_end = input.term_end;
    election.candidates = input.candidates;
    boost::json::array elected;
    for (const auto& row :
         db.query("SELECT p.id, p.resident_id, r.name, p.seat, p.votes FROM representatives p "
                  "JOIN residents r ON r.id = p.resident_id WHERE p.election_id = ? ORDER BY "
                  "p.seat",
                  {election.id})) {
      Representative representative;
      representative.id = row.integer(0);
      representative.election_id = election.id;
      representative.building_id = input.building_id;
      representative.building_name = building->text(1);
      representative.resident_id = row.integer(1);
      representative.name = row.text(2);
      representative.seat = static_cast<int>(row.integer(3));
      representative.votes = row.integer(4);
      representative.term_start = input.term_start;
      representative.term_end = input.term_end;
      elected.push_back(boost::json::object{{"resident_id", representative.resident_id},
                                            {"seat", representative.seat}});
      election.elected.push_back(std::move(representative));
    }
    audit::append(db, actor,
                  {community_id, "representative.election", "representative_election",
                   std::to_string(election.id),
                   boost::json::object{{"building_id", input.building_id},
                                       {"election_date", input.election_date},
                                       {"term_start", input.term_start},
                                       {"term_end", input.term_end},
                                       {"candidates", candidates_json(input.candidates)},
                                       {"elected", elected}}});
    return election;
  });
}

Result<std::vector<BuildingRepresentatives>> current_representatives(storage::Connection& db,
                                                                     const Actor& actor,
                                                                     std::int64_t community_id,
                                                                     const std::string& on_date) {
  if (!is_date(on_date)) return bad_request("invalid_query", "date must be YYYY-MM-DD");
  GZ_TRY(registry::require_member(db, actor, community_id));
  std::vector<BuildingRepresentatives> out;
  std::map<std::int64_t, std::size_t> index;
  for (const auto& row : db.query("SELECT id, name FROM buildings WHERE community_id = ? ORDER "
                                  "BY id",
                                  {community_id})) {
    index[row.integer(0)] = out.size();
    out.push_back({row.integer(0), row.text(1), {}});
  }
  for (const auto& row : db.query(
           "SELECT p.id, p.election_id, p.building_id, p.resident_id, r.name, p.seat, p.votes, "
           "p.term_start, p.term_end FROM representatives p JOIN residents r ON r.id = "
           "p.resident_id WHERE p.community_id = ? AND p.term_start <= ? AND p.term_end >= ? "
           "ORDER BY p.building_id, p.seat",
           {community_id, on_date, on_date})) {
    auto found = index.find(row.integer(2));
    if (found == index.end()) continue;
    auto& building = out[found->second];
    building.representatives.push_back(
        {row.integer(0), row.integer(1), row.integer(2), building.building_name, row.integer(3),
         row.text(4), static_cast<int>(row.integer(5)), row.integer(6), row.text(7), row.text(8)});
  }
  return out;
}

}  // namespace gz::civic
