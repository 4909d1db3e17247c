// The registry's use cases. Each takes the acting user and a connection, checks permission
// through permissions.hpp, validates, writes in one transaction with its audit entry, and
// returns a value or an Error. No HTTP here. This header is the module's contract: other
// modules include it (it brings the model and the CSV reader, csv.hpp), never the files
// behind it.
#pragma once

#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/audit/audit.hpp"
#include "modules/registry/csv.hpp"
#include "modules/registry/model.hpp"
#include "storage/database.hpp"

namespace gz::registry {

// Households (with their tags, needs and skills) and residents as the audit chain records
// them (modules/audit/tracked.hpp); names, ID and mobile numbers and addresses as digests.
const audit::Tracked& household_rows();
const audit::Tracked& resident_rows();

struct NewCommunity {
  std::string name;
  std::string code;
  std::optional<std::string> district;
  std::optional<std::string> street;
  std::optional<std::int64_t> street_id;  // the street that owns it (its name becomes `street`)
};

// Whether a community of this id exists. The one place that asks: every module calls this
// (or require_member) rather than reading the communities table itself.
bool community_exists(storage::Connection& db, std::int64_t community_id);
// 404 "no community {id}" unless the actor belongs to the community (admins to every one;
// permissions::may_view_community) and it exists: what every module answers for a community
// that is not the actor's to know of, so an outsider cannot tell a foreign one from none.
Result<void> require_member(storage::Connection& db, const Actor& actor, std::int64_t community_id);

Result<Community> create_community(storage::Connection& db, const Actor& actor,
                                   const NewCommunity& input);
Result<std::vector<Community>> list_communities(storage::Connection& db, const Actor& actor);
Result<Community> get_community(storage::Connection& db, const Actor& actor, std::int64_t id);

// --- streets (streets.cpp): admins manage them; a street supervisor reads their own.
// 403 for anyone else.
Result<std::vector<Street>> list_streets(storage::Connection& db, const Actor& actor);
// 400 invalid_field, invalid_code; 409 code_taken.
Result<Street> create_street(storage::Connection& db, const Actor& actor, const std::string& name,
                             const std::string& code, const std::optional<std::string>& district);
Result<Street> update_street(storage::Connection& db, const Actor& actor, std::int64_t id,
                             const std::optional<std::string>& name,
                             const std::optional<std::string>& district);
bool street_exists(storage::Connection& db, std::int64_t street_id);

// A guide's patch: the building's guide, and its households' (staff of the community). 400
// not_a_guide; 409 caseload_full when the guide would pass kDefaultCaseloadCap households.
// `guide_user_id` nullopt clears the building's guide (its households keep theirs).
Result<Building> assign_building_guide(storage::Connection& db, const Actor& actor,
                                       std::int64_t building_id,
                                       std::optional<std::int64_t> guide_user_id);

Result<Building> create_building(storage::Connection& db, const Actor& actor,
                                 std::int64_t community_id, const std::string& name,
                                 const std::optional<std::string>& address);
Result<std::vector<Building>> list_buildings(storage::Connection& db, const Actor& actor,
                                             std::int64_t community_id);

Result<Household> create_household(storage::Connection& db, const Actor& actor,
                                   std::int64_t community_id, const HouseholdFields& fields);
Result<Household> update_household(storage::Connection& db, const Actor& actor,
                                   std::int64_t household_id, const HouseholdFields& fields);
// With residents; writes a pii.read audit entry when the actor sees full personal data.
Result<Household> get_household(storage::Connection& db, const Actor& actor,
                                std::int64_t household_id);
Result<HouseholdPage> list_households(storage::Connection& db, const Actor& actor,
                                      HouseholdFilter filter);

// An ID number already registered in the community: staff and admins get 409
// resident_exists. Anyone else (a guide) gets the same 201 as for a new number — the answer
// must not confirm a guessed number — and the resident is added with the number kept as
// disputed (IdNumberDispute) until staff settle it; their views show it masked like any other.
Result<Resident> add_resident(storage::Connection& db, const Actor& actor,
                              std::int64_t household_id, const ResidentFields& fields);
Result<std::vector<Resident>> list_residents(storage::Connection& db, const Actor& actor,
                                             std::int64_t household_id);

// A resident as other modules see them (the points and time-bank ledgers, check-ins).
struct ResidentRef {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::int64_t household_id = 0;
  std::string name;
};
// The resident, when the actor may know of them (permissions::may_view_household: residents
// their own household's members, others those of their communities); 404 otherwise, and when
// there is no such resident.
Result<ResidentRef> visible_resident(storage::Connection& db, const Actor& actor,
                                     std::int64_t resident_id);
// The resident without asking who wants to know: for a use case whose own rules already
// decided (an attendance paid in points, the demos).
std::optional<ResidentRef> find_resident(storage::Connection& db, std::int64_t resident_id);
// A member as neighbours may know them on a community board (the time bank's marketplace):
// the name (the caller masks it for other households), birth year and building. No
// permission asked, no personal-data read recorded: nothing beyond this leaves.
struct NeighbourCard {
  std::string name;
  std::optional<int> birth_year;
  std::optional<std::string> building;
};
std::optional<NeighbourCard> neighbour_card(storage::Connection& db, std::int64_t resident_id);

// A household as other use cases need it, without asking who wants to know (registration by
// claim code, printing slips): its community, building, address and guide.
struct HouseholdRef {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::optional<std::int64_t> building_id;
  std::string code;
  std::string address;
  std::optional<std::int64_t> guide_user_id;
};
std::optional<HouseholdRef> find_household(storage::Connection& db, std::int64_t household_id);
// The households of a building of the community, by code; 404 for a building not of it.
Result<std::vector<HouseholdRef>> households_in_building(storage::Connection& db,
                                                         std::int64_t community_id,
                                                         std::int64_t building_id);
// The member of the household with this name and mobile (normalised), if one is registered.
std::optional<ResidentRef> match_member(storage::Connection& db, std::int64_t household_id,
                                        const std::string& name, const std::string& mobile);
// Whether the resident is the head of their household (户主, relation "self").
bool is_household_head(storage::Connection& db, std::int64_t resident_id);

// Validates a resident's fields in place (normalises ID number and mobile, derives sex and
// birth date from the ID number); the error names the field.
Result<void> validate_resident(ResidentFields& fields);
// Validates vocabulary fields of a household (tags, needs, enums).
Result<void> validate_household_fields(const HouseholdFields& fields);

// Masks personal data for roles that may not see it: the ID number (a disputed one in its
// place, so a dispute looks like any other entry) and the mobile masked, the birth date
// dropped for its year, and a dispute's details removed.
void mask_personal_data(Resident& resident);
// The year of a "YYYY-MM-DD" date, if it is one.
std::optional<int> year_of(const std::optional<std::string>& date);

// CSV import/export (csv_io.cpp).
struct ImportRowError {
  std::size_t line = 0;
  std::string column;        // the field's code ("income_band")
  std::string column_label;  // the sheet's Chinese header ("收入档次")
  std::string code;
  std::string message;               // Chinese first, then English
  std::vector<std::string> allowed;  // the values the column takes, when it takes a list
};
struct ImportReport {
  bool written = false;
  std::int64_t households_created = 0;
  std::int64_t residents_created = 0;
  std::int64_t buildings_created = 0;
  std::int64_t rows = 0;
  std::string encoding;
  std::vector<ImportRowError> errors;
  // What imports but deserves a look: a building the community does not have yet (it will be
  // created), a household without its head (户主).
  std::vector<ImportRowError> warnings;
};
enum class ImportMode { all_or_nothing, partial, dry_run };
// `bytes` may be UTF-8 (with or without BOM) or GBK. With all_or_nothing, nothing is
// written when any row fails; with partial, every household whose rows are all valid is;
// dry_run checks every row and writes nothing (the staff console shows the report first).
Result<ImportReport> import_households(storage::Connection& db, const Actor& actor,
                                       std::int64_t community_id, std::string_view bytes,
                                       ImportMode mode);
enum class Language { zh, en };
// One row per resident (households without residents get one row); UTF-8 with BOM so Excel
// opens it; personal data masked unless the actor may see it, and then a birth-year column
// (出生年份) in place of the birth date.
Result<std::string> export_households(storage::Connection& db, const Actor& actor,
                                      std::int64_t community_id, Language language);

}  // namespace gz::registry
