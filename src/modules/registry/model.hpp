// The household registry (一户一档): communities → buildings → households → residents, and
// the closed vocabularies staff choose from. Codes are English snake_case; each has the
// Chinese label staff and residents read, and both are accepted on import.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gz::registry {

struct Term {
  const char* code;
  const char* label_zh;
};

// Vocabularies. Lookup accepts the code or the Chinese label (and listed aliases).
const std::vector<Term>& housing_types();  // owner 自有, tenant 租住, public 公租
const std::vector<Term>& income_bands();   // low … high, unknown
const std::vector<Term>& willingness_levels();
const std::vector<Term>& household_tags();      // elderly_alone 独居老人, disability 残疾 …
const std::vector<Term>& service_categories();  // elderly_care 养老服务 …
const std::vector<Term>& relations();           // self 户主 …
const std::vector<Term>& registrations();       // registered 户籍, migrant 流动
const std::vector<Term>& sexes();               // male 男, female 女
std::optional<std::string> find_term(const std::vector<Term>& terms, std::string_view text);
std::string label_of(const std::vector<Term>& terms, std::string_view code);

inline constexpr std::int64_t kDefaultCaseloadCap = 1500;

struct Community {
  std::int64_t id = 0;
  std::string name;
  std::string code;
  std::optional<std::string> district;
  std::optional<std::string> street;
  std::string created_at;
  std::int64_t buildings = 0;
  std::int64_t households = 0;
  std::int64_t residents = 0;
};

struct Building {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string name;
  std::optional<std::string> address;
  std::int64_t households = 0;
  std::optional<std::int64_t> guide_user_id;  // the guide whose patch it is
  std::optional<std::string> guide_name;
};

// A street (街道) and the communities it owns.
struct CommunityRef {
  std::int64_t id = 0;
  std::string name;
  std::string code;
};
struct Street {
  std::int64_t id = 0;
  std::string name;
  std::string code;
  std::optional<std::string> district;
  std::vector<CommunityRef> communities;
};

// An ID number someone without personal-data rights entered that another resident of the
// community already holds (see add_resident): the resident keeps it here, not in id_number.
struct IdNumberDispute {
  std::string id_number;                           // as entered, full
  std::optional<std::int64_t> holder_resident_id;  // who holds it in id_number now
  std::optional<std::int64_t> holder_household_id;
};

struct Resident {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::int64_t household_id = 0;
  std::string name;
  std::string sex;
  std::optional<std::string> birth_date;  // none once masked: birth_year is what remains
  std::optional<int> birth_year;
  std::optional<std::string> id_number;  // full; masked at the edge unless the role may see it
  std::optional<std::string> mobile;
  std::string relation = "other";
  std::string registration = "registered";
  std::optional<IdNumberDispute> id_number_dispute;  // staff's view only
  bool personal_data_masked = false;                 // set by mask_personal_data
};

struct Household {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::optional<std::int64_t> building_id;
  std::optional<std::string> building_name;
  std::string code;
  std::string address;
  std::string housing_type = "owner";
  std::int64_t size = 1;
  std::string income_band = "unknown";
  std::string willingness = "unknown";
  std::optional<std::int64_t> guide_user_id;
  std::optional<std::int64_t> floor_area_dm2;  // 建筑面积 in dm² (8950 = 89.50 ㎡)
  std::vector<std::string> tags;
  std::vector<std::string> needs;
  std::vector<std::string> skills;
  std::string created_at;
  std::string updated_at;
  std::vector<Resident> residents;  // filled by get_household
};

// Fields a create or update may set; unset optionals are left alone on update.
struct HouseholdFields {
  std::optional<std::int64_t> building_id;
  std::optional<std::string> code;
  std::optional<std::string> address;
  std::optional<std::string> housing_type;
  std::optional<std::int64_t> size;
  std::optional<std::string> income_band;
  std::optional<std::string> willingness;
  std::optional<std::optional<std::int64_t>> guide_user_id;  // set to null to unassign
  std::optional<std::int64_t> floor_area_dm2;  // 100-100000 dm² (1-1000 ㎡); staff only
  std::optional<std::vector<std::string>> tags;
  std::optional<std::vector<std::string>> needs;
  std::optional<std::vector<std::string>> skills;
};

struct ResidentFields {
  std::string name;
  std::optional<std::string> sex;
  std::optional<std::string> birth_date;
  std::optional<std::string> id_number;
  std::optional<std::string> mobile;
  std::string relation = "other";
  std::string registration = "registered";
};

struct HouseholdFilter {
  std::optional<std::int64_t> community_id;
  std::optional<std::int64_t> building_id;
  std::optional<std::string> tag;
  std::optional<std::string> q;                   // code, address or a member's name
  std::optional<std::int64_t> only_household_id;  // residents see their own only
  std::optional<std::int64_t> guide_user_id;      // a guide's own households (我负责的户)
  std::vector<std::int64_t> within_communities;   // empty = any (admin)
  std::int64_t page = 1;
  std::int64_t page_size = 50;
};

struct HouseholdPage {
  std::vector<Household> items;
  std::int64_t total = 0;
  std::int64_t page = 1;
  std::int64_t page_size = 50;
};

}  // namespace gz::registry
