// Residents: AddResident, ListResidents, and the personal-data rules for a resident's fields.
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "modules/audit/audit.hpp"
#include "modules/registry/household_store.hpp"
#include "modules/registry/permissions.hpp"
#include "modules/registry/registry.hpp"

namespace gz::registry {
namespace {

const char* id_problem_message(pii::IdNumberProblem problem) {
  switch (problem) {
    case pii::IdNumberProblem::wrong_length:
      return "ID number must have 18 characters";
    case pii::IdNumberProblem::bad_characters:
      return "ID number must be 17 digits and a digit or X";
    case pii::IdNumberProblem::bad_birth_date:
      return "ID number holds an impossible birth date";
    case pii::IdNumberProblem::bad_check_character:
      return "ID number check character is wrong (mistyped?)";
    case pii::IdNumberProblem::none:
      break;
  }
  return "";
}

}  // namespace

std::optional<ResidentRef> find_resident(storage::Connection& db, std::int64_t resident_id) {
  auto row = db.query_one("SELECT id, community_id, household_id, name FROM residents WHERE id = ?",
                          {resident_id});
  if (!row) return std::nullopt;
  return ResidentRef{row->integer(0), row->integer(1), row->integer(2), row->text(3)};
}

std::optional<NeighbourCard> neighbour_card(storage::Connection& db, std::int64_t resident_id) {
  auto row = db.query_one(
      "SELECT r.name, r.birth_date, b.name FROM residents r JOIN households h ON h.id = "
      "r.household_id LEFT JOIN buildings b ON b.id = h.building_id WHERE r.id = ?",
      {resident_id});
  if (!row) return std::nullopt;
  NeighbourCard card{row->text(0), std::nullopt, row->opt_text(2)};
  if (auto birth = row->opt_text(1); birth && birth->size() >= 4) {
    card.birth_year = std::stoi(birth->substr(0, 4));
  }
  return card;
}

Result<ResidentRef> visible_resident(storage::Connection& db, const Actor& actor,
                                     std::int64_t resident_id) {
  auto resident = find_resident(db, resident_id);
  if (!resident ||
      !permissions::may_view_household(actor, resident->community_id, resident->household_id)) {
    return not_found("no resident " + std::to_string(resident_id));
  }
  return *resident;
}

// The birth date goes, not only the ID's middle: beside a masked ID number a full birth date
// gave back all but two digits, and the community's district code those too (security review
// 2026-12, HIGH-3). The year alone leaves months and days to guess.
void mask_personal_data(Resident& resident) {
  if (!resident.id_number && resident.id_number_dispute) {
    resident.id_number = resident.id_number_dispute->id_number;
  }
  resident.id_number_dispute.reset();
  if (resident.id_number) resident.id_number = pii::mask_id_number(*resident.id_number);
  if (resident.mobile) resident.mobile = pii::mask_mobile(*resident.mobile);
  if (!resident.birth_year) resident.birth_year = year_of(resident.birth_date);
  resident.birth_date.reset();
  resident.personal_data_masked = true;
}

std::optional<int> year_of(const std::optional<std::string>& date) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  if (!date || !parse_date(*date, year, month, day)) return std::nullopt;
  return year;
}

Result<void> validate_resident(ResidentFields& fields) {
  if (fields.name.empty() || fields.name.size() > 60) {
    return bad_request("invalid_name", "name must be 1-60 bytes");
  }
  if (fields.id_number) {
    std::string id = pii::normalize_id_number(*fields.id_number);
    auto problem = pii::check_id_number(id);
    if (problem != pii::IdNumberProblem::none) {
      return bad_request("invalid_id_number", id_problem_message(problem));
    }
    fields.id_number = id;
    std::string birth = pii::birth_date_from_id(id);
    if (fields.birth_date && *fields.birth_date != birth) {
      return bad_request("birth_date_mismatch", "birth_date " + *fields.birth_date +
                                                    " differs from the ID number's " + birth);
    }
    fields.birth_date = birth;
    std::string sex = pii::sex_from_id(id);
    if (fields.sex && find_term(sexes(), *fields.sex) != sex) {
      return bad_request("sex_mismatch", "sex differs from the one the ID number encodes");
    }
    fields.sex = sex;
  }
  if (!fields.sex)
    return bad_request("missing_field", "field 'sex' is required without an ID number");
  auto sex = find_term(sexes(), *fields.sex);
  if (!sex) return bad_request("invalid_sex", "sex must be male or female");
  fields.sex = sex;
  if (fields.birth_date) {
    int year;
    unsigned month, day;
    if (!parse_date(*fields.birth_date, year, month, day) ||
        *fields.birth_date > format_date(now_epoch_ms()) || year < 1900) {
      return bad_request("invalid_birth_date", "birth_date must be a past date YYYY-MM-DD");
    }
  }
  if (fields.mobile) {
    if (!pii::is_valid_mobile(*fields.mobile)) {
      return bad_request("invalid_mobile",
                         "mobile must be an 11-digit mainland number starting 13-19");
    }
    fields.mobile = pii::normalize_mobile(*fields.mobile);
  }
  auto relation = find_term(relations(), fields.relation);
  if (!relation)
    return bad_request(
        "invalid_relation",
        "relation must be self, spouse, child, parent, grandchild, sibling or other");
  fields.relation = *relation;
  auto registration = find_term(registrations(), fields.registration);
  if (!registration)
    return bad_request("invalid_registration", "registration must be registered or migrant");
  fields.registration = *registration;
  return {};
}

// AddResident: guides and staff add a member to a household file.
Result<Resident> add_resident(storage::Connection& db, const Actor& actor,
                              std::int64_t household_id, const ResidentFields& input) {
  auto household = load_household(db, household_id);
  if (!household ||
      !permissions::may_view_household(actor, household->community_id, household_id)) {
    return not_found("no household " + std::to_string(household_id));
  }
  if (actor.is(Role::resident) ||
      !permissions::may_edit_household(actor, household->community_id, household_id)) {
    return forbidden("only guides and staff of this community may add residents");
  }
  ResidentFields fields = input;
  GZ_TRY(validate_resident(fields));
  const bool entitled = permissions::may_see_personal_data(actor, household->community_id);
  std::optional<Error> failure;
  Resident resident;
  storage::with_transaction(db, storage::TxMode::write, [&] {
    // The number goes into id_number unless another resident holds it; the unique constraint
    // decides, so two adds racing for one number cannot both get it.
    constexpr const char* kInsert =
        "INSERT INTO residents (community_id, household_id, name, sex, birth_date, id_number, "
        "disputed_id_number, mobile, relation, registration, created_at) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ";
    auto insert = [&](const std::optional<std::string>& id_number,
                      const std::optional<std::string>& disputed) {
      return db.query_one(
          std::string(kInsert) +
              (id_number ? "ON CONFLICT (community_id, id_number) DO NOTHING RETURNING id"
                         : "RETURNING id"),
          {household->community_id, household_id, fields.name, *fields.sex,
           storage::opt_text(fields.birth_date), storage::opt_text(id_number),
           storage::opt_text(disputed), storage::opt_text(fields.mobile), fields.relation,
           fields.registration, now_iso8601()});
    };
    auto inserted = insert(fields.id_number, std::nullopt);
    if (!inserted) {
      // Staff may know who holds the number; anyone else must not learn that anybody does.
      if (entitled) {
        failure =
            conflict("resident_exists", "a resident with this ID number is already registered");
        return;
      }
      inserted = insert(std::nullopt, fields.id_number);
      resident.id_number_dispute = IdNumberDispute{*fields.id_number, std::nullopt, std::nullopt};
    }
    resident.id = inserted->integer(0);
    std::int64_t members =
        db.query_int("SELECT COUNT(*) FROM residents WHERE household_id = ?", {household_id});
    db.execute(
        "UPDATE households SET size = CASE WHEN size < ? THEN ? ELSE size END, "
        "updated_at = ? WHERE id = ?",
        {members, members, now_iso8601(), household_id});
    resident.community_id = household->community_id;
    resident.household_id = household_id;
    resident.name = fields.name;
    resident.sex = *fields.sex;
    resident.birth_date = fields.birth_date;
    resident.birth_year = year_of(fields.birth_date);
    if (!resident.id_number_dispute) resident.id_number = fields.id_number;
    resident.mobile = fields.mobile;
    resident.relation = fields.relation;
    resident.registration = fields.registration;
    Resident masked = resident;
    mask_personal_data(masked);
    boost::json::object change{{"household_id", household_id},
                               {"name", masked.name},
                               {"sex", masked.sex},
                               {"relation", masked.relation},
                               {"registration", masked.registration}};
    if (masked.id_number) change["id_number"] = *masked.id_number;
    if (masked.mobile) change["mobile"] = *masked.mobile;
    if (masked.birth_year) change["birth_year"] = *masked.birth_year;
    // Staff read the chain's story of a dispute; the masked number above is all it shows.
    if (resident.id_number_dispute) change["id_number_disputed"] = true;
    // The household's size may have grown with it.
    audit::append(db, actor,
                  {household->community_id,
                   "resident.create",
                   "resident",
                   std::to_string(resident.id),
                   change,
                   {{&resident_rows(), resident.id}, {&household_rows(), household_id}}});
  });
  if (failure) return *failure;
  if (!entitled) mask_personal_data(resident);
  return resident;
}

// ListResidents: a household's members, masked unless the actor may see personal data.
Result<std::vector<Resident>> list_residents(storage::Connection& db, const Actor& actor,
                                             std::int64_t household_id) {
  auto household = get_household(db, actor, household_id);
  if (!household) return household.take_error();
  return std::move(household->residents);
}

}  // namespace gz::registry
